import type { Executor } from '../../../platform/db/executor.ts';
import type { ComplianceRules } from '../rules.ts';
import { toTenths } from '../rules.ts';

/** The effective rules of one province and year, as the compliance SQL takes them. */
export type RulesRow = { provinceCode: string; year: number; rules: ComplianceRules };

function rulesParams(rows: RulesRow[]): unknown[] {
  return [
    rows.map((r) => r.provinceCode),
    rows.map((r) => r.year),
    rows.map((r) => toTenths(r.rules.minTotalHours)),
    rows.map((r) => Math.round(toTenths(r.rules.minTotalHours) * r.rules.minProfessionalShare)),
    rows.map((r) => toTenths(r.rules.minPublicHours ?? 0)),
    rows.map((r) => (r.rules.dailyCap === null ? null : toTenths(r.rules.dailyCap))),
    rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r.rules.formCaps).map(([f, cap]) => [f, toTenths(cap as number)])))),
  ];
}

/**
 * The compliance computation, set-based and in tenths of an hour (integers), exactly as the
 * reference function `computeCompliance` in ../compliance.ts: counted records (approved or
 * confirmed) → daily cap per record → per-form yearly cap, split between public and
 * professional in proportion (half up) → totals → requirements of the person's province.
 * `targets` is a CTE producing (person_id, year).
 */
function upsertSql(targets: string): string {
  // MATERIALIZED keeps each step computed once: inlined, the planner re-ran the aggregation
  // for every target row (quadratic on a province).
  return `
WITH rules AS (
  SELECT * FROM unnest($1::char(6)[], $2::smallint[], $3::int[], $4::int[], $5::int[], $6::int[], $7::jsonb[])
    AS t(province_code, year, req_total, req_prof, req_pub, daily_cap, caps)
),
targets AS MATERIALIZED (${targets}),
placed AS MATERIALIZED (
  SELECT tg.person_id, tg.year, p.province_code FROM targets tg JOIN people p ON p.id = tg.person_id
),
tp AS MATERIALIZED (
  SELECT pl.person_id, pl.year, pl.province_code, ru.req_total, ru.req_prof, ru.req_pub, ru.daily_cap, ru.caps
    FROM placed pl JOIN rules ru ON ru.province_code = pl.province_code AND ru.year = pl.year
),
per_form AS MATERIALIZED (
  SELECT r.person_id, r.year, r.form,
         -- Per record in tenths as int (sum(int) is a bigint: integer arithmetic, unlike numeric sums).
         COALESCE(sum(LEAST((r.hours * 10)::int, COALESCE(tp.daily_cap * (r.end_date - r.start_date + 1), 2147483647)))
           FILTER (WHERE r.category = 'public'), 0)::bigint AS pub,
         COALESCE(sum(LEAST((r.hours * 10)::int, COALESCE(tp.daily_cap * (r.end_date - r.start_date + 1), 2147483647)))
           FILTER (WHERE r.category = 'professional'), 0)::bigint AS pro,
         (tp.caps ->> r.form)::bigint AS cap
    FROM learning_records r
    JOIN tp ON tp.person_id = r.person_id AND tp.year = r.year
   WHERE r.status IN ('approved', 'confirmed')
   GROUP BY r.person_id, r.year, r.form, tp.caps
),
split AS (
  SELECT person_id, year, form,
         CASE WHEN cap IS NULL OR pub + pro <= cap THEN pub ELSE (2 * pub * cap + (pub + pro)) / (2 * (pub + pro)) END AS cpub,
         CASE WHEN cap IS NULL OR pub + pro <= cap THEN pub + pro ELSE cap END AS ctotal
    FROM per_form
),
totals AS MATERIALIZED (
  SELECT person_id, year, sum(cpub)::bigint AS pub, sum(ctotal - cpub)::bigint AS pro,
         jsonb_object_agg(form, round(ctotal / 10.0, 1)) AS by_form
    FROM split GROUP BY person_id, year
)
INSERT INTO learning_compliance AS lc (person_id, year, province_code, total_hours, public_hours, professional_hours,
  required_total, required_professional, required_public, compliant, by_form, computed_at)
SELECT tp.person_id, tp.year, tp.province_code,
       (COALESCE(t.pub, 0) + COALESCE(t.pro, 0)) / 10.0, COALESCE(t.pub, 0) / 10.0, COALESCE(t.pro, 0) / 10.0,
       tp.req_total / 10.0, tp.req_prof / 10.0, tp.req_pub / 10.0,
       COALESCE(t.pub, 0) + COALESCE(t.pro, 0) >= tp.req_total AND COALESCE(t.pro, 0) >= tp.req_prof AND COALESCE(t.pub, 0) >= tp.req_pub,
       COALESCE(t.by_form, '{}'::jsonb), now()
  FROM tp LEFT JOIN totals t ON t.person_id = tp.person_id AND t.year = tp.year
ON CONFLICT (person_id, year) DO UPDATE SET
  province_code = EXCLUDED.province_code, total_hours = EXCLUDED.total_hours, public_hours = EXCLUDED.public_hours,
  professional_hours = EXCLUDED.professional_hours, required_total = EXCLUDED.required_total,
  required_professional = EXCLUDED.required_professional, required_public = EXCLUDED.required_public,
  compliant = EXCLUDED.compliant, by_form = EXCLUDED.by_form, computed_at = EXCLUDED.computed_at`;
}

/**
 * Bulk recomputation touches most records of a year: hash joins beat the index nested loops
 * the planner picks from its estimate of the CTEs. SET LOCAL lasts until the transaction ends,
 * so callers run this inside one.
 */
async function preferHashJoins(db: Executor): Promise<void> {
  await db.exec('SET LOCAL enable_nestloop = off');
  // A province or a year groups hundreds of thousands of rows: keep the aggregation in memory
  // rather than spilling it to disk in the 4 MB default.
  await db.exec("SET LOCAL work_mem = '128MB'");
}

// The incremental path: each target's records are read through the (person_id, year) index
// inside a LATERAL subquery, so the cost follows the records of the targets whatever the
// planner believes about table sizes (stale statistics after a bulk load made joins quadratic).
const PAIRS_SQL = `
WITH rules AS (
  SELECT * FROM unnest($1::char(6)[], $2::smallint[], $3::int[], $4::int[], $5::int[], $6::int[], $7::jsonb[])
    AS t(province_code, year, req_total, req_prof, req_pub, daily_cap, caps)
),
-- People first, then their rules: left to itself the planner paired every target with every
-- province's rules of the year (31×) before looking each person up.
placed AS MATERIALIZED (
  SELECT tg.person_id, tg.year, p.province_code
    FROM (SELECT DISTINCT * FROM unnest($8::uuid[], $9::smallint[]) AS t(person_id, year)) tg
    JOIN people p ON p.id = tg.person_id
),
tp AS MATERIALIZED (
  SELECT pl.person_id, pl.year, pl.province_code, ru.req_total, ru.req_prof, ru.req_pub, ru.daily_cap, ru.caps
    FROM placed pl JOIN rules ru ON ru.province_code = pl.province_code AND ru.year = pl.year
)
INSERT INTO learning_compliance AS lc (person_id, year, province_code, total_hours, public_hours, professional_hours,
  required_total, required_professional, required_public, compliant, by_form, computed_at)
SELECT tp.person_id, tp.year, tp.province_code, (t.pub + t.pro) / 10.0, t.pub / 10.0, t.pro / 10.0,
       tp.req_total / 10.0, tp.req_prof / 10.0, tp.req_pub / 10.0,
       t.pub + t.pro >= tp.req_total AND t.pro >= tp.req_prof AND t.pub >= tp.req_pub, t.by_form, now()
  FROM tp CROSS JOIN LATERAL (
    SELECT COALESCE(sum(s.cpub), 0)::bigint AS pub, COALESCE(sum(s.ctotal - s.cpub), 0)::bigint AS pro,
           COALESCE(jsonb_object_agg(s.form, round(s.ctotal / 10.0, 1)), '{}'::jsonb) AS by_form
      FROM (
        SELECT pf.form,
               CASE WHEN pf.cap IS NULL OR pf.pub + pf.pro <= pf.cap THEN pf.pub ELSE (2 * pf.pub * pf.cap + (pf.pub + pf.pro)) / (2 * (pf.pub + pf.pro)) END AS cpub,
               CASE WHEN pf.cap IS NULL OR pf.pub + pf.pro <= pf.cap THEN pf.pub + pf.pro ELSE pf.cap END AS ctotal
          FROM (
            SELECT r.form, (tp.caps ->> r.form)::bigint AS cap,
                   COALESCE(sum(LEAST((r.hours * 10)::int, COALESCE(tp.daily_cap * (r.end_date - r.start_date + 1), 2147483647)))
                     FILTER (WHERE r.category = 'public'), 0)::bigint AS pub,
                   COALESCE(sum(LEAST((r.hours * 10)::int, COALESCE(tp.daily_cap * (r.end_date - r.start_date + 1), 2147483647)))
                     FILTER (WHERE r.category = 'professional'), 0)::bigint AS pro
              FROM learning_records r
             WHERE r.person_id = tp.person_id AND r.year = tp.year AND r.status IN ('approved', 'confirmed')
             GROUP BY r.form
          ) pf
      ) s
  ) t
ON CONFLICT (person_id, year) DO UPDATE SET
  province_code = EXCLUDED.province_code, total_hours = EXCLUDED.total_hours, public_hours = EXCLUDED.public_hours,
  professional_hours = EXCLUDED.professional_hours, required_total = EXCLUDED.required_total,
  required_professional = EXCLUDED.required_professional, required_public = EXCLUDED.required_public,
  compliant = EXCLUDED.compliant, by_form = EXCLUDED.by_form, computed_at = EXCLUDED.computed_at`;

/** Recompute the given (person, year) pairs: the incremental path after record changes. */
export async function recomputePairs(db: Executor, rules: RulesRow[], pairs: { personId: string; year: number }[]): Promise<void> {
  if (pairs.length === 0) return;
  await db.query(PAIRS_SQL, [...rulesParams(rules), pairs.map((p) => p.personId), pairs.map((p) => p.year)]);
}

/** Recompute everyone of a province for a year who has records or a compliance row (rule changes). */
export async function recomputeProvinceYear(db: Executor, rules: RulesRow): Promise<void> {
  await preferHashJoins(db);
  await db.query(
    upsertSql(`SELECT r.person_id, r.year FROM learning_records r JOIN people p ON p.id = r.person_id
                WHERE p.province_code = $8 AND r.year = $9
               UNION SELECT person_id, year FROM learning_compliance WHERE province_code = $8 AND year = $9`),
    [...rulesParams([rules]), rules.provinceCode, rules.year],
  );
}

// Rebuild of a whole year: no per-person targets — people without counted records simply have no
// row (readers take a missing row as zero hours), so one pass over the records suffices.
const REBUILD_SQL = `
WITH rules AS (
  SELECT * FROM unnest($1::char(6)[], $2::smallint[], $3::int[], $4::int[], $5::int[], $6::int[], $7::jsonb[])
    AS t(province_code, year, req_total, req_prof, req_pub, daily_cap, caps)
),
per_form AS MATERIALIZED (
  -- Grouped by plain columns only: the daily cap is read inside the aggregate and the form caps
  -- joined afterwards, since hashing the rules' jsonb per record doubled the time.
  SELECT r.person_id, r.form, p.province_code,
         COALESCE(sum(LEAST((r.hours * 10)::int, COALESCE(ru.daily_cap * (r.end_date - r.start_date + 1), 2147483647)))
           FILTER (WHERE r.category = 'public'), 0)::bigint AS pub,
         COALESCE(sum(LEAST((r.hours * 10)::int, COALESCE(ru.daily_cap * (r.end_date - r.start_date + 1), 2147483647)))
           FILTER (WHERE r.category = 'professional'), 0)::bigint AS pro
    FROM learning_records r
    JOIN people p ON p.id = r.person_id
    JOIN rules ru ON ru.province_code = p.province_code AND ru.year = r.year
   WHERE r.year = $8 AND r.status IN ('approved', 'confirmed')
   GROUP BY r.person_id, r.form, p.province_code
),
split AS (
  SELECT pf.person_id, pf.form, pf.province_code,
         CASE WHEN c.cap IS NULL OR pf.pub + pf.pro <= c.cap THEN pf.pub ELSE (2 * pf.pub * c.cap + (pf.pub + pf.pro)) / (2 * (pf.pub + pf.pro)) END AS cpub,
         CASE WHEN c.cap IS NULL OR pf.pub + pf.pro <= c.cap THEN pf.pub + pf.pro ELSE c.cap END AS ctotal
    FROM per_form pf
    JOIN rules ru ON ru.province_code = pf.province_code AND ru.year = $8
    CROSS JOIN LATERAL (SELECT (ru.caps ->> pf.form)::bigint AS cap) c
),
totals AS (
  SELECT person_id, province_code, sum(cpub)::bigint AS pub, sum(ctotal - cpub)::bigint AS pro,
         jsonb_object_agg(form, round(ctotal / 10.0, 1)) AS by_form
    FROM split GROUP BY person_id, province_code
)
INSERT INTO learning_compliance (person_id, year, province_code, total_hours, public_hours, professional_hours,
  required_total, required_professional, required_public, compliant, by_form, computed_at)
SELECT t.person_id, $8, t.province_code, (t.pub + t.pro) / 10.0, t.pub / 10.0, t.pro / 10.0,
       ru.req_total / 10.0, ru.req_prof / 10.0, ru.req_pub / 10.0,
       t.pub + t.pro >= ru.req_total AND t.pro >= ru.req_prof AND t.pub >= ru.req_pub, t.by_form, now()
  FROM totals t JOIN rules ru ON ru.province_code = t.province_code AND ru.year = $8`;

/**
 * Rebuild a whole year for every province in one pass over the records: the path for a
 * national rules change and for rebuilding the table from scratch. Run inside a transaction.
 */
export async function rebuildYear(db: Executor, rules: RulesRow[], year: number): Promise<void> {
  await preferHashJoins(db);
  await db.query('DELETE FROM learning_compliance WHERE year = $1', [year]);
  await db.query(REBUILD_SQL, [...rulesParams(rules), year]);
}

/** Provinces (of the people's current employer records) for these pairs, to resolve their rules. */
export async function listProvincesOfPeople(db: Executor, personIds: string[]): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; provinceCode: string }>(
    'SELECT id, province_code AS "provinceCode" FROM people WHERE id = ANY($1::uuid[])',
    [personIds],
  );
  return new Map(rows.map((r) => [r.id, r.provinceCode.trim()]));
}
