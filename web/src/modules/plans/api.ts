import { api, buildUrl } from '../../shared/api.ts';
import type { Dashboard, DashboardTable, HistoryEntry, ImportBody, ImportResult, OwnSummary, Plan, PlanStatus, Programme, SummaryStatus, Target, Unit } from './types.ts';

export type * from './types.ts';

export const planKeys = {
  all: ['plans'] as const,
  list: ['plans', 'list'] as const,
  one: (id: string) => ['plans', 'one', id] as const,
  targets: (id: string) => ['plans', 'targets', id] as const,
  history: (id: string) => ['plans', 'history', id] as const,
  dashboard: (id: string, regionCode: string | undefined) => ['plans', 'dashboard', id, regionCode ?? ''] as const,
  summaries: (year: number) => ['plans', 'summaries', year] as const,
  ownSummary: (year: number) => ['plans', 'summaries', year, 'mine'] as const,
};

export const fetchSummaryStatus = (year: number) => api.get<SummaryStatus>(`/api/plan-summaries/${year}`);
export const setSummaryDeadline = (year: number, dueDate: string) => api.put<{ year: number; dueDate: string }>(`/api/plan-summaries/${year}/deadline`, { dueDate });
export const fetchOwnSummary = (year: number) => api.get<OwnSummary>(`/api/plan-summaries/${year}/mine`);
export const submitSummary = (year: number, body: { text: string; attachments: { fileName: string; contentBase64: string }[] }) =>
  api.post<OwnSummary>(`/api/plan-summaries/${year}/mine`, body);
export const summaryFileUrl = (year: number, submitter: string, idx: number) => `/api/plan-summaries/${year}/${submitter}/files/${idx}`;

export const fetchPlans = () => api.get<{ items: Plan[] }>('/api/plans').then((r) => r.items);
export const fetchPlan = (id: string) => api.get<Plan>(`/api/plans/${id}`);
export const createPlan = (body: { year: number; programme: Programme; title: string }) => api.post<Plan>('/api/plans', body);
export const setPlanStatus = (id: string, status: PlanStatus, version: number) => api.post<Plan>(`/api/plans/${id}/status`, { status, version });
export const fetchTargets = (id: string) => api.get<{ items: Target[] }>(`/api/plans/${id}/targets`).then((r) => r.items);
export const fetchHistory = (id: string) => api.get<{ items: HistoryEntry[] }>(`/api/plans/${id}/history`).then((r) => r.items);
export const importPlan = (id: string, body: ImportBody, dryRun: boolean) => api.post<ImportResult>(`/api/plans/${id}/import`, body, { dryRun });
export const fetchDashboard = (id: string, regionCode?: string) => api.get<Dashboard>(`/api/plans/${id}/dashboard`, { regionCode });
export const dashboardExportUrl = (id: string, regionCode: string | undefined, table: DashboardTable, unit: Unit) =>
  buildUrl(`/api/plans/${id}/dashboard/export`, { regionCode, table, unit });

/** People shown in the unit the user chose: 人 as whole numbers, 万人 with up to four decimals. */
export function formatPeople(people: number, unit: Unit): string {
  if (unit === 'person') return people.toLocaleString('zh-CN');
  return String(Math.round((people / 10_000) * 10_000) / 10_000);
}
