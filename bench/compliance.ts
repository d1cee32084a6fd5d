// node --import tsx bench/compliance.ts [--people N] [--per-person R] [--layout person|arrival] [--caps] [--no-docs]
// Yearly compliance from scratch for N people with N×R records on PostgreSQL, against one
// hand-written GROUP BY over the same table (same run), then the incremental update after a
// batch of 10,000 new records. Prints figures and ratios; writes its section of docs/benchmarks.md.
// --layout: how the records lie in the table. person (default): each person's records side by
// side, as a bulk load leaves them; arrival: in R rounds over all people, as records arrive over
// a year from many providers, so that a person's records lie far apart.
// --caps: provinces' own rules with caps (a third: a daily cap of 6 and yearly caps on online and
// conference hours; another third: a cap on training), instead of the national defaults alone.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { writeDocsSection } from './docs-section.ts';
import { generatePeople } from '../src/modules/registry/generate.ts';
import { recomputeCompliance } from '../src/modules/learning/compliance/service.ts';
import { rebuildYear } from '../src/modules/learning/compliance/rebuild-repo.ts';
import { resolveProvinceRules } from '../src/modules/learning/rules/service.ts';
import type { ComplianceRules, RulesPatch } from '../src/modules/learning/rules.ts';
import { insertVersion } from '../src/modules/learning/rules/repo.ts';
import type { Database } from '../src/platform/db/executor.ts';
import { benchPii, dropLeftoverDatabases, openFreshDatabase } from './db.ts';

const { values } = parseArgs({
  options: { people: { type: 'string', default: '200000' }, 'per-person': { type: 'string', default: '10' }, layout: { type: 'string', default: 'person' }, caps: { type: 'boolean', default: false }, 'no-docs': { type: 'boolean', default: false } },
});
if (values.layout !== 'person' && values.layout !== 'arrival') throw new Error('--layout must be person or arrival');
const LAYOUT = values.layout;
const PEOPLE = Number(values.people);
const PER_PERSON = Number(values['per-person']);
const YEAR = 2025;

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

// Records are generated inside the database (set-based, untimed): each person gets R records of
// the year with a spread of categories, forms, statuses and hours.
const GENERATE_RECORDS = (layout: 'person' | 'arrival') => `
INSERT INTO learning_records (id, province_code, person_id, employer_id, year, category, form, title, start_date, end_date, hours, field, source, status)
SELECT gen_random_uuid(), p.province_code, p.id, p.employer_id, $1::int,
       CASE WHEN g % 3 = 0 THEN 'public' ELSE 'professional' END,
       (ARRAY['training','online','conference','practice'])[1 + (g % 4)],
       '课程', make_date($1::int, 1 + g % 12, 1 + g % 20), make_date($1::int, 1 + g % 12, 1 + g % 20 + g % 3),
       (10 + (abs(hashtext(p.id::text || g)) % 200)) / 10.0, 'other', 'employer_entered',
       (ARRAY['approved','approved','approved','submitted','confirmed'])[1 + (abs(hashtext(g || p.id::text)) % 5)]
  FROM people p CROSS JOIN generate_series(1, $2) AS g
 ORDER BY ${layout === 'person' ? 'p.id, g' : 'g, p.id'}`;

/** The provinces' own rules of --caps, saved as rule versions as a province's administrator would. */
async function saveCappedRules(db: Database, provinces: string[]): Promise<void> {
  const sorted = [...provinces].sort();
  for (const [i, regionCode] of sorted.entries()) {
    const patch: RulesPatch | null = i % 3 === 0 ? { dailyCap: 6, formCaps: { online: 40, conference: 30 } } : i % 3 === 1 ? { formCaps: { training: 60 } } : null;
    if (patch) await insertVersion(db, { regionCode, year: YEAR, patch, note: 'bench --caps', createdBy: null });
  }
}

/** Which rules the rebuild had to apply: caps change its cost (docs/benchmarks.md). */
function capsInForce(rules: Map<string, ComplianceRules>): string {
  const capped = [...rules.values()].filter((r) => r.dailyCap !== null || Object.values(r.formCaps).some((c) => c !== undefined && c !== null)).length;
  return capped === 0 ? `no daily or form caps in force in any of ${rules.size} provinces` : `daily or form caps in force in ${capped} of ${rules.size} provinces`;
}

async function main() {
  const fresh = await openFreshDatabase('pg');
  const { db } = fresh;
  try {
    console.log(`[compliance] generating ${PEOPLE} people and ${PEOPLE * PER_PERSON} records (untimed) …`);
    await generatePeople(db, benchPii(), PEOPLE, () => undefined);
    await db.query(GENERATE_RECORDS(LAYOUT), [YEAR, PER_PERSON]);
    await db.exec('ANALYZE');
    const counts = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM learning_records'))[0]?.n ?? 0;

    let start = process.hrtime.bigint();
    await db.exec(`CREATE TABLE baseline AS SELECT person_id, year,
        sum(hours) FILTER (WHERE category = 'public') AS pub, sum(hours) FILTER (WHERE category = 'professional') AS pro
      FROM learning_records WHERE status IN ('approved', 'confirmed') GROUP BY person_id, year`);
    const baseline = seconds(start);

    const provinces = (await db.query<{ code: string }>('SELECT DISTINCT province_code AS code FROM people')).map((r) => r.code.trim());
    if (values.caps) await saveCappedRules(db, provinces);
    const rules = await resolveProvinceRules(db, provinces, YEAR);
    start = process.hrtime.bigint();
    const rows = [...rules].map(([provinceCode, r]) => ({ provinceCode, year: YEAR, rules: r }));
    await db.transaction((tx) => rebuildYear(tx, rows, YEAR));
    const full = seconds(start);

    const batch = await db.query<{ personId: string }>('SELECT id AS "personId" FROM people ORDER BY random() LIMIT 10000');
    await db.query(
      `INSERT INTO learning_records (id, province_code, person_id, employer_id, year, category, form, title, start_date, end_date, hours, field, source, status)
       SELECT gen_random_uuid(), p.province_code, p.id, p.employer_id, $2::int, 'professional', 'training', '新增', make_date($2::int, 6, 1), make_date($2::int, 6, 3), 12.5, 'other', 'provider_reported', 'approved'
         FROM people p WHERE p.id = ANY($1::uuid[])`,
      [batch.map((b) => b.personId), YEAR],
    );
    start = process.hrtime.bigint();
    await db.transaction((tx) => recomputeCompliance(tx, batch.map((b) => ({ personId: b.personId, year: YEAR }))));
    const incremental = seconds(start);

    const ratio = full / baseline;
    const lines = [
      `- Data: ${PEOPLE.toLocaleString('en')} people, ${counts.toLocaleString('en')} learning records of ${YEAR} (PostgreSQL, laid out by ${LAYOUT === 'person' ? 'person' : 'arrival: a person\'s records far apart'}), ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
      `- Hand-written GROUP BY into a table (baseline): ${baseline.toFixed(2)} s.`,
      `- Compliance from scratch (${capsInForce(rules)}; splits, requirements, written to the table), all provinces in one pass: ${full.toFixed(2)} s — ${ratio.toFixed(2)}× the baseline (target ≤ 2×: ${ratio <= 2 ? 'met' : 'NOT met'}).`,
      `- Incremental update after a batch of 10,000 new records: ${incremental.toFixed(2)} s (target < 1 s: ${incremental < 1 ? 'met' : 'NOT met'}).`,
    ];
    console.log(lines.join('\n'));
    if (!values['no-docs']) writeDocsSection('compliance', 'Yearly compliance (bench/compliance.ts)', lines);
  } finally {
    await fresh.close();
    await dropLeftoverDatabases();
  }
}


await main();
