import { Type } from 'typebox';
import { DateTime, Uuid } from '../../../platform/http/schemas.ts';
import { RATING_CRITERIA, RULE_BOUNDS, TITLE_LEVELS } from './rules.ts';

const lit = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const NullableInt = Type.Union([Type.Integer(), Type.Null()]);
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const NullableDate = Type.Union([DateTime, Type.Null()]);

export const SeminarParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const EnroleeParams = Type.Object({ id: Uuid, enrolmentId: Uuid }, { additionalProperties: false });
export const Day = Type.String({ format: 'date', maxLength: 10 });
export const CATEGORIES = ['accommodation', 'meals', 'teaching', 'venue', 'materials', 'transport', 'other'] as const;

const Summary = {
  id: Type.String(), year: Type.Integer(), title: Type.String(), field: Type.String(), hostId: Type.String(), hostName: Type.String(),
  startDate: Type.String(), endDate: Type.String(), days: Type.Integer(), place: Type.String(), hours: Type.Number(), seats: Type.Integer(),
  seatsLeft: Type.Integer(), closed: Type.Boolean(),
};
const WindowView = Type.Object({ opensAt: DateTime, closesAt: DateTime, state: Type.String() });

export const ProfessionalSeminar = Type.Object({
  ...Summary,
  window: WindowView,
  eligibility: Type.Object({ eligible: Type.Boolean(), reason: Nullable(Type.String()), reasonText: Nullable(Type.String()) }),
  preferenceReasons: Type.Array(Type.String()),
  myEnrolment: Type.Union([
    Type.Object({ id: Type.String(), status: Type.String(), position: NullableInt, enrolledAt: DateTime, admittedAt: NullableDate }),
    Type.Null(),
  ]),
  abilities: Type.Object({ enrol: Type.Boolean(), withdraw: Type.Boolean() }),
  outcome: Type.Optional(Type.String()),
});
export const ProfessionalSeminarList = Type.Object({ items: Type.Array(ProfessionalSeminar) });

export const MySeminars = Type.Object({
  items: Type.Array(Type.Object({
    seminarId: Type.String(), title: Type.String(), hostName: Type.String(), startDate: Type.String(), endDate: Type.String(), hours: Type.Number(),
    status: Type.String(), preferred: Type.Boolean(), enrolledAt: DateTime, admittedAt: NullableDate, completed: Type.Union([Type.Boolean(), Type.Null()]),
    closed: Type.Boolean(), unreadNotices: Type.Integer(), abilities: Type.Object({ rate: Type.Boolean() }),
  })),
  unreadNotices: Type.Integer({ description: 'All of the caller\'s unread notices (the list shows the latest 100)' }),
  notices: Type.Array(Type.Object({ id: Type.String(), seminarId: Type.String(), seminarTitle: Type.String(), kind: Type.String(), createdAt: DateTime, readAt: NullableDate })),
});

export const HostSeminar = Type.Object({
  ...Summary,
  funding: Type.String(),
  centralApprovedCents: NullableInt,
  window: WindowView,
  rules: Type.Object({
    minTitleLevel: Type.String(), managementPostQualifies: Type.Boolean(), reservedSharePct: Type.Integer(), completionMinPct: Type.Integer(), reportDueWorkingDays: Type.Integer(),
  }),
});
export const HostSeminarList = Type.Object({ items: Type.Array(HostSeminar) });

export const WindowBody = Type.Object({ opensAt: Type.Union([Type.String({ format: 'date-time', maxLength: 40 }), Type.Null()]), closesAt: Type.String({ format: 'date-time', maxLength: 40 }) }, { additionalProperties: false });

export const EnroleeList = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.String(), personId: Type.String(), name: Type.String(), idNumberMasked: Type.String(), titleLevel: Type.String(), managementPost: Type.Boolean(),
    employerName: Type.String(), regionName: Type.String(), status: Type.String(), preferred: Type.Boolean(), preferenceReasons: Type.Array(Type.String()),
    enrolledAt: DateTime, admittedAt: NullableDate, position: NullableInt, presentDays: Type.Integer(), completed: Type.Union([Type.Boolean(), Type.Null()]),
    abilities: Type.Object({ admit: Type.Boolean(), decline: Type.Boolean() }),
  })),
});
export const FillResponse = Type.Object({ moved: Type.Integer() });

const Mark = Type.Object({ personId: Uuid, day: Day, present: Type.Boolean() }, { additionalProperties: false });
export const AttendanceBody = Type.Object({ marks: Type.Array(Mark, { minItems: 1, maxItems: 20000 }) }, { additionalProperties: false });
export const AttendanceResponse = Type.Object({
  dates: Type.Array(Type.String()), days: Type.Integer(), closed: Type.Boolean(),
  trainees: Type.Array(Type.Object({ personId: Type.String(), name: Type.String(), employerName: Type.String(), presentDays: Type.Integer() })),
  marks: Type.Array(Type.Object({ personId: Type.String(), day: Type.String(), present: Type.Boolean() })),
});

export const CloseResponse = Type.Object({ admitted: Type.Integer(), completed: Type.Integer(), recordsWritten: Type.Integer(), closedAt: DateTime });

export const ExpenseBody = Type.Object({
  category: lit(CATEGORIES), amountCents: Type.Integer({ minimum: 1, maximum: 100_000_000_00 }), spentOn: Day, note: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });
export const ExecutionResponse = Type.Object({
  lines: Type.Array(Type.Object({ category: Type.String(), budgetCents: Type.Integer(), spentCents: Type.Integer(), rate: NullableNumber })),
  total: Type.Object({ budgetCents: Type.Integer(), spentCents: Type.Integer(), rate: NullableNumber }),
  centralApprovedCents: NullableInt,
  expenses: Type.Array(Type.Object({ id: Type.String(), category: Type.String(), amountCents: Type.Integer(), spentOn: Type.String(), note: Type.String(), createdAt: DateTime })),
});

export const ReportBody = Type.Object({ narrative: Type.String({ minLength: 1, maxLength: 20000 }) }, { additionalProperties: false });
export const ReportResponse = Type.Object({
  seminarId: Type.String(), submitted: Type.Boolean(), submittedAt: NullableDate, dueOn: Type.String(), late: Type.Boolean(), closed: Type.Boolean(), narrative: Type.String(),
  figures: Type.Object({
    enrolled: Type.Integer(), admitted: Type.Integer(), completed: Type.Integer(), waiting: Type.Integer(), days: Type.Integer(), attendanceRate: NullableNumber,
    budgetCents: Type.Integer(), spentCents: Type.Integer(), executionRate: NullableNumber, satisfaction: NullableNumber, ratings: Type.Integer(),
  }),
});

const Score = Type.Integer({ minimum: 1, maximum: 5 });
export const RatingBody = Type.Object({
  scores: Type.Object(Object.fromEntries(RATING_CRITERIA.map((c) => [c, Score])) as Record<(typeof RATING_CRITERIA)[number], typeof Score>, { additionalProperties: false }),
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false });
export const RatingResponse = Type.Object({ rated: Type.Boolean() });

export const YearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false });
export const RulesBody = Type.Object({
  eligibility: Type.Object({ minTitleLevel: lit(TITLE_LEVELS), managementPostQualifies: Type.Boolean() }, { additionalProperties: false }),
  reservedSharePct: Type.Integer({ minimum: RULE_BOUNDS.reservedSharePct.min, maximum: RULE_BOUNDS.reservedSharePct.max }),
  completionMinPct: Type.Integer({ minimum: RULE_BOUNDS.completionMinPct.min, maximum: RULE_BOUNDS.completionMinPct.max }),
  reportDueWorkingDays: Type.Integer({ minimum: RULE_BOUNDS.reportDueWorkingDays.min, maximum: RULE_BOUNDS.reportDueWorkingDays.max }),
}, { additionalProperties: false });
export const RulesResponse = Type.Object({
  year: Type.Integer(),
  eligibility: Type.Object({ minTitleLevel: Type.String(), managementPostQualifies: Type.Boolean() }),
  reservedSharePct: Type.Integer(), completionMinPct: Type.Integer(), reportDueWorkingDays: Type.Integer(),
  source: Type.Union([Type.Literal('own'), Type.Literal('inherited'), Type.Literal('default')], {
    description: "own: the year's own row; inherited: the row of fromYear, the latest earlier year that has one; default: no row, the built-in defaults",
  }),
  fromYear: NullableInt,
});

export const NoticeParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const NoticesReadResponse = Type.Object({ marked: Type.Integer(), unreadNotices: Type.Integer() });
