import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Ctx, requireActor } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { recordCourseCompletion } from '../../learning/index.ts';
import { getHostedSeminar } from '../enrolment/admission/service.ts';
import * as enrolmentRepo from '../enrolment/repo.ts';
import { getEnrolmentRules } from '../enrolment/service.ts';
import { type Scores, chinaDate, isCompleted, isReportLate, satisfaction } from '../enrolment/rules.ts';
import { workingDaysAfter } from '../../calendar/index.ts';
import * as repo from '../running/repo.ts';
import { executionOf } from '../running/service.ts';

const actorId = (ctx: Ctx) => (requireActor(ctx).kind === 'system' ? null : requireActor(ctx).accountId);

/** The completion key of one trainee's seminar: deterministic, so closing twice writes one record. */
export const seminarCompletionKey = (seminarId: string, personId: string) => `zhigeng-seminar:${seminarId}:${personId}`.slice(0, 100);

/**
 * Close the seminar after its last day: each admitted trainee present on at least the rule's share
 * of days completes and gets an approved learning record (source seminar, form advanced_seminar,
 * professional subject, the seminar's hours and field, provider the host) exactly once — the
 * record goes through the (provider, provider record id) unique key with ON CONFLICT DO NOTHING,
 * so a second or concurrent close writes nothing more. Compliance is recomputed with each record.
 */
export async function closeSeminar(ctx: Ctx, seminarId: string) {
  const s = await getHostedSeminar(ctx, seminarId);
  if (chinaDate(ctx.now) <= s.endDate) throw new AppError('SEMINAR_NOT_ENDED', { endDate: s.endDate });
  const rules = await getEnrolmentRules(ctx.db, s.year);
  const year = Number(s.endDate.slice(0, 4));
  return ctx.db.transaction(async (tx) => {
    const settings = await enrolmentRepo.lockSettings(tx, s.id);
    const enrolees = (await enrolmentRepo.listEnrolees(tx, s.id)).filter((e) => e.status === 'admitted');
    let completed = 0;
    let written = 0;
    for (const e of enrolees) {
      const done = isCompleted(e.presentDays, s.days, rules.completionMinPct);
      let recordId: string | null = null;
      if (done) {
        completed += 1;
        recordId = await recordCourseCompletion(tx, ctx, {
          kind: 'seminar', personId: e.personId, providerId: s.hostId, providerName: s.hostName, completionKey: seminarCompletionKey(s.id, e.personId),
          year, category: 'professional', field: s.field, title: s.title, hours: s.hoursTenths / 10,
          // A record stays inside one year: a seminar that began last year counts from 1 January.
          startDate: s.startDate.startsWith(String(year)) ? s.startDate : `${year}-01-01`, endDate: s.endDate,
        });
        if (recordId) {
          written += 1;
          await enrolmentRepo.insertNotice(tx, { id: uuidv7(), personId: e.personId, seminarId: s.id, kind: 'completed', at: ctx.now });
        }
      }
      await repo.setCompletion(tx, e.id, done, recordId);
    }
    if (!settings.closedAt) {
      await enrolmentRepo.markClosed(tx, s.id, ctx.now, actorId(ctx));
      await recordAudit(tx, ctx, { action: 'seminar.close', entity: 'seminar', entityId: s.id, after: { admitted: enrolees.length, completed, recordsWritten: written } });
    }
    return { admitted: enrolees.length, completed, recordsWritten: written, closedAt: settings.closedAt ?? ctx.now };
  });
}

async function figuresOf(ctx: Ctx, s: enrolmentRepo.SeminarRow): Promise<repo.ReportFigures> {
  const [counts, execution, ratings] = await Promise.all([repo.countFigures(ctx.db, s.id), executionOf(ctx, s), repo.listRatings(ctx.db, s.id)]);
  const possible = counts.admitted * s.days;
  return {
    enrolled: counts.enrolled, admitted: counts.admitted, completed: counts.completed, waiting: counts.waiting, days: s.days,
    attendanceRate: possible ? Math.round((counts.presentMarks * 1000) / possible) / 10 : null,
    budgetCents: execution.total.budgetCents, spentCents: execution.total.spentCents, executionRate: execution.total.rate,
    satisfaction: satisfaction(ratings.map((r) => r.scores)), ratings: ratings.length,
  };
}

/** The summary report: the submitted one, or a draft with the figures pre-filled and the due day. */
export async function getSummaryReport(ctx: Ctx, seminarId: string) {
  const s = await getHostedSeminar(ctx, seminarId);
  const rules = await getEnrolmentRules(ctx.db, s.year);
  const dueOn = await workingDaysAfter(ctx.db, s.endDate, rules.reportDueWorkingDays);
  const submitted = await repo.findReport(ctx.db, s.id);
  if (submitted) return { ...submitted, submitted: true, closed: !!s.closedAt };
  return { seminarId: s.id, submitted: false, submittedAt: null, dueOn, late: isReportLate(dueOn, ctx.now), figures: await figuresOf(ctx, s), narrative: '', closed: !!s.closedAt };
}

/** Submit the summary report once, after closing; late when after end date + N working days (the working-day calendar: public holidays off, adjusted weekends worked). */
export async function submitSummaryReport(ctx: Ctx, seminarId: string, input: { narrative: string }) {
  const s = await getHostedSeminar(ctx, seminarId);
  if (!s.closedAt) throw new AppError('SEMINAR_NOT_CLOSED');
  const rules = await getEnrolmentRules(ctx.db, s.year);
  const dueOn = await workingDaysAfter(ctx.db, s.endDate, rules.reportDueWorkingDays);
  const figures = await figuresOf(ctx, s);
  const late = isReportLate(dueOn, ctx.now);
  await ctx.db.transaction(async (tx) => {
    const inserted = await repo.insertReport(tx, { seminarId: s.id, submittedAt: ctx.now, submittedBy: actorId(ctx), dueOn, late, figures, narrative: input.narrative });
    if (!inserted) throw new AppError('SEMINAR_REPORT_EXISTS');
    await recordAudit(tx, ctx, { action: 'seminar.report', entity: 'seminar', entityId: s.id, after: { dueOn, late, figures } });
  });
  return getSummaryReport(ctx, s.id);
}

/** An admitted trainee rates the seminar once it has begun: 1–5 per criterion and a comment, once. */
export async function rateSeminar(ctx: Ctx, seminarId: string, input: { scores: Scores; comment?: string }) {
  const personId = requireActor(ctx).personId;
  if (!personId) throw new AppError('SEMINAR_ENROL_NOT_A_PROFESSIONAL');
  const s = await enrolmentRepo.findPublishedSeminar(ctx.db, seminarId);
  if (!s) throw new AppError('SEMINAR_ENROL_NOT_FOUND');
  const mine = await enrolmentRepo.findEnrolment(ctx.db, s.id, personId);
  if (mine?.status !== 'admitted' || chinaDate(ctx.now) < s.startDate) throw new AppError('SEMINAR_RATING_NOT_ALLOWED');
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.insertRating(tx, { seminarId: s.id, personId, scores: input.scores, comment: input.comment ?? '', at: ctx.now }))) throw new AppError('SEMINAR_RATING_EXISTS');
    await recordAudit(tx, ctx, { action: 'seminar.rate', entity: 'seminar', entityId: s.id, after: { scores: input.scores } });
  });
  return { rated: true };
}
