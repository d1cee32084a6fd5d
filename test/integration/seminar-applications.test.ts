import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser, login } from '../support/app.ts';
import { makeOrganisation } from '../support/fixtures.ts';
import { NATION, applicationBody, auditActions, deptAdmin, makeHost, orgAdmin, provinceAdmin } from '../support/seminar-review.ts';

let t: TestApp;
let ministry: Client;
let host: Client;
let notHost: Client;
let miit: Client;
let cac: Client;
let zj: Client;
let gd: Client;
let hostId: string;
const YEAR = 2027;

beforeAll(async () => {
  t = await createTestApp();
  const h = await makeHost(t);
  hostId = h.id;
  const employer = await makeOrganisation(t.db, { regionCode: '330100' });
  await createUser(t, 'sa.nation', [NATION]);
  await createUser(t, 'sa.host', [orgAdmin(h.id)]);
  await createUser(t, 'sa.employer', [orgAdmin(employer.id)]);
  await createUser(t, 'sa.miit', [deptAdmin('miit')]);
  await createUser(t, 'sa.cac', [deptAdmin('cac')]);
  await createUser(t, 'sa.zj', [provinceAdmin('330000')]);
  await createUser(t, 'sa.gd', [provinceAdmin('440000')]);
  [ministry, host, notHost, miit, cac, zj, gd] = await Promise.all(['sa.nation', 'sa.host', 'sa.employer', 'sa.miit', 'sa.cac', 'sa.zj', 'sa.gd'].map((u) => login(t, u)));
  (globalThis as { employerId?: string }).employerId = employer.id;
});
afterAll(() => t.close());

describe('the call and the budget limits (ministry)', () => {
  it('sets the year\'s call and limits, audited; a later year without limits uses the latest earlier year\'s', async () => {
    const call = await ministry.put(`/api/seminars/calls/${YEAR}`, { deadline: `${YEAR}-03-31T15:59:59.999Z`, maxSeminars: 300, maxCentralCents: 50_000_000_00 });
    expect(call.statusCode).toBe(200);
    expect(call.json().call).toMatchObject({ year: YEAR, maxSeminars: 300 });
    const limits = await ministry.put(`/api/seminars/limits/${YEAR}`, { limits: [
      { category: 'accommodation', perPersonDayCents: 30_000 }, { category: 'meals', perPersonDayCents: 15_000 }, { category: 'teaching', perPersonDayCents: 12_000 },
      { category: 'venue', perPersonDayCents: 2_000 }, { category: 'materials', perPersonDayCents: 2_000 }, { category: 'transport', perPersonDayCents: 2_000 },
    ] });
    expect(limits.statusCode).toBe(200);
    expect(limits.json().limits).toHaveLength(6);
    expect((await host.get(`/api/seminars/limits/${YEAR + 1}`)).json()).toMatchObject({ year: YEAR + 1, fromYear: YEAR });
    expect(await auditActions(t, String(YEAR))).toEqual(['seminar.call.set', 'seminar.limits.set']);
  });

  it('only the ministry keeps them', async () => {
    expect((await host.put(`/api/seminars/calls/${YEAR}`, { deadline: `${YEAR}-03-31T00:00:00Z`, maxSeminars: null, maxCentralCents: null })).statusCode).toBe(403);
    expect((await miit.put(`/api/seminars/limits/${YEAR}`, { limits: [] })).statusCode).toBe(403);
  });
});

describe('drafting an application', () => {
  it('refuses an organisation that is not a seminar host', async () => {
    const employerId = (globalThis as { employerId?: string }).employerId as string;
    const res = await notHost.post('/api/seminars', applicationBody(employerId, YEAR));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('SEMINAR_NOT_HOST');
    expect((await notHost.post('/api/seminars', applicationBody(hostId, YEAR))).json().code).toBe('SEMINAR_NOT_HOST');
  });

  it('refuses a budget line over its limit, naming the category and the limit in zh and en', async () => {
    const body = applicationBody(hostId, YEAR, { budgetLines: [{ category: 'accommodation', amountCents: 7_500_001, note: '' }, { category: 'meals', amountCents: 9_999_999, note: '' }] });
    const res = await host.post('/api/seminars', body);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('SEMINAR_BUDGET_OVER_LIMIT');
    expect(res.json().message).toBe('住宿费预算 75000.01 元超过标准：每人每天 300.00 元 × 50 人 × 5 天 = 75000.00 元');
    expect(res.json().details.map((d: { path: string }) => d.path)).toEqual(['/budgetLines/accommodation', '/budgetLines/meals']);
    const en = await host.request('POST', '/api/seminars', body, { 'accept-language': 'en' });
    expect(en.json().message).toBe('The accommodation budget of 75000.01 yuan exceeds the limit: 300.00 yuan per person per day × 50 trainees × 5 days = 75000.00 yuan');
  });

  it('refuses a category the year has no limit for', async () => {
    const res = await host.post('/api/seminars', applicationBody(hostId, YEAR, { budgetLines: [{ category: 'other', amountCents: 1, note: '' }] }));
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('SEMINAR_BUDGET_NO_LIMIT');
  });

  it('refuses dates that do not match the days or the year', async () => {
    const days = await host.post('/api/seminars', applicationBody(hostId, YEAR, { days: 4 }));
    expect([days.statusCode, days.json().code]).toEqual([422, 'SEMINAR_DATES']);
    const year = await host.post('/api/seminars', applicationBody(hostId, YEAR, { startDate: `${YEAR + 1}-06-08`, endDate: `${YEAR + 1}-06-12` }));
    expect(year.json().params ?? year.json().message).toBeTruthy();
    expect(year.json().code).toBe('SEMINAR_DATES');
  });

  it('rejects unknown fields with 400', async () => {
    expect((await host.post('/api/seminars', { ...applicationBody(hostId, YEAR), extra: 1 })).statusCode).toBe(400);
  });
});

describe('the application flow', () => {
  let id: string;
  let version: number;

  it('creates a draft, visible to its host only', async () => {
    const res = await host.post('/api/seminars', applicationBody(hostId, YEAR));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    id = body.id;
    version = body.version;
    expect(body).toMatchObject({ status: 'draft', provinceCode: '330000', departmentCode: 'miit', budgetTotalCents: 11_000_000, abilities: { edit: true, submit: true, prereview: false } });
    expect((await miit.get(`/api/seminars/${id}`)).statusCode).toBe(404);
    expect((await ministry.get(`/api/seminars/${id}`)).statusCode).toBe(404);
    expect((await host.get('/api/seminars')).json().items.map((s: { id: string }) => s.id)).toContain(id);
    expect(await auditActions(t, id)).toEqual(['seminar.create']);
  });

  it('edits a draft; a stale version is refused with 409', async () => {
    const { hostId: _h, year: _y, ...content } = applicationBody(hostId, YEAR, { title: `${YEAR}年人工智能安全高级研修班（修订）` });
    const ok = await host.put(`/api/seminars/${id}`, { ...content, version });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().title).toContain('修订');
    const stale = await host.put(`/api/seminars/${id}`, { ...content, version });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'SEMINAR_STALE']);
    version = ok.json().version;
  });

  it('submits before the deadline', async () => {
    const res = await host.post(`/api/seminars/${id}/submit`, { version });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('submitted');
    version = res.json().version;
    const edit = await host.put(`/api/seminars/${id}`, { ...(({ hostId: _h, year: _y, ...c }) => c)(applicationBody(hostId, YEAR)), version });
    expect([edit.statusCode, edit.json().code]).toEqual([409, 'SEMINAR_STATUS']);
  });

  it('is seen in scope only: its department and province, not another department or province', async () => {
    expect((await miit.get(`/api/seminars/${id}`)).json().abilities.prereview).toBe(true);
    expect((await zj.get(`/api/seminars/${id}`)).statusCode).toBe(200);
    expect((await gd.get(`/api/seminars/${id}`)).statusCode).toBe(404);
    expect((await cac.get(`/api/seminars/${id}`)).statusCode).toBe(404);
    expect((await cac.post(`/api/seminars/${id}/prereview`, { version, decision: 'pre_approved' })).statusCode).toBe(404);
    expect((await zj.post(`/api/seminars/${id}/prereview`, { version, decision: 'pre_approved' })).statusCode).toBe(403);
  });

  it('the department returns it with a reason (required); the host corrects and resubmits', async () => {
    const noReason = await miit.post(`/api/seminars/${id}/prereview`, { version, decision: 'returned' });
    expect([noReason.statusCode, noReason.json().code]).toEqual([422, 'SEMINAR_REASON_REQUIRED']);
    const returned = await miit.post(`/api/seminars/${id}/prereview`, { version, decision: 'returned', reason: '请补充师资情况' });
    expect(returned.json()).toMatchObject({ status: 'returned', statusReason: '请补充师资情况' });
    const { hostId: _h, year: _y, ...content } = applicationBody(hostId, YEAR, { teachers: [{ name: '张教授', title: '教授', affiliation: '浙江大学' }, { name: '李研究员', title: '研究员', affiliation: '中国科学院' }] });
    const edited = await host.put(`/api/seminars/${id}`, { ...content, version: returned.json().version });
    expect(edited.statusCode).toBe(200);
    const resubmitted = await host.post(`/api/seminars/${id}/submit`, { version: edited.json().version });
    expect(resubmitted.json().status).toBe('submitted');
    const approved = await miit.post(`/api/seminars/${id}/prereview`, { version: resubmitted.json().version, decision: 'pre_approved' });
    expect(approved.json().status).toBe('pre_approved');
    expect(await auditActions(t, id)).toEqual(['seminar.create', 'seminar.update', 'seminar.submit', 'seminar.return', 'seminar.update', 'seminar.submit', 'seminar.preapprove']);
    const history = (await host.get(`/api/seminars/${id}/history`)).json().items.map((h: { action: string }) => h.action);
    expect(history).toHaveLength(7);
  });

  it('can be withdrawn before the review, not twice', async () => {
    const cur = (await host.get(`/api/seminars/${id}`)).json();
    const res = await host.post(`/api/seminars/${id}/withdraw`, { version: cur.version, reason: '计划调整' });
    expect(res.json().status).toBe('withdrawn');
    const again = await host.post(`/api/seminars/${id}/withdraw`, { version: res.json().version });
    expect([again.statusCode, again.json().code]).toEqual([409, 'SEMINAR_STATUS']);
    expect((await auditActions(t, id)).at(-1)).toBe('seminar.withdraw');
  });
});

describe('the deadline', () => {
  it('refuses submission after the call\'s deadline, and without a call', async () => {
    await ministry.put('/api/seminars/calls/2026', { deadline: '2026-01-31T15:59:59Z', maxSeminars: null, maxCentralCents: null });
    // No caps stay no caps (a null must not be coerced to 0).
    expect((await host.get('/api/seminars/calls/2026')).json().call).toMatchObject({ maxSeminars: null, maxCentralCents: null });
    await ministry.put('/api/seminars/limits/2026', { limits: [{ category: 'accommodation', perPersonDayCents: 30_000 }, { category: 'meals', perPersonDayCents: 15_000 }, { category: 'teaching', perPersonDayCents: 12_000 }] });
    const late = (await host.post('/api/seminars', applicationBody(hostId, 2026))).json();
    const res = await host.post(`/api/seminars/${late.id}/submit`, { version: late.version });
    expect([res.statusCode, res.json().code]).toEqual([409, 'SEMINAR_DEADLINE_PASSED']);
    const noCall = (await host.post('/api/seminars', applicationBody(hostId, 2029))).json();
    const res2 = await host.post(`/api/seminars/${noCall.id}/submit`, { version: noCall.version });
    expect([res2.statusCode, res2.json().code]).toEqual([409, 'SEMINAR_NO_CALL']);
  });
});
