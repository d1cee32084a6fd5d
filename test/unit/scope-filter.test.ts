import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grant, Permission } from '../../src/platform/auth/permissions.ts';
import { type ScopeColumns, SqlParams, scopeFilter } from '../../src/platform/auth/scope.ts';
import type { Database } from '../../src/platform/db/executor.ts';
import { openPglite } from '../../src/platform/db/pglite.ts';

const COLS: ScopeColumns = { province: 't.province_code', region: 't.region_code', department: 't.department_code', organisation: 't.employer_id' };

const g = {
  nation: { role: 'national_admin', scopeType: 'nation', scopeId: '000000' },
  zj: { role: 'province_admin', scopeType: 'region', scopeId: '330000' },
  gd: { role: 'province_admin', scopeType: 'region', scopeId: '440000' },
  hangzhou: { role: 'province_admin', scopeType: 'region', scopeId: '330100' },
  miit: { role: 'department_admin', scopeType: 'department', scopeId: 'miit' },
  miitZj: { role: 'department_admin', scopeType: 'department', scopeId: 'miit.330000' },
  orgB: { role: 'organisation_admin', scopeType: 'organisation', scopeId: 'org-b' },
  expertNation: { role: 'expert', scopeType: 'nation', scopeId: '000000' },
  inspectorNation: { role: 'inspector', scopeType: 'nation', scopeId: '000000' },
} satisfies Record<string, Grant>;

function build(grants: Grant[], permission: Permission = 'person.read', cols: ScopeColumns = COLS) {
  const params = new SqlParams();
  const sql = scopeFilter(grants, permission, cols, params);
  return { sql, values: params.values };
}

describe('scopeFilter: the degenerate answers', () => {
  it('answers FALSE and adds no parameter for a caller without grants', () => {
    expect(build([])).toEqual({ sql: 'FALSE', values: [] });
  });

  it('answers FALSE when no grant carries the permission (an expert reading people)', () => {
    expect(build([g.expertNation])).toEqual({ sql: 'FALSE', values: [] });
  });

  it('answers TRUE and adds no parameter for a nationwide grant that carries the permission', () => {
    expect(build([g.nation])).toEqual({ sql: 'TRUE', values: [] });
    expect(build([g.inspectorNation], 'organisation.read')).toEqual({ sql: 'TRUE', values: [] });
  });

  it('answers FALSE when the table cannot reach the scope of any grant', () => {
    expect(build([g.zj, g.miit, g.orgB], 'person.read', { region: 't.region_code' })).toEqual({ sql: 'FALSE', values: [] });
  });

  // Exposes a bug: the province grant has already pushed '330000' when the nation grant returns
  // 'TRUE', so the caller's next parameter becomes $2 and PostgreSQL cannot type the unused $1.
  it('leaves no stray parameter behind when a nationwide grant follows a narrower one', () => {
    expect(build([g.zj, g.nation])).toEqual({ sql: 'TRUE', values: [] });
    expect(build([g.miit, g.nation])).toEqual({ sql: 'TRUE', values: [] });
  });
});

describe('scopeFilter: parameters carry the scope ids, never the SQL text', () => {
  it.each<[string, Grant, string]>([
    ['a province', g.zj, '330000'],
    ['a city', g.hangzhou, '330100'],
    ['a department', g.miit, 'miit'],
    ['an organisation', g.orgB, 'org-b'],
  ])('a grant on %s binds its id as a parameter', (_label, grant, id) => {
    const { sql, values } = build([grant]);
    expect(values).toEqual([id]);
    expect(sql).not.toContain(id);
  });

  it('numbers parameters after those the caller added before', () => {
    const params = new SqlParams();
    params.add('pending');
    const sql = scopeFilter([g.zj], 'person.read', COLS, params);
    expect(sql).toContain('$2');
    expect(params.values).toEqual(['pending', '330000']);
  });
});

/**
 * What the condition selects, run on an embedded PostgreSQL: each row stands for a person with
 * a province, a city, the department of the employer, and the employer.
 */
const ROWS = [
  ['a', '330000', '330100', 'miit.330000', 'org-a'],
  ['b', '330000', '330200', 'moe.330000', 'org-b'],
  ['c', '440000', '440100', 'miit.440000', 'org-c'],
  ['d', '440000', '440300', 'miit', 'org-d'],
  ['e', '330000', '330100', 'miitx.330000', 'org-e'],
  ['f', '330000', '330100', null, 'org-f'],
] as const;

let db: Database;
beforeAll(async () => {
  db = await openPglite();
});
afterAll(() => db.close());

async function selectIds(grants: Grant[], permission: Permission = 'person.read'): Promise<string[]> {
  const params = new SqlParams();
  const values = ROWS.map((r) => `(${r.map((v) => (v === null ? 'NULL' : `'${v}'`)).join(', ')})`).join(', ');
  const where = scopeFilter(grants, permission, COLS, params);
  const rows = await db.query<{ id: string }>(
    `SELECT t.id FROM (VALUES ${values}) AS t(id, province_code, region_code, department_code, employer_id)
      WHERE ${where} ORDER BY t.id`,
    params.values,
  );
  return rows.map((r) => r.id);
}

describe('scopeFilter: the rows each kind of grant selects', () => {
  it.each<[string, Grant[], string[]]>([
    ['no grant selects nothing', [], []],
    ['a nationwide grant selects everything', [g.nation], ['a', 'b', 'c', 'd', 'e', 'f']],
    ['a province grant selects the rows of the province', [g.zj], ['a', 'b', 'e', 'f']],
    ['a city grant selects the rows of the city only', [g.hangzhou], ['a', 'e', 'f']],
    ['a national department selects itself and its provincial counterparts', [g.miit], ['a', 'c', 'd']],
    ['a provincial department selects only itself', [g.miitZj], ['a']],
    ['an organisation grant selects the employer only', [g.orgB], ['b']],
    ['several grants select the union', [g.gd, g.orgB], ['b', 'c', 'd']],
    ['a grant without the permission selects nothing', [g.expertNation], []],
  ])('%s', async (_label, grants, expected) => {
    expect(await selectIds(grants)).toEqual(expected);
  });

  it('does not let a department id match a longer department code with the same start', async () => {
    // 'miit' must not reach 'miitx.330000': the separator is part of the pattern.
    expect(await selectIds([g.miit])).not.toContain('e');
  });
});
