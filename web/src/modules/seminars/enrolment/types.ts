// Shapes of the seminar enrolment API (src/modules/seminars/enrolment/schemas.ts).
export type WindowState = 'not_open' | 'open' | 'closed';
export type EnrolmentStatus = 'enrolled' | 'admitted' | 'waiting' | 'withdrawn' | 'declined';

type Summary = {
  id: string; year: number; title: string; field: string; hostId: string; hostName: string; startDate: string; endDate: string;
  days: number; place: string; hours: number; seats: number; seatsLeft: number; closed: boolean;
};

export type OpenSeminar = Summary & {
  window: { opensAt: string; closesAt: string; state: WindowState };
  eligibility: { eligible: boolean; reason: string | null; reasonText: string | null };
  preferenceReasons: string[];
  myEnrolment: { id: string; status: EnrolmentStatus; position: number | null; enrolledAt: string; admittedAt: string | null } | null;
  abilities: { enrol: boolean; withdraw: boolean };
  outcome?: EnrolmentStatus;
};

export type MySeminar = {
  seminarId: string; title: string; hostName: string; startDate: string; endDate: string; hours: number; status: EnrolmentStatus; preferred: boolean;
  enrolledAt: string; admittedAt: string | null; completed: boolean | null; closed: boolean; unreadNotices: number; abilities: { rate: boolean };
};
export type MySeminars = { items: MySeminar[]; notices: Notice[]; unreadNotices: number };
export type NoticesRead = { marked: number; unreadNotices: number };
export type Notice = { id: string; seminarId: string; seminarTitle: string; kind: 'admitted' | 'seat_offered' | 'declined' | 'completed'; createdAt: string; readAt: string | null };

export type HostSeminar = Summary & {
  funding: string; centralApprovedCents: number | null;
  window: { opensAt: string; closesAt: string; state: WindowState };
  rules: { minTitleLevel: string; managementPostQualifies: boolean; reservedSharePct: number; completionMinPct: number; reportDueWorkingDays: number };
};

export type Enrolee = {
  id: string; personId: string; name: string; idNumberMasked: string; titleLevel: string; managementPost: boolean; employerName: string; regionName: string;
  status: EnrolmentStatus; preferred: boolean; preferenceReasons: string[]; enrolledAt: string; admittedAt: string | null; position: number | null;
  presentDays: number; completed: boolean | null; abilities: { admit: boolean; decline: boolean };
};

export type Attendance = {
  dates: string[]; days: number; closed: boolean;
  trainees: { personId: string; name: string; employerName: string; presentDays: number }[];
  marks: { personId: string; day: string; present: boolean }[];
};

export type Execution = {
  lines: { category: string; budgetCents: number; spentCents: number; rate: number | null }[];
  total: { budgetCents: number; spentCents: number; rate: number | null };
  centralApprovedCents: number | null;
  expenses: { id: string; category: string; amountCents: number; spentOn: string; note: string; createdAt: string }[];
};

export type Report = {
  seminarId: string; submitted: boolean; submittedAt: string | null; dueOn: string; late: boolean; closed: boolean; narrative: string;
  figures: {
    enrolled: number; admitted: number; completed: number; waiting: number; days: number; attendanceRate: number | null;
    budgetCents: number; spentCents: number; executionRate: number | null; satisfaction: number | null; ratings: number;
  };
};

export const CATEGORIES = ['accommodation', 'meals', 'teaching', 'venue', 'materials', 'transport', 'other'] as const;
export const CRITERIA = ['content', 'teachers', 'organisation', 'facilities'] as const;
export type Scores = Record<(typeof CRITERIA)[number], number>;

export type TitleLevel = 'none' | 'junior' | 'intermediate' | 'deputy_senior' | 'senior';
export type EnrolmentRules = {
  eligibility: { minTitleLevel: TitleLevel; managementPostQualifies: boolean };
  reservedSharePct: number; completionMinPct: number; reportDueWorkingDays: number;
};
/** own: the year's own rules; inherited: those of fromYear, the latest earlier year with some; default: none stored. */
export type YearRules = EnrolmentRules & { year: number; source: 'own' | 'inherited' | 'default'; fromYear: number | null };
