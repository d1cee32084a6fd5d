// Benchmark: provider reporting. N records through reportLearningRecords in batches of 10,000
// (row checks, person look-up by ID hash and name, rules, de-duplication by provider record id,
// COPY to staging + INSERT … ON CONFLICT, compliance of the touched pairs, one audit event per
// batch) against the floor of a raw COPY of the same rows, already resolved and encoded, into
// learning_records.
import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../src/platform/context.ts';
import type { Database } from '../src/platform/db/executor.ts';
import { csvField } from '../src/platform/files/row-issues.ts';
import { PLAN_FIELDS } from '../src/modules/learning/catalogue.ts';
import { recomputeCompliance, reportLearningRecords } from '../src/modules/learning/index.ts';
import { RECORD_COLUMNS } from '../src/modules/learning/records/repo.ts';
import { PERSON_COLUMNS, type PersonWrite } from '../src/modules/registry/people/repo.ts';
import { createRng } from '../src/modules/registry/synthetic.ts';
import { type Engine, benchPii, engineLabel, openFreshDatabase, systemContext } from './db.ts';
import { type ImportRow, buildImportRows, createEmployers, encodeSealedCsv, sealRows } from './import-data.ts';

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
  /** Diagnostic: the compliance update of one batch's (person, year) pairs alone, re-run untimed. */
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

export async function runReportBench(engine: Engine, options: ReportBenchOptions): Promise<ReportBenchResult> {
  const { rows: count, log } = options;
  log(`[report/${engine}] fresh ${engineLabel(engine)} database: migrate + reference data`);
  const fresh = await openFreshDatabase(engine);
  try {
    const { db } = fresh;
    const base = systemContext(db, benchPii(), 'bench-report');
    const { provider, rows, peopleCount } = await prepareReport(engine, db, base, count, log);
    const keyId = uuidv7();
    const ctx: Ctx = { ...base, actor: { accountId: keyId, username: 'apikey:bench', displayName: 'bench', kind: 'apikey', personId: null, grants: [{ role: 'api_reporter', scopeType: 'organisation', scopeId: provider.id }] } };
    const batches: ReturnType<typeof reportRecord>[][] = [];
    for (let at = 0; at < rows.length; at += BATCH) batches.push(rows.slice(at, at + BATCH).map(reportRecord));
    const copyCsv = encodeRecordsCsv(rows, provider, keyId);
    log(`[report/${engine}] warm-up: one untimed COPY of the encoded rows`);
    await db.copyCsv('learning_records', RECORD_COLUMNS, copyCsv);

    const reportRuns: number[] = [];
    let recomputeBatchMs = 0;
    const copyRuns: number[] = [];
    for (let round = 1; round <= options.rounds; round += 1) {
      await emptyRecords(db);
      log(`[report/${engine}] round ${round}: (a) reportLearningRecords × ${batches.length} batches of ≤ ${num(BATCH)}`);
      let created = 0;
      reportRuns.push(await timed(async () => {
        for (const batch of batches) created += (await reportLearningRecords({ ...ctx, requestId: `bench-report-${round}` }, batch, 'all_or_nothing')).created;
      }));
      if (created !== count || (await countRecords(db)) !== count) throw new Error(`reporting wrote ${created} of ${count} rows`);
      log(`[report/${engine}]   ${((reportRuns.at(-1) ?? 0) / 1000).toFixed(2)} s (${num(count / ((reportRuns.at(-1) ?? 1) / 1000))} rows/s)`);
      if (round === 1) {
        const pairs = rows.slice(0, BATCH).map((r) => ({ personId: r.sealed.id, year: YEAR }));
        recomputeBatchMs = await timed(() => db.transaction((tx) => recomputeCompliance(tx, pairs)));
        log(`[report/${engine}]   of which compliance: one batch's ${num(new Set(pairs.map((p) => p.personId)).size)} pairs recomputed alone in ${(recomputeBatchMs / 1000).toFixed(2)} s`);
        const again = await reportLearningRecords(ctx, batches[0] ?? [], 'all_or_nothing');
        if (again.created !== 0 || again.unchanged !== (batches[0]?.length ?? 0)) throw new Error('re-sent batch was not de-duplicated');
        log(`[report/${engine}]   check: the first batch re-sent → ${again.created} created, ${num(again.unchanged)} unchanged`);
      }
      await emptyRecords(db);
      log(`[report/${engine}] round ${round}: (b) baseline: raw COPY of the same ${num(count)} rows into learning_records`);
      copyRuns.push(await timed(() => db.copyCsv('learning_records', RECORD_COLUMNS, copyCsv)));
      if ((await countRecords(db)) !== count) throw new Error('baseline COPY did not write every row');
      log(`[report/${engine}]   ${((copyRuns.at(-1) ?? 0) / 1000).toFixed(2)} s (${num(count / ((copyRuns.at(-1) ?? 1) / 1000))} rows/s)`);
    }
    const reportMs = Math.min(...reportRuns);
    const copyMs = Math.min(...copyRuns);
    const reportRps = count / (reportMs / 1000);
    const copyRps = count / (copyMs / 1000);
    return { engine, rows: count, people: peopleCount, reportMs, reportRps, copyMs, copyRps, ratio: reportRps / copyRps, reportRuns, copyRuns, recomputeBatchMs, batches: batches.length };
  } finally {
    await fresh.close();
  }
}

/** Console lines for the result, with the verdict against the target. */
export function formatReportResult(r: ReportBenchResult): string[] {
  const verdict = r.ratio >= REPORT_TARGET ? 'meets target' : 'BELOW target';
  return [
    `Provider reporting on ${engineLabel(r.engine)}: ${num(r.rows)} records for ${num(r.people)} people, batches of ${num(BATCH)}`,
    `  reportLearningRecords: ${num(r.reportRps)} rows/s (${(r.reportMs / 1000).toFixed(2)} s, best of ${r.reportRuns.length})`,
    `  raw COPY (baseline):   ${num(r.copyRps)} rows/s (${(r.copyMs / 1000).toFixed(2)} s)`,
    `  ratio ${(r.ratio * 100).toFixed(1)} % (target ≥ ${REPORT_TARGET * 100} %): ${verdict}`,
    `  compliance update ≈ ${(r.recomputeBatchMs / 1000).toFixed(2)} s a batch, ≈ ${((r.recomputeBatchMs * r.batches * 100) / r.reportMs).toFixed(0)} % of the reporting time`,
  ];
}
