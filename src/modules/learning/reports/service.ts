import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Ctx, requireActor } from '../../../platform/context.ts';
import { mapColumns, pickRow, readTable } from '../../../platform/files/table-file.ts';
import { AppError, type ErrorDetail, localiseDetails } from '../../../platform/http/errors.ts';
import { grantsWith } from '../../../platform/auth/permissions.ts';
import { findOrganisationById } from '../../registry/index.ts';
import { isProvider } from '../api-keys/policy.ts';
import { providerOf } from '../api-keys/service.ts';
import { addRecordsToCompliance } from '../compliance/service.ts';
import { rulesRowsFor } from '../rules/service.ts';
import { type ComplianceRules, type DateProblem, checkRecordDates } from '../rules.ts';
import { MAX_REPORT_ROWS, REPORT_COLUMNS, REPORT_FIELDS, type RawReportRow, type ReportField, ReportIssues, type ReportRow, createReportRowParser, dateProblemColumn, sameName } from './fields.ts';
import * as repo from './repo.ts';

export type ReportMode = 'all_or_nothing' | 'accept_valid';
/** Rows as strings with the numbers the caller knows them by (JSON index + 1, or file row). */
type ReportBatch = { rows: RawReportRow[]; numbers: number[]; digest: string };
type Candidate = { row: number; value: ReportRow };

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Shape, hours and duplicate provider record ids: everything decided by the row alone. */
function parseRows(batch: ReportBatch, now: Date, issues: ReportIssues): Candidate[] {
  const firstRowOf = new Map<string, number>();
  const candidates: Candidate[] = [];
  const parseReportRow = createReportRowParser(now);
  batch.rows.forEach((raw, index) => {
    const row = batch.numbers[index] as number;
    const parsed = parseReportRow(raw);
    const recordId = (raw.providerRecordId ?? '').trim();
    const other = recordId ? firstRowOf.get(recordId) : undefined;
    const duplicate = other === undefined ? [] : [{ column: 'providerRecordId' as const, code: 'LEARNING_REPORT_DUPLICATE_IN_BATCH', params: { other } }];
    if (recordId && other === undefined) firstRowOf.set(recordId, row);
    if (!parsed.ok || duplicate.length) issues.add(row, [...(parsed.ok ? [] : parsed.problems), ...duplicate]);
    if (parsed.ok && duplicate.length === 0) candidates.push({ row, value: parsed.value });
  });
  return candidates;
}

/**
 * The person behind each row, found by the keyed hash of the ID number and accepted only when the
 * name matches too; one code for "no such ID" and "another name", so a report reveals nothing.
 * Then the dates under the rules of that person's province and the row's year.
 */
async function placeRows(ctx: Ctx, candidates: Candidate[], issues: ReportIssues): Promise<(repo.StagedRecord & { row: number })[]> {
  const hashOf = candidates.map((c) => ctx.pii.hash(c.value.idNumber));
  const people = await repo.listPeopleByIdHashes(ctx.db, hashOf);
  const matched = candidates.flatMap((c, i) => {
    const person = people.get((hashOf[i] as Buffer).toString('hex'));
    if (person && sameName(person.name, c.value.name)) return [{ ...c, person }];
    issues.add(c.row, [{ column: 'idNumber', code: 'PERSON_NOT_MATCHED' }]);
    return [];
  });
  const combos = new Map(matched.map((m) => [`${m.person.provinceCode}/${m.value.year}`, { provinceCode: m.person.provinceCode, year: m.value.year }]));
  const rules = new Map<string, ComplianceRules>((await rulesRowsFor(ctx.db, [...combos.values()])).map((r) => [`${r.provinceCode}/${r.year}`, r.rules]));
  // Rows of a batch share few (province, year, dates) combinations: check each once.
  const dateChecks = new Map<string, DateProblem[]>();
  const checkDates = (provinceCode: string, v: ReportRow): DateProblem[] => {
    const key = `${provinceCode}/${v.year}/${v.startDate}/${v.endDate}`;
    let problems = dateChecks.get(key);
    if (!problems) dateChecks.set(key, (problems = checkRecordDates(v, rules.get(`${provinceCode}/${v.year}`) as ComplianceRules, ctx.now)));
    return problems;
  };
  return matched.flatMap(({ row, value, person }) => {
    const problems = checkDates(person.provinceCode, value);
    if (problems.length) {
      issues.add(row, problems.map((code) => ({ column: dateProblemColumn(code), code })));
      return [];
    }
    // Written out rather than spread: this runs for every row of every batch (object rest and
    // spread were the largest share of the batch's own CPU time in a profile).
    return [{
      row, id: uuidv7(), provinceCode: person.provinceCode, personId: person.id, employerId: person.employerId, year: value.year, category: value.category,
      form: value.form, title: value.title, startDate: value.startDate, endDate: value.endDate, hours: value.hours, field: value.field, providerRecordId: value.providerRecordId,
    }];
  });
}

/**
 * Record a provider's completions (the caller is a reporting API key). all_or_nothing: any bad
 * row → 422 LEARNING_REPORT_INVALID_ROWS listing every problem, nothing written. accept_valid:
 * the valid rows are written and the problems returned. Rows reported before by the same
 * provider (same providerRecordId) are left as they are and counted as unchanged. Records,
 * compliance and one audit event for the batch are written in one transaction.
 */
async function reportBatch(ctx: Ctx, batch: ReportBatch, mode: ReportMode, providerId: string) {
  const issues = new ReportIssues();
  const staged = await placeRows(ctx, parseRows(batch, ctx.now, issues), issues);
  const details = issues.sorted();
  if (mode === 'all_or_nothing' && details.length) throw new AppError('LEARNING_REPORT_INVALID_ROWS', { count: details.length }, details);
  const providerName = (await repo.findOrganisationName(ctx.db, providerId)) ?? '';
  const received = batch.rows.length;
  const rejected = issues.rejectedRows.size;
  const created = await ctx.db.transaction(async (tx) => {
    const inserted = await repo.insertReportedRecords(tx, staged, { id: providerId, name: providerName, createdBy: requireActor(ctx).accountId });
    await addRecordsToCompliance(tx, inserted);
    await recordAudit(tx, ctx, {
      action: 'learning.records_reported',
      entity: 'learning_report',
      entityId: batch.digest,
      after: { providerId, mode, received, created: inserted.length, unchanged: staged.length - inserted.length, rejected },
    });
    return inserted.length;
  });
  return { received, created, unchanged: staged.length - created, rejected, errors: presentErrors(details, ctx) };
}

/** Row problems in the caller's language, as listed in a 200 answer (accept_valid). */
function presentErrors(details: ErrorDetail[], ctx: Ctx) {
  return localiseDetails(details, ctx.locale).map((d) => ({ row: d.row ?? 0, column: d.column ?? '', code: d.code, message: d.message, value: d.value }));
}

type JsonValue = string | number | null | undefined;

/** A JSON batch `{ records: [...] }`; row numbers are the array index + 1. */
export async function reportLearningRecords(ctx: Ctx, records: Partial<Record<ReportField, JsonValue>>[], mode: ReportMode) {
  const rows = records.map((r) => {
    const raw: RawReportRow = {};
    for (const f of REPORT_FIELDS) {
      const v = r[f];
      if (v !== null && v !== undefined) raw[f] = String(v);
    }
    return raw;
  });
  return reportBatch(ctx, { rows, numbers: rows.map((_, i) => i + 1), digest: sha256(JSON.stringify(records)) }, mode, providerOf(ctx));
}

/** A CSV or Excel batch with Chinese or English headers; row numbers are the file's (header = 1). */
export async function reportLearningRecordsFile(ctx: Ctx, data: Buffer, mode: ReportMode, providerId = providerOf(ctx)) {
  const table = await readTable(data, MAX_REPORT_ROWS);
  const columns = mapColumns(table.headers, REPORT_COLUMNS);
  const rows = table.rows.map((r) => pickRow(r, columns));
  return reportBatch(ctx, { rows, numbers: table.numbers, digest: sha256(data) }, mode, providerId);
}

/**
 * A report file uploaded by a provider's administrator, signed in: the provider is the caller's
 * organisation (or, holding several, the one named), which must be an active provider.
 */
export async function uploadLearningReport(ctx: Ctx, data: Buffer, mode: ReportMode, organisationId?: string) {
  const own = grantsWith(requireActor(ctx).grants, 'learning.report.upload').filter((g) => g.scopeType === 'organisation');
  const grant = organisationId ? own.find((g) => g.scopeId === organisationId) : own.length === 1 ? own[0] : undefined;
  if (!grant) throw new AppError('ORGANISATION_NOT_FOUND', {}, [{ code: 'ORGANISATION_NOT_FOUND', path: '/organisationId' }]);
  const org = await findOrganisationById(ctx.db, grant.scopeId);
  if (!org || !isProvider(org)) throw new AppError('LEARNING_REPORT_NOT_PROVIDER');
  return reportLearningRecordsFile(ctx, data, mode, org.id);
}
