import { createHash } from 'node:crypto';
import { hasPermission } from '../../../platform/auth/permissions.ts';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Ctx, requireActor } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { summarySubmitter } from '../policy.ts';
import { isLate } from '../rules.ts';
import * as repo from './repo.ts';

const MAX_FILES = 5;
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Attachments are read by content: PDF, PNG, JPEG, or an Office document (a ZIP: .docx, .xlsx). */
function sniffType(data: Buffer): string | null {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'application/zip';
  return null;
}

function submitterOf(ctx: Ctx) {
  const who = summarySubmitter(requireActor(ctx).grants);
  if (!who) throw new AppError('PLAN_SUMMARY_NOT_SUBMITTER');
  return who;
}

/** The ministry sets (or moves) the deadline of a year's work summaries. */
export async function setSummaryDeadline(ctx: Ctx, year: number, dueDate: string) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findDeadline(tx, year);
    await repo.upsertDeadline(tx, year, dueDate, actor.kind === 'system' ? null : actor.accountId);
    await recordAudit(tx, ctx, { action: 'plan.summary_deadline', entity: 'plan_summary_deadline', entityId: String(year), before: { dueDate: before }, after: { dueDate } });
  });
  return { year, dueDate };
}

/** The caller's own summary of a year, with the key figures the system pre-fills. */
export async function getOwnSummary(ctx: Ctx, year: number) {
  const who = submitterOf(ctx);
  const [deadline, figures, summary] = await Promise.all([
    repo.findDeadline(ctx.db, year), repo.keyFigures(ctx.db, year, who), repo.findSummary(ctx.db, year, who.code),
  ]);
  return { year, submitter: who.code, kind: who.kind, deadline, figures, summary };
}

/**
 * Submit (or resubmit) the year's summary: the key figures are taken from the system at this
 * moment; a submission after the deadline is accepted and marked late.
 */
export async function submitSummary(ctx: Ctx, year: number, input: { text: string; attachments: { fileName: string; contentBase64: string }[] }) {
  const who = submitterOf(ctx);
  const actor = requireActor(ctx);
  if (input.attachments.length > MAX_FILES) throw new AppError('PLAN_SUMMARY_FILES', { max: MAX_FILES });
  const files = input.attachments.map((a, idx) => {
    const data = Buffer.from(a.contentBase64, 'base64');
    const contentType = sniffType(data);
    if (!contentType || data.length > MAX_FILE_BYTES) throw new AppError('PLAN_SUMMARY_FILE_INVALID', { name: a.fileName });
    return { idx, fileName: a.fileName, contentType, data, sha256: createHash('sha256').update(data).digest('hex') };
  });
  await ctx.db.transaction(async (tx) => {
    const deadline = await repo.findDeadline(tx, year);
    if (!deadline) throw new AppError('PLAN_SUMMARY_NO_DEADLINE', { year });
    const figures = await repo.keyFigures(tx, year, who);
    const late = isLate(deadline, ctx.now);
    await repo.replaceSummary(tx, { year, submitter: who.code, figures, text: input.text, by: actor.accountId, at: ctx.now, late });
    for (const f of files) await repo.insertFile(tx, { year, submitter: who.code, ...f });
    await recordAudit(tx, ctx, {
      action: 'plan.summary_submit', entity: 'plan_summary', entityId: `${year}:${who.code}`,
      after: { figures, late, textLength: input.text.length, files: files.map((f) => ({ name: f.fileName, sha256: f.sha256 })) },
    });
  });
  return getOwnSummary(ctx, year);
}

/** Who has and has not submitted, for the ministry. */
export async function listSummaryStatus(ctx: Ctx, year: number) {
  const [deadline, submitters, summaries] = await Promise.all([repo.findDeadline(ctx.db, year), repo.listSubmitters(ctx.db), repo.listSummaries(ctx.db, year)]);
  const byCode = new Map(summaries.map((s) => [s.submitter, s]));
  const items = submitters.map((s) => {
    const summary = byCode.get(s.code);
    return { code: s.code, name: s.name, kind: s.kind, submitted: Boolean(summary), late: summary?.late ?? false, submittedAt: summary?.submittedAt ?? null, figures: summary?.figures ?? null };
  });
  return { year, deadline, submitted: items.filter((i) => i.submitted).length, total: items.length, items };
}

/** A summary's full text and files: the ministry sees any, a submitter its own. */
export async function getSummary(ctx: Ctx, year: number, submitter: string) {
  const grants = requireActor(ctx).grants;
  if (!hasPermission(grants, 'plan.manage') && summarySubmitter(grants)?.code !== submitter) throw new AppError('NOT_FOUND');
  const summary = await repo.findSummary(ctx.db, year, submitter);
  if (!summary) throw new AppError('NOT_FOUND');
  return summary;
}

export async function getSummaryFile(ctx: Ctx, year: number, submitter: string, idx: number) {
  await getSummary(ctx, year, submitter);
  const file = await repo.findFile(ctx.db, year, submitter, idx);
  if (!file) throw new AppError('NOT_FOUND');
  return file;
}
