import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser, login } from '../support/app.ts';

const SEED = readFileSync(new URL('../../src/modules/plans/data/plan-2023.txt', import.meta.url), 'utf8');
const RESOLVE = { rows: { 合计: { kind: 'other' } } };

let t: TestApp;
let nation: Client;
let zhejiang: Client;
let guangdong: Client;
let miit: Client;
let cac: Client;
let planId: string;

type Finding = { code: string; severity: string; row: number | null; column: number | null; label: string | null; expected: number | null; found: number | null; message: string };

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await t.db.query<{ action: string }>(`SELECT action FROM audit_events WHERE entity = 'plan' AND entity_id = $1 ORDER BY seq`, [entityId]);
  return rows.map((r) => r.action);
}

async function version(): Promise<number> {
  return (await nation.get(`/api/plans/${planId}`)).json().version as number;
}

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t, 'plan.nation', [{ role: 'national_admin', scopeType: 'nation', scopeId: '000000' }]);
  await createUser(t, 'plan.zj', [{ role: 'province_admin', scopeType: 'region', scopeId: '330000' }]);
  await createUser(t, 'plan.gd', [{ role: 'province_admin', scopeType: 'region', scopeId: '440000' }]);
  await createUser(t, 'plan.miit', [{ role: 'department_admin', scopeType: 'department', scopeId: 'miit' }]);
  await createUser(t, 'plan.cac', [{ role: 'department_admin', scopeType: 'department', scopeId: 'cac' }]);
  [nation, zhejiang, guangdong, miit, cac] = await Promise.all(['plan.nation', 'plan.zj', 'plan.gd', 'plan.miit', 'plan.cac'].map((u) => login(t, u)));
  const res = await nation.post('/api/plans', { year: 2023, programme: 'capability', title: '2023年专业技术人员能力提升项目计划' });
  expect(res.statusCode).toBe(201);
  planId = res.json().id;
});
afterAll(() => t.close());

describe('importing the seed table', () => {
  it('dry run: reports the findings with row, column, expected and found, and the computed totals', async () => {
    const res = await nation.post(`/api/plans/${planId}/import?dryRun=true`, { format: 'text', content: SEED });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { findings: Finding[]; errors: number; warnings: number; totals: { people: number; statedPeople: number }; unit: string; committed: boolean };
    expect(body.committed).toBe(false);
    expect(body.unit).toBe('tenThousand');
    expect(body.totals.statedPeople).toBe(923_500);
    expect(body.findings.map((f) => [f.code, f.row, f.column, f.expected, f.found])).toEqual([
      ['PLAN_IMPORT_TOTALS_ROW', 10, null, null, null],
      ['PLAN_IMPORT_COLUMN_SUM', 10, 14, 177_500, 177_000],
      ['PLAN_IMPORT_COLUMN_SUM', 10, 15, 81_000, 81_500],
      ['PLAN_IMPORT_UNKNOWN_ROW', 11, null, null, 20_000],
      ['PLAN_IMPORT_EMPTY_ROW', 13, null, null, null],
    ]);
    expect(body.findings[3]?.message).toBe('第 11 行“合计”不是已知的主管部门');
    const en = await nation.post(`/api/plans/${planId}/import?dryRun=true`, { format: 'text', content: SEED }, { 'accept-language': 'en' });
    expect((en.json().findings as Finding[])[1]?.message).toBe('Column 14 (应急管理): the rows add up to 177000, the totals row says 177500');
  });

  it('refuses to commit while a label is unmapped, and saves nothing', async () => {
    const res = await nation.post(`/api/plans/${planId}/import`, { format: 'text', content: SEED });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('PLAN_IMPORT_UNRESOLVED');
    expect(res.json().details[0]).toMatchObject({ code: 'PLAN_IMPORT_UNKNOWN_ROW', row: 11, value: '合计' });
    expect((await nation.get(`/api/plans/${planId}`)).json().nationalPeople).toBe(0);
  });

  it('refuses to commit sums that disagree until they are accepted', async () => {
    const res = await nation.post(`/api/plans/${planId}/import`, { format: 'text', content: SEED, mapping: RESOLVE });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('PLAN_IMPORT_MISMATCHES_NOT_ACCEPTED');
    expect(res.json().details).toHaveLength(2);
  });

});

describe('committing the seed table', () => {
  it('commits once resolved: 923,500 people, with history and an audit event', async () => {
    const res = await nation.post(`/api/plans/${planId}/import`, { format: 'text', content: SEED, mapping: RESOLVE, acceptMismatches: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().totals.people).toBe(923_500);
    const plan = (await nation.get(`/api/plans/${planId}`)).json();
    expect(plan.nationalPeople).toBe(923_500);
    const targets = (await nation.get(`/api/plans/${planId}/targets?regionCode=000000`)).json().items as { field: string; departmentCode: string; people: number }[];
    expect(targets.find((x) => x.field === 'digital_tech' && x.departmentCode === 'miit')?.people).toBe(67_000);
    expect(targets.find((x) => x.field === 'digital_tech' && x.departmentCode === '')?.people).toBe(10_000);
    expect(targets.some((x) => x.departmentCode === 'ndrc')).toBe(false);
    const history = (await nation.get(`/api/plans/${planId}/history`)).json().items as { action: string; summary: { people?: number } }[];
    expect(history[0]).toMatchObject({ action: 'plan.import', summary: { people: 923_500 } });
    expect(await auditActions(planId)).toEqual(['plan.create', 'plan.import']);
    const imports = await t.db.query<{ people: number }>('SELECT people FROM plan_imports WHERE plan_id = $1', [planId]);
    expect(imports.map((r) => Number(r.people))).toEqual([923_500]);
  });

  it('reads the same table from an Excel workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('附件');
    sheet.addRow(['2023年专业技术人员知识更新工程专业技术人员能力提升项目计划表']);
    sheet.addRow(['单位：万人']);
    for (const line of SEED.split('\n').filter((l) => l.includes('\t'))) {
      sheet.addRow(line.split('\t').map((c, i) => (i > 0 && /^[\d.]+$/.test(c) ? Number(c) : c)));
    }
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const res = await nation.post(`/api/plans/${planId}/import?dryRun=true`, { format: 'xlsx', content, mapping: RESOLVE });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.unit).toBe('tenThousand');
    expect(body.totals.people).toBe(923_500);
    expect((body.findings as Finding[]).filter((f) => f.severity !== 'info').map((f) => [f.code, f.row, f.column])).toEqual([
      ['PLAN_IMPORT_COLUMN_SUM', 4, 14],
      ['PLAN_IMPORT_COLUMN_SUM', 4, 15],
    ]);
  });
});

describe('status and visibility', () => {
  it('hides a draft from provinces and shows it once published', async () => {
    expect((await zhejiang.get(`/api/plans/${planId}`)).statusCode).toBe(404);
    const res = await nation.post(`/api/plans/${planId}/status`, { status: 'published', version: await version() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published', abilities: { edit: false, close: true, split: true } });
    expect((await zhejiang.get(`/api/plans/${planId}`)).statusCode).toBe(200);
    expect((await zhejiang.get('/api/plans')).json().items).toHaveLength(1);
  });

  it('refuses a stale version and an illegal transition, and a province cannot publish', async () => {
    expect((await nation.post(`/api/plans/${planId}/status`, { status: 'closed', version: 1 })).json().code).toBe('PLAN_STALE');
    expect((await nation.post(`/api/plans/${planId}/status`, { status: 'published', version: await version() })).json().code).toBe('PLAN_STATUS_TRANSITION');
    expect((await zhejiang.post(`/api/plans/${planId}/status`, { status: 'closed', version: await version() })).statusCode).toBe(403);
  });

  it('refuses an import into a published plan', async () => {
    const res = await nation.post(`/api/plans/${planId}/import`, { format: 'text', content: SEED, mapping: RESOLVE, acceptMismatches: true });
    expect(res.json().code).toBe('PLAN_NOT_EDITABLE');
  });

  it('refuses a second plan of the same programme and year', async () => {
    expect((await nation.post('/api/plans', { year: 2023, programme: 'capability', title: 'x' })).json().code).toBe('PLAN_EXISTS');
  });
});

describe('decomposition', () => {
  const split = (c: Client, parentRegion: string, parts: unknown[], v: number) => c.put(`/api/plans/${planId}/split`, { parentRegion, version: v, parts });

  it('refuses a split that does not add up, naming expected and found', async () => {
    const res = await split(nation, '000000', [
      { field: 'digital_tech', departmentCode: 'miit', regionCode: '330000', people: 40_000 },
      { field: 'digital_tech', departmentCode: 'miit', regionCode: '440000', people: 20_000 },
    ], await version());
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'PLAN_SPLIT_SUM', details: [{ params: { expected: 67_000, found: 60_000 } }] });
  });

  it('refuses a part that is not a province of the nation', async () => {
    const res = await split(nation, '000000', [{ field: 'digital_tech', departmentCode: 'miit', regionCode: '330100', people: 67_000 }], await version());
    expect(res.json().code).toBe('PLAN_SPLIT_REGION');
  });

  it('lets a department split its own target to provinces, and not another department\'s', async () => {
    const parts = [
      { field: 'digital_tech', departmentCode: 'miit', regionCode: '330000', people: 40_000 },
      { field: 'digital_tech', departmentCode: 'miit', regionCode: '440000', people: 27_000 },
    ];
    expect((await split(cac, '000000', parts, await version())).statusCode).toBe(404);
    const res = await split(miit, '000000', parts, await version());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ stored: 2, replaced: 0 });
  });

  it('shows each level its own targets', async () => {
    const zj = (await zhejiang.get(`/api/plans/${planId}/targets`)).json().items;
    expect(zj).toEqual([{ regionCode: '330000', field: 'digital_tech', departmentCode: 'miit', people: 40_000 }]);
    const gd = (await guangdong.get(`/api/plans/${planId}/targets`)).json().items;
    expect(gd.map((x: { regionCode: string }) => x.regionCode)).toEqual(['440000']);
    const m = (await miit.get(`/api/plans/${planId}/targets`)).json().items as { departmentCode: string }[];
    expect(new Set(m.map((x) => x.departmentCode))).toEqual(new Set(['miit']));
    expect((await cac.get(`/api/plans/${planId}/targets`)).json().items.some((x: { departmentCode: string }) => x.departmentCode === 'miit')).toBe(false);
  });

  it('lets a province split its share to its cities, exactly', async () => {
    const parts = [
      { field: 'digital_tech', departmentCode: 'miit', regionCode: '330100', people: 30_000 },
      { field: 'digital_tech', departmentCode: 'miit', regionCode: '330200', people: 10_000 },
    ];
    expect((await split(guangdong, '330000', parts, await version())).statusCode).toBe(404);
    expect((await split(zhejiang, '330000', parts, await version())).statusCode).toBe(200);
    const cities = (await zhejiang.get(`/api/plans/${planId}/targets`)).json().items as { regionCode: string; people: number }[];
    expect(cities.filter((x) => x.regionCode !== '330000').reduce((s, x) => s + x.people, 0)).toBe(40_000);
    expect(await auditActions(planId)).toEqual(['plan.create', 'plan.import', 'plan.publish', 'plan.split', 'plan.split']);
  });

  it('replaces an earlier split of the same targets', async () => {
    const res = await split(miit, '000000', [{ field: 'digital_tech', departmentCode: 'miit', regionCode: '330000', people: 67_000 }], await version());
    expect(res.json()).toMatchObject({ replaced: 2, stored: 1 });
  });
});
