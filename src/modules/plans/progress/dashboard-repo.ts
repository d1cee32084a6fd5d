import { SqlParams } from '../../../platform/auth/scope.ts';
import type { Executor } from '../../../platform/db/executor.ts';

export type Slice = { regionCode: string; level: number; departmentCode: string | null };
export type Grouped = { key: string; people: number };

/** Where plan_progress rows of a region lie: all (nation), a province, or a city. */
function progressWhere(s: Slice, params: SqlParams): string {
  const parts: string[] = [];
  if (s.level === 1) parts.push(`province_code = ${params.add(s.regionCode)}`);
  if (s.level === 2) parts.push(`city_code = ${params.add(s.regionCode)}`);
  if (s.departmentCode !== null) parts.push(`department_code = ${params.add(s.departmentCode)}`);
  return parts.length ? ` AND ${parts.join(' AND ')}` : '';
}

/** Actual people of a year grouped by one dimension, read from the roll-up only. */
export async function sumProgress(db: Executor, year: number, s: Slice, by: 'field' | 'department_code' | 'province_code' | 'city_code' | 'month'): Promise<Grouped[]> {
  const params = new SqlParams();
  const y = params.add(year);
  const rows = await db.query<{ key: string | number; people: number }>(
    `SELECT ${by === 'province_code' || by === 'city_code' ? `trim(${by})` : by} AS key, sum(people)::bigint AS people
       FROM plan_progress WHERE year = ${y}${progressWhere(s, params)} GROUP BY 1`,
    params.values,
  );
  return rows.map((r) => ({ key: String(r.key), people: Number(r.people) }));
}

/** Targets of one region (its own figures) or of its direct parts, grouped by one dimension. */
export async function sumTargets(db: Executor, planId: string, s: Slice, of: 'self' | 'children', by: 'field' | 'department_code' | 'region_code'): Promise<Grouped[]> {
  const params = new SqlParams();
  const where = [`t.plan_id = ${params.add(planId)}`];
  where.push(of === 'self' ? `t.region_code = ${params.add(s.regionCode)}` : `r.parent_code = ${params.add(s.regionCode)}`);
  if (s.departmentCode !== null) where.push(`t.department_code = ${params.add(s.departmentCode)}`);
  const rows = await db.query<{ key: string; people: number }>(
    `SELECT ${by === 'region_code' ? 'trim(t.region_code)' : `t.${by}`} AS key, sum(t.people)::bigint AS people
       FROM plan_targets t JOIN regions r ON r.code = t.region_code WHERE ${where.join(' AND ')} GROUP BY 1`,
    params.values,
  );
  return rows.map((r) => ({ key: r.key, people: Number(r.people) }));
}

export type RegionRef = { code: string; name: string; level: number; parentCode: string | null };

export async function listChildRegions(db: Executor, code: string): Promise<RegionRef[]> {
  return db.query<RegionRef>('SELECT trim(code) AS code, name, level, trim(parent_code) AS "parentCode" FROM regions WHERE parent_code = $1 ORDER BY sort, code', [code]);
}

/** The region and its ancestors, nation first (for the drill-down breadcrumb). */
export async function listRegionPath(db: Executor, code: string): Promise<RegionRef[]> {
  const rows = await db.query<RegionRef>(
    `WITH RECURSIVE path AS (
       SELECT code, name, level, parent_code FROM regions WHERE code = $1
       UNION ALL SELECT r.code, r.name, r.level, r.parent_code FROM regions r JOIN path p ON r.code = p.parent_code)
     SELECT trim(code) AS code, name, level, trim(parent_code) AS "parentCode" FROM path ORDER BY level`,
    [code],
  );
  return rows;
}

export async function listDepartmentNames(db: Executor): Promise<Map<string, { zh: string; en: string }>> {
  const rows = await db.query<{ code: string; shortName: string; nameEn: string }>(`SELECT code, short_name AS "shortName", name_en AS "nameEn" FROM departments WHERE level = 'national'`);
  return new Map(rows.map((r) => [r.code, { zh: r.shortName, en: r.nameEn }]));
}
