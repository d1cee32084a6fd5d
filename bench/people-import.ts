// Benchmark 1: importing 100,000 people through importPeople (parse, validate, seal, look up,
// COPY, audit) against the floor of a raw COPY of the same rows, already sealed and encoded.
import type { Database } from '../src/platform/db/executor.ts';
import { importPeople } from '../src/modules/registry/people/import.ts';
import { PERSON_COLUMNS } from '../src/modules/registry/people/repo.ts';
import { createRng } from '../src/modules/registry/synthetic.ts';
import { dropPausesBefore, gcPausesBetween } from './gc.ts';
import { type Engine, benchPii, engineLabel, openFreshDatabase, systemContext } from './db.ts';
import { buildImportRows, createEmployers, encodeImportCsv, encodeSealedCsv, sealRows } from './import-data.ts';
import { type Step, formatProfile, profileImport } from './import-profile.ts';

export const IMPORT_TARGET = 0.3;

/** 'auto' explains the figure when it is under its target or less than 1.5× above it. */
export function wantsProfile(mode: 'auto' | 'always' | 'never', ratio: number, target: number): boolean {
  return mode === 'always' || (mode === 'auto' && ratio < target * 1.5);
}

export type ImportResult = {
  engine: Engine;
  rows: number;
  fileBytes: number;
  importMs: number;
  importRps: number;
  copyMs: number;
  copyRps: number;
  ratio: number;
  /** Each round's times (ms); the figures above are the best round of each. */
  importRuns: number[];
  copyRuns: number[];
  /** Garbage-collection pauses inside the best import run. */
  importGcMs: number;
  profile: Step[] | null;
};

export type ImportOptions = { rows: number; rounds: number; profile: 'auto' | 'always' | 'never'; log: (line: string) => void };

const num = (n: number) => Math.round(n).toLocaleString('en-US');

async function countPeople(db: Database): Promise<number> {
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM people');
  return rows[0]?.n ?? 0;
}

// accounts.person_id references people: CASCADE empties it too (it is empty in this database).
async function emptyPeople(db: Database): Promise<void> {
  await db.exec('TRUNCATE people CASCADE');
  if (db.kind === 'postgres') await db.exec('CHECKPOINT');
}

/** Wall time of `fn` and the garbage-collection pause time observed while it ran. */
async function timed(fn: () => Promise<unknown>): Promise<{ ms: number; gcMs: number }> {
  const start = performance.now();
  await fn();
  const end = performance.now();
  const gcMs = await gcPausesBetween(start, end);
  dropPausesBefore(end);
  return { ms: end - start, gcMs };
}

export async function runImportBench(engine: Engine, options: ImportOptions): Promise<ImportResult> {
  const { rows: count, log } = options;
  const label = engineLabel(engine);
  log(`[import/${engine}] fresh ${label} database: migrate + reference data`);
  const fresh = await openFreshDatabase(engine);
  try {
    const { db } = fresh;
    const pii = benchPii();
    const ctx = systemContext(db, pii, 'bench-import');
    const rng = createRng(20240601);
    const employers = await createEmployers(db, rng, 50);
    log(`[import/${engine}] generating ${count} people for ${employers.orgs.length} employers (330000, 440000)`);
    const rows = buildImportRows(rng, employers, count);
    const file = encodeImportCsv(rows);
    // Baseline input, prepared outside any timing: the rows sealed and encoded for COPY.
    const sealedCsv = encodeSealedCsv(sealRows(pii, rows, ctx.now));
    // Warm-up (untimed): the first COPY into a new database is slower on both engines (cold
    // caches, PGlite's WebAssembly still compiling); without it the first timed step pays for that.
    log(`[import/${engine}] warm-up: one untimed COPY of the sealed rows`);
    await db.copyCsv('people', PERSON_COLUMNS, sealedCsv);

    const importRuns: { ms: number; gcMs: number }[] = [];
    const copyRuns: number[] = [];
    for (let round = 1; round <= options.rounds; round += 1) {
      await emptyPeople(db);
      log(`[import/${engine}] round ${round}: (a) importPeople(ctx, ${(file.length / 1e6).toFixed(1)} MB CSV, { dryRun: false })`);
      let created = 0;
      importRuns.push(
        await timed(async () => {
          created = (await importPeople({ ...ctx, requestId: `bench-import-${round}` }, file, { dryRun: false })).created;
        }),
      );
      if (created !== count || (await countPeople(db)) !== count) throw new Error(`import wrote ${created} of ${count} rows`);
      const last = importRuns[importRuns.length - 1];
      log(`[import/${engine}]   ${(last.ms / 1000).toFixed(2)} s (${num(count / (last.ms / 1000))} rows/s; GC pauses ${(last.gcMs / 1000).toFixed(2)} s)`);
      await emptyPeople(db);
      log(`[import/${engine}] round ${round}: (b) baseline: raw COPY of the same ${count} sealed rows`);
      copyRuns.push((await timed(() => db.copyCsv('people', PERSON_COLUMNS, sealedCsv))).ms);
      if ((await countPeople(db)) !== count) throw new Error('baseline COPY did not write every row');
      const copyMs = copyRuns[copyRuns.length - 1];
      log(`[import/${engine}]   ${(copyMs / 1000).toFixed(2)} s (${num(count / (copyMs / 1000))} rows/s)`);
    }
    const best = importRuns.reduce((a, b) => (b.ms < a.ms ? b : a));
    const importMs = best.ms;
    const copyMs = Math.min(...copyRuns);
    const importRps = count / (importMs / 1000);
    const copyRps = count / (copyMs / 1000);
    const ratio = importRps / copyRps;
    let profile: Step[] | null = null;
    if (wantsProfile(options.profile, ratio, IMPORT_TARGET)) {
      await emptyPeople(db);
      log(`[import/${engine}] profiling the import's steps (ratio ${(ratio * 100).toFixed(1)} %)`);
      profile = await profileImport({ ...ctx, requestId: 'bench-profile' }, file);
      for (const line of formatProfile(profile, importMs)) log(line);
    }
    return {
      engine, rows: count, fileBytes: file.length, importMs, importRps, copyMs, copyRps, ratio,
      importRuns: importRuns.map((r) => r.ms), copyRuns, importGcMs: best.gcMs, profile,
    };
  } finally {
    await fresh.close();
  }
}
