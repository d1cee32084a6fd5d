import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NATIONAL_DEPARTMENTS } from '../../src/modules/registry/departments/catalogue.ts';
import {
  type Analysis,
  type ImportMapping,
  agreesWithStated,
  analysePlanTable,
  parsePeople,
  parseTabText,
} from '../../src/modules/plans/import/rules.ts';

const SEED = readFileSync(new URL('../../src/modules/plans/data/plan-2023.txt', import.meta.url), 'utf8');
const DEPARTMENTS = NATIONAL_DEPARTMENTS.map((d) => ({ code: d.code, name: d.name, shortName: d.shortName }));

function analyse(text: string, mapping?: ImportMapping): Analysis {
  const { rows, unit } = parseTabText(text);
  return analysePlanTable({ rows, unit: unit ?? 'tenThousand', departments: DEPARTMENTS, mapping });
}

const codes = (a: Analysis) => a.findings.map((f) => `${f.code}@${f.row}:${f.column ?? '-'}`);

describe('numbers in a 万人 table', () => {
  it.each([
    ['5.1', 'tenThousand', 51_000],
    ['0.05', 'tenThousand', 500],
    ['92.35', 'tenThousand', 923_500],
    ['0.30000000000000004', 'tenThousand', 3_000],
    ['1,234', 'person', 1_234],
    ['', 'tenThousand', null],
    ['—', 'tenThousand', null],
    ['1.00001', 'tenThousand', 'invalid'],
    ['1.5', 'person', 'invalid'],
    ['abc', 'tenThousand', 'invalid'],
    ['-3', 'tenThousand', 'invalid'],
  ] as const)('%s %s is %s people', (text, unit, people) => {
    expect(parsePeople(text, unit)).toBe(people);
  });

  it.each([
    [81_500, 81_000, '8.1', false],
    [81_400, 81_000, '8.1', true],
    [177_000, 177_500, '17.75', false],
    [177_460, 177_500, '17.75', true],
    [23, 24, '24', false],
  ])('a computed %i agrees with a stated %i written %s: %s', (computed, stated, text, ok) => {
    expect(agreesWithStated(computed, stated, text, computed === 23 ? 'person' : 'tenThousand')).toBe(ok);
  });
});

describe('the seed table (2023 capability-improvement plan)', () => {
  it('reads the unit and the header and finds the totals row by its figures', () => {
    const a = analyse(SEED);
    expect(a.unit).toBe('tenThousand');
    expect(a.columns.filter((c) => c.role === 'field')).toHaveLength(15);
    const totals = a.rows.find((r) => r.role === 'totals');
    expect(totals?.label).toBe('涉及部门');
    expect(a.totals.statedPeople).toBe(923_500);
  });

  it('reports the row labelled 合计 with figures, the empty 国家发展改革委 row and two column sums', () => {
    const a = analyse(SEED);
    const unknown = a.findings.find((f) => f.code === 'PLAN_IMPORT_UNKNOWN_ROW');
    expect(unknown).toMatchObject({ severity: 'error', label: '合计', found: 20_000 });
    expect(a.findings.find((f) => f.code === 'PLAN_IMPORT_EMPTY_ROW')).toMatchObject({ label: '国家发展改革委', severity: 'info' });
    const sums = a.findings.filter((f) => f.code === 'PLAN_IMPORT_COLUMN_SUM');
    expect(sums.map((f) => [f.columnHeader, f.expected, f.found])).toEqual([
      ['应急管理', 177_500, 177_000],
      ['乡村振兴', 81_000, 81_500],
    ]);
    expect(a.findings.filter((f) => f.code === 'PLAN_IMPORT_ROW_SUM')).toEqual([]);
    expect(a.errors).toBe(1);
    expect(a.warnings).toBe(2);
  });

  it('totals 923,500 people once the 合计 row is marked as other', () => {
    const a = analyse(SEED, { rows: { 合计: { kind: 'other' } } });
    expect(a.errors).toBe(0);
    expect(a.totals.people).toBe(923_500);
    expect(a.totals.byField.digital_tech).toBe(104_000);
    expect(a.targets.find((t) => t.departmentCode === '' && t.field === 'cyber_security')?.people).toBe(10_000);
    expect(a.findings.find((f) => f.code === 'PLAN_IMPORT_UNKNOWN_ROW')).toMatchObject({ severity: 'info', resolution: 'other' });
  });

  it('adds a row mapped to a department to that department', () => {
    const a = analyse(SEED, { rows: { 合计: { kind: 'department', code: 'cac' } } });
    expect(a.totals.people).toBe(923_500);
    // 中央网信办 has 0.4 in 网络安全; the mapped row adds 1.0.
    expect(a.targets.find((t) => t.departmentCode === 'cac' && t.field === 'cyber_security')?.people).toBe(14_000);
  });

  it('leaves out an ignored row, and then the column sums of its columns disagree', () => {
    const a = analyse(SEED, { rows: { 合计: { kind: 'ignore' } } });
    expect(a.totals.people).toBe(903_500);
    expect(a.findings.filter((f) => f.code === 'PLAN_IMPORT_COLUMN_SUM').map((f) => f.columnHeader)).toEqual(
      expect.arrayContaining(['数字技术', '网络安全', '小计']),
    );
  });

  it('refuses a mapping to a department that does not exist', () => {
    const a = analyse(SEED, { rows: { 合计: { kind: 'department', code: 'nope' } } });
    expect(a.findings.find((f) => f.code === 'PLAN_IMPORT_UNKNOWN_DEPARTMENT')).toMatchObject({ row: 11, severity: 'error' });
  });
});

const SMALL = [
  '单位：万人',
  '领域\t新一代信息技术\t生物技术\t小计',
  '合计\t1.5\t2.0\t3.5',
  '教育部\t1.0\t1.0\t2.0',
  '科技部\t0.5\t1.0\t1.5',
].join('\n');

describe('checks on small tables', () => {
  it('accepts a table that adds up', () => {
    const a = analyse(SMALL);
    expect(codes(a)).toEqual([]);
    expect(a.totals.people).toBe(35_000);
  });

  it('reports a wrong subtotal with its row, column, expected and found', () => {
    const a = analyse(SMALL.replace('科技部\t0.5\t1.0\t1.5', '科技部\t0.5\t1.0\t1.7'));
    const f = a.findings.find((x) => x.code === 'PLAN_IMPORT_ROW_SUM');
    expect(f).toMatchObject({ row: 5, column: 4, columnHeader: '小计', label: '科技部', expected: 17_000, found: 15_000, severity: 'warning' });
  });

  it('reports a wrong column sum against the totals row', () => {
    const a = analyse(SMALL.replace('合计\t1.5\t2.0\t3.5', '合计\t1.6\t2.0\t3.5'));
    expect(codes(a)).toEqual(['PLAN_IMPORT_COLUMN_SUM@3:2']);
    expect(a.findings[0]).toMatchObject({ expected: 16_000, found: 15_000 });
  });

  it('reports an unknown department as an error until it is mapped', () => {
    const text = `${SMALL}\n外星事务部\t0.1\t\t0.1`;
    const a = analyse(text);
    expect(a.findings.find((f) => f.code === 'PLAN_IMPORT_UNKNOWN_ROW')).toMatchObject({ row: 6, label: '外星事务部', severity: 'error' });
    expect(analyse(text, { rows: { 外星事务部: { kind: 'department', code: 'most' } } }).errors).toBe(0);
  });

  it('reports an unknown column, which a mapping to a field resolves', () => {
    const text = SMALL.replace('生物技术', '生物科技');
    const a = analyse(text);
    expect(a.findings.find((f) => f.code === 'PLAN_IMPORT_UNKNOWN_COLUMN')).toMatchObject({ row: 2, column: 3, columnHeader: '生物科技', severity: 'error' });
    const mapped = analyse(text, { columns: { 生物科技: { kind: 'field', field: 'biotech' } } });
    expect(mapped.errors).toBe(0);
    expect(mapped.totals.byField.biotech).toBe(20_000);
  });

  it('reports a cell that is not a figure', () => {
    const a = analyse(SMALL.replace('教育部\t1.0', '教育部\tabc'));
    expect(a.findings.find((f) => f.code === 'PLAN_IMPORT_BAD_NUMBER')).toMatchObject({ row: 4, column: 2, severity: 'error' });
  });

  it('stores whole people from a table in 人', () => {
    const a = analyse(SMALL.replace('单位：万人', '单位：人').replace(/\.\d/g, ''));
    expect(a.unit).toBe('person');
    expect(a.totals.people).toBe(3);
    expect(a.errors + a.warnings).toBe(0);
  });

  it('reports a table without a header of fields', () => {
    expect(codes(analyse('a\tb\nc\td'))).toEqual(['PLAN_IMPORT_NO_HEADER@1:-']);
  });
});
