import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser, login } from '../support/app.ts';
import { NATION, EXPERT, deptAdmin, makeHost, orgAdmin, preApprovedApplication, provinceAdmin, publishSeminarPlan } from '../support/seminar-review.ts';

// A past year, so that the classes are over and their reports due; the call stays open.
const YEAR = 2025;
let t: TestApp;
let ministry: Client;
let miit: Client;
let cas: Client;
let zj: Client;
let gd: Client;
let hostZj: Client;
let hostGd: Client;
let x = '';
let y = '';
const sheet = { necessity: 80, content: 80, faculty: 80, organisation: 80, budget: 80 };

async function version(id: string): Promise<number> {
  return (await ministry.get(`/api/seminars/${id}`)).json().version as number;
}

beforeAll(async () => {
  t = await createTestApp();
  const zjHost = await makeHost(t, { regionCode: '330100', name: '杭州研修承办中心' });
  const gdHost = await makeHost(t, { regionCode: '440100', name: '广州研修承办中心' });
  await createUser(t, 'so.nation', [NATION]);
  await createUser(t, 'so.miit', [deptAdmin('miit')]);
  await createUser(t, 'so.cas', [deptAdmin('cas')]);
  await createUser(t, 'so.zj', [provinceAdmin('330000')]);
  await createUser(t, 'so.gd', [provinceAdmin('440000')]);
  await createUser(t, 'so.hostzj', [orgAdmin(zjHost.id)]);
  await createUser(t, 'so.hostgd', [orgAdmin(gdHost.id)]);
  const expertAccount = await createUser(t, 'so.expert', [EXPERT]);
  [ministry, miit, cas, zj, gd, hostZj, hostGd] = await Promise.all(['so.nation', 'so.miit', 'so.cas', 'so.zj', 'so.gd', 'so.hostzj', 'so.hostgd'].map((u) => login(t, u)));
  const expert = await login(t, 'so.expert');
  await ministry.put(`/api/seminars/calls/${YEAR}`, { deadline: '2099-12-31T15:59:59Z', maxSeminars: null, maxCentralCents: null });
  await ministry.put(`/api/seminars/limits/${YEAR}`, { limits: [{ category: 'accommodation', perPersonDayCents: 30_000 }, { category: 'meals', perPersonDayCents: 15_000 }, { category: 'teaching', perPersonDayCents: 12_000 }] });
  await publishSeminarPlan(ministry, YEAR, { 新一代信息技术: 200 });
  await ministry.post('/api/seminars/experts', { accountId: expertAccount, name: '监管测试专家', fields: ['next_gen_it'], organisationId: null, affiliation: '' });
  x = await preApprovedApplication(hostZj, miit, zjHost.id, YEAR, { title: '甲：杭州班' });
  y = await preApprovedApplication(hostGd, cas, gdHost.id, YEAR, { title: '乙：广州班', departmentCode: 'cas', plannedTrainees: 40, budgetLines: [{ category: 'accommodation', amountCents: 5_000_000, note: '' }] });
  expect((await ministry.post('/api/seminars/draws', { year: YEAR, reviewersPerApplication: 1, seed: 'oversight' })).statusCode).toBe(201);
  for (const id of [x, y]) { const r = await expert.post(`/api/seminars/reviews/${id}/score`, { scores: sheet, comment: '' }); expect(r.statusCode, r.body).toBe(200); }
  const sx = await ministry.post(`/api/seminars/${x}/select`, { version: await version(x), decision: 'approved', centralApprovedCents: 5_000_000 });
  expect(sx.statusCode, sx.body).toBe(200);
  expect((await ministry.post(`/api/seminars/${y}/select`, { version: await version(y), decision: 'approved', centralApprovedCents: 4_000_000 })).statusCode).toBe(200);
  expect((await ministry.post('/api/seminars/publish', { year: YEAR })).statusCode).toBe(200);
  // The host of X records what it spent, closes the class and reports (late: the due date is long past).
  for (const [category, amountCents] of [['accommodation', 2_000_000], ['meals', 1_000_000]] as const) {
    const res = await hostZj.post(`/api/seminar-enrolment/hosted/${x}/expenses`, { category, amountCents, spentOn: `${YEAR}-06-12` });
    expect(res.statusCode, res.body).toBe(201);
  }
  expect((await hostZj.post(`/api/seminar-enrolment/hosted/${x}/close`)).statusCode).toBe(200);
  expect((await hostZj.post(`/api/seminar-enrolment/hosted/${x}/report`, { narrative: '研修总结' })).statusCode).toBe(201);
});
afterAll(() => t.close());

type Oversight = {
  planFound: boolean;
  byField: { field: string; target: number | null; seminars: number; trainees: number }[];
  byDepartment: { departmentCode: string; target: number | null; seminars: number; trainees: number }[];
  funds: { approvedCents: number; spentCents: number };
  execution: { id: string; spentCents: number; budgetCents: number; ratePercent: number | null; rank: number }[];
  lateReports: { id: string; dueDate: string; submittedAt: string | null; daysLate: number }[];
};

describe('the ministry\'s oversight of the year', () => {
  let o: Oversight;
  beforeAll(async () => {
    const res = await ministry.get(`/api/seminars/oversight?year=${YEAR}`);
    expect(res.statusCode).toBe(200);
    o = res.json();
  });

  it('sets the approved seminars against the plan by field and by department', () => {
    expect(o.planFound).toBe(true);
    expect(o.byField).toEqual([{ field: 'next_gen_it', target: 200, seminars: 2, trainees: 90 }]);
    expect(o.byDepartment).toEqual([
      expect.objectContaining({ departmentCode: 'cas', target: 0, seminars: 1, trainees: 40 }),
      expect.objectContaining({ departmentCode: 'miit', target: 200, seminars: 1, trainees: 50 }),
    ]);
  });

  it('sets central funds approved against money spent, and ranks the execution rate', () => {
    expect(o.funds).toEqual({ approvedCents: 9_000_000, spentCents: 3_000_000 });
    expect(o.execution.map((e) => [e.id, e.spentCents, e.budgetCents, e.ratePercent, e.rank])).toEqual([
      [x, 3_000_000, 11_000_000, 27.3, 1],
      [y, 0, 5_000_000, 0, 2],
    ]);
  });

  it('lists the late reports: one submitted after its due date, one never submitted', () => {
    const byId = new Map(o.lateReports.map((r) => [r.id, r]));
    expect(byId.get(x)).toMatchObject({ dueDate: '2025-06-26' });
    expect(byId.get(x)?.submittedAt).not.toBeNull();
    expect(byId.get(y)).toMatchObject({ dueDate: '2025-06-26', submittedAt: null });
    expect(byId.get(y)?.daysLate).toBeGreaterThan(150);
  });

  it('counts the due date by the working-day calendar: a day off within the ten working days moves it', async () => {
    const listed = (await t.app.inject({ method: 'GET', url: `/api/public/calendar/${YEAR}` })).json().days as { day: string; working: boolean; name: string }[];
    const days = [...listed.map(({ day, working, name }) => ({ day, working, name })), { day: `${YEAR}-06-20`, working: false, name: '临时放假' }];
    expect((await ministry.put(`/api/calendar/${YEAR}`, { days })).statusCode).toBe(200);
    const again = (await ministry.get(`/api/seminars/oversight?year=${YEAR}`)).json() as Oversight;
    const byId = new Map(again.lateReports.map((r) => [r.id, r]));
    // Y has not reported: its due date follows the calendar; X keeps the one recorded when it reported.
    expect(byId.get(y)).toMatchObject({ dueDate: `${YEAR}-06-27` });
    expect(byId.get(x)).toMatchObject({ dueDate: `${YEAR}-06-26` });
  });
});

describe('scope', () => {
  const ids = async (c: Client) => ((await c.get(`/api/seminars/oversight?year=${YEAR}`)).json() as Oversight).execution.map((e) => e.id);

  it('a department sees its own seminars and its own targets; a province its hosts\'', async () => {
    expect(await ids(miit)).toEqual([x]);
    expect(await ids(cas)).toEqual([y]);
    expect(await ids(zj)).toEqual([x]);
    expect(await ids(gd)).toEqual([y]);
    const mine = (await miit.get(`/api/seminars/oversight?year=${YEAR}`)).json() as Oversight;
    expect(mine.byField).toEqual([{ field: 'next_gen_it', target: 200, seminars: 1, trainees: 50 }]);
    expect(mine.funds).toEqual({ approvedCents: 5_000_000, spentCents: 3_000_000 });
  });

  it('hosts and experts have no oversight', async () => {
    expect((await hostGd.get(`/api/seminars/oversight?year=${YEAR}`)).statusCode).toBe(403);
  });
});
