// Benchmark: provider reporting. N records sent to POST /api/learning/reports in batches of
// 10,000 over HTTP with a reporting API key (the application's own server on loopback: key check,
// JSON parsing and schema, row checks, person look-up by ID hash and name, rules, de-duplication
// by provider record id, COPY, compliance of the touched pairs, one audit event per batch) against
// the floor of a raw COPY of the same rows, already resolved and encoded, into learning_records.
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../src/platform/context.ts';
import type { Database } from '../src/platform/db/executor.ts';
import { csvField } from '../src/platform/files/row-issues.ts';
import { PLAN_FIELDS } from '../src/modules/learning/catalogue.ts';
import { recomputeCompliance } from '../src/modules/learning/index.ts';
import { RECORD_COLUMNS } from '../src/modules/learning/records/repo.ts';
import { PERSON_COLUMNS, type PersonWrite } from '../src/modules/registry/people/repo.ts';
import { createRng } from '../src/modules/registry/synthetic.ts';
import { type Engine, benchPii, engineLabel, openFreshDatabase, systemContext } from './db.ts';
import { type ImportRow, buildImportRows, createEmployers, encodeSealedCsv, sealRows } from './import-data.ts';
import { type ReportServer, postReport, startReportServer } from './report-http.ts';

export const REPORT_TARGET = 0.4;
export const BATCH = 10_000;
const YEAR = 2026;
const FORMS = ['training', 'online', 'conference', 'practice', 'advanced_seminar'] as const;

export type ReportBenchResult = {
  engine: Engine;
  rows: number;
  people: number;
  reportMs: number;
  reportRps: number;
  copyMs: number;
  copyRps: number;
  ratio: number;
  reportRuns: number[];
  copyRuns: number[];
  /**
   * Diagnostic: a full recompute of one batch's (person, year) pairs, re-run untimed — the path of
   * provinces whose rules cap hours; where nothing is capped a batch adds its hours instead.
   */
  recomputeBatchMs: number;
  batches: number;
};

export type ReportBenchOptions = { rows: number; rounds: number; log: (line: string) => void };

type Row = { person: ImportRow; sealed: PersonWrite; i: number };
const num = (n: number) => Math.round(n).toLocaleString('en-US');
const pad2 = (n: number) => String(n).padStart(2, '0');

/** The i-th reported completion: one day of study in the first ten months of the year. */
export function reportRecord({ person, i }: Row) {
  const date = `${YEAR}-${pad2(1 + (i % 10))}-${pad2(1 + (i % 28))}`;
  return {
    idNumber: person.idNumber, name: person.name, year: YEAR, category: i % 3 === 0 ? 'public' : 'professional', form: FORMS[i % FORMS.length],
    hours: 1 + (i % 6), startDate: date, endDate: date, title: `专业技术人员能力提升课程 ${i % 500}`, field: PLAN_FIELDS[i % PLAN_FIELDS.length], providerRecordId: `R-${i}`,
  };
}

/** The same rows as learning_records would hold them, COPY-ready (the baseline's input). */
export function encodeRecordsCsv(rows: Row[], provider: { id: string; name: string }, createdBy: string): string {
  const lines = rows.map((row) => {
    const r = reportRecord(row);
    return [
      uuidv7(), row.sealed.provinceCode, row.sealed.id, row.sealed.employerId, r.year, r.category, r.form, csvField(r.title), provider.id, csvField(provider.name),
      r.startDate, r.endDate, r.hours, r.field, 'provider_reported', 'approved', csvField(r.providerRecordId), createdBy,
    ].join(',');
  });
  return `${lines.join('\n')}\n`;
}

async function countRecords(db: Database): Promise<number> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM learning_records'))[0]?.n ?? 0;
}

export async function emptyRecords(db: Database): Promise<void> {
  // The plan roll-up too: each round starts from the same empty state (a round that found the
  // previous round's members took minutes, its statistics still saying the tables were empty).
  await db.exec('TRUNCATE learning_records CASCADE; TRUNCATE learning_compliance, plan_progress_members, plan_progress, plan_progress_national');
  if (db.kind === 'postgres') await db.exec('CHECKPOINT');
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** People to report on (a quarter of the rows, at least 1,000) and a provider, written untimed. */
export async function prepareReport(engine: Engine, db: Database, ctx: Ctx, count: number, log: (line: string) => void) {
  const rng = createRng(20261127);
  const employers = await createEmployers(db, rng, 50);
  const peopleCount = Math.max(1000, Math.ceil(count / 4));
  log(`[report/${engine}] ${num(peopleCount)} people for ${employers.orgs.length} employers, ${num(count)} records of ${YEAR}`);
  const people = buildImportRows(rng, employers, peopleCount);
  const sealed = sealRows(ctx.pii, people, ctx.now);
  await db.copyCsv('people', PERSON_COLUMNS, encodeSealedCsv(sealed));
  const provider = employers.orgs[0];
  await db.query(`UPDATE organisations SET roles = roles || '{training_institution}'::text[] WHERE id = $1`, [provider.id]);
  await db.exec('ANALYZE');
  const rows: Row[] = Array.from({ length: count }, (_, i) => ({ person: people[i % peopleCount], sealed: sealed[i % peopleCount], i }));
  return { provider, rows, peopleCount };
}

type Prepared = Awaited<ReturnType<typeof prepareReport>> & { db: Database; server: ReportServer; bodies: string[]; copyCsv: string };

/** Rounds of (a) the batches over HTTP and (b) the baseline COPY, each from empty tables. */
async function runRounds(engine: Engine, p: Prepared, options: ReportBenchOptions) {
  const { db, server, bodies, copyCsv, rows } = p;
  const { log } = options;
  const count = rows.length;
  const reportRuns: number[] = [];
  const copyRuns: number[] = [];
  let recomputeBatchMs = 0;
  for (let round = 1; round <= options.rounds; round += 1) {
    await emptyRecords(db);
    log(`[report/${engine}] round ${round}: (a) POST /api/learning/reports × ${bodies.length} batches of ≤ ${num(BATCH)}`);
    let created = 0;
    reportRuns.push(await timed(async () => {
      for (const body of bodies) created += (await postReport(server, body)).created;
    }));
    if (created !== count || (await countRecords(db)) !== count) throw new Error(`reporting wrote ${created} of ${count} rows`);
    log(`[report/${engine}]   ${((reportRuns.at(-1) ?? 0) / 1000).toFixed(2)} s (${num(count / ((reportRuns.at(-1) ?? 1) / 1000))} rows/s)`);
    if (round === 1) {
      const pairs = rows.slice(0, BATCH).map((r) => ({ personId: r.sealed.id, year: YEAR }));
      recomputeBatchMs = await timed(() => db.transaction((tx) => recomputeCompliance(tx, pairs)));
      log(`[report/${engine}]   diagnostic: a full compliance recompute of one batch's ${num(new Set(pairs.map((x) => x.personId)).size)} pairs alone ${(recomputeBatchMs / 1000).toFixed(2)} s`);
      const again = await postReport(server, bodies[0] as string);
      if (again.created !== 0 || again.unchanged !== Math.min(BATCH, count)) throw new Error('re-sent batch was not de-duplicated');
      log(`[report/${engine}]   check: the first batch re-sent → ${again.created} created, ${num(again.unchanged)} unchanged`);
    }
    await emptyRecords(db);
    log(`[report/${engine}] round ${round}: (b) baseline: raw COPY of the same ${num(count)} rows into learning_records`);
    copyRuns.push(await timed(() => db.copyCsv('learning_records', RECORD_COLUMNS, copyCsv)));
    if ((await countRecords(db)) !== count) throw new Error('baseline COPY did not write every row');
    log(`[report/${engine}]   ${((copyRuns.at(-1) ?? 0) / 1000).toFixed(2)} s (${num(count / ((copyRuns.at(-1) ?? 1) / 1000))} rows/s)`);
  }
  return { reportRuns, copyRuns, recomputeBatchMs };
}

export async function runReportBench(engine: Engine, options: ReportBenchOptions): Promise<ReportBenchResult> {
  const { rows: count, log } = options;
  log(`[report/${engine}] fresh ${engineLabel(engine)} database: migrate + reference data`);
  const fresh = await openFreshDatabase(engine);
  let server: ReportServer | undefined;
  try {
    const { db } = fresh;
    const piiKey = randomBytes(32);
    const base = systemContext(db, benchPii(piiKey), 'bench-report');
    const prepared = await prepareReport(engine, db, base, count, log);
    server = await startReportServer(base, prepared.provider.id, { url: fresh.url, piiKey }, log);
    const bodies: string[] = [];
    for (let at = 0; at < count; at += BATCH) bodies.push(JSON.stringify({ records: prepared.rows.slice(at, at + BATCH).map(reportRecord) }));
    const copyCsv = encodeRecordsCsv(prepared.rows, prepared.provider, server.keyId);
    log(`[report/${engine}] warm-up: one untimed COPY of the encoded rows`);
    await db.copyCsv('learning_records', RECORD_COLUMNS, copyCsv);
    const { reportRuns, copyRuns, recomputeBatchMs } = await runRounds(engine, { ...prepared, db, server, bodies, copyCsv }, options);
    const reportMs = Math.min(...reportRuns);
    const copyMs = Math.min(...copyRuns);
    const reportRps = count / (reportMs / 1000);
    const copyRps = count / (copyMs / 1000);
    return { engine, rows: count, people: prepared.peopleCount, reportMs, reportRps, copyMs, copyRps, ratio: reportRps / copyRps, reportRuns, copyRuns, recomputeBatchMs, batches: bodies.length };
  } finally {
    await server?.close();
    await fresh.close();
  }
}

/** Console lines for the result, with the verdict against the target. */
export function formatReportResult(r: ReportBenchResult): string[] {
  const verdict = r.ratio >= REPORT_TARGET ? 'meets target' : 'BELOW target';
  return [
    `Provider reporting on ${engineLabel(r.engine)}: ${num(r.rows)} records for ${num(r.people)} people, batches of ${num(BATCH)}`,
    `  POST /api/learning/reports: ${num(r.reportRps)} rows/s (${(r.reportMs / 1000).toFixed(2)} s, best of ${r.reportRuns.length}: ${r.reportRuns.map((ms) => (ms / 1000).toFixed(2)).join(' s, ')} s)`,
    `  raw COPY (baseline):        ${num(r.copyRps)} rows/s (${(r.copyMs / 1000).toFixed(2)} s; rounds ${r.copyRuns.map((ms) => (ms / 1000).toFixed(2)).join(' s, ')} s)`,
    `  ratio ${(r.ratio * 100).toFixed(1)} % (target ≥ ${REPORT_TARGET * 100} %): ${verdict}`,
    `  diagnostic: a full compliance recompute of one batch's people (capped provinces' path) ${(r.recomputeBatchMs / 1000).toFixed(2)} s`,
  ];
}
