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
  return `
WITH rules AS (
  SELECT * FROM unnest($1::char(6)[], $2::smallint[], $3::int[], $4::int[], $5::int[], $6::int[], $7::jsonb[])
    AS t(province_code, year, req_total, req_prof, req_pub, daily_cap, caps)
),
targets AS (${targets}),
rec AS (
  SELECT r.person_id, r.year, r.form, r.category,
         LEAST((r.hours * 10)::bigint, COALESCE(ru.daily_cap::bigint * (r.end_date - r.start_date + 1), 9223372036854775807)) AS t10
    FROM learning_records r
    JOIN targets tg ON tg.person_id = r.person_id AND tg.year = r.year
    JOIN people p ON p.id = r.person_id
    JOIN rules ru ON ru.province_code = p.province_code AND ru.year = r.year
   WHERE r.status IN ('approved', 'confirmed')
),
per_form AS (
  SELECT person_id, year, form,
         -- sum(bigint) is numeric: cast back so that the split below divides as integers.
         COALESCE(sum(t10) FILTER (WHERE category = 'public'), 0)::bigint AS pub,
         COALESCE(sum(t10) FILTER (WHERE category = 'professional'), 0)::bigint AS pro
    FROM rec GROUP BY person_id, year, form
),
capped AS (
  SELECT pf.person_id, pf.year, pf.form, c.cap,
         CASE WHEN c.cap IS NULL OR pf.pub + pf.pro <= c.cap THEN pf.pub
              ELSE (2 * pf.pub * c.cap + (pf.pub + pf.pro)) / (2 * (pf.pub + pf.pro)) END AS cpub,
         pf.pub + pf.pro AS total
    FROM per_form pf
    JOIN people p ON p.id = pf.person_id
    JOIN rules ru ON ru.province_code = p.province_code AND ru.year = pf.year
    CROSS JOIN LATERAL (SELECT (ru.caps ->> pf.form)::bigint AS cap) c
),
totals AS (
  SELECT person_id, year,
         sum(cpub)::bigint AS pub,
         sum(CASE WHEN cap IS NULL OR total <= cap THEN total ELSE cap END - cpub)::bigint AS pro,
         jsonb_object_agg(form, round((CASE WHEN cap IS NULL OR total <= cap THEN total ELSE cap END) / 10.0, 1)) AS by_form
    FROM capped GROUP BY person_id, year
)
INSERT INTO learning_compliance AS lc (person_id, year, province_code, total_hours, public_hours, professional_hours,
  required_total, required_professional, required_public, compliant, by_form, computed_at)
SELECT tg.person_id, tg.year, p.province_code,
       (COALESCE(t.pub, 0) + COALESCE(t.pro, 0)) / 10.0, COALESCE(t.pub, 0) / 10.0, COALESCE(t.pro, 0) / 10.0,
       ru.req_total / 10.0, ru.req_prof / 10.0, ru.req_pub / 10.0,
       COALESCE(t.pub, 0) + COALESCE(t.pro, 0) >= ru.req_total AND COALESCE(t.pro, 0) >= ru.req_prof AND COALESCE(t.pub, 0) >= ru.req_pub,
       COALESCE(t.by_form, '{}'::jsonb), now()
  FROM targets tg
  JOIN people p ON p.id = tg.person_id
  JOIN rules ru ON ru.province_code = p.province_code AND ru.year = tg.year
  LEFT JOIN totals t ON t.person_id = tg.person_id AND t.year = tg.year
ON CONFLICT (person_id, year) DO UPDATE SET
  province_code = EXCLUDED.province_code, total_hours = EXCLUDED.total_hours, public_hours = EXCLUDED.public_hours,
  professional_hours = EXCLUDED.professional_hours, required_total = EXCLUDED.required_total,
  required_professional = EXCLUDED.required_professional, required_public = EXCLUDED.required_public,
  compliant = EXCLUDED.compliant, by_form = EXCLUDED.by_form, computed_at = EXCLUDED.computed_at`;
}

/** Recompute the given (person, year) pairs: the incremental path after record changes. */
export async function recomputePairs(db: Executor, rules: RulesRow[], pairs: { personId: string; year: number }[]): Promise<void> {
  if (pairs.length === 0) return;
  await db.query(upsertSql('SELECT DISTINCT * FROM unnest($8::uuid[], $9::smallint[]) AS t(person_id, year)'), [
    ...rulesParams(rules),
    pairs.map((p) => p.personId),
    pairs.map((p) => p.year),
  ]);
}

/** Recompute everyone of a province for a year who has records or a compliance row (rule changes). */
export async function recomputeProvinceYear(db: Executor, rules: RulesRow): Promise<void> {
  await db.query(
    upsertSql(`SELECT r.person_id, r.year FROM learning_records r JOIN people p ON p.id = r.person_id
                WHERE p.province_code = $8 AND r.year = $9
               UNION SELECT person_id, year FROM learning_compliance WHERE province_code = $8 AND year = $9`),
    [...rulesParams([rules]), rules.provinceCode, rules.year],
  );
}

/** Provinces (of the people's current employer records) for these pairs, to resolve their rules. */
export async function listProvincesOfPeople(db: Executor, personIds: string[]): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; provinceCode: string }>(
    'SELECT id, province_code AS "provinceCode" FROM people WHERE id = ANY($1::uuid[])',
    [personIds],
  );
  return new Map(rows.map((r) => [r.id, r.provinceCode.trim()]));
}
