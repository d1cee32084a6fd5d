import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRecord } from '../../src/modules/learning/records/repo.ts';
import { type Client, type TestApp, createTestApp, createUser, login } from '../support/app.ts';
import { makeOrganisation, makePerson } from '../support/fixtures.ts';

const TABLE = ['单位：人', '领域\t数字技术\t小计', '合计\t100\t100', '工业和信息化部\t100\t100'].join('\n');
const PDF = Buffer.from('%PDF-1.4\n% summary\n').toString('base64');

let t: TestApp;
let nation: Client;
let zhejiang: Client;
let guangdong: Client;
let miit: Client;

type Item = { code: string; submitted: boolean; late: boolean };

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t, 's.nation', [{ role: 'national_admin', scopeType: 'nation', scopeId: '000000' }]);
  await createUser(t, 's.zj', [{ role: 'province_admin', scopeType: 'region', scopeId: '330000' }]);
  await createUser(t, 's.gd', [{ role: 'province_admin', scopeType: 'region', scopeId: '440000' }]);
  await createUser(t, 's.miit', [{ role: 'department_admin', scopeType: 'department', scopeId: 'miit' }]);
  [nation, zhejiang, guangdong, miit] = await Promise.all(['s.nation', 's.zj', 's.gd', 's.miit'].map((u) => login(t, u)));
  const planId = (await nation.post('/api/plans', { year: 2025, programme: 'capability', title: '2025' })).json().id;
  await nation.post(`/api/plans/${planId}/import`, { format: 'text', content: TABLE });
  await nation.post(`/api/plans/${planId}/status`, { status: 'published', version: (await nation.get(`/api/plans/${planId}`)).json().version });
  const split = await nation.put(`/api/plans/${planId}/split`, { parentRegion: '000000', version: (await nation.get(`/api/plans/${planId}`)).json().version, parts: [
    { field: 'digital_tech', departmentCode: 'miit', regionCode: '330000', people: 60 },
    { field: 'digital_tech', departmentCode: 'miit', regionCode: '440000', people: 40 },
  ] });
  expect(split.statusCode).toBe(200);
  const employer = await makeOrganisation(t.db, { regionCode: '330100', departmentCode: 'miit.330000' });
  const person = await makePerson(t.db, employer);
  await insertRecord(t.db, {
    id: uuidv7(), provinceCode: '330000', personId: person.id, employerId: employer.id, year: 2025, category: 'professional', form: 'training', title: '研修',
    providerId: null, providerName: '', startDate: '2025-05-01', endDate: '2025-05-02', hours: 8, field: 'digital_tech', source: 'employer_entered', status: 'approved',
    providerRecordId: null, createdBy: null,
  });
});
afterAll(() => t.close());

describe('work summaries', () => {
  it('cannot be submitted before the ministry sets a deadline', async () => {
    const res = await zhejiang.post('/api/plan-summaries/2025/mine', { text: '总结', attachments: [] });
    expect(res.json().code).toBe('PLAN_SUMMARY_NO_DEADLINE');
  });

  it('pre-fills the province\'s key figures from the plan and the roll-up', async () => {
    expect((await zhejiang.put('/api/plan-summaries/2025/deadline', { dueDate: '2099-01-31' })).statusCode).toBe(403);
    expect((await nation.put('/api/plan-summaries/2025/deadline', { dueDate: '2099-01-31' })).statusCode).toBe(200);
    const mine = (await zhejiang.get('/api/plan-summaries/2025/mine')).json();
    expect(mine).toMatchObject({ submitter: '330000', kind: 'province', deadline: '2099-01-31', figures: { target: 60, actual: 1, fields: 1 }, summary: null });
  });

  it('accepts a submission with an attachment, and refuses a file that is not a document', async () => {
    const bad = await zhejiang.post('/api/plan-summaries/2025/mine', { text: '总结', attachments: [{ fileName: 'x.exe', contentBase64: Buffer.from('MZ').toString('base64') }] });
    expect(bad.json().code).toBe('PLAN_SUMMARY_FILE_INVALID');
    const res = await zhejiang.post('/api/plan-summaries/2025/mine', { text: '浙江省2025年工作总结', attachments: [{ fileName: '总结.pdf', contentBase64: PDF }] });
    expect(res.statusCode).toBe(200);
    expect(res.json().summary).toMatchObject({ text: '浙江省2025年工作总结', late: false, figures: { target: 60, actual: 1 }, files: [{ idx: 0, fileName: '总结.pdf' }] });
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_events WHERE entity = 'plan_summary' AND entity_id = '2025:330000'`);
    expect(audit.map((a) => a.action)).toEqual(['plan.summary_submit']);
  });

  it('marks a department\'s submission after the deadline as late', async () => {
    await nation.put('/api/plan-summaries/2025/deadline', { dueDate: '2025-01-31' });
    const res = await miit.post('/api/plan-summaries/2025/mine', { text: '工业和信息化部总结', attachments: [] });
    expect(res.json().summary).toMatchObject({ late: true, figures: { target: 100, actual: 1 } });
  });

  it('shows the ministry who has and has not submitted', async () => {
    expect((await zhejiang.get('/api/plan-summaries/2025')).statusCode).toBe(403);
    const list = (await nation.get('/api/plan-summaries/2025')).json();
    expect(list.submitted).toBe(2);
    const items = list.items as Item[];
    expect(items.find((i) => i.code === '330000')).toMatchObject({ submitted: true, late: false });
    expect(items.find((i) => i.code === 'miit')).toMatchObject({ submitted: true, late: true });
    expect(items.find((i) => i.code === '440000')).toMatchObject({ submitted: false });
    expect(items.some((i) => i.code === 'mohrss')).toBe(false);
  });

  it('lets the ministry read a summary and its file, and not another province', async () => {
    expect((await guangdong.get('/api/plan-summaries/2025/330000')).statusCode).toBe(404);
    expect((await nation.get('/api/plan-summaries/2025/330000')).json().text).toBe('浙江省2025年工作总结');
    const file = await nation.get('/api/plan-summaries/2025/330000/files/0');
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.toString('base64')).toBe(PDF);
  });
});
