// A/B of the plan roll-up refresh under COPY: the function of 0010 against the current one, on
// the reporting benchmark's rows — ten COPYs of 10,000 (as reporting writes) and one of 100,000
// (the baseline), alternating, and the same with the roll-up trigger disabled (the floor).
// node --import tsx bench/plan-refresh-ab.ts [rows] [rounds]
import { readFileSync } from 'node:fs';
import { RECORD_COLUMNS } from '../src/modules/learning/records/repo.ts';
import { benchPii, openFreshDatabase, systemContext } from './db.ts';
import { BATCH, emptyRecords, encodeRecordsCsv, prepareReport } from './learning-report.ts';

const count = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 2);
const oldSql = readFileSync(new URL('../migrations/0010_create_plans.sql', import.meta.url), 'utf8');
const fnOf = (name: string) => new RegExp(`CREATE FUNCTION ${name}[\\s\\S]*?END \\$\\$;`).exec(oldSql)?.[0].replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION') ?? '';
const oldFn = `${fnOf('plan_progress_refresh')}\n${fnOf('plan_progress_after_insert')}`;
const fresh = await openFreshDatabase('pg');
try {
  const { db } = fresh;
  const def = async (name: string) => (await db.query<{ d: string }>(`SELECT pg_get_functiondef('${name}'::regproc) AS d`))[0]?.d ?? '';
  const newFn = `${await def('plan_progress_refresh')};\n${await def('plan_progress_after_insert')};`;
  const base = systemContext(db, benchPii(), 'bench-ab');
  const { provider, rows } = await prepareReport('pg', db, base, count, console.log);
  const csvs: string[] = [];
  for (let at = 0; at < rows.length; at += BATCH) csvs.push(encodeRecordsCsv(rows.slice(at, at + BATCH), provider, base.actor?.accountId ?? provider.id));
  const all = csvs.join('');
  const variants: [string, () => Promise<void>][] = [
    ['0010', () => db.exec(oldFn)],
    ['new', () => db.exec(newFn)],
    ['no trigger', () => db.exec('ALTER TABLE learning_records DISABLE TRIGGER learning_records_plan_progress_insert')],
  ];
  const timed = async (fn: () => Promise<unknown>) => { const s = performance.now(); await fn(); return performance.now() - s; };
  for (let round = 1; round <= rounds; round += 1) {
    for (const [name, set] of variants) {
      await db.exec('ALTER TABLE learning_records ENABLE TRIGGER learning_records_plan_progress_insert');
      await set();
      await emptyRecords(db);
      const per: number[] = [];
      for (const csv of csvs) per.push(await timed(() => db.copyCsv('learning_records', RECORD_COLUMNS, csv)));
      const progress = (await db.query<{ n: number }>('SELECT coalesce(sum(people), 0)::int AS n FROM plan_progress'))[0]?.n;
      await emptyRecords(db);
      const one = await timed(() => db.copyCsv('learning_records', RECORD_COLUMNS, all));
      const progress2 = (await db.query<{ n: number }>('SELECT coalesce(sum(people), 0)::int AS n FROM plan_progress'))[0]?.n;
      // The refresh itself (update and delete triggers): every record touched, then half deleted.
      const update = await timed(() => db.exec('UPDATE learning_records SET hours = hours'));
      const del = await timed(() => db.exec('DELETE FROM learning_records WHERE hours < 4'));
      const left = (await db.query<{ n: number }>('SELECT coalesce(sum(people), 0)::int AS n FROM plan_progress'))[0]?.n;
      console.log(`  UPDATE of every record: ${update.toFixed(0)} ms, DELETE of half: ${del.toFixed(0)} ms (members counted after: ${left})`);
      console.log(`round ${round} ${name.padEnd(10)} batches: ${per.reduce((a, b) => a + b, 0).toFixed(0)} ms [${per.map((p) => p.toFixed(0)).join(' ')}]  one COPY: ${one.toFixed(0)} ms  (members counted ${progress} / ${progress2})`);
    }
  }
} finally {
  await fresh.close();
}
