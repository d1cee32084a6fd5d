import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser, login } from '../support/app.ts';
import { makeOrganisation, makePerson } from '../support/fixtures.ts';
import type { OrgWrite } from '../../src/modules/registry/organisations/repo.ts';

let t: TestApp;
let org: OrgWrite;
let person: Awaited<ReturnType<typeof makePerson>>;
let me: Client;
let employer: Client;
let province: Client;

const record = (over: Record<string, unknown> = {}) => ({
  year: 2026, category: 'professional', form: 'training', title: '软件工程新技术研修', providerName: '浙江大学',
  startDate: '2026-03-01', endDate: '2026-03-10', hours: 40, field: 'next_gen_it', ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  org = await makeOrganisation(t.db, { regionCode: '330100' });
  person = await makePerson(t.db, org, { name: '学员甲' });
  await createUser(t, 'me', [{ role: 'professional', scopeType: 'organisation', scopeId: org.id }], person.id);
  await createUser(t, 'employer', [{ role: 'organisation_admin', scopeType: 'organisation', scopeId: org.id }]);
  await createUser(t, 'province', [{ role: 'province_admin', scopeType: 'region', scopeId: '330000' }]);
  me = await login(t, 'me');
  employer = await login(t, 'employer');
  province = await login(t, 'province');
});
afterAll(() => t.close());

describe('declare, review and count hours', () => {
  it('a declared record waits for review and does not count yet', async () => {
    const res = await me.post('/api/me/learning/records', record());
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe('submitted');
    const c = await me.get('/api/me/learning/compliance?from=2026&to=2026');
    expect(c.json().items[0]).toMatchObject({ year: 2026, totalHours: 0, compliant: false });
    expect(c.json().items[0].explanation.zh).toBe('未达标：还差 90.0 学时；还差 60.0 专业科目学时');
  });

  it('the employer approves and the hours count at once, with a plain explanation', async () => {
    const list = await employer.get('/api/learning/records?status=submitted');
    const id = list.json().items[0].id as string;
    const res = await employer.post(`/api/learning/records/${id}/review`, { decision: 'approve' });
    expect(res.json().status).toBe('approved');
    const c = (await me.get('/api/me/learning/compliance?from=2026&to=2026')).json().items[0];
    expect(c).toMatchObject({ totalHours: 40, professionalHours: 40, publicHours: 0, compliant: false });
    expect(c.explanation.en).toBe('Not compliant: 50.0 hours short; 20.0 professional hours short');
  });

  it('rejection needs a reason; a rejected record can be corrected and resubmitted', async () => {
    const declared = (await me.post('/api/me/learning/records', record({ title: '公需课', category: 'public', hours: 30, startDate: '2026-05-01', endDate: '2026-05-05' }))).json();
    expect((await employer.post(`/api/learning/records/${declared.id}/review`, { decision: 'reject' })).json().code).toBe('LEARNING_REASON_REQUIRED');
    expect((await employer.post(`/api/learning/records/${declared.id}/review`, { decision: 'reject', reason: '缺少证明' })).json().status).toBe('rejected');
    const fixed = await me.put(`/api/me/learning/records/${declared.id}`, record({ title: '公需课（补证明）', category: 'public', hours: 30, startDate: '2026-05-01', endDate: '2026-05-05' }));
    expect(fixed.json().status).toBe('submitted');
    await employer.post(`/api/learning/records/${declared.id}/review`, { decision: 'approve' });
    const c = (await me.get('/api/me/learning/compliance?from=2026&to=2026')).json().items[0];
    expect(c).toMatchObject({ totalHours: 70, publicHours: 30, professionalHours: 40 });
  });

  it('a rule change recomputes the people it affects, and the preview counts them first', async () => {
    await employer.post('/api/learning/records', { ...record({ title: '专业实践', hours: 20, form: 'practice', startDate: '2026-06-01', endDate: '2026-06-10' }), personId: person.id });
    expect((await me.get('/api/me/learning/compliance?from=2026&to=2026')).json().items[0]).toMatchObject({ totalHours: 90, compliant: true });
    const preview = await province.post('/api/learning/rules/330000/2026/preview', { patch: { minTotalHours: 100 } });
    expect(preview.json()).toMatchObject({ people: 1, compliantBefore: 1, compliantAfter: 0, becomeNonCompliant: 1 });
    expect((await me.get('/api/me/learning/compliance?from=2026&to=2026')).json().items[0].compliant).toBe(true);
    const saved = await province.put('/api/learning/rules/330000/2026', { patch: { minTotalHours: 100 }, note: '提高要求' });
    expect(saved.statusCode).toBe(200);
    expect((await me.get('/api/me/learning/compliance?from=2026&to=2026')).json().items[0]).toMatchObject({ compliant: false, requiredTotal: 100 });
  });

  it('the staff compliance list shows the person with hours, within scope only', async () => {
    const list = await employer.get('/api/learning/compliance/list?year=2026');
    expect(list.json().items.map((i: { name: string }) => i.name)).toContain('学员甲');
    await createUser(t, 'gd', [{ role: 'province_admin', scopeType: 'region', scopeId: '440000' }]);
    const gd = await login(t, 'gd');
    expect((await gd.get('/api/learning/compliance/list?year=2026')).json().total).toBe(0);
    const rec = (await employer.get('/api/learning/records')).json().items[0].id as string;
    expect((await gd.get(`/api/learning/records/${rec}`)).statusCode).toBe(404);
  });
});

describe('compliance export', () => {
  it('exports the staff list the caller sees as Excel and CSV, IDs masked', async () => {
    const csv = await employer.get('/api/learning/compliance/export?year=2026&format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('学员甲');
    expect(csv.body).toContain(person.idNumberMasked);
    expect(csv.body).not.toContain(person.idNumber);
    const xlsx = await employer.get('/api/learning/compliance/export?year=2026&format=xlsx');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('conversions', () => {
  it('a declared national conference counts the hours the rules convert it to, whatever was typed', async () => {
    const res = await me.post('/api/me/learning/records', record({ title: '全国软件工程大会', hours: 3, startDate: '2026-07-01', endDate: '2026-07-02', conversionKey: 'conference_national' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ form: 'conference', hours: 12 });
    const unknown = await me.post('/api/me/learning/records', record({ conversionKey: 'no_such_thing' }));
    expect(unknown.json().code).toBe('LEARNING_CONVERSION_UNKNOWN');
  });
});
