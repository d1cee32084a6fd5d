import { api } from '../../shared/api.ts';

export type BudgetLine = { category: string; amountCents: number; note: string };
export type Teacher = { name: string; title: string; affiliation: string };
export type Seminar = {
  id: string; year: number; hostId: string; hostName: string; provinceCode: string; departmentCode: string; departmentName: string; title: string; field: string;
  topics: string[]; startDate: string; endDate: string; days: number; place: string; plannedTrainees: number; hoursTenths: number; teachers: Teacher[];
  funding: 'central' | 'self'; status: string; statusReason: string | null; submittedAt: string | null; centralApprovedCents: number | null; publishedAt: string | null;
  version: number; budgetLines: BudgetLine[]; budgetTotalCents: number;
  abilities: { edit: boolean; submit: boolean; withdraw: boolean; prereview: boolean; select: boolean };
};
export type SeminarContent = Omit<Seminar, 'id' | 'year' | 'hostId' | 'hostName' | 'provinceCode' | 'departmentName' | 'status' | 'statusReason' | 'submittedAt'
  | 'centralApprovedCents' | 'publishedAt' | 'version' | 'budgetTotalCents' | 'abilities'>;
export type HistoryEntry = { seq: number; at: string; actorName: string; action: string; summary: Record<string, unknown> };
export type Call = { year: number; deadline: string; maxSeminars: number | null; maxCentralCents: number | null };
export type Limits = { year: number; fromYear: number | null; limits: { category: string; perPersonDayCents: number }[] };
export type Expert = {
  id: string; accountId: string; username: string; name: string; fields: string[]; organisationId: string | null; organisationName: string | null; affiliation: string;
  active: boolean; load: number; conflicts: { organisationId: string; organisationName: string; reason: string }[];
};
export type Draw = { id: string; year: number; seed: string; params: Record<string, unknown>; assignments: number; createdAt: string };
export type Assignment = Omit<SeminarContent, 'departmentCode'> & { seminarId: string; year: number; budgetTotalCents: number; status: string; scores: Record<string, number> | null; totalTenths: number | null; comment: string };
export type Criterion = { code: string; labelZh: string; labelEn: string; weight: number };
export type RankedItem = {
  id: string; title: string; hostName: string; field: string; departmentCode: string; plannedTrainees: number; funding: string; budgetTotalCents: number; status: string;
  centralApprovedCents: number | null; publishedAt: string | null; version: number; scoreTenths: number | null; rank: number | null;
  reviews: { expertName: string; status: string; totalTenths: number | null; comment: string; dropped: boolean }[];
};
export type Selection = {
  year: number; planFound: boolean; quota: { field: string; target: number; selected: number; remaining: number }[];
  call: { maxSeminars: number | null; maxCentralCents: number | null } | null; selectedSeminars: number; selectedCentralCents: number; items: RankedItem[];
};
export type PublicSeminar = { id: string; year: number; title: string; hostName: string; field: string; startDate: string; endDate: string; days: number; place: string; seats: number; hoursTenths: number; provinceCode: string; publishedAt: string };
export type Oversight = {
  year: number; planFound: boolean;
  byField: { field: string; target: number | null; seminars: number; trainees: number }[];
  byDepartment: { departmentCode: string; departmentName: string; target: number | null; seminars: number; trainees: number }[];
  funds: { approvedCents: number; spentCents: number };
  execution: { id: string; title: string; hostName: string; budgetCents: number; centralApprovedCents: number | null; spentCents: number; ratePercent: number | null; rank: number }[];
  lateReports: { id: string; title: string; hostName: string; endDate: string; dueDate: string; submittedAt: string | null; daysLate: number }[];
};

export const seminarKeys = {
  all: ['seminars'] as const,
  list: (year: number | undefined, status: string | undefined) => ['seminars', 'list', year ?? 0, status ?? ''] as const,
  one: (id: string) => ['seminars', 'one', id] as const,
  history: (id: string) => ['seminars', 'history', id] as const,
  call: (year: number) => ['seminars', 'call', year] as const,
  limits: (year: number) => ['seminars', 'limits', year] as const,
  experts: ['seminars', 'experts'] as const,
  draws: (year: number) => ['seminars', 'draws', year] as const,
  mine: ['seminars', 'reviews', 'mine'] as const,
  rubric: ['seminars', 'rubric'] as const,
  selection: (year: number) => ['seminars', 'selection', year] as const,
  oversight: (year: number) => ['seminars', 'oversight', year] as const,
  public: (year: number | undefined) => ['seminars', 'public', year ?? 0] as const,
};

export const fetchSeminars = (q: { year?: number; status?: string }) => api.get<{ items: Seminar[] }>('/api/seminars', q).then((r) => r.items);
export const fetchSeminar = (id: string) => api.get<Seminar>(`/api/seminars/${id}`);
export const fetchSeminarHistory = (id: string) => api.get<{ items: HistoryEntry[] }>(`/api/seminars/${id}/history`).then((r) => r.items);
export const createSeminar = (body: SeminarContent & { hostId: string; year: number }) => api.post<Seminar>('/api/seminars', body);
export const updateSeminar = (id: string, body: SeminarContent & { version: number }) => api.put<Seminar>(`/api/seminars/${id}`, body);
export const submitSeminar = (id: string, version: number) => api.post<Seminar>(`/api/seminars/${id}/submit`, { version });
export const withdrawSeminar = (id: string, version: number, reason?: string) => api.post<Seminar>(`/api/seminars/${id}/withdraw`, { version, reason });
export const prereviewSeminar = (id: string, body: { version: number; decision: 'pre_approved' | 'returned'; reason?: string }) => api.post<Seminar>(`/api/seminars/${id}/prereview`, body);
export const fetchCall = (year: number) => api.get<{ call: Call | null }>(`/api/seminars/calls/${year}`).then((r) => r.call);
export const saveCall = (year: number, body: { deadline: string; maxSeminars: number | null; maxCentralCents: number | null }) => api.put<{ call: Call }>(`/api/seminars/calls/${year}`, body);
export const fetchLimits = (year: number) => api.get<Limits>(`/api/seminars/limits/${year}`);
export const saveLimits = (year: number, limits: { category: string; perPersonDayCents: number }[]) => api.put<Limits>(`/api/seminars/limits/${year}`, { limits });
export const fetchExperts = () => api.get<{ items: Expert[] }>('/api/seminars/experts').then((r) => r.items);
export const addExpert = (body: { accountId: string; name: string; fields: string[]; organisationId: string | null; affiliation: string }) => api.post<Expert>('/api/seminars/experts', body);
export const addConflict = (expertId: string, body: { organisationId: string; reason: string }) => api.post<Expert>(`/api/seminars/experts/${expertId}/conflicts`, body);
export const fetchDraws = (year: number) => api.get<{ items: Draw[] }>('/api/seminars/draws', { year }).then((r) => r.items);
export const runDraw = (body: { year: number; reviewersPerApplication: number; seed?: string }) => api.post<Draw & { items: { seminarId: string; expertName: string; fallback: boolean }[] }>('/api/seminars/draws', body);
export const fetchMyAssignments = () => api.get<{ items: Assignment[] }>('/api/seminars/reviews/mine').then((r) => r.items);
export const fetchRubric = () => api.get<{ items: Criterion[] }>('/api/seminars/rubric').then((r) => r.items);
export const scoreAssignment = (seminarId: string, body: { scores: Record<string, number>; comment: string }) => api.post<{ items: Assignment[] }>(`/api/seminars/reviews/${seminarId}/score`, body);
export const declareConflict = (seminarId: string, reason: string) => api.post<{ replacedBy: string | null }>(`/api/seminars/reviews/${seminarId}/conflict`, { reason });
export const fetchSelection = (year: number) => api.get<Selection>('/api/seminars/selection', { year });
export const selectSeminar = (id: string, body: { version: number; decision: 'approved' | 'not_selected'; centralApprovedCents?: number | null }) => api.post<Seminar>(`/api/seminars/${id}/select`, body);
export const publishYear = (year: number) => api.post<{ year: number; published: number }>('/api/seminars/publish', { year });
export const fetchPublicSeminars = (year?: number) => api.get<{ items: PublicSeminar[] }>('/api/public/seminars', { year }).then((r) => r.items);
export const fetchOversight = (year: number) => api.get<Oversight>('/api/seminars/oversight', { year });

export const yuan = (cents: number | null | undefined) => (cents === null || cents === undefined ? '—' : (cents / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
export const hours = (tenths: number) => (tenths / 10).toFixed(1);
