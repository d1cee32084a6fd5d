import ExcelJS from 'exceljs';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRecord } from '../../src/modules/learning/records/repo.ts';
import type { OrgWrite } from '../../src/modules/registry/organisations/repo.ts';
import { type Client, type TestApp, createTestApp, createUser, login } from '../support/app.ts';
import { makeOrganisation, makePerson } from '../support/fixtures.ts';

const TABLE = ['单位：人', '领域\t数字技术\t网络安全\t小计', '合计\t100\t20\t120', '工业和信息化部\t80\t10\t90', '中央网信办\t20\t10\t30'].join('\n');

let t: TestApp;
let nation: Client;
let zhejiang: Client;
let miit: Client;
let planId: string;
let hangzhou: OrgWrite;
let ningbo: OrgWrite;
let guangzhou: OrgWrite;

type Row = { key: string; target: number; actual: number; rate: number | null; light: string };

async function record(employer: OrgWrite, field: string, month: number, status = 'approved'): Promise<string> {
  const person = await makePerson(t.db, employer);
  await addRecord(person.id, employer, field, month, status);
  return person.id;
}

async function addRecord(personId: string, employer: OrgWrite, field: string, month: number, status = 'approved') {
  const date = `2025-${String(month).padStart(2, '0')}-10`;
  await insertRecord(t.db, {
    id: uuidv7(), provinceCode: employer.provinceCode, personId, employerId: employer.id, year: 2025, category: 'professional', form: 'training',
    title: '研修', providerId: null, providerName: '', startDate: date, endDate: date, hours: 8, field, source: 'employer_entered', status, providerRecordId: null, createdBy: null,
  });
}

const find = (rows: Row[], key: string) => rows.find((r) => r.key === key);

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t, 'd.nation', [{ role: 'national_admin', scopeType: 'nation', scopeId: '000000' }]);
  await createUser(t, 'd.zj', [{ role: 'province_admin', scopeType: 'region', scopeId: '330000' }]);
  await createUser(t, 'd.miit', [{ role: 'department_admin', scopeType: 'department', scopeId: 'miit' }]);
  [nation, zhejiang, miit] = await Promise.all(['d.nation', 'd.zj', 'd.miit'].map((u) => login(t, u)));
  planId = (await nation.post('/api/plans', { year: 2025, programme: 'capability', title: '2025 计划' })).json().id;
  expect((await nation.post(`/api/plans/${planId}/import`, { format: 'text', content: TABLE })).statusCode).toBe(200);
  const version = (await nation.get(`/api/plans/${planId}`)).json().version;
  expect((await nation.post(`/api/plans/${planId}/status`, { status: 'published', version })).statusCode).toBe(200);
  const v2 = (await nation.get(`/api/plans/${planId}`)).json().version;
  const split = await nation.put(`/api/plans/${planId}/split`, { parentRegion: '000000', version: v2, parts: [
    { field: 'digital_tech', departmentCode: 'miit', regionCode: '330000', people: 50 },
    { field: 'digital_tech', departmentCode: 'miit', regionCode: '440000', people: 30 },
  ] });
  expect(split.statusCode).toBe(200);
  hangzhou = await makeOrganisation(t.db, { regionCode: '330100', departmentCode: 'miit.330000' });
  ningbo = await makeOrganisation(t.db, { regionCode: '330200', departmentCode: 'cac' });
  guangzhou = await makeOrganisation(t.db, { regionCode: '440100', departmentCode: 'miit' });
  // Hangzhou: 3 people in digital technology (one with two records counts once), 1 not yet approved.
  const twice = await record(hangzhou, 'digital_tech', 2);
  await addRecord(twice, hangzhou, 'digital_tech', 5);
  await record(hangzhou, 'digital_tech', 3);
  await record(hangzhou, 'digital_tech', 7);
  await record(hangzhou, 'digital_tech', 4, 'submitted');
  await record(ningbo, 'cyber_security', 6);
  await record(guangzhou, 'digital_tech', 1);
});
afterAll(() => t.close());

describe('the national dashboard', () => {
  it('compares targets with distinct people by field, department and province', async () => {
    const res = await nation.get(`/api/plans/${planId}/dashboard`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.region).toMatchObject({ code: '000000', level: 0 });
    expect(d.totals).toMatchObject({ target: 120, actual: 5, rate: 4.2, light: 'red' });
    expect(find(d.byField, 'digital_tech')).toMatchObject({ target: 100, actual: 4 });
    expect(find(d.byField, 'cyber_security')).toMatchObject({ target: 20, actual: 1, rate: 5 });
    expect(find(d.byDepartment, 'miit')).toMatchObject({ target: 90, actual: 4 });
    expect(find(d.byRegion, '330000')).toMatchObject({ target: 50, actual: 4 });
    expect(find(d.byRegion, '440000')).toMatchObject({ target: 30, actual: 1 });
    expect(d.byRegion).toHaveLength(d.byRegion.filter((r: Row) => r.key.endsWith('0000')).length);
    expect(d.series.map((s: { actual: number }) => s.actual)).toEqual([1, 2, 3, 3, 3, 4, 5, 5, 5, 5, 5, 5]);
  });

  it('follows a new record at once (the roll-up, not a recount)', async () => {
    await record(guangzhou, 'digital_tech', 8);
    const d = (await nation.get(`/api/plans/${planId}/dashboard?regionCode=440000`)).json();
    expect(d.path.map((p: { code: string }) => p.code)).toEqual(['000000', '440000']);
    expect(find(d.byRegion, '440100')).toMatchObject({ actual: 2, target: 0, light: 'none' });
    expect(d.totals).toMatchObject({ target: 30, actual: 2 });
  });

  it('drills down to a city', async () => {
    const d = (await nation.get(`/api/plans/${planId}/dashboard?regionCode=330100`)).json();
    expect(d.region.level).toBe(2);
    expect(find(d.byField, 'digital_tech')?.actual).toBe(3);
    expect(d.byRegion).toEqual([]);
  });
});

describe('scopes', () => {
  it('shows a province its own figures and cities, and nothing of another province', async () => {
    const d = (await zhejiang.get(`/api/plans/${planId}/dashboard`)).json();
    expect(d.region.code).toBe('330000');
    expect(d.totals).toMatchObject({ target: 50, actual: 4 });
    expect(find(d.byRegion, '330100')).toMatchObject({ actual: 3 });
    expect(find(d.byRegion, '330200')).toMatchObject({ actual: 1 });
    const other = await zhejiang.get(`/api/plans/${planId}/dashboard?regionCode=440000`);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('PLAN_DASHBOARD_OUTSIDE_SCOPE');
    expect((await zhejiang.get(`/api/plans/${planId}/dashboard?regionCode=000000`)).statusCode).toBe(404);
  });

  it('shows a department only its own department', async () => {
    const d = (await miit.get(`/api/plans/${planId}/dashboard`)).json();
    expect(d.departmentCode).toBe('miit');
    expect(d.totals).toMatchObject({ target: 90, actual: 5 });
    expect(d.byDepartment.map((r: Row) => r.key)).toEqual(['miit']);
    expect((await miit.get(`/api/plans/${planId}/dashboard?departmentCode=cac`)).statusCode).toBe(404);
  });
});

describe('export', () => {
  it('writes exactly the table shown, in the unit shown', async () => {
    const shown = (await zhejiang.get(`/api/plans/${planId}/dashboard`)).json();
    const res = await zhejiang.get(`/api/plans/${planId}/dashboard/export?table=region&unit=tenThousand`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const rows: unknown[][] = [];
    sheet?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['地区 Region', '目标 Target (万人)', '完成 Actual (万人)', '完成率 Rate (%)', '状态 Status']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([...shown.byRegion.map((r: { name: string }) => r.name), '合计']);
    const last = rows[rows.length - 1] as unknown[];
    expect([Number(last[1]), Number(last[2])]).toEqual([0.005, 0.0004]);
  });
});
