import { type TestApp, createUser } from './app.ts';
import { makeOrganisation } from './fixtures.ts';
import type { Grant } from '../../src/platform/auth/permissions.ts';

export const NATION: Grant = { role: 'national_admin', scopeType: 'nation', scopeId: '000000' };
export const orgAdmin = (id: string): Grant => ({ role: 'organisation_admin', scopeType: 'organisation', scopeId: id });
export const deptAdmin = (code: string): Grant => ({ role: 'department_admin', scopeType: 'department', scopeId: code });
export const provinceAdmin = (code: string): Grant => ({ role: 'province_admin', scopeType: 'region', scopeId: code });
export const EXPERT: Grant = { role: 'expert', scopeType: 'nation', scopeId: '000000' };

/** An active seminar host (Hangzhou by default) under MIIT's provincial counterpart. */
export async function makeHost(t: TestApp, over: { regionCode?: string; name?: string } = {}) {
  const regionCode = over.regionCode ?? '330100';
  return makeOrganisation(t.db, { regionCode, roles: ['employer', 'seminar_host'], departmentCode: `miit.${regionCode.slice(0, 2)}0000`, ...(over.name ? { name: over.name } : {}) });
}

/** A complete application body for `year`: 5 days, 50 trainees, budget within the default limits. */
export function applicationBody(hostId: string, year: number, over: Record<string, unknown> = {}) {
  return {
    hostId,
    year,
    title: `${year}年人工智能安全前沿技术高级研修班`,
    field: 'next_gen_it',
    departmentCode: 'miit',
    topics: ['大模型安全', '数据治理'],
    startDate: `${year}-06-08`,
    endDate: `${year}-06-12`,
    days: 5,
    place: '杭州市西湖区',
    plannedTrainees: 50,
    hoursTenths: 400,
    teachers: [{ name: '张教授', title: '教授', affiliation: '浙江大学' }],
    funding: 'central',
    budgetLines: [
      { category: 'accommodation', amountCents: 6_000_000, note: '' },
      { category: 'meals', amountCents: 3_000_000, note: '' },
      { category: 'teaching', amountCents: 2_000_000, note: '' },
    ],
    ...over,
  };
}

export async function auditActions(t: TestApp, entityId: string): Promise<string[]> {
  const rows = await t.db.query<{ action: string }>(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY seq`, [entityId]);
  return rows.map((r) => r.action);
}

export async function makeExpertAccount(t: TestApp, username: string): Promise<string> {
  return createUser(t, username, [EXPERT]);
}

type Caller = { post(url: string, body?: unknown): Promise<{ statusCode: number; json(): any }> }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Create, submit and pre-approve an application through the API; returns its id. */
export async function preApprovedApplication(host: Caller, department: Caller, hostId: string, year: number, over: Record<string, unknown> = {}): Promise<string> {
  const created = await host.post('/api/seminars', applicationBody(hostId, year, over));
  if (created.statusCode !== 201) throw new Error(`create: ${created.statusCode} ${JSON.stringify(created.json())}`);
  const submitted = await host.post(`/api/seminars/${created.json().id}/submit`, { version: created.json().version });
  if (submitted.statusCode !== 200) throw new Error(`submit: ${JSON.stringify(submitted.json())}`);
  const pre = await department.post(`/api/seminars/${created.json().id}/prereview`, { version: submitted.json().version, decision: 'pre_approved' });
  if (pre.statusCode !== 200) throw new Error(`prereview: ${JSON.stringify(pre.json())}`);
  return created.json().id as string;
}

/** The ministry's call for `year` (deadline at the end of the year) and the default limits. */
export async function openCall(ministry: Caller & { put(url: string, body?: unknown): Promise<{ statusCode: number }> }, year: number, over: { maxSeminars?: number | null; maxCentralCents?: number | null } = {}) {
  await ministry.put(`/api/seminars/calls/${year}`, { deadline: `${year}-12-31T15:59:59Z`, maxSeminars: over.maxSeminars ?? null, maxCentralCents: over.maxCentralCents ?? null });
  await ministry.put(`/api/seminars/limits/${year}`, { limits: [
    { category: 'accommodation', perPersonDayCents: 30_000 }, { category: 'meals', perPersonDayCents: 15_000 }, { category: 'teaching', perPersonDayCents: 12_000 },
    { category: 'venue', perPersonDayCents: 2_000 }, { category: 'materials', perPersonDayCents: 2_000 }, { category: 'transport', perPersonDayCents: 2_000 },
    { category: 'other', perPersonDayCents: 4_000 },
  ] });
}

/** A published advanced-seminar plan for `year` with these national targets (people) for MIIT, through the plans API. */
export async function publishSeminarPlan(ministry: Caller, year: number, targets: Record<string, number>): Promise<string> {
  const plan = await ministry.post('/api/plans', { year, programme: 'advanced_seminar', title: `${year}年高级研修项目计划` });
  const labels = Object.keys(targets);
  const content = `领域\t${labels.join('\t')}\n工业和信息化部\t${labels.map((l) => targets[l]).join('\t')}\n`;
  const imported = await ministry.post(`/api/plans/${plan.json().id}/import`, { format: 'text', content, unit: 'person', acceptMismatches: true });
  if (imported.statusCode !== 200) throw new Error(`plan import: ${JSON.stringify(imported.json())}`);
  const published = await ministry.post(`/api/plans/${plan.json().id}/status`, { status: 'published', version: plan.json().version + 1 });
  if (published.statusCode !== 200) throw new Error(`plan publish: ${JSON.stringify(published.json())}`);
  return plan.json().id as string;
}
