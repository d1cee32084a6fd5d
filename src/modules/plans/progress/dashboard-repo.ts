import { SqlParams } from '../../../platform/auth/scope.ts';
import type { Executor } from '../../../platform/db/executor.ts';

export type Slice = { regionCode: string; level: number; departmentCode: string | null };
export type Grouped = { key: string; people: number };

export type ProgressSums = { field: Grouped[]; department: Grouped[]; child: Grouped[]; month: Grouped[] };

/**
 * Actual people of a year at a region, grouped by field, department, child region and month:
 * the nation from the marginals table, a province or a city in one scan of the city-level
 * roll-up through its primary key (year, province, city) with GROUPING SETS.
 */
export async function sumProgress(db: Executor, year: number, s: Slice): Promise<ProgressSums> {
  if (s.level === 0) return sumNationalProgress(db, year, s.departmentCode);
  const params = new SqlParams();
  const where = [`year = ${params.add(year)}`];
  where.push(`province_code = ${params.add(`${s.regionCode.slice(0, 2)}0000`)}`);
  if (s.level === 2) where.push(`city_code = ${params.add(s.regionCode)}`);
  const child = s.level === 1 ? 'trim(city_code)' : "''";
  if (s.departmentCode !== null) where.push(`department_code = ${params.add(s.departmentCode)}`);
  const rows = await db.query<{ dim: keyof ProgressSums; key: string; people: number }>(
    `SELECT CASE WHEN GROUPING(field) = 0 THEN 'field' WHEN GROUPING(department_code) = 0 THEN 'department'
                 WHEN GROUPING(child) = 0 THEN 'child' ELSE 'month' END AS dim,
            CASE WHEN GROUPING(field) = 0 THEN field WHEN GROUPING(department_code) = 0 THEN department_code
                 WHEN GROUPING(child) = 0 THEN child ELSE month::text END AS key,
            sum(people)::bigint AS people
       FROM (SELECT field, department_code, ${child} AS child, month, people FROM plan_progress WHERE ${where.join(' AND ')}) t
      GROUP BY GROUPING SETS ((field), (department_code), (child), (month))`,
    params.values,
  );
  return collect(rows);
}

function collect(rows: { dim: keyof ProgressSums; key: string; people: number }[]): ProgressSums {
  const sums: ProgressSums = { field: [], department: [], child: [], month: [] };
  for (const r of rows) sums[r.dim].push({ key: r.key, people: Number(r.people) });
  return sums;
}

/** The nation: the marginals table (a department's total is its sum over fields). */
async function sumNationalProgress(db: Executor, year: number, departmentCode: string | null): Promise<ProgressSums> {
  const params: unknown[] = [year];
  const dept = departmentCode === null ? '' : ` AND department_code = $${params.push(departmentCode)}`;
  const rows = await db.query<{ dim: string; key: string; people: number }>(
    `SELECT dim, key, sum(people)::bigint AS people FROM plan_progress_national WHERE year = $1${dept} GROUP BY 1, 2
     UNION ALL
     SELECT 'department', department_code, sum(people)::bigint FROM plan_progress_national WHERE year = $1${dept} AND dim = 'field' GROUP BY 2`,
    params,
  );
  const named = { field: 'field', department: 'department', province: 'child', month: 'month' } as const;
  return collect(rows.map((r) => ({ dim: named[r.dim as keyof typeof named], key: r.key, people: r.people })));
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
