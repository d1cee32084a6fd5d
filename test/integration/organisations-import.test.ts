import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser, login } from '../support/app.ts';
import { makeOrganisation, validCreditCode } from '../support/fixtures.ts';
import type { OrgWrite } from '../../src/modules/registry/organisations/repo.ts';
import { multipartFile } from '../support/multipart.ts';

type ImportResult = { rows: number; created: number; dryRun: boolean };
type Detail = { code: string; message: string; row?: number; column?: string; value?: string };
type ErrorBody = { code: string; message: string; details: Detail[] };
type OrgView = { id: string; name: string; creditCode: string; regionCode: string; provinceCode: string; departmentCode: string | null; ownership: string; roles: string[]; address: string; contactName: string; grassroots: boolean; status: string };
type Page<T> = { items: T[]; total: number };
type OrgCells = { name: string; creditCode?: string; regionCode?: string; departmentCode?: string; ownership?: string; roles?: string; address?: string; contactName?: string; grassroots?: string };

const COL = {
  name: '单位名称(Name)',
  creditCode: '统一社会信用代码(Credit code)',
  region: '所在地区代码(Region code)',
  department: '主管部门代码(Department code)',
  ownership: '单位性质(Ownership)',
  roles: '单位角色(Roles)',
  grassroots: '是否基层单位(Grassroots unit)',
} as const;
const IMPORT = '/api/organisations/import';
const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

let t: TestApp;
let zj: Client;
let headers: string[];
let gdOrg: OrgWrite;

function upload(client: Client, url: string, content: Buffer | string, filename = 'organisations.csv', headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const body = multipartFile(content, filename);
  return client.post(url, body.payload, { ...body.headers, ...headers });
}

/** One data row in the column order of the downloaded template. */
function cells(o: OrgCells): string[] {
  const byZh: Record<string, string> = {
    单位名称: o.name, 统一社会信用代码: o.creditCode ?? validCreditCode('330100'), 所在地区代码: o.regionCode ?? '330100',
    主管部门代码: o.departmentCode ?? '', 单位性质: o.ownership ?? '民营企业', 单位角色: o.roles ?? '用人单位',
    地址: o.address ?? '杭州市西湖区文三路 1 号', 联系人: o.contactName ?? '李四', 是否基层单位: o.grassroots ?? '',
  };
  return headers.map((h) => byZh[h.split('(')[0]] ?? '');
}
const csv = (rows: string[][], head: string[] = headers): string => stringify([head, ...rows]);

function withWrongCheck(code: string): string {
  return code.slice(0, 17) + CREDIT_CHARSET[(CREDIT_CHARSET.indexOf(code[17]) + 1) % CREDIT_CHARSET.length];
}

async function countOrgs(): Promise<number> {
  return (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM organisations'))[0].n;
}

async function findByName(name: string): Promise<OrgView[]> {
  return (await zj.get(`/api/organisations?q=${encodeURIComponent(name)}`)).json<Page<OrgView>>().items;
}

beforeAll(async () => {
  t = await createTestApp();
  gdOrg = await makeOrganisation(t.db, { regionCode: '440100', name: '广东已登记单位' });
  await createUser(t, 'zj', [{ role: 'province_admin', scopeType: 'region', scopeId: '330000' }]);
  zj = await login(t, 'zj');
  const template = await zj.get('/api/organisations/template?format=csv');
  headers = (parseCsv(template.rawPayload.toString('utf8').replace(/^\uFEFF/, '')) as string[][])[0];
});
afterAll(() => t.close());

describe('the organisation import template', () => {
  it('offers every import column, Chinese label first', () => {
    expect(headers).toEqual([COL.name, COL.creditCode, COL.region, COL.department, COL.ownership, COL.roles, '地址(Address)', '联系人(Contact)', COL.grassroots]);
  });
});

describe('importing a valid CSV', () => {
  const lower = validCreditCode('330200');
  const rows: (OrgCells & { expect: Partial<OrgView> })[] = [
    { name: '导入民营科技有限公司', departmentCode: 'miit.330000', roles: '用人单位、培训机构', expect: { ownership: 'private', roles: ['employer', 'training_institution'], departmentCode: 'miit.330000', provinceCode: '330000', grassroots: false } },
    { name: '导入外资企业', regionCode: '330200', ownership: 'foreign', roles: 'employer', grassroots: '否', expect: { ownership: 'foreign', roles: ['employer'], regionCode: '330200', grassroots: false } },
    { name: '导入社会组织', regionCode: '330000', ownership: '社会组织', roles: '继续教育基地；研修承办单位', grassroots: '是', expect: { ownership: 'social_organisation', roles: ['ce_base', 'seminar_host'], regionCode: '330000', grassroots: true } },
    { name: '导入事业单位', creditCode: lower.toLowerCase(), ownership: 'Public institution', roles: 'Evaluation institution, 用人单位', grassroots: 'Y', expect: { ownership: 'public_institution', roles: ['evaluation_institution', 'employer'], creditCode: lower, grassroots: true } },
  ];
  let res: LightMyRequestResponse;
  let before: number;
  let file: string;

  beforeAll(async () => {
    before = await countOrgs();
    file = csv(rows.map(cells));
    res = await upload(zj, IMPORT, file);
  });

  it('imports every row and answers the counts', async () => {
    expect(res.statusCode).toBe(200);
    expect(res.json<ImportResult>()).toEqual({ rows: 4, created: 4, dryRun: false });
    expect(await countOrgs()).toBe(before + 4);
  });

  it.each(rows)('stores $name with its ownership, roles and grassroots flag parsed from labels', async (row) => {
    const found = await findByName(row.name);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ status: 'active', address: '杭州市西湖区文三路 1 号', contactName: '李四', ...row.expect });
  });

  it('records one organisation.imported audit event listing the new units', async () => {
    const audit = await t.db.query<{ entityId: string; actorName: string; after: { rows: number; ids: string[] } }>(
      `SELECT entity_id AS "entityId", actor_name AS "actorName", after FROM audit_events WHERE action = 'organisation.imported'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityId: createHash('sha256').update(file).digest('hex'), actorName: 'zj', after: { rows: 4 } });
    const ids = await Promise.all(rows.map(async (r) => (await findByName(r.name))[0].id));
    expect([...audit[0].after.ids].sort()).toEqual(ids.sort());
  });
});

describe('other valid uploads', () => {
  it('imports an XLSX workbook built with exceljs', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('organisations');
    sheet.addRow(headers);
    sheet.addRow(cells({ name: '表格单位乙', roles: '培训机构、用人单位', ownership: '国有企业' }));
    // Excel keeps TRUE/FALSE and numbers as typed cells, not text.
    sheet.addRow(cells({ name: '表格单位丙' }).map((v, i) => (headers[i] === COL.grassroots ? true : v)));
    sheet.addRow(cells({ name: '表格单位丁' }).map((v, i) => (headers[i] === COL.grassroots ? 1 : v)));
    const res = await upload(zj, IMPORT, Buffer.from(await workbook.xlsx.writeBuffer()), 'organisations.xlsx');
    expect(res.json<ImportResult>()).toEqual({ rows: 3, created: 3, dryRun: false });
    expect((await findByName('表格单位乙'))[0]).toMatchObject({ ownership: 'state_owned', roles: ['training_institution', 'employer'], grassroots: false });
    expect((await findByName('表格单位丙'))[0].grassroots).toBe(true);
    expect((await findByName('表格单位丁'))[0].grassroots).toBe(true);
  });

  it('checks a valid file without writing anything when dryRun=true', async () => {
    const before = await countOrgs();
    const res = await upload(zj, `${IMPORT}?dryRun=true`, csv([cells({ name: '试导入单位甲' }), cells({ name: '试导入单位乙' })]));
    expect(res.json<ImportResult>()).toEqual({ dryRun: true, rows: 2, created: 0 });
    expect(await countOrgs()).toBe(before);
    expect(await findByName('试导入单位')).toEqual([]);
  });

  it('reads the grassroots flag as true/false, 1/0 or N in any case, and imports a file without the column as 否', async () => {
    const spellings: [string, boolean][] = [['TRUE', true], ['false', false], ['1', true], ['0', false], ['n', false]];
    const res = await upload(zj, IMPORT, csv(spellings.map(([grassroots], i) => cells({ name: `拼写基层单位${i}`, grassroots }))));
    expect(res.json<ImportResult>().created).toBe(spellings.length);
    const stored = await Promise.all(spellings.map(async (_, i) => (await findByName(`拼写基层单位${i}`))[0].grassroots));
    expect(stored).toEqual(spellings.map(([, value]) => value));
    const without = (row: string[]) => row.filter((_, i) => headers[i] !== COL.grassroots);
    const old = await upload(zj, IMPORT, csv([without(cells({ name: '旧模板单位' }))], without(headers)));
    expect(old.json<ImportResult>().created).toBe(1);
    expect((await findByName('旧模板单位'))[0].grassroots).toBe(false);
  });
});

describe('a file with invalid rows', () => {
  const firstCode = validCreditCode('330100');
  const expected: { row: number; column: string; code: string; message?: string }[] = [
    { row: 3, column: COL.creditCode, code: 'CREDIT_CODE_CHECK', message: '统一社会信用代码校验位错误' },
    { row: 4, column: COL.ownership, code: 'IMPORT_VALUE_UNKNOWN' },
    { row: 5, column: COL.roles, code: 'IMPORT_VALUE_UNKNOWN' },
    { row: 6, column: COL.region, code: 'REGION_NOT_FOUND', message: '行政区划 339999 不存在' },
    { row: 7, column: COL.region, code: 'REGION_OUTSIDE_SCOPE', message: '行政区划不在您的管理范围内' },
    { row: 8, column: COL.department, code: 'DEPARTMENT_NOT_FOUND', message: '主管部门 nope.330000 不存在' },
    { row: 9, column: COL.creditCode, code: 'IMPORT_DUPLICATE_IN_FILE', message: '与第 2 行重复' },
    { row: 10, column: COL.creditCode, code: 'ORGANISATION_CREDIT_CODE_TAKEN' },
    { row: 11, column: COL.name, code: 'FIELD_INVALID' },
    { row: 12, column: COL.grassroots, code: 'IMPORT_YES_NO_INVALID', message: '应填写“是”或“否”（也可填 true/false、1/0、Y/N）' },
  ];
  let res: LightMyRequestResponse;
  let before: number;

  beforeAll(async () => {
    const rows = [
      cells({ name: '有效单位', creditCode: firstCode }),
      cells({ name: '校验位错单位', creditCode: withWrongCheck(validCreditCode()) }),
      cells({ name: '性质错单位', ownership: '个体户' }),
      cells({ name: '角色错单位', roles: '用人单位、食堂' }),
      cells({ name: '地区错单位', regionCode: '339999' }),
      cells({ name: '外省单位', regionCode: '440100', creditCode: validCreditCode('440100') }),
      cells({ name: '部门错单位', departmentCode: 'nope.330000' }),
      cells({ name: '重复代码单位', creditCode: firstCode }),
      cells({ name: '已登记代码单位', creditCode: gdOrg.creditCode }),
      cells({ name: '甲' }),
      cells({ name: '基层值错单位', grassroots: '可能' }),
    ];
    before = await countOrgs();
    res = await upload(zj, IMPORT, csv(rows));
  });

  it('answers 422 IMPORT_INVALID_ROWS counting every problem', () => {
    expect(res.statusCode).toBe(422);
    expect(res.json<ErrorBody>()).toMatchObject({ code: 'IMPORT_INVALID_ROWS', message: `导入文件有 ${expected.length} 处错误，未写入任何数据` });
    expect(res.json<ErrorBody>().details.map((d) => d.row ?? 0).sort((a, b) => a - b)).toEqual(expected.map((e) => e.row));
  });

  it.each(expected)('reports row $row (header is row 1) as $code in column $column', ({ row, column, code, message }) => {
    const detail = res.json<ErrorBody>().details.find((d) => d.row === row);
    expect(detail).toMatchObject({ row, column, code });
    if (message) expect(detail?.message).toBe(message);
  });

  it('names a bad grassroots value in English too', async () => {
    const en = await upload(zj, IMPORT, csv([cells({ name: '基层值错英文', grassroots: 'maybe' })]), 'organisations.csv', { 'accept-language': 'en' });
    expect(en.json<ErrorBody>().details).toEqual([
      expect.objectContaining({ row: 2, column: COL.grassroots, code: 'IMPORT_YES_NO_INVALID', value: 'maybe', message: 'Enter 是 or 否 (yes or no; true/false, 1/0 and Y/N are accepted too)' }),
    ]);
  });

  it('writes nothing, not even the valid row', async () => {
    expect(await countOrgs()).toBe(before);
    expect(await findByName('有效单位')).toEqual([]);
    expect(await t.db.query(`SELECT 1 FROM organisations WHERE credit_code = $1`, [firstCode])).toEqual([]);
  });
});

describe('a file or caller that cannot import', () => {
  it('answers 400 IMPORT_MISSING_COLUMN naming the missing required column', async () => {
    const without = (row: string[]) => row.filter((_, i) => headers[i] !== COL.roles);
    const res = await upload(zj, IMPORT, csv([without(cells({ name: '缺列单位' }))], without(headers)));
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>()).toMatchObject({ code: 'IMPORT_MISSING_COLUMN', details: [{ row: 1, column: COL.roles }] });
  });

  it('answers 400 IMPORT_FILE_EMPTY for a header without rows', async () => {
    const res = await upload(zj, IMPORT, csv([]));
    expect(res.json<ErrorBody>()).toMatchObject({ code: 'IMPORT_FILE_EMPTY' });
  });

  it('refuses a department administrator (403) and an anonymous caller (401)', async () => {
    await createUser(t, 'miit', [{ role: 'department_admin', scopeType: 'department', scopeId: 'miit' }]);
    const miit = await login(t, 'miit');
    expect((await upload(miit, IMPORT, csv([cells({ name: '越权单位', departmentCode: 'miit.330000' })]))).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: IMPORT, payload: {} })).statusCode).toBe(401);
  });

  it('refuses a row placed in another province, and with it the whole file', async () => {
    await createUser(t, 'gd', [{ role: 'province_admin', scopeType: 'region', scopeId: '440000' }]);
    const gd = await login(t, 'gd');
    const res = await upload(gd, IMPORT, csv([cells({ name: '浙江越权单位甲' }), cells({ name: '广东自有单位', regionCode: '440300', creditCode: validCreditCode('440300') })]));
    expect(res.statusCode).toBe(422);
    expect(res.json<ErrorBody>().details).toEqual([expect.objectContaining({ row: 2, column: COL.region, code: 'REGION_OUTSIDE_SCOPE' })]);
    expect(await findByName('广东自有单位')).toEqual([]);
  });
});

describe('exporting organisations', () => {
  async function exportRows(query: string): Promise<string[][]> {
    const res = await zj.get(`/api/organisations/export?format=csv&${query}`);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="organisations\.csv"/);
    return parseCsv(res.rawPayload.toString('utf8').replace(/^\uFEFF/, '')) as string[][];
  }

  it('writes the import columns with Chinese labels, only for the caller province', async () => {
    const [header, ...rows] = await exportRows('');
    expect(header).toEqual([...headers, '状态(Status)']);
    expect(rows.find((r) => r[0] === '导入民营科技有限公司')).toEqual(expect.arrayContaining(['民营企业', '用人单位、培训机构', 'miit.330000', '正常']));
    const grassroots = header.indexOf(COL.grassroots);
    expect([rows.find((r) => r[0] === '导入社会组织')?.[grassroots], rows.find((r) => r[0] === '导入外资企业')?.[grassroots]]).toEqual(['是', '否']);
    expect(rows.map((r) => r[0])).not.toContain('广东已登记单位');
  });

  it('reads back through the import: the only problem is that each code is registered', async () => {
    const res = await zj.get(`/api/organisations/export?format=xlsx&q=${encodeURIComponent('导入')}`);
    const answer = await upload(zj, `${IMPORT}?dryRun=true`, res.rawPayload, 'organisations.xlsx');
    const details = answer.json<ErrorBody>().details;
    expect(details.length).toBe(4);
    expect(new Set(details.map((d) => d.code))).toEqual(new Set(['ORGANISATION_CREDIT_CODE_TAKEN']));
  });

  it('exports the same units as the list shows for a search by credit code', async () => {
    const [org] = await findByName('导入外资企业');
    expect((await zj.get(`/api/organisations?q=${org.creditCode}`)).json<Page<OrgView>>().total).toBe(1);
    const [, ...rows] = await exportRows(`q=${org.creditCode}`);
    expect(rows.map((r) => r[1])).toEqual([org.creditCode]);
  });
});
