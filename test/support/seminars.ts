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
