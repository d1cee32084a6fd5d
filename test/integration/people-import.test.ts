import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser, login } from '../support/app.ts';
import { makeOrganisation, makePerson, validCitizenId } from '../support/fixtures.ts';
import type { OrgWrite } from '../../src/modules/registry/organisations/repo.ts';
import { multipartFile } from '../support/multipart.ts';

type ImportResult = { rows: number; created: number; dryRun: boolean };
type Detail = { code: string; message: string; row?: number; column?: string; path?: string; value?: string; params?: Record<string, string | number> };
type ErrorBody = { code: string; message: string; details: Detail[] };
type PersonView = { id: string; name: string; idNumberMasked: string; employerId: string; regionCode: string; titleLevel: string; phoneMasked: string; managementPost: boolean };
type Page<T> = { items: T[]; total: number };
type Cell = string | number | boolean;
type PersonCells = { idNumber: string; name: string; regionCode?: string; employer?: string; titleLevel?: string; phone?: string; managementPost?: string };

const COL = {
  idNumber: '身份证号码(ID number)',
  name: '姓名(Name)',
  region: '所在地区代码(Region code)',
  employer: '工作单位统一社会信用代码(Employer credit code)',
  titleLevel: '职称级别(Title level)',
  managementPost: '是否担任管理岗位(Management post)',
} as const;
const IMPORT = '/api/people/import';

let t: TestApp;
let zj: Client;
let gd: Client;
let headers: string[];
let zjEmployer: OrgWrite;
let gdEmployer: OrgWrite;
let registered: Awaited<ReturnType<typeof makePerson>>;
let gdPerson: Awaited<ReturnType<typeof makePerson>>;
const importedIds: string[] = [];

function upload(client: Client, url: string, content: Buffer | string, filename = 'people.csv', headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const body = multipartFile(content, filename);
  return client.post(url, body.payload, { ...body.headers, ...headers });
}

/** One data row in the column order of the downloaded template. */
function cells(p: PersonCells): string[] {
  const byZh: Record<string, string> = {
    身份证号码: p.idNumber, 姓名: p.name, 所在地区代码: p.regionCode ?? '330100', 工作单位统一社会信用代码: p.employer ?? zjEmployer.creditCode,
    职称系列: '工程技术', 职称级别: p.titleLevel ?? '中级', 专业: '软件工程', 手机号码: p.phone ?? '13800138000',
    是否担任管理岗位: p.managementPost ?? '',
  };
  return headers.map((h) => byZh[h.split('(')[0]] ?? '');
}
const csv = (rows: string[][], head: string[] = headers): string => stringify([head, ...rows]);

function wrongCheckDigit(id: string): string {
  return id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
}

async function xlsx(rows: (Cell[] | null)[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('people');
  rows.forEach((row, i) => {
    if (row) sheet.getRow(i + 1).values = row;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

let gbTable: Map<string, number[]> | undefined;
/** Encode text as GB18030 (two-byte GBK range), by inverting the platform decoder. */
function encodeGb18030(text: string): Buffer {
  if (!gbTable) {
    gbTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead += 1) {
      for (let trail = 0x40; trail <= 0xfe; trail += 1) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(Uint8Array.from([lead, trail]));
        if (ch.length === 1 && !gbTable.has(ch)) gbTable.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const bytes = code < 0x80 ? [code] : gbTable.get(ch);
    if (!bytes) throw new Error(`no GB18030 form for ${ch}`);
    out.push(...bytes);
  }
  return Buffer.from(out);
}

async function countPeople(): Promise<number> {
  return (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM people'))[0].n;
}

async function findById(client: Client, idNumber: string): Promise<PersonView[]> {
  return (await client.get(`/api/people?q=${idNumber}`)).json<Page<PersonView>>().items;
}

async function readExport(format: 'csv' | 'xlsx', body: Buffer): Promise<string[][]> {
  if (format === 'csv') return parseCsv(body.toString('utf8').replace(/^\uFEFF/, '')) as string[][];
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push(Array.from({ length: sheet.columnCount }, (_, c) => row.getCell(c + 1).text)));
  return rows;
}

beforeAll(async () => {
  t = await createTestApp();
  zjEmployer = await makeOrganisation(t.db, { regionCode: '330100', name: '浙江导入单位' });
  gdEmployer = await makeOrganisation(t.db, { regionCode: '440100', name: '广东导入单位' });
  registered = await makePerson(t.db, zjEmployer, { name: '已登记' });
  gdPerson = await makePerson(t.db, gdEmployer, { name: '粤省人员' });
  await createUser(t, 'zj', [{ role: 'province_admin', scopeType: 'region', scopeId: '330000' }]);
  await createUser(t, 'gd', [{ role: 'province_admin', scopeType: 'region', scopeId: '440000' }]);
  zj = await login(t, 'zj');
  gd = await login(t, 'gd');
  const template = await zj.get('/api/people/template?format=csv');
  headers = (parseCsv(template.rawPayload.toString('utf8').replace(/^\uFEFF/, '')) as string[][])[0];
});
afterAll(() => t.close());

describe('the import template', () => {
  it('offers every import column, Chinese label first, as a UTF-8 CSV with BOM', async () => {
    const res = await zj.get('/api/people/template?format=csv');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('filename="people-template.csv"');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(headers).toEqual([COL.idNumber, COL.name, COL.region, COL.employer, '职称系列(Title series)', COL.titleLevel, '专业(Specialty)', '手机号码(Mobile)', COL.managementPost]);
    const [, example] = parseCsv(res.rawPayload.toString('utf8').replace(/^\uFEFF/, '')) as string[][];
    expect(example.at(-1)).toBe('否');
  });
});

describe('importing a valid file', () => {
  it('imports every row of a UTF-8 CSV (with BOM, as Excel saves it) built on the template header', async () => {
    const people = [{ idNumber: validCitizenId(), name: '导入甲' }, { idNumber: validCitizenId(), name: '导入乙', titleLevel: '副高级' }, { idNumber: validCitizenId(), name: '导入丙', phone: '' }];
    const before = await countPeople();
    const res = await upload(zj, `${IMPORT}?dryRun=false`, `\uFEFF${csv(people.map(cells))}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<ImportResult>()).toEqual({ rows: 3, created: 3, dryRun: false });
    expect(await countPeople()).toBe(before + 3);
    for (const p of people) {
      const [found] = await findById(zj, p.idNumber);
      expect(found).toMatchObject({ name: p.name, employerId: zjEmployer.id, regionCode: '330100', idNumberMasked: `${p.idNumber.slice(0, 4)}**********${p.idNumber.slice(-4)}` });
      importedIds.push(p.idNumber);
    }
    expect((await findById(zj, people[1].idNumber))[0].titleLevel).toBe('deputy_senior');
    expect((await findById(zj, people[2].idNumber))[0].phoneMasked).toBe('');
  });

  it('records a person.imported audit event for the file, without any full ID', async () => {
    const idNumber = validCitizenId();
    const file = csv([cells({ idNumber, name: '审计导入' })]);
    expect((await upload(zj, IMPORT, file)).statusCode).toBe(200);
    importedIds.push(idNumber);
    const rows = await t.db.query<{ entity: string; entityId: string; actorName: string; after: { rows: number } }>(
      `SELECT entity, entity_id AS "entityId", actor_name AS "actorName", after FROM audit_events WHERE action = 'person.imported' ORDER BY seq DESC LIMIT 1`,
    );
    expect(rows[0]).toMatchObject({ entity: 'person_import', entityId: createHash('sha256').update(file).digest('hex'), actorName: 'zj', after: { rows: 1 } });
    expect(JSON.stringify(rows)).not.toContain(idNumber);
  });

  it('imports an XLSX workbook built with exceljs, numeric cells included', async () => {
    const a = validCitizenId();
    const b = validCitizenId();
    const file = await xlsx([headers, cells({ idNumber: a, name: '表格甲' }), [...cells({ idNumber: b, name: '表格乙' }).slice(0, 2), 330100, zjEmployer.creditCode, '', '初级', '', 13912345678, true]]);
    const res = await upload(zj, IMPORT, file, 'people.xlsx');
    expect(res.json<ImportResult>()).toEqual({ rows: 2, created: 2, dryRun: false });
    expect((await findById(zj, a))[0]).toMatchObject({ name: '表格甲', managementPost: false });
    expect((await findById(zj, b))[0]).toMatchObject({ name: '表格乙', titleLevel: 'junior', phoneMasked: '139****5678', managementPost: true });
    importedIds.push(a, b);
  });

  it('reads a GB18030 CSV (as Excel saves it on Chinese Windows) with the right name', async () => {
    const idNumber = validCitizenId();
    expect([...encodeGb18030('张三')]).toEqual([0xd5, 0xc5, 0xc8, 0xfd]);
    const file = encodeGb18030(csv([cells({ idNumber, name: '张三' })]));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(file)).toThrow();
    const res = await upload(zj, IMPORT, file);
    expect(res.json<ImportResult>()).toEqual({ rows: 1, created: 1, dryRun: false });
    expect((await findById(zj, idNumber))[0].name).toBe('张三');
    importedIds.push(idNumber);
  });

  it('checks a valid file without writing anything when dryRun=true', async () => {
    const file = csv([cells({ idNumber: validCitizenId(), name: '试导甲' }), cells({ idNumber: validCitizenId(), name: '试导乙' })]);
    const before = await countPeople();
    const res = await upload(zj, `${IMPORT}?dryRun=true`, file);
    expect(res.statusCode).toBe(200);
    expect(res.json<ImportResult>()).toEqual({ dryRun: true, rows: 2, created: 0 });
    expect(await countPeople()).toBe(before);
    expect((await upload(zj, IMPORT, file)).json<ImportResult>().created).toBe(2);
  });
});

describe('a file with invalid rows', () => {
  const validId = validCitizenId();
  const expected: { row: number; column: string; code: string; message?: string }[] = [
    { row: 3, column: COL.idNumber, code: 'ID_CHECK_DIGIT', message: '身份证号码校验位错误' },
    { row: 4, column: COL.region, code: 'REGION_NOT_FOUND', message: '行政区划 339999 不存在' },
    { row: 5, column: COL.employer, code: 'ORGANISATION_NOT_FOUND' },
    { row: 6, column: COL.idNumber, code: 'IMPORT_DUPLICATE_IN_FILE', message: '与第 2 行重复' },
    { row: 7, column: COL.idNumber, code: 'PERSON_ID_TAKEN' },
    { row: 8, column: COL.region, code: 'PERSON_REGION_EMPLOYER_MISMATCH' },
    { row: 9, column: COL.titleLevel, code: 'IMPORT_VALUE_UNKNOWN' },
    { row: 10, column: COL.employer, code: 'ORGANISATION_NOT_EMPLOYER', message: '所选单位不是用人单位或已停用' },
    { row: 11, column: COL.managementPost, code: 'IMPORT_YES_NO_INVALID', message: '应填写“是”或“否”（也可填 true/false、1/0、Y/N）' },
  ];
  let res: LightMyRequestResponse;
  let before: number;
  let auditsBefore: number;
  const imports = async () => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'person.imported'`))[0].n;

  beforeAll(async () => {
    const closed = await makeOrganisation(t.db, { regionCode: '330100', name: '已停用单位' });
    await t.db.query(`UPDATE organisations SET status = 'inactive' WHERE id = $1`, [closed.id]);
    const rows = [
      cells({ idNumber: validId, name: '有效行' }),
      cells({ idNumber: wrongCheckDigit(validCitizenId()), name: '校验错' }),
      cells({ idNumber: validCitizenId(), name: '地区错', regionCode: '339999' }),
      cells({ idNumber: validCitizenId(), name: '外省单位', employer: gdEmployer.creditCode }),
      cells({ idNumber: validId, name: '重复行' }),
      cells({ idNumber: registered.idNumber, name: '已登记' }),
      cells({ idNumber: validCitizenId(), name: '跨省地区', regionCode: '440100' }),
      cells({ idNumber: validCitizenId(), name: '级别错', titleLevel: '特级' }),
      cells({ idNumber: validCitizenId(), name: '停用单位', employer: closed.creditCode }),
      cells({ idNumber: validCitizenId(), name: '岗位错', managementPost: '也许' }),
    ];
    before = await countPeople();
    auditsBefore = await imports();
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

  it('writes nothing, not even the valid row, and audits no import', async () => {
    expect(await countPeople()).toBe(before);
    expect(await findById(zj, validId)).toEqual([]);
    expect(await imports()).toBe(auditsBefore);
  });

  it('shows a duplicate or registered ID only masked in the answer', () => {
    expect(res.body).not.toContain(validId);
    expect(res.body).not.toContain(registered.idNumber);
    expect(res.json<ErrorBody>().details.find((d) => d.row === 7)?.value).toBe(registered.idNumberMasked);
  });

});

describe('the management post column (是否担任管理岗位)', () => {
  const spellings: [string, boolean][] = [['是', true], ['否', false], ['TRUE', true], ['false', false], ['1', true], ['0', false], ['Y', true], ['n', false], [' 是 ', true], ['', false]];
  it('reads the management post as 是/否, true/false, 1/0 or Y/N in any case, an empty cell as 否', async () => {
    const people = spellings.map(([managementPost], i) => ({ idNumber: validCitizenId(), name: `岗位${'甲乙丙丁戊己庚辛壬癸'[i]}`, managementPost }));
    const res = await upload(zj, IMPORT, csv(people.map(cells)));
    expect(res.json<ImportResult>()).toEqual({ rows: spellings.length, created: spellings.length, dryRun: false });
    const stored = await Promise.all(people.map(async (p) => (await findById(zj, p.idNumber))[0].managementPost));
    expect(stored).toEqual(spellings.map(([, value]) => value));
    importedIds.push(...people.map((p) => p.idNumber));
  });

  it('imports a file made on the older template, without the management post column, as 否', async () => {
    const idNumber = validCitizenId();
    const without = (row: string[]) => row.filter((_, i) => headers[i] !== COL.managementPost);
    const res = await upload(zj, IMPORT, csv([without(cells({ idNumber, name: '旧模板' }))], without(headers)));
    expect(res.json<ImportResult>().created).toBe(1);
    expect((await findById(zj, idNumber))[0].managementPost).toBe(false);
    importedIds.push(idNumber);
  });

  it('names a bad management post value in English too, with the value', async () => {
    const file = csv([cells({ idNumber: validCitizenId(), name: '岗位错英', managementPost: 'maybe' })]);
    const en = await upload(zj, IMPORT, file, 'people.csv', { 'accept-language': 'en' });
    expect(en.statusCode).toBe(422);
    expect(en.json<ErrorBody>().details).toEqual([
      expect.objectContaining({ row: 2, column: COL.managementPost, code: 'IMPORT_YES_NO_INVALID', value: 'maybe', message: 'Enter 是 or 否 (yes or no; true/false, 1/0 and Y/N are accepted too)' }),
    ]);
  });
});

describe('row numbers in problem reports', () => {
  // Excel writes an empty row of a CSV as a line of bare commas; in an XLSX the row is simply absent.
  it.each(['csv', 'xlsx'] as const)('numbers rows as the %s file shows them, an empty row counted', async (format) => {
    const good = cells({ idNumber: validCitizenId(), name: '空行前' });
    const bad = cells({ idNumber: wrongCheckDigit(validCitizenId()), name: '空行后' });
    const file = format === 'csv' ? csv([good, headers.map(() => ''), bad]) : await xlsx([headers, good, null, bad]);
    const answer = await upload(zj, IMPORT, file, `blank.${format}`);
    expect(answer.json<ErrorBody>().details).toEqual([expect.objectContaining({ row: 4, code: 'ID_CHECK_DIGIT' })]);
  });
});

describe('a file that cannot be imported', () => {
  it('answers 400 IMPORT_MISSING_COLUMN naming the missing required column in row 1', async () => {
    const without = (row: string[]) => row.filter((_, i) => headers[i] !== COL.name);
    const res = await upload(zj, IMPORT, csv([without(cells({ idNumber: validCitizenId(), name: '缺列' }))], without(headers)));
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>()).toMatchObject({ code: 'IMPORT_MISSING_COLUMN', message: `缺少列：${COL.name}`, details: [{ row: 1, column: COL.name }] });
  });

  it.each([
    ['a zero-byte file', () => ''],
    ['a header row without data', () => csv([])],
    ['only blank lines after the header', () => `${csv([])}\n,,,,\n\n`],
  ])('answers 400 IMPORT_FILE_EMPTY for %s', async (_label, file) => {
    const res = await upload(zj, IMPORT, file());
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>()).toMatchObject({ code: 'IMPORT_FILE_EMPTY', message: '导入文件没有数据行' });
  });

  const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251));
  it.each([
    ['random binary bytes', junk],
    ['a damaged XLSX (ZIP signature, then garbage)', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), junk])],
    ['a PNG image', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), junk])],
  ])('answers a clear 400, never 500, for %s', async (_label, file) => {
    const before = await countPeople();
    const res = await upload(zj, IMPORT, file, 'upload.bin');
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().code).toBe('IMPORT_FILE_UNREADABLE');
    expect(res.json<ErrorBody>().message).toMatch(/^无法读取导入文件：.+/);
    expect(await countPeople()).toBe(before);
  });

  it('answers 400 naming the file field when the request carries no file', async () => {
    const res = await zj.post(IMPORT, {});
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().details[0]).toMatchObject({ code: 'FIELD_REQUIRED', path: '/file' });
  });

  it('answers 401 without a session and 403 to a department administrator', async () => {
    const anonymous = await t.app.inject({ method: 'POST', url: IMPORT, payload: {} });
    expect(anonymous.statusCode).toBe(401);
    await createUser(t, 'miit', [{ role: 'department_admin', scopeType: 'department', scopeId: 'miit' }]);
    const res = await upload(await login(t, 'miit'), IMPORT, csv([cells({ idNumber: validCitizenId(), name: '越权' })]));
    expect(res.statusCode).toBe(403);
  });
});

describe('exporting people', () => {
  it.each([
    ['csv', 'text/csv; charset=utf-8'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ] as const)('exports %s as an attachment holding masked IDs of the caller province only', async (format, contentType) => {
    const res = await zj.get(`/api/people/export?format=${format}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(contentType);
    expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="people\\.${format}"`));
    const [header, ...rows] = await readExport(format, res.rawPayload);
    expect(header[0]).toBe('身份证号码(已脱敏) ID (masked)');
    expect(header.at(-1)).toBe('是否担任管理岗位 Management post');
    const posts = new Map(rows.map((r) => [r[1], r.at(-1)]));
    expect([posts.get('岗位甲'), posts.get('岗位乙'), posts.get('已登记')]).toEqual(['是', '否', '否']);
    expect(rows).toHaveLength((await zj.get('/api/people?pageSize=1')).json<Page<PersonView>>().total);
    expect(rows.every((r) => /^\d{4}\*{10}[\dX]{4}$/.test(r[0]))).toBe(true);
    const text = rows.flat().join('\n');
    expect(importedIds.length).toBeGreaterThanOrEqual(7);
    for (const id of [registered.idNumber, ...importedIds]) {
      expect(text).not.toContain(id);
      expect(rows.map((r) => r[0])).toContain(`${id.slice(0, 4)}**********${id.slice(-4)}`);
    }
    expect(text).not.toContain('粤省人员');
    expect(text).not.toContain(gdPerson.idNumberMasked);
    expect(text).not.toContain('13800138000');
  });

  it('exports for another province only its own people', async () => {
    const rows = await readExport('csv', (await gd.get('/api/people/export?format=csv')).rawPayload);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['粤省人员']);
  });

  it('exports the same people as the list shows for a search by full citizen ID', async () => {
    const listed = await findById(zj, registered.idNumber);
    expect(listed).toHaveLength(1);
    const rows = await readExport('csv', (await zj.get(`/api/people/export?format=csv&q=${registered.idNumber}`)).rawPayload);
    expect(rows.slice(1).map((r) => r[0])).toEqual([registered.idNumberMasked]);
  });
});
