// Where the time of one provider-reporting batch goes: the reporting benchmark's data, each
// statement timed on its way to the database (grouped by its first words), and the COPY's plan
// roll-up trigger measured apart (the same COPY with the trigger disabled, rolled back).
// node --import tsx bench/report-profile.ts [rows] [--cpu]  (PostgreSQL; DATABASE_URL or the default)
import type { Ctx } from '../src/platform/context.ts';
import type { Database, Executor } from '../src/platform/db/executor.ts';
import { reportLearningRecords } from '../src/modules/learning/index.ts';
import { openFreshDatabase, benchPii, systemContext } from './db.ts';
import { BATCH, prepareReport, reportRecord } from './learning-report.ts';

type Timings = Map<string, { n: number; ms: number }>;

function label(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim().slice(0, 70);
}

function timedExecutor(inner: Executor, t: Timings): Executor {
  const add = async <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      const e = t.get(key) ?? { n: 0, ms: 0 };
      e.n += 1;
      e.ms += performance.now() - start;
      t.set(key, e);
    }
  };
  return {
    query: (sql, params) => add(label(sql), () => inner.query(sql, params)),
    exec: (sql) => add(label(sql), () => inner.exec(sql)),
    copyCsv: (table, columns, csv) => add(`COPY ${table}`, () => inner.copyCsv(table, columns, csv)),
  };
}

function timedDatabase(db: Database, t: Timings): Database {
  const base = timedExecutor(db, t);
  return { ...db, ...base, kind: db.kind, close: () => db.close(), transaction: (fn) => db.transaction((tx) => fn(timedExecutor(tx, t))) };
}

const count = Number(process.argv[2] ?? 100_000);
const fresh = await openFreshDatabase('pg');
try {
  const { db } = fresh;
  const base = systemContext(db, benchPii(), 'bench-report-profile');
  const { provider, rows } = await prepareReport('pg', db, base, count, console.log);
  const ctx: Ctx = { ...base, actor: { accountId: base.actor?.accountId ?? '00000000-0000-7000-8000-000000000000', username: 'apikey:bench', displayName: 'bench', kind: 'apikey', personId: null, grants: [{ role: 'api_reporter', scopeType: 'organisation', scopeId: provider.id }] } };
  for (let at = 0, b = 1; at < rows.length; at += BATCH, b += 1) {
    const batch = rows.slice(at, at + BATCH).map(reportRecord);
    const t: Timings = new Map();
    const start = performance.now();
    await reportLearningRecords({ ...ctx, db: timedDatabase(db, t) }, batch, 'all_or_nothing');
    const total = performance.now() - start;
    const inDb = [...t.values()].reduce((s, e) => s + e.ms, 0);
    console.log(`batch ${b}: ${total.toFixed(0)} ms, of which in statements ${inDb.toFixed(0)} ms (Node-side ≈ ${(total - inDb).toFixed(0)} ms)`);
    for (const [k, e] of [...t.entries()].sort((a, c) => c[1].ms - a[1].ms)) if (e.ms >= 3) console.log(`  ${e.ms.toFixed(0).padStart(5)} ms ×${e.n} ${k}`);
    // The roll-up trigger's work for this batch, run again alone (it recounts, so the state stays).
    const people = [...new Set(rows.slice(at, at + BATCH).map((r) => r.sealed.id))];
    const refreshStart = performance.now();
    await db.query('SELECT plan_progress_refresh($1::uuid[], $2::smallint[])', [people, people.map(() => 2026)]);
    console.log(`  (plan roll-up refresh of the batch's ${people.length} people alone: ${(performance.now() - refreshStart).toFixed(0)} ms)`);
  }
  if (process.env.PROFILE_KEEP) {
    // Kept for EXPLAIN by hand; drop it afterwards (DROP DATABASE … WITH (FORCE)).
    console.log(`kept database: ${(await db.query<{ n: string }>('SELECT current_database() AS n'))[0]?.n}`);
    process.exit(0);
  }
} finally {
  await fresh.close();
}
