// npm run bench [-- --only import|get|report] [--engine pg|pglite] [--rows N] [--duration S] [--connections C]
//                  [--rounds N] [--profile auto|always|never] [--no-docs]
// `--only report` runs the provider-reporting benchmark alone (default 200,000 rows, PostgreSQL
// unless --engine says otherwise); it prints its figures and leaves docs/benchmarks.md as it is.
// Runs the benchmarks on PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
// and on PGlite, prints a table, and writes the results section of docs/benchmarks.md.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ENGINES, type Engine, dropLeftoverDatabases, engineLabel, serverUrl } from './db.ts';
import { type GetResult, runPersonGetBench } from './person-get.ts';
import { type ImportResult, runImportBench } from './people-import.ts';
import { formatReportResult, runReportBench } from './learning-report.ts';
import { type RunReport, consoleSummary, describeMachine, writeResults } from './report.ts';
import { INTRO } from './intro.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = path.join(ROOT, 'docs', 'benchmarks.md');

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    engine: { type: 'string' },
    rows: { type: 'string' },
    duration: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '64' },
    rounds: { type: 'string', default: '2' },
    profile: { type: 'string', default: 'auto' },
    'no-docs': { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const only = values.only;
if (only !== undefined && only !== 'import' && only !== 'get' && only !== 'report') fail('--only must be import, get or report');
const engineFlag = values.engine === undefined ? undefined : (ENGINES.find((e) => e === values.engine) ?? fail('--engine must be pg or pglite'));
const PROFILES = ['auto', 'always', 'never'] as const;
const profile = PROFILES.find((p) => p === values.profile) ?? fail('--profile must be auto, always or never');
const positive = (name: string, raw: string | undefined, max: number) => {
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n > max) fail(`--${name} must be a number in (0, ${max}]`);
  return n;
};
const rows = Math.floor(only === 'report' ? positive('rows', values.rows ?? '200000', 1_000_000) : positive('rows', values.rows ?? '100000', 200_000));
const durationMs = positive('duration', values.duration, 60) * 1000;
const warmupMs = positive('warmup', values.warmup, 30) * 1000;
const connections = Math.floor(positive('connections', values.connections, 256));
const rounds = Math.floor(positive('rounds', values.rounds, 5));
const engines: Engine[] = engineFlag ? [engineFlag] : only === 'report' ? ['pg'] : [...ENGINES];

const log = (line: string) => console.log(line);

async function postgresVersion(): Promise<string | null> {
  const client = new pg.Client({ connectionString: serverUrl(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const res = await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
    return res.rows[0]?.v ?? 'unknown';
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  const skipped: string[] = [];
  const extra: string[] = [];
  if (engines.includes('pg')) {
    const version = await postgresVersion();
    const where = new URL(serverUrl());
    if (version) extra.push(`PostgreSQL: ${version} at ${where.host} (same machine: it shares the cores)`);
    else {
      skipped.push(`PostgreSQL: ${where.host} did not answer`);
      engines.splice(engines.indexOf('pg'), 1);
    }
  }
  const pglitePackage = path.join(ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json');
  const { version: pgliteVersion } = JSON.parse(readFileSync(pglitePackage, 'utf8')) as { version: string };
  if (engines.includes('pglite')) extra.push(`PGlite: ${pgliteVersion}, in memory, inside the Node.js process`);

  if (only === 'report') {
    for (const engine of engines) {
      log(`\n--- provider reporting on ${engineLabel(engine)} ---`);
      const result = await runReportBench(engine, { rows, rounds, log });
      for (const line of formatReportResult(result)) log(line);
    }
    for (const s of skipped) log(`skipped: ${s}`);
    return;
  }

  const imports: ImportResult[] = [];
  const gets: GetResult[] = [];
  for (const engine of engines) {
    if (only !== 'get') {
      log(`\n--- people import on ${engineLabel(engine)} ---`);
      imports.push(await runImportBench(engine, { rows, rounds, profile, log }));
    }
    if (only !== 'import') {
      log(`\n--- GET /api/people/:id on ${engineLabel(engine)} ---`);
      gets.push(await runPersonGetBench(engine, { connections, warmupMs, durationMs, breakdown: profile, log }));
    }
  }

  const flags = process.argv.slice(2).join(' ');
  const report: RunReport = {
    startedAt,
    seconds: (Date.now() - startedAt.getTime()) / 1000,
    flags,
    machine: describeMachine(extra),
    loadBefore,
    loadAfter: os.loadavg(),
    imports,
    gets,
    skipped,
  };
  for (const line of consoleSummary(report)) log(line);
  if (!values['no-docs']) {
    writeResults(DOCS, report, INTRO);
    log(`\nresults written to ${path.relative(process.cwd(), DOCS)}`);
  }
}

process.once('SIGINT', () => {
  void dropLeftoverDatabases().finally(() => process.exit(130));
});

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(error);
    await dropLeftoverDatabases();
    process.exit(1);
  },
);
