// Rebuilding a whole year of learning_compliance: the year is computed into a new table with no
// index to maintain, indexed once filled, and swapped in as the year's partition (migration
// 0016). At 200,000 people, deleting the year and inserting it into the indexed table took
// 5.1–5.3 s; into a table without indexes 0.8 s, its key then indexed in 0.1–0.2 s.
import type { Executor } from '../../../platform/db/executor.ts';
import {
  COMPLIANCE_COLUMNS, COMPLIANCE_VALUES, COUNTED, type DailyCap, type RulesRow, carriedRules, cappedTotals, listCappedForms,
  listDailyCaps, recordAggregates, rulesRelation,
} from './sql.ts';

function yearPartition(year: number): string {
  // Inlined into DDL, which takes no parameters: only a year of the records' range passes.
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new Error(`compliance year out of range: ${year}`);
  return `learning_compliance_y${year}`;
}

/**
 * Hold every write to learning_compliance (of any year) until the transaction ends; reads go
 * on. A rebuild takes it first, so that no incremental update lands in the partition it is about
 * to replace. A transaction that reads the table before it rebuilds must take it before that
 * read, or two such transactions could deadlock on the swap.
 */
export async function lockComplianceForRebuild(db: Executor): Promise<void> {
  await db.exec('LOCK TABLE learning_compliance IN EXCLUSIVE MODE');
}

// One pass over the year's records grouped by person, the caps compiled in (sql.ts), then the
// person's province and rules. People without counted records get no row: readers take a
// missing row as zero hours. People are joined apart from the rules (OFFSET 0 keeps the two
// joins apart): grouped in person order, the records meet people in a merge join on their key,
// then a 31-row hash of the rules; joined together, the planner hashed 200,000 people instead
// (0.08 s against 0.3 s at 200,000 people).
function rebuildSql(table: string, rules: RulesRow[]): { sql: string; params: unknown[] } {
  const capped = listCappedForms(rules);
  const dailyCaps = listDailyCaps(rules);
  const caps = dailyCaps.map((tenths): DailyCap => (tenths === null ? { kind: 'none' } : { kind: 'constant', tenths }));
  const ru = rulesRelation(rules, capped, dailyCaps, 1);
  const { pub, total } = cappedTotals(capped, caps.length, 'a', 'ru');
  const year = `$${ru.params.length + 1}::smallint`;
  const sql = `
WITH ru AS (${ru.sql}),
a AS (
  SELECT r.person_id, ${recordAggregates(capped, caps)}
    FROM learning_records r
   WHERE r.year = ${year} AND ${COUNTED}
   GROUP BY r.person_id
)
INSERT INTO ${table} (${COMPLIANCE_COLUMNS})
SELECT ${COMPLIANCE_VALUES}
  FROM (SELECT a.person_id, ${year} AS year, a.province_code, ${carriedRules('ru')}, ${pub} AS pub, ${total} AS total
          FROM (SELECT a.*, p.province_code FROM a JOIN people p ON p.id = a.person_id OFFSET 0) a
          JOIN ru ON ru.province_code = a.province_code AND ru.year = ${year}) s`;
  return { sql, params: ru.params };
}

/**
 * Rebuild a whole year for every province in one pass over the records: the path for a
 * national rules change and for rebuilding the table from scratch. Run inside a transaction:
 * compliance writes wait for it (lockComplianceForRebuild); reads see the old figures until the
 * swap at the end, then wait for the commit.
 */
export async function rebuildYear(db: Executor, rules: RulesRow[], year: number): Promise<void> {
  const partition = yearPartition(year);
  const next = `${partition}_next`;
  await lockComplianceForRebuild(db);
  // The planner takes the rules (unnest) for one row and would re-run the whole aggregation once
  // per province in a nested loop. work_mem stays at its default: with room for a hash of every
  // person's sums the planner hashed them (0.3 s more at 200,000 people) instead of grouping the
  // records in the order of the (person_id, year) index.
  await db.exec('SET LOCAL enable_nestloop = off');
  // The key's index is sorted in memory (a million people need ~64 MB, the default's limit).
  await db.exec("SET LOCAL maintenance_work_mem = '256MB'");
  await db.exec(`CREATE TABLE ${next} (LIKE learning_compliance INCLUDING DEFAULTS) WITH (fillfactor = 80)`);
  const { sql, params } = rebuildSql(next, rules.filter((r) => r.year === year));
  await db.query(sql, [...params, year]);
  // Filled in person order, so the key's index is built from presorted rows.
  await db.exec(`ALTER TABLE ${next} ADD CONSTRAINT ${next}_pkey PRIMARY KEY (person_id, year)`);
  const found = await db.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [partition]);
  // The year's old rows: its partition, or (a year never rebuilt) its rows in the default one.
  if (found[0]?.present) await db.exec(`DROP TABLE ${partition}`);
  else await db.query('DELETE FROM learning_compliance_default WHERE year = $1', [year]);
  await db.exec(`ALTER TABLE learning_compliance ATTACH PARTITION ${next} FOR VALUES IN (${year});
    ALTER TABLE ${next} RENAME TO ${partition};
    ALTER INDEX ${next}_pkey RENAME TO ${partition}_pkey`);
}
