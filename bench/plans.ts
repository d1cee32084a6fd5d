// node --import tsx bench/plans.ts [--people N] [--per-person R] [--runs K] [--no-docs]
// The national plan dashboard's data (all fields × departments, per province, per month) read
// from the maintained roll-up, against recomputing the same figures from the learning records
// (distinct people per cell), in the same run on PostgreSQL. Default: 1,000,000 people × 10 =
// 10,000,000 records across all provinces. Prints figures and the ratio; writes its section of
// docs/benchmarks.md unless --no-docs.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { v7 as uuidv7 } from 'uuid';
import { SYSTEM_ACTOR, type Ctx } from '../src/platform/context.ts';
import { writeDocsSection } from './docs-section.ts';
import { generatePeople } from '../src/modules/registry/generate.ts';
import { NATIONAL_DEPARTMENTS } from '../src/modules/registry/departments/catalogue.ts';
import { getDashboard } from '../src/modules/plans/progress/service.ts';
import { benchPii, dropLeftoverDatabases, openFreshDatabase } from './db.ts';

const { values } = parseArgs({ options: { people: { type: 'string', default: '1000000' }, 'per-person': { type: 'string', default: '10' }, runs: { type: 'string', default: '21' }, 'no-docs': { type: 'boolean', default: false } } });
const PEOPLE = Number(values.people);
const PER_PERSON = Number(values['per-person']);
const RUNS = Number(values.runs);
const YEAR = 2025;
const FIELDS = ['next_gen_it', 'biotech', 'new_energy', 'new_materials', 'high_end_equipment', 'new_energy_vehicles', 'green', 'aerospace',
  'marine_equipment', 'digital_tech', 'intellectual_property', 'cyber_security', 'emergency_management', 'rural_revitalisation', 'other'];

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

// Records generated inside the database (set-based): R records per person over fields, months and
// statuses; the roll-up triggers maintain plan_progress as the rows go in.
const GENERATE_RECORDS = `
INSERT INTO learning_records (id, province_code, person_id, employer_id, year, category, form, title, start_date, end_date, hours, field, source, status)
SELECT gen_random_uuid(), p.province_code, p.id, p.employer_id, $1::int, 'professional', 'training', '课程',
       make_date($1::int, 1 + g % 12, 1 + g % 20), make_date($1::int, 1 + g % 12, 2 + g % 20), 8,
       ($3::text[])[1 + abs(hashtext(p.id::text || g)) % 15], 'employer_entered',
       (ARRAY['approved','approved','approved','submitted','confirmed'])[1 + (abs(hashtext(g || p.id::text)) % 5)]
  FROM people p CROSS JOIN generate_series(1, $2) AS g`;

// The recount: the same figures the dashboard shows, from the records (distinct people per cell).
const RECOUNT = `
WITH m AS (
  SELECT lr.person_id, lr.field, coalesce(split_part(o.department_code, '.', 1), '') AS dept, lr.province_code,
         min(extract(month FROM lr.end_date))::int AS month
    FROM learning_records lr JOIN organisations o ON o.id = lr.employer_id
   WHERE lr.year = $1 AND lr.status IN ('approved', 'confirmed')
   GROUP BY 1, 2, 3, 4)
SELECT 'field' AS dim, field AS key, count(*)::bigint AS people FROM m GROUP BY 2
UNION ALL SELECT 'department', dept, count(*) FROM m GROUP BY 2
UNION ALL SELECT 'province', province_code, count(*) FROM m GROUP BY 2
UNION ALL SELECT 'month', month::text, count(*) FROM m GROUP BY 2`;

async function main() {
  const fresh = await openFreshDatabase('pg');
  const { db } = fresh;
  try {
    console.log(`[plans] generating ${PEOPLE} people and ${PEOPLE * PER_PERSON} records …`);
    await generatePeople(db, benchPii(), PEOPLE, () => undefined);
    await db.query(`UPDATE organisations SET department_code = ($1::text[])[1 + abs(hashtext(id::text)) % cardinality($1::text[])]`, [NATIONAL_DEPARTMENTS.map((d) => d.code)]);
    let start = process.hrtime.bigint();
    await db.query(GENERATE_RECORDS, [YEAR, PER_PERSON, FIELDS]);
    const load = ms(start) / 1000;
    await db.exec('ANALYZE');
    const records = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM learning_records'))[0]?.n ?? 0;
    const cells = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM plan_progress'))[0]?.n ?? 0;

    const planId = uuidv7();
    await db.query(`INSERT INTO plans (id, year, programme, title, status) VALUES ($1, $2, 'capability', 'bench', 'published')`, [planId, YEAR]);
    await db.query(
      `INSERT INTO plan_targets (plan_id, region_code, field, department_code, people)
       SELECT $1, r.code, f, d, 1000 FROM regions r CROSS JOIN unnest($2::text[]) AS f CROSS JOIN unnest($3::text[]) AS d WHERE r.level <= 1`,
      [planId, FIELDS, NATIONAL_DEPARTMENTS.map((d) => d.code)],
    );
    const ctx: Ctx = { db, pii: benchPii(), actor: SYSTEM_ACTOR, now: new Date(), locale: 'zh-CN', requestId: 'bench', ip: '' };

    const rollUp: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      start = process.hrtime.bigint();
      await getDashboard(ctx, planId, {});
      rollUp.push(ms(start));
    }
    const recount: number[] = [];
    for (let i = 0; i < Math.max(3, Math.floor(RUNS / 7)); i += 1) {
      start = process.hrtime.bigint();
      await db.query(RECOUNT, [YEAR]);
      recount.push(ms(start));
    }
    const [dash, base] = [median(rollUp), median(recount)];
    const ratio = base / dash;
    const lines = [
      `- Data: ${PEOPLE.toLocaleString('en')} people, ${records.toLocaleString('en')} learning records of ${YEAR} across all provinces (PostgreSQL), ${cells.toLocaleString('en')} roll-up rows, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
      `- Loading the records with the roll-up triggers in one INSERT … SELECT: ${load.toFixed(1)} s.`,
      `- National dashboard data (by field, department, province, month, with targets; the service function): median ${dash.toFixed(1)} ms of ${RUNS} (target < 100 ms: ${dash < 100 ? 'met' : 'NOT met'}).`,
      `- Recount of the same figures from the records (distinct people per cell): median ${base.toFixed(0)} ms of ${recount.length} — the roll-up is ${ratio.toFixed(0)}× faster (target ≥ 20×: ${ratio >= 20 ? 'met' : 'NOT met'}).`,
    ];
    console.log(lines.join('\n'));
    if (!values['no-docs']) writeDocsSection('plans', 'Plan dashboard (bench/plans.ts)', lines);
  } finally {
    await fresh.close();
    await dropLeftoverDatabases();
  }
}


await main();
