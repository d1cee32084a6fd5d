import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { type Client, type TestApp, createTestApp, createUser, login } from '../support/app.ts';
import { makeOrganisation, makePerson, validCitizenId } from '../support/fixtures.ts';
import type { OrgWrite } from '../../src/modules/registry/organisations/repo.ts';
import { multipartFile } from '../support/multipart.ts';

type Person = Awaited<ReturnType<typeof makePerson>>;

let t: TestApp;
let provider: OrgWrite;
let employer: OrgWrite;
let gdEmployer: OrgWrite;
let alice: Person;
let bob: Person;
let chen: Person;
let key: string;

const headers = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${key}`, ...extra });
const report = (body: unknown, mode = '', extra: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
  t.app.inject({ method: 'POST', url: `/api/learning/reports${mode ? `?mode=${mode}` : ''}`, payload: body as string, headers: headers(extra) });

/** multipart/form-data with one part `file`, built by hand. */
function upload(content: Buffer | string, filename: string, mode = ''): Promise<LightMyRequestResponse> {
  const boundary = `----zhigeng${createHash('md5').update(filename).digest('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({ method: 'POST', url: `/api/learning/reports${mode ? `?mode=${mode}` : ''}`, payload, headers: headers({ 'content-type': `multipart/form-data; boundary=${boundary}` }) });
}

let seq = 0;
const row = (p: Person, over: Record<string, unknown> = {}) => ({
  idNumber: p.idNumber, name: p.name, year: 2026, category: 'professional', form: 'training', hours: 30,
  startDate: '2026-03-01', endDate: '2026-03-05', title: '数字技术应用研修班', field: 'digital_tech', providerRecordId: `PX-${(seq += 1)}`, ...over,
});

async function recordsOfProvider(): Promise<{ personId: string; source: string; status: string; employerId: string; provinceCode: string; hours: number; providerRecordId: string }[]> {
  return t.db.query(
    `SELECT person_id AS "personId", source, status, employer_id AS "employerId", trim(province_code) AS "provinceCode", hours, provider_record_id AS "providerRecordId"
       FROM learning_records WHERE provider_id = $1 ORDER BY provider_record_id`,
    [provider.id],
  );
}

async function compliance(personId: string) {
  return (await t.db.query<{ totalHours: number; compliant: boolean }>('SELECT total_hours AS "totalHours", compliant FROM learning_compliance WHERE person_id = $1 AND year = 2026', [personId]))[0];
}

beforeAll(async () => {
  t = await createTestApp();
  provider = await makeOrganisation(t.db, { regionCode: '330100', roles: ['training_institution'] });
  employer = await makeOrganisation(t.db, { regionCode: '330100' });
  gdEmployer = await makeOrganisation(t.db, { regionCode: '440100' });
  alice = await makePerson(t.db, employer, { name: '王小丽' });
  bob = await makePerson(t.db, employer, { name: '阿依古丽·买买提' });
  chen = await makePerson(t.db, gdEmployer, { name: '陈大文' });
  await createUser(t, 'provider.admin', [{ role: 'organisation_admin', scopeType: 'organisation', scopeId: provider.id }]);
  const admin: Client = await login(t, 'provider.admin');
  key = (await admin.post('/api/learning/api-keys', { name: '报送', purpose: 'report' })).json().key;
});
afterAll(() => t.close());

describe('a valid batch', () => {
  const batch = () => ({
    records: [
      row(alice, { providerRecordId: 'A-1', hours: 60 }),
      row(alice, { providerRecordId: 'A-2', category: '公需科目', form: '培训班', field: '数字技术', hours: 30, startDate: '2026-04-01', endDate: '2026-04-05' }),
      row(bob, { providerRecordId: 'B-1', name: '阿依古丽 · 买买提', form: 'Distance education (online learning)', hours: 12.5 }),
      // Providers report nationwide: a person of another province is fine.
      row(chen, { providerRecordId: 'C-1', year: '2026', hours: '8' }),
    ],
  });

  it('creates approved provider-reported records filed under each person\'s employer and province, and updates compliance', async () => {
    const res = await report(batch());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ received: 4, created: 4, unchanged: 0, rejected: 0, errors: [] });
    const records = await recordsOfProvider();
    expect(records).toEqual([
      { personId: alice.id, source: 'provider_reported', status: 'approved', employerId: employer.id, provinceCode: '330000', hours: 60, providerRecordId: 'A-1' },
      { personId: alice.id, source: 'provider_reported', status: 'approved', employerId: employer.id, provinceCode: '330000', hours: 30, providerRecordId: 'A-2' },
      { personId: bob.id, source: 'provider_reported', status: 'approved', employerId: employer.id, provinceCode: '330000', hours: 12.5, providerRecordId: 'B-1' },
      { personId: chen.id, source: 'provider_reported', status: 'approved', employerId: gdEmployer.id, provinceCode: '440000', hours: 8, providerRecordId: 'C-1' },
    ]);
    expect(await compliance(alice.id)).toEqual({ totalHours: 90, compliant: true });
    expect(await compliance(chen.id)).toEqual({ totalHours: 8, compliant: false });
  });

  it('is idempotent: the same batch again creates nothing and reports every row unchanged', async () => {
    const res = await report(batch());
    expect(res.json()).toEqual({ received: 4, created: 0, unchanged: 4, rejected: 0, errors: [] });
    expect(await recordsOfProvider()).toHaveLength(4);
    expect(await compliance(alice.id)).toEqual({ totalHours: 90, compliant: true });
  });

  it('writes one audit event per batch, with the counts and the batch\'s SHA-256', async () => {
    const events = await t.db.query<{ entityId: string; after: Record<string, unknown>; actorName: string }>(
      `SELECT entity_id AS "entityId", after, actor_name AS "actorName" FROM audit_events WHERE action = 'learning.records_reported' ORDER BY seq`,
    );
    expect(events).toHaveLength(2);
    expect(events[0]?.entityId).toMatch(/^[0-9a-f]{64}$/);
    expect(events[0]?.entityId).toBe(events[1]?.entityId);
    expect(events[0]?.after).toMatchObject({ providerId: provider.id, received: 4, created: 4, unchanged: 0, rejected: 0 });
    expect(events[1]?.after).toMatchObject({ created: 0, unchanged: 4 });
    expect(events[0]?.actorName).toMatch(/^apikey:zg_report_/);
  });
});

describe('bad rows', () => {
  const unknownId = validCitizenId('330106');
  const badBatch = () => ({
    records: [
      row(alice, { providerRecordId: 'OK-1', hours: 2 }),
      row(alice, { hours: 0 }),
      row(alice, { category: '选修课' }),
      row(alice, { name: '王小美' }),
      row(alice, { idNumber: unknownId, name: '王小丽' }),
      row(alice, { endDate: '2026-12-20' }),
      row(bob, { providerRecordId: 'OK-1' }),
      row(bob, { title: '' }),
      row(bob, { idNumber: `${bob.idNumber.slice(0, 17)}${bob.idNumber[17] === '0' ? '1' : '0'}` }),
      row(chen, { year: 2025, startDate: '2025-03-01', endDate: '2025-03-02' }),
    ],
  });

  it('all_or_nothing (the default): 422 listing every row\'s problem by row, column and code, and nothing is written', async () => {
    const before = await recordsOfProvider();
    const res = await report(badBatch(), '', { 'accept-language': 'en' });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('LEARNING_REPORT_INVALID_ROWS');
    expect(body.details.map((d: { row: number; column: string; code: string }) => [d.row, d.column, d.code])).toEqual([
      [2, 'hours', 'LEARNING_HOURS_NOT_POSITIVE'],
      [3, 'category', 'LEARNING_REPORT_VALUE_UNKNOWN'],
      [4, 'idNumber', 'PERSON_NOT_MATCHED'],
      [5, 'idNumber', 'PERSON_NOT_MATCHED'],
      [6, 'endDate', 'LEARNING_FUTURE_DATE'],
      [7, 'providerRecordId', 'LEARNING_REPORT_DUPLICATE_IN_BATCH'],
      [8, 'title', 'FIELD_REQUIRED'],
      [9, 'idNumber', 'ID_CHECK_DIGIT'],
      [10, 'year', 'LEARNING_PAST_DEADLINE'],
    ]);
    expect(body.details[0].message).toBe('The hours must be more than 0');
    expect(body.details[5].message).toBe('The provider record id repeats row 1');
    // A wrong name and an unknown ID read the same: nothing tells whether the ID is registered.
    expect(body.details[2].message).toBe(body.details[3].message);
    expect(JSON.stringify(body)).not.toContain(bob.idNumber.slice(4, 14));
    expect(await recordsOfProvider()).toEqual(before);
  });

  it('answers in Chinese by default', async () => {
    const res = await report({ records: [row(alice, { hours: 0 })] });
    expect(res.json().details[0].message).toBe('学时必须大于 0');
  });

  it('accept_valid writes only the valid rows and lists the problems of the others', async () => {
    const res = await report(badBatch(), 'accept_valid');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ received: 10, created: 1, unchanged: 0, rejected: 9 });
    expect(body.errors).toHaveLength(9);
    expect(body.errors[0]).toEqual({ row: 2, column: 'hours', code: 'LEARNING_HOURS_NOT_POSITIVE', message: '学时必须大于 0', value: '0' });
    const written = (await recordsOfProvider()).filter((r) => r.providerRecordId === 'OK-1');
    expect(written).toEqual([expect.objectContaining({ personId: alice.id, hours: 2 })]);
    expect(await compliance(alice.id)).toEqual({ totalHours: 92, compliant: true });
  });

});

describe('rules and shape', () => {
  it('applies the rules of the person\'s own province: cross-year dates pass where that province accepts them', async () => {
    await createUser(t, 'zj.admin', [{ role: 'province_admin', scopeType: 'region', scopeId: '330000' }]);
    const zj = await login(t, 'zj.admin');
    expect((await zj.put('/api/learning/rules/330000/2026', { patch: { acceptCrossYear: true }, note: '允许跨年' })).statusCode).toBe(200);
    const crossYear = { startDate: '2025-12-30', endDate: '2026-01-02' };
    const res = await report({ records: [row(alice, { providerRecordId: 'X-1', ...crossYear }), row(chen, { providerRecordId: 'X-2', ...crossYear })] }, 'accept_valid');
    expect(res.json()).toMatchObject({ created: 1, rejected: 1, errors: [{ row: 2, column: 'year', code: 'LEARNING_OUTSIDE_YEAR' }] });
  });

  it('rejects a malformed request as a whole: unknown fields, too many rows, wrong mode', async () => {
    expect((await report({ records: [{ ...row(alice), extra: 1 }] })).json().code).toBe('VALIDATION_FAILED');
    expect((await report({ records: Array.from({ length: 10_001 }, () => ({})) })).statusCode).toBe(400);
    expect((await report({ records: [row(alice)] }, 'sometimes')).statusCode).toBe(400);
  });
});

describe('files', () => {
  it('takes a CSV with Chinese headers; rows are numbered as in the file (header = 1)', async () => {
    const csv = [
      '身份证号码,姓名,年度,科目类别,学习形式,学时,开始日期,结束日期,课程名称,领域,机构记录编号',
      `${bob.idNumber},${bob.name},2026,专业科目,培训班,20,2026/5/6,2026/5/8,"人工智能,大模型应用",新一代信息技术,F-1`,
      '',
      `${bob.idNumber},${bob.name},2026,专业科目,培训班,abc,2026-05-06,2026-05-08,坏行,新一代信息技术,F-2`,
    ].join('\n');
    const res = await upload(csv, 'report.csv', 'accept_valid');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ received: 2, created: 1, rejected: 1, errors: [{ row: 4, column: 'hours', code: 'LEARNING_HOURS_INVALID' }] });
    const rows = await t.db.query<{ title: string; startDate: string }>(`SELECT title, start_date AS "startDate" FROM learning_records WHERE provider_record_id = 'F-1'`);
    expect(rows).toEqual([{ title: '人工智能,大模型应用', startDate: '2026-05-06' }]);
  });

  it('takes an Excel file with English headers', async () => {
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    const sheet = wb.addWorksheet('report');
    sheet.addRow(['ID number', 'Name', 'Year', 'Category', 'Form', 'Hours', 'Start date', 'End date', 'Course title', 'Field', 'Provider record id']);
    sheet.addRow([chen.idNumber, chen.name, 2026, 'Public subjects', 'online', 6, '2026-07-01', '2026-07-01', 'Online ethics', 'other', 'XL-1']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(data, 'report.xlsx');
    expect(res.json()).toEqual({ received: 1, created: 1, unchanged: 0, rejected: 0, errors: [] });
  });

  it('a file missing a column is refused before any row is read', async () => {
    const res = await upload('身份证号码,姓名\n1,2\n', 'short.csv');
    expect([res.statusCode, res.json().code]).toEqual([400, 'IMPORT_MISSING_COLUMN']);
  });
});

describe('a signed-in provider administrator uploads a report file', () => {
  const multipart = (content: string, filename: string) => multipartFile(content, filename, 'text/csv');
  const csv = (recordId: string) =>
    ['身份证号码,姓名,年度,科目类别,学习形式,学时,开始日期,结束日期,课程名称,领域,机构记录编号',
      `${alice.idNumber},${alice.name},2026,专业科目,培训班,4,2026-06-01,2026-06-01,网页上传的课程,其他,${recordId}`].join('\n');

  it('writes the rows as the administrator\'s organisation, idempotently, with the account in the audit trail', async () => {
    const admin = await login(t, 'provider.admin');
    const { payload, headers } = multipart(csv('WEB-1'), 'web.csv');
    const res = await admin.request('POST', '/api/learning/reports/upload?mode=accept_valid', payload, headers);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ received: 1, created: 1, unchanged: 0, rejected: 0, errors: [] });
    expect((await recordsOfProvider()).filter((r) => r.providerRecordId === 'WEB-1')).toEqual([expect.objectContaining({ personId: alice.id, source: 'provider_reported', status: 'approved' })]);
    const again = await admin.request('POST', '/api/learning/reports/upload', payload, headers);
    expect(again.json()).toMatchObject({ created: 0, unchanged: 1 });
    const audit = await t.db.query<{ action: string; actorId: string | null }>(
      `SELECT action, actor_id AS "actorId" FROM audit_events WHERE action = 'learning.records_reported' ORDER BY seq DESC LIMIT 1`,
    );
    expect(audit[0]?.actorId).toBeTruthy();
  });

  it('refuses an organisation that is not a provider, and a caller without the permission', async () => {
    await createUser(t, 'employer.admin', [{ role: 'organisation_admin', scopeType: 'organisation', scopeId: employer.id }]);
    const employerAdmin = await login(t, 'employer.admin');
    const { payload, headers } = multipart(csv('WEB-2'), 'web.csv');
    const refused = await employerAdmin.request('POST', '/api/learning/reports/upload', payload, headers);
    expect([refused.statusCode, refused.json().code]).toEqual([422, 'LEARNING_REPORT_NOT_PROVIDER']);
    await createUser(t, 'zj.inspector', [{ role: 'inspector', scopeType: 'region', scopeId: '330000' }]);
    const inspector = await login(t, 'zj.inspector');
    expect((await inspector.request('POST', '/api/learning/reports/upload', payload, headers)).statusCode).toBe(403);
    // An organisation the caller does not administer cannot be named.
    const other = await employerAdmin.request('POST', `/api/learning/reports/upload?organisationId=${provider.id}`, payload, headers);
    expect([other.statusCode, other.json().code]).toEqual([404, 'ORGANISATION_NOT_FOUND']);
    expect((await recordsOfProvider()).some((r) => r.providerRecordId === 'WEB-2')).toBe(false);
  });
});
