import { api } from '../../../shared/api.ts';
import type { Attendance, EnrolmentRules, Enrolee, Execution, HostSeminar, MySeminars, NoticesRead, OpenSeminar, Report, Scores, YearRules } from './types.ts';

export type * from './types.ts';
export { CATEGORIES, CRITERIA } from './types.ts';

const P = '/api/seminar-enrolment';

export const enrolKeys = {
  all: ['seminar-enrolment'] as const,
  open: ['seminar-enrolment', 'open'] as const,
  mine: ['seminar-enrolment', 'mine'] as const,
  hosted: ['seminar-enrolment', 'hosted'] as const,
  host: (id: string) => ['seminar-enrolment', 'hosted', id] as const,
  enrolees: (id: string) => ['seminar-enrolment', 'hosted', id, 'enrolees'] as const,
  attendance: (id: string) => ['seminar-enrolment', 'hosted', id, 'attendance'] as const,
  expenses: (id: string) => ['seminar-enrolment', 'hosted', id, 'expenses'] as const,
  report: (id: string) => ['seminar-enrolment', 'hosted', id, 'report'] as const,
  rules: (year: number) => ['seminar-enrolment', 'rules', year] as const,
};

export const fetchOpen = () => api.get<{ items: OpenSeminar[] }>(`${P}/open`).then((r) => r.items);
export const fetchMine = () => api.get<MySeminars>(`${P}/mine`);
export const markNoticeRead = (id: string) => api.post<NoticesRead>(`${P}/notices/${id}/read`);
export const markAllNoticesRead = () => api.post<NoticesRead>(`${P}/notices/read`);
export const enrol = (id: string) => api.post<OpenSeminar>(`${P}/seminars/${id}/enrol`);
export const withdraw = (id: string) => api.post<OpenSeminar>(`${P}/seminars/${id}/withdraw`);
export const rate = (id: string, body: { scores: Scores; comment: string }) => api.post<{ rated: boolean }>(`${P}/seminars/${id}/rating`, body);

export const fetchHosted = () => api.get<{ items: HostSeminar[] }>(`${P}/hosted`).then((r) => r.items);
export const fetchHost = (id: string) => api.get<HostSeminar>(`${P}/hosted/${id}`);
export const setWindow = (id: string, body: { opensAt: string | null; closesAt: string }) => api.put<HostSeminar>(`${P}/hosted/${id}/window`, body);
export const fetchEnrolees = (id: string) => api.get<{ items: Enrolee[] }>(`${P}/hosted/${id}/enrolees`).then((r) => r.items);
export const admit = (id: string, enrolmentId: string) => api.post<{ items: Enrolee[] }>(`${P}/hosted/${id}/enrolees/${enrolmentId}/admit`);
export const decline = (id: string, enrolmentId: string) => api.post<{ items: Enrolee[] }>(`${P}/hosted/${id}/enrolees/${enrolmentId}/decline`);
export const fill = (id: string) => api.post<{ moved: number }>(`${P}/hosted/${id}/fill`);
export const fetchAttendance = (id: string) => api.get<Attendance>(`${P}/hosted/${id}/attendance`);
export const markAttendance = (id: string, marks: Attendance['marks']) => api.put<Attendance>(`${P}/hosted/${id}/attendance`, { marks });
export const closeSeminar = (id: string) => api.post<{ admitted: number; completed: number; recordsWritten: number }>(`${P}/hosted/${id}/close`);
export const fetchExecution = (id: string) => api.get<Execution>(`${P}/hosted/${id}/expenses`);
export const addExpense = (id: string, body: { category: string; amountCents: number; spentOn: string; note: string }) => api.post<Execution>(`${P}/hosted/${id}/expenses`, body);
export const fetchReport = (id: string) => api.get<Report>(`${P}/hosted/${id}/report`);
export const submitReport = (id: string, narrative: string) => api.post<Report>(`${P}/hosted/${id}/report`, { narrative });

export const fetchYearRules = (year: number) => api.get<YearRules>(`${P}/rules/${year}`);
export const saveYearRules = (year: number, body: EnrolmentRules) => api.put<YearRules>(`${P}/rules/${year}`, body);

/** Fen as yuan with two decimals. */
export const yuan = (cents: number) => (cents / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
