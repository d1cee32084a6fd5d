import type { Executor } from '../../../platform/db/executor.ts';
import { toTenths } from '../rules.ts';
import { COMPLIANCE_COLUMNS, COMPLIANCE_VALUES, COUNTED, type RulesRow, carriedRules, cappedTotals, listCappedForms, recordAggregates, rulesRelation } from './sql.ts';

export type { RulesRow } from './sql.ts';

const UPSERT = `ON CONFLICT (person_id, year) DO UPDATE SET
  province_code = EXCLUDED.province_code, total_hours = EXCLUDED.total_hours, public_hours = EXCLUDED.public_hours,
  professional_hours = EXCLUDED.professional_hours, required_total = EXCLUDED.required_total,
  required_professional = EXCLUDED.required_professional, required_public = EXCLUDED.required_public,
  compliant = EXCLUDED.compliant, computed_at = EXCLUDED.computed_at`;

/**
 * Bulk recomputation touches most records of a year: hash joins beat the index nested loops
 * the planner picks from its estimate of the CTEs. SET LOCAL lasts until the transaction ends,
 * so callers run this inside one.
 */
export async function preferHashJoins(db: Executor): Promise<void> {
  await db.exec('SET LOCAL enable_nestloop = off');
  // A province or a year groups hundreds of thousands of rows: keep the aggregation in memory
  // rather than spilling it to disk in the 4 MB default.
  await db.exec("SET LOCAL work_mem = '128MB'");
}

// The incremental path: each target's records are read through the (person_id, year) index
// inside a LATERAL subquery, so the cost follows the records of the targets whatever the
// planner believes about table sizes (stale statistics after a bulk load made joins quadratic).
function pairsSql(rules: RulesRow[]): { sql: string; params: unknown[] } {
  const capped = listCappedForms(rules);
  const ru = rulesRelation(rules, capped, [null], 1);
  const { pub, total } = cappedTotals(capped, 1, 'a', 'tp');
  const n = ru.params.length;
  const sql = `
WITH ru AS (${ru.sql}),
-- The targets with their provinces (given by the caller), then their rules: left to itself the
-- planner paired every target with every province's rules of the year (31×).
placed AS MATERIALIZED (
  SELECT DISTINCT * FROM unnest($${n + 1}::uuid[], $${n + 2}::smallint[], $${n + 3}::char(6)[]) AS t(person_id, year, province_code)
),
tp AS MATERIALIZED (
  SELECT pl.person_id, pl.year, pl.province_code, ${ru.ruleColumns.map((c) => `ru.${c}`).join(', ')}
    FROM placed pl JOIN ru ON ru.province_code = pl.province_code AND ru.year = pl.year
)
INSERT INTO learning_compliance AS lc (${COMPLIANCE_COLUMNS})
SELECT ${COMPLIANCE_VALUES}
  FROM (SELECT tp.person_id, tp.year, tp.province_code, ${carriedRules('tp')}, ${pub} AS pub, ${total} AS total
          FROM tp CROSS JOIN LATERAL (
            SELECT ${recordAggregates(capped, [{ kind: 'column', sql: 'tp.daily_cap' }])}
              FROM learning_records r
             WHERE r.person_id = tp.person_id AND r.year = tp.year AND ${COUNTED}
          ) a) s
${UPSERT}`;
  return { sql, params: ru.params };
}

/** Recompute the given (person, year) pairs, each with its person's province: the incremental path after record changes. */
export async function recomputePairs(db: Executor, rules: RulesRow[], pairs: { personId: string; year: number; provinceCode: string }[]): Promise<void> {
  if (pairs.length === 0) return;
  const { sql, params } = pairsSql(rules);
  await db.query(sql, [...params, pairs.map((p) => p.personId), pairs.map((p) => p.year), pairs.map((p) => p.provinceCode)]);
}

/**
 * Add new records' hours (tenths, by pair) to the stored figures of pairs whose rules cap
 * nothing: an uncapped total is a plain sum, so a provider's batch need not re-read each person's
 * older records. Only pairs that have a row for the same province are updated (a missing row or a
 * moved person is left to `recomputePairs`); the update re-reads the row it changes, so two
 * writers adding to one person both count. Returns the pairs it updated, as `person/year`.
 */
export async function addToPairs(db: Executor, rules: RulesRow[], adds: { personId: string; year: number; provinceCode: string; totalTenths: number; publicTenths: number }[]): Promise<Set<string>> {
  if (adds.length === 0 || rules.length === 0) return new Set();
  const ru = rulesRelation(rules, [], [null], 1);
  const n = ru.params.length;
  const total = 'lc.total_hours + (a.total / 10.0)::numeric(6,1)';
  const pub = 'lc.public_hours + (a.pub / 10.0)::numeric(6,1)';
  const rows = await db.query<{ personId: string; year: number }>(
    `WITH ru AS (${ru.sql}),
a AS (SELECT * FROM unnest($${n + 1}::uuid[], $${n + 2}::smallint[], $${n + 3}::char(6)[], $${n + 4}::int[], $${n + 5}::int[]) AS a(person_id, year, province_code, total, pub))
UPDATE learning_compliance lc
   SET total_hours = ${total}, public_hours = ${pub}, professional_hours = (${total}) - (${pub}),
       required_total = ru.required_total, required_professional = ru.required_professional, required_public = ru.required_public,
       compliant = ${total} >= ru.required_total AND (${total}) - (${pub}) >= ru.required_professional AND ${pub} >= ru.required_public,
       computed_at = now()
  FROM a JOIN ru ON ru.province_code = a.province_code AND ru.year = a.year
 WHERE lc.person_id = a.person_id AND lc.year = a.year AND lc.province_code = a.province_code
RETURNING lc.person_id AS "personId", lc.year`,
    [...ru.params, adds.map((x) => x.personId), adds.map((x) => x.year), adds.map((x) => x.provinceCode), adds.map((x) => x.totalTenths), adds.map((x) => x.publicTenths)],
  );
  return new Set(rows.map((r) => `${r.personId}/${r.year}`));
}

/**
 * Recompute everyone of a province for a year who has counted records or a compliance row
 * (a province's rules change): one hash aggregation over the province's records of the year,
 * upserted; people left with no counted record get zero hours.
 */
export async function recomputeProvinceYear(db: Executor, rules: RulesRow): Promise<void> {
  await preferHashJoins(db);
  const capped = listCappedForms([rules]);
  const dailyCap = rules.rules.dailyCap;
  const ru = rulesRelation([rules], capped, [null], 1);
  const { pub, total } = cappedTotals(capped, 1, 'a', 'ru');
  const n = ru.params.length;
  const province = `$${n + 1}::char(6)`;
  const year = `$${n + 2}::smallint`;
  const cap = dailyCap === null ? { kind: 'none' as const } : { kind: 'constant' as const, tenths: toTenths(dailyCap) };
  await db.query(
    `
WITH ru AS (${ru.sql}),
a AS (
  SELECT r.person_id, ${recordAggregates(capped, [cap])}
    FROM learning_records r JOIN people p ON p.id = r.person_id
   WHERE p.province_code = ${province} AND r.year = ${year} AND ${COUNTED}
   GROUP BY r.person_id
),
targets AS (
  SELECT person_id FROM a UNION SELECT person_id FROM learning_compliance WHERE province_code = ${province} AND year = ${year}
)
INSERT INTO learning_compliance AS lc (${COMPLIANCE_COLUMNS})
SELECT ${COMPLIANCE_VALUES}
  FROM (SELECT t.person_id, ${year} AS year, p.province_code, ${carriedRules('ru')}, ${pub} AS pub, ${total} AS total
          FROM targets t JOIN people p ON p.id = t.person_id JOIN ru ON ru.province_code = p.province_code
          LEFT JOIN a ON a.person_id = t.person_id) s
${UPSERT}`,
    [...ru.params, rules.provinceCode, rules.year],
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
