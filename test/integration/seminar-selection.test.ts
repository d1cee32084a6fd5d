import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser, login } from '../support/app.ts';
import { NATION, EXPERT, auditActions, deptAdmin, makeHost, openCall, orgAdmin, preApprovedApplication, publishSeminarPlan } from '../support/seminar-review.ts';

let t: TestApp;
let ministry: Client;
let miit: Client;
let host: Client;
let hostId: string;
const YEAR = 2027;
const ids: Record<string, string> = {};
const experts: Client[] = [];
const RUBRIC = ['necessity', 'content', 'faculty', 'organisation', 'budget'];
const sheet = (v: number) => Object.fromEntries(RUBRIC.map((c) => [c, v]));

async function current(id: string) {
  return (await ministry.get(`/api/seminars/${id}`)).json();
}

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t, 'ss.nation', [NATION]);
  await createUser(t, 'ss.miit', [deptAdmin('miit')]);
  const h = await makeHost(t, { name: '杭州电子信息集团有限公司' });
  hostId = h.id;
  await createUser(t, 'ss.host', [orgAdmin(h.id)]);
  [ministry, miit, host] = await Promise.all([login(t, 'ss.nation'), login(t, 'ss.miit'), login(t, 'ss.host')]);
  await openCall(ministry, YEAR, { maxSeminars: 3, maxCentralCents: 18_000_000 });
  for (let i = 0; i < 3; i++) {
    const accountId = await createUser(t, `ss.expert${i}`, [EXPERT]);
    await ministry.post('/api/seminars/experts', { accountId, name: `评审${i}`, fields: ['next_gen_it', 'biotech'], organisationId: null, affiliation: '' });
    experts.push(await login(t, `ss.expert${i}`));
  }
  ids.a = await preApprovedApplication(host, miit, hostId, YEAR, { title: '甲班：人工智能' });
  ids.b = await preApprovedApplication(host, miit, hostId, YEAR, { title: '乙班：集成电路' });
  ids.c = await preApprovedApplication(host, miit, hostId, YEAR, { title: '丙班：工业软件' });
  ids.d = await preApprovedApplication(host, miit, hostId, YEAR, { title: '丁班：合成生物', field: 'biotech', funding: 'self', plannedTrainees: 30, budgetLines: [{ category: 'accommodation', amountCents: 4_000_000, note: '' }] });
  expect((await ministry.post('/api/seminars/draws', { year: YEAR, reviewersPerApplication: 3, seed: 'sel' })).statusCode).toBe(201);
  // Scores: a 90/88/40 (outlier dropped → 89), b 80, c 70, d 85.
  const plan: Record<string, number[]> = { a: [90, 88, 40], b: [80, 80, 80], c: [70, 70, 70], d: [85, 85, 85] };
  for (const [key, values] of Object.entries(plan)) {
    for (const [i, expert] of experts.entries()) {
      const res = await expert.post(`/api/seminars/reviews/${ids[key]}/score`, { scores: sheet(values[i] as number), comment: '' });
      expect(res.statusCode).toBe(200);
    }
  }
});
afterAll(() => t.close());

describe('ranking', () => {
  it('aggregates with the outlier rule and ranks the applications, showing each reviewer', async () => {
    const res = await ministry.get(`/api/seminars/selection?year=${YEAR}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((i: { title: string; scoreTenths: number; rank: number }) => [i.title, i.scoreTenths, i.rank])).toEqual([
      ['甲班：人工智能', 890, 1], ['丁班：合成生物', 850, 2], ['乙班：集成电路', 800, 3], ['丙班：工业软件', 700, 4],
    ]);
    const a = body.items[0];
    expect(a.reviews.filter((r: { dropped: boolean }) => r.dropped).map((r: { totalTenths: number }) => r.totalTenths)).toEqual([400]);
    expect(body.planFound).toBe(false);
  });

  it('is the ministry\'s only', async () => {
    expect((await miit.get(`/api/seminars/selection?year=${YEAR}`)).statusCode).toBe(403);
  });
});

describe('selection within the quota', () => {
  it('says clearly when there is no plan for the year', async () => {
    const res = await ministry.post(`/api/seminars/${ids.a}/select`, { version: (await current(ids.a as string)).version, decision: 'approved' });
    expect([res.statusCode, res.json().code]).toEqual([409, 'SEMINAR_NO_PLAN']);
    expect(res.json().message).toContain('2027年度没有已发布的高级研修项目计划');
  });

  it('approves within the plan\'s trainees per field and shows the remaining quota', async () => {
    await publishSeminarPlan(ministry, YEAR, { 新一代信息技术: 100, 生物技术: 30 });
    const a = await ministry.post(`/api/seminars/${ids.a}/select`, { version: (await current(ids.a as string)).version, decision: 'approved', centralApprovedCents: 8_000_000 });
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({ status: 'approved', centralApprovedCents: 8_000_000 });
    const sel = (await ministry.get(`/api/seminars/selection?year=${YEAR}`)).json();
    expect(sel.planFound).toBe(true);
    expect(sel.quota.find((q: { field: string }) => q.field === 'next_gen_it')).toEqual({ field: 'next_gen_it', target: 100, selected: 50, remaining: 50 });
    expect(sel.selectedCentralCents).toBe(8_000_000);
    expect(await auditActions(t, ids.a as string)).toContain('seminar.approve');
  });

  it('refuses central funds above the budget and central funds for a self-funded seminar', async () => {
    const over = await ministry.post(`/api/seminars/${ids.b}/select`, { version: (await current(ids.b as string)).version, decision: 'approved', centralApprovedCents: 11_000_001 });
    expect([over.statusCode, over.json().code]).toEqual([422, 'SEMINAR_CENTRAL_OVER_BUDGET']);
    const self = await ministry.post(`/api/seminars/${ids.d}/select`, { version: (await current(ids.d as string)).version, decision: 'approved', centralApprovedCents: 100 });
    expect([self.statusCode, self.json().code]).toEqual([422, 'SEMINAR_CENTRAL_FOR_SELF']);
  });

  it('refuses central funds beyond the call\'s total', async () => {
    const res = await ministry.post(`/api/seminars/${ids.b}/select`, { version: (await current(ids.b as string)).version, decision: 'approved', centralApprovedCents: 11_000_000 });
    expect([res.statusCode, res.json().code]).toEqual([422, 'SEMINAR_QUOTA_CENTRAL']);
    const ok = await ministry.post(`/api/seminars/${ids.b}/select`, { version: (await current(ids.b as string)).version, decision: 'approved', centralApprovedCents: 10_000_000 });
    expect(ok.statusCode).toBe(200);
  });

  it('refuses trainees beyond the field\'s target, naming the field', async () => {
    const res = await ministry.post(`/api/seminars/${ids.c}/select`, { version: (await current(ids.c as string)).version, decision: 'approved', centralApprovedCents: 0 });
    expect([res.statusCode, res.json().code]).toEqual([422, 'SEMINAR_QUOTA_FIELD']);
    expect(res.json().message).toBe('新一代信息技术领域入选研修人数 150 超过计划 100');
    const no = await ministry.post(`/api/seminars/${ids.c}/select`, { version: (await current(ids.c as string)).version, decision: 'not_selected' });
    expect(no.json().status).toBe('not_selected');
  });

  it('refuses more seminars than the call allows', async () => {
    await ministry.put(`/api/seminars/calls/${YEAR}`, { deadline: `${YEAR}-12-31T15:59:59Z`, maxSeminars: 2, maxCentralCents: 18_000_000 });
    const res = await ministry.post(`/api/seminars/${ids.d}/select`, { version: (await current(ids.d as string)).version, decision: 'approved' });
    expect([res.statusCode, res.json().code]).toEqual([422, 'SEMINAR_QUOTA_SEMINARS']);
    await ministry.put(`/api/seminars/calls/${YEAR}`, { deadline: `${YEAR}-12-31T15:59:59Z`, maxSeminars: 3, maxCentralCents: 18_000_000 });
    const ok = await ministry.post(`/api/seminars/${ids.d}/select`, { version: (await current(ids.d as string)).version, decision: 'approved' });
    expect(ok.json()).toMatchObject({ status: 'approved', centralApprovedCents: null });
  });

  it('refuses a stale version', async () => {
    const res = await ministry.post(`/api/seminars/${ids.c}/select`, { version: 1, decision: 'not_selected' });
    expect([res.statusCode, res.json().code]).toEqual([409, 'SEMINAR_STALE']);
  });
});

describe('publication', () => {
  it('lists nothing publicly before publication', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/seminars?year=${YEAR}` });
    expect(res.json().items).toEqual([]);
  });

  it('publishes the approved list; anyone sees host, dates, place, field and seats; selection is then fixed', async () => {
    const res = await ministry.post('/api/seminars/publish', { year: YEAR });
    expect(res.statusCode).toBe(200);
    expect(res.json().published).toBe(3);
    const pub = await t.app.inject({ method: 'GET', url: `/api/public/seminars?year=${YEAR}` });
    expect(pub.statusCode).toBe(200);
    const items = pub.json().items as { title: string; hostName: string; seats: number; place: string; field: string; startDate: string }[];
    expect(items.map((i) => i.title).sort()).toEqual(['丁班：合成生物', '乙班：集成电路', '甲班：人工智能']);
    expect(items[0]).toMatchObject({ hostName: '杭州电子信息集团有限公司', place: '杭州市西湖区', startDate: `${YEAR}-06-08` });
    const again = await ministry.post('/api/seminars/publish', { year: YEAR });
    expect([again.statusCode, again.json().code]).toEqual([409, 'SEMINAR_NOTHING_TO_PUBLISH']);
    const change = await ministry.post(`/api/seminars/${ids.a}/select`, { version: (await current(ids.a as string)).version, decision: 'not_selected' });
    expect([change.statusCode, change.json().code]).toEqual([409, 'SEMINAR_ALREADY_PUBLISHED']);
    expect((await auditActions(t, ids.a as string)).at(-1)).toBe('seminar.publish');
  });
});
