import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser, login } from '../support/app.ts';
import { NATION, EXPERT, auditActions, deptAdmin, makeHost, openCall, orgAdmin, preApprovedApplication } from '../support/seminar-review.ts';
import { drawReviewers } from '../../src/modules/seminars/review/rules.ts';

let t: TestApp;
let ministry: Client;
let miit: Client;
const hosts: { id: string; client: Client }[] = [];
const experts: { id: string; accountId: string; client: Client; orgId: string | null }[] = [];
const apps: string[] = [];
const YEAR = 2027;

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t, 'sr.nation', [NATION]);
  await createUser(t, 'sr.miit', [deptAdmin('miit')]);
  [ministry, miit] = await Promise.all([login(t, 'sr.nation'), login(t, 'sr.miit')]);
  await openCall(ministry, YEAR);
  for (let i = 0; i < 3; i++) {
    const h = await makeHost(t, { regionCode: i === 2 ? '440100' : '330100' });
    await createUser(t, `sr.host${i}`, [orgAdmin(h.id)]);
    hosts.push({ id: h.id, client: await login(t, `sr.host${i}`) });
  }
  // Six experts: five in next_gen_it, one in biotech; expert 0 belongs to host 0, expert 1 declared a conflict with host 1.
  for (let i = 0; i < 6; i++) {
    const accountId = await createUser(t, `sr.expert${i}`, [EXPERT]);
    const orgId = i === 0 ? (hosts[0] as { id: string }).id : null;
    const res = await ministry.post('/api/seminars/experts', { accountId, name: `专家${i}`, fields: i === 5 ? ['biotech'] : ['next_gen_it'], organisationId: orgId, affiliation: '某大学' });
    expect(res.statusCode).toBe(201);
    experts.push({ id: res.json().id, accountId, client: await login(t, `sr.expert${i}`), orgId });
  }
  for (let i = 0; i < 4; i++) {
    const host = hosts[i % 3] as { id: string; client: Client };
    apps.push(await preApprovedApplication(host.client, miit, host.id, YEAR, { title: `高级研修班 第${i + 1}期` }));
  }
});
afterAll(() => t.close());

describe('the expert pool', () => {
  it('accepts only accounts holding the expert role, and records declared conflicts (audited)', async () => {
    const staff = await createUser(t, 'sr.notexpert', [deptAdmin('cac')]);
    const res = await ministry.post('/api/seminars/experts', { accountId: staff, name: '非专家', fields: ['biotech'], organisationId: null, affiliation: '' });
    expect([res.statusCode, res.json().code]).toEqual([422, 'SEMINAR_EXPERT_ACCOUNT']);
    const e1 = experts[1] as (typeof experts)[number];
    const c = await ministry.post(`/api/seminars/experts/${e1.id}/conflicts`, { organisationId: (hosts[1] as { id: string }).id, reason: '曾在该单位任职' });
    expect(c.json().conflicts).toEqual([expect.objectContaining({ organisationId: (hosts[1] as { id: string }).id, reason: '曾在该单位任职' })]);
    expect(await auditActions(t, e1.id)).toEqual(['seminar.expert.add', 'seminar.expert.conflict']);
  });

  it('updates an expert (fields, active), audited', async () => {
    const e5 = experts[5] as (typeof experts)[number];
    const res = await ministry.put(`/api/seminars/experts/${e5.id}`, { name: '专家5', fields: ['biotech', 'green'], organisationId: null, affiliation: '某研究院', active: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ fields: ['biotech', 'green'], affiliation: '某研究院', active: true });
    expect(await auditActions(t, e5.id)).toEqual(['seminar.expert.add', 'seminar.expert.update']);
  });

  it('is kept by the ministry only', async () => {
    expect((await miit.get('/api/seminars/experts')).statusCode).toBe(403);
    expect((await (experts[0] as { client: Client }).client.get('/api/seminars/experts')).statusCode).toBe(403);
  });
});

describe('the draw', () => {
  it('reports an infeasible draw clearly and saves nothing', async () => {
    const res = await ministry.post('/api/seminars/draws', { year: YEAR, reviewersPerApplication: 6, seed: 'too-many' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('SEMINAR_DRAW_INFEASIBLE');
    expect(res.json().details.length).toBeGreaterThan(0);
    expect(res.json().details[0].code).toBe('SEMINAR_DRAW_SHORTAGE');
    expect((await t.db.query('SELECT 1 FROM seminar_reviews')).length).toBe(0);
    expect((await t.db.query(`SELECT 1 FROM seminars WHERE status = 'pre_approved'`)).length).toBe(4);
  });

  it('draws 3 reviewers each with a recorded seed; re-running the draw with that seed on the same inputs gives the same assignments', async () => {
    const res = await ministry.post('/api/seminars/draws', { year: YEAR, reviewersPerApplication: 3, seed: 'zhigeng-2027' });
    expect(res.statusCode).toBe(201);
    const draw = res.json();
    expect(draw).toMatchObject({ seed: 'zhigeng-2027', assignments: 12, params: { reviewersPerApplication: 3, applications: 4, experts: 6, cap: 2 } });
    const stored = await t.db.query<{ seminarId: string; expertId: string }>(`SELECT seminar_id AS "seminarId", expert_id AS "expertId" FROM seminar_reviews ORDER BY 1, 2`);
    const inputs = await t.db.query<{ id: string; field: string; hostId: string }>(`SELECT id, field, host_id AS "hostId" FROM seminars WHERE id = ANY($1::uuid[])`, [apps]);
    const pool = (await ministry.get('/api/seminars/experts')).json().items.map((e: { id: string; fields: string[]; organisationId: string | null; conflicts: { organisationId: string }[] }) => ({
      id: e.id, fields: e.fields, organisationId: e.organisationId, conflicts: e.conflicts.map((c) => c.organisationId),
    }));
    const again = drawReviewers(inputs, pool, 3, 'zhigeng-2027');
    expect(again.ok).toBe(true);
    if (again.ok) expect(again.assignments.map((a) => ({ seminarId: a.seminarId, expertId: a.expertId }))).toEqual(stored);
    expect((await ministry.get(`/api/seminars/draws?year=${YEAR}`)).json().items[0]).toMatchObject({ seed: 'zhigeng-2027' });
    expect(await auditActions(t, draw.id)).toEqual(['seminar.draw']);
    expect((await auditActions(t, apps[0] as string)).at(-1)).toBe('seminar.review.start');
  });

  it('never assigns an expert to their own organisation or a declared conflict, and balances the load', async () => {
    const rows = await t.db.query<{ expertId: string; hostId: string }>(`SELECT r.expert_id AS "expertId", s.host_id AS "hostId" FROM seminar_reviews r JOIN seminars s ON s.id = r.seminar_id`);
    const [e0, e1] = experts as [(typeof experts)[number], (typeof experts)[number]];
    expect(rows.filter((r) => r.expertId === e0.id && r.hostId === (hosts[0] as { id: string }).id)).toEqual([]);
    expect(rows.filter((r) => r.expertId === e1.id && r.hostId === (hosts[1] as { id: string }).id)).toEqual([]);
    const load = new Map<string, number>();
    for (const r of rows) load.set(r.expertId, (load.get(r.expertId) ?? 0) + 1);
    expect(Math.max(...load.values())).toBeLessThanOrEqual(2);
    expect((await t.db.query(`SELECT 1 FROM seminars WHERE status = 'in_review'`)).length).toBe(4);
  });

  it('has nothing left to draw afterwards', async () => {
    const res = await ministry.post('/api/seminars/draws', { year: YEAR, reviewersPerApplication: 3 });
    expect([res.statusCode, res.json().code]).toEqual([409, 'SEMINAR_NOTHING_TO_DRAW']);
  });
});

describe('reviewing', () => {
  async function assignedTo(seminarId: string): Promise<(typeof experts)[number][]> {
    const rows = await t.db.query<{ expertId: string }>(`SELECT expert_id AS "expertId" FROM seminar_reviews WHERE seminar_id = $1 AND status = 'assigned'`, [seminarId]);
    return experts.filter((e) => rows.some((r) => r.expertId === e.id));
  }
  const scores = (v: number) => ({ necessity: v, content: v, faculty: v, organisation: v, budget: v });

  it('shows an expert only their own assignments, blind: no host, no other scores', async () => {
    const [first] = await assignedTo(apps[0] as string);
    const res = await (first as (typeof experts)[number]).client.get('/api/seminars/reviews/mine');
    expect(res.statusCode).toBe(200);
    const item = res.json().items.find((i: { seminarId: string }) => i.seminarId === apps[0]);
    expect(item).toMatchObject({ title: '高级研修班 第1期', status: 'assigned', scores: null });
    expect(JSON.stringify(res.json())).not.toMatch(/hostName|hostId|provinceCode|expertName/);
    const rubric = (await (first as (typeof experts)[number]).client.get('/api/seminars/rubric')).json().items;
    expect(rubric.reduce((s: number, c: { weight: number }) => s + c.weight, 0)).toBe(100);
  });

  it('refuses incomplete or foreign score sheets, and scoring what is not assigned', async () => {
    const [first] = await assignedTo(apps[0] as string);
    const client = (first as (typeof experts)[number]).client;
    const missing = await client.post(`/api/seminars/reviews/${apps[0]}/score`, { scores: { necessity: 80 }, comment: '' });
    expect([missing.statusCode, missing.json().code]).toEqual([422, 'SEMINAR_SCORES_INVALID']);
    const assigned = (await assignedTo(apps[0] as string)).map((e) => e.id);
    const stranger = experts.find((e) => !assigned.includes(e.id)) as (typeof experts)[number];
    const res = await stranger.client.post(`/api/seminars/reviews/${apps[0]}/score`, { scores: scores(80), comment: '' });
    expect([res.statusCode, res.json().code]).toEqual([404, 'SEMINAR_REVIEW_NOT_FOUND']);
  });

  it('a declared conflict records the conflict and brings in a replacement', async () => {
    const [first] = await assignedTo(apps[1] as string);
    const e = first as (typeof experts)[number];
    const res = await e.client.post(`/api/seminars/reviews/${apps[1]}/conflict`, { reason: '与承办单位有合作项目' });
    expect(res.statusCode).toBe(200);
    const replacedBy = res.json().replacedBy as string | null;
    const now = (await assignedTo(apps[1] as string)).map((x) => x.id);
    expect(now).not.toContain(e.id);
    if (replacedBy) expect(now).toContain(replacedBy);
    const host1 = (await t.db.query<{ hostId: string }>(`SELECT host_id AS "hostId" FROM seminars WHERE id = $1`, [apps[1]]))[0]?.hostId;
    expect((await t.db.query(`SELECT 1 FROM seminar_expert_conflicts WHERE expert_id = $1 AND organisation_id = $2`, [e.id, host1])).length).toBe(1);
    expect((await e.client.get('/api/seminars/reviews/mine')).json().items.map((i: { seminarId: string }) => i.seminarId)).not.toContain(apps[1]);
    expect(await auditActions(t, apps[1] as string)).toContain('seminar.review.conflict');
  });

  it('scores with weights; the last score closes the review', async () => {
    const reviewers = await assignedTo(apps[0] as string);
    for (const [i, e] of reviewers.entries()) {
      const res = await e.client.post(`/api/seminars/reviews/${apps[0]}/score`, { scores: { ...scores(80), necessity: 80 + i * 10 }, comment: `意见${i}` });
      expect(res.statusCode).toBe(200);
      const mine = res.json().items.find((x: { seminarId: string }) => x.seminarId === apps[0]);
      expect(mine.totalTenths).toBe(800 + i * 25);
    }
    const status = (await t.db.query<{ status: string }>(`SELECT status FROM seminars WHERE id = $1`, [apps[0]]))[0]?.status;
    expect(status).toBe('reviewed');
    const again = await (reviewers[0] as (typeof experts)[number]).client.post(`/api/seminars/reviews/${apps[0]}/score`, { scores: scores(10), comment: '' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'SEMINAR_REVIEW_CLOSED']);
    expect(await auditActions(t, apps[0] as string)).toEqual(expect.arrayContaining(['seminar.review.score', 'seminar.reviewed']));
  });
});
