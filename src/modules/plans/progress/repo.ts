import type { Executor } from '../../../platform/db/executor.ts';

export type ProgressCell = { year: number; field: string; departmentCode: string; provinceCode: string; cityCode: string; month: number; people: number };

// The counting rules of docs/plans.md, written once for the full recount. The trigger function
// plan_progress_refresh (migration 0010, rewritten in 0017) and the insert trigger (0017) apply the same rules to the
// touched people only; plan-progress-property.test.ts keeps the two in step.
const MEMBERS_SQL = `
  SELECT lr.person_id, lr.year, lr.field,
         coalesce(split_part(o.department_code, '.', 1), '') AS department_code,
         lr.province_code,
         CASE WHEN o.province_code = lr.province_code THEN o.region_code ELSE lr.province_code END AS city_code,
         min(CASE WHEN extract(year FROM lr.end_date) > lr.year THEN 12
                  WHEN extract(year FROM lr.end_date) < lr.year THEN 1
                  ELSE extract(month FROM lr.end_date) END)::smallint AS first_month
    FROM learning_records lr JOIN organisations o ON o.id = lr.employer_id
   WHERE lr.status IN ('approved', 'confirmed') AND lr.year = $1
   GROUP BY 1, 2, 3, 4, 5, 6`;

/** Recount a year from the records (the slow way the roll-up avoids): for tests, rebuilds and the benchmark. */
export async function recountProgress(db: Executor, year: number): Promise<ProgressCell[]> {
  return db.query<ProgressCell>(
    `SELECT year, field, department_code AS "departmentCode", trim(province_code) AS "provinceCode", trim(city_code) AS "cityCode",
            first_month AS month, count(*)::int AS people
       FROM (${MEMBERS_SQL}) m GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`,
    [year],
  );
}

/** The maintained roll-up of a year, zero cells left out. */
export async function listProgress(db: Executor, year: number): Promise<ProgressCell[]> {
  return db.query<ProgressCell>(
    `SELECT year, field, department_code AS "departmentCode", trim(province_code) AS "provinceCode", trim(city_code) AS "cityCode", month, people
       FROM plan_progress WHERE year = $1 AND people <> 0 ORDER BY 1, 2, 3, 4, 5, 6`,
    [year],
  );
}

/**
 * Rewrite a year's roll-up from the records: after an organisation changed department or city,
 * which the record triggers do not see (docs/plans.md).
 */
export async function rebuildProgress(tx: Executor, year: number): Promise<void> {
  await tx.query('DELETE FROM plan_progress_members WHERE year = $1', [year]);
  await tx.query('DELETE FROM plan_progress WHERE year = $1', [year]);
  await tx.query('DELETE FROM plan_progress_national WHERE year = $1', [year]);
  await tx.query(
    `INSERT INTO plan_progress_members (person_id, year, field, department_code, province_code, city_code, first_month) ${MEMBERS_SQL}`,
    [year],
  );
  await tx.query(
    `INSERT INTO plan_progress (year, field, department_code, province_code, city_code, month, people)
     SELECT year, field, department_code, province_code, city_code, first_month, count(*)::int
       FROM plan_progress_members WHERE year = $1 GROUP BY 1, 2, 3, 4, 5, 6`,
    [year],
  );
  await tx.query(
    `INSERT INTO plan_progress_national (year, department_code, dim, key, people)
     SELECT m.year, m.department_code, d.dim, d.key, count(*)::int
       FROM plan_progress_members m
       CROSS JOIN LATERAL (VALUES ('field', m.field), ('province', m.province_code::text), ('month', m.first_month::text)) AS d (dim, key)
      WHERE m.year = $1 GROUP BY 1, 2, 3, 4`,
    [year],
  );
}

/** The national marginals, zero rows left out (tests compare them with plan_progress). */
export async function listNationalProgress(db: Executor, year: number): Promise<{ departmentCode: string; dim: string; key: string; people: number }[]> {
  return db.query(
    `SELECT department_code AS "departmentCode", dim, key, people FROM plan_progress_national WHERE year = $1 AND people <> 0`,
    [year],
  );
}
