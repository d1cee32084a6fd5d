import { hasPermission } from '../../../platform/auth/permissions.ts';
import { type Ctx, requireActor } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { PLAN_FIELD_LABELS, type PlanField } from '../../learning/catalogue.ts';
import * as appRepo from '../applications/repo.ts';
import { getSeminar, recordSeminarChange } from '../applications/service.ts';
import { listReviewsOf } from '../review/repo.ts';
import { aggregateScores, rankByScore } from '../review/rules.ts';
import { budgetTotal, checkQuota } from '../rules.ts';
import * as repo from './repo.ts';

const yuan = (cents: number) => (cents / 100).toFixed(2);

/** The year's ranking (aggregated scores with outliers marked) and the quota still open per field. */
export async function getSelection(ctx: Ctx, year: number) {
  const seminars = await repo.listReviewedSeminars(ctx.db, year);
  const ids = seminars.map((s) => s.id);
  const [reviews, lines, targets, call] = await Promise.all([
    listReviewsOf(ctx.db, ids), appRepo.listBudgetLines(ctx.db, ids), repo.planTargetsByField(ctx.db, year), appRepo.findCall(ctx.db, year),
  ]);
  const items = rankByScore(seminars.map((s) => {
    const mine = reviews.filter((r) => r.seminarId === s.id);
    const totals = mine.filter((r) => r.status === 'scored').map((r) => r.totalTenths as number);
    const agg = aggregateScores(totals);
    const dropped = [...agg.dropped];
    return {
      id: s.id, title: s.title, hostName: s.hostName, field: s.field, departmentCode: s.departmentCode, plannedTrainees: s.plannedTrainees, funding: s.funding,
      budgetTotalCents: budgetTotal(lines.filter((l) => l.seminarId === s.id)), status: s.status, centralApprovedCents: s.centralApprovedCents, publishedAt: s.publishedAt,
      version: s.version, scoreTenths: agg.scoreTenths,
      reviews: mine.map((r) => {
        const i = r.status === 'scored' ? dropped.indexOf(r.totalTenths as number) : -1;
        if (i >= 0) dropped.splice(i, 1);
        return { expertName: r.expertName, status: r.status, totalTenths: r.totalTenths, comment: r.comment, dropped: i >= 0 };
      }),
    };
  }));
  const approved = seminars.filter((s) => s.status === 'approved');
  const selectedByField = new Map<string, number>();
  for (const s of approved) selectedByField.set(s.field, (selectedByField.get(s.field) ?? 0) + s.plannedTrainees);
  const fields = new Set<string>([...Object.keys(targets ?? {}), ...selectedByField.keys()]);
  const quota = [...fields].sort().map((field) => {
    const target = targets?.[field as PlanField] ?? 0;
    const selected = selectedByField.get(field) ?? 0;
    return { field, target, selected, remaining: target - selected };
  });
  return {
    year,
    planFound: targets !== null,
    quota,
    call: call ? { maxSeminars: call.maxSeminars, maxCentralCents: call.maxCentralCents } : null,
    selectedSeminars: approved.length,
    selectedCentralCents: approved.reduce((s, a) => s + (a.centralApprovedCents ?? 0), 0),
    items,
  };
}

/**
 * The ministry approves a reviewed application (setting the central funds of a centrally funded
 * one) or marks it not selected, within the plan's quota and the call's caps; until published.
 */
export async function selectSeminar(ctx: Ctx, id: string, input: { version: number; decision: 'approved' | 'not_selected'; centralApprovedCents?: number | null }) {
  const grants = requireActor(ctx).grants;
  await ctx.db.transaction(async (tx) => {
    const found = await appRepo.findSeminar(tx, grants, 'seminar.manage', id);
    if (!found) throw new AppError('SEMINAR_NOT_FOUND');
    await repo.lockYearSelection(tx, found.year);
    const s = (await appRepo.findSeminar(tx, grants, 'seminar.manage', id, true)) as appRepo.SeminarRow;
    if (s.version !== input.version) throw new AppError('SEMINAR_STALE');
    if (s.publishedAt) throw new AppError('SEMINAR_ALREADY_PUBLISHED');
    if (!['reviewed', 'approved', 'not_selected'].includes(s.status)) throw new AppError('SEMINAR_STATUS', { status: s.status });
    let central: number | null = null;
    if (input.decision === 'approved') {
      const budget = budgetTotal(await appRepo.listBudgetLines(tx, [id]));
      if (s.funding === 'self') {
        if (input.centralApprovedCents) throw new AppError('SEMINAR_CENTRAL_FOR_SELF');
      } else {
        central = input.centralApprovedCents ?? budget;
        if (central > budget) throw new AppError('SEMINAR_CENTRAL_OVER_BUDGET', { budget: yuan(budget) });
      }
      const call = await appRepo.findCall(tx, s.year);
      const targets = await repo.planTargetsByField(tx, s.year);
      const approved = (await repo.listApproved(tx, s.year)).filter((a) => a.id !== id);
      approved.push({ id, field: s.field, plannedTrainees: s.plannedTrainees, centralCents: central ?? 0 });
      const problems = checkQuota({ targets, maxSeminars: call?.maxSeminars ?? null, maxCentralCents: call?.maxCentralCents ?? null, approved });
      const p = problems[0];
      if (p?.kind === 'no_plan') throw new AppError('SEMINAR_NO_PLAN', { year: s.year });
      if (p?.kind === 'field') throw new AppError('SEMINAR_QUOTA_FIELD', { field: PLAN_FIELD_LABELS[p.field].zh, fieldEn: PLAN_FIELD_LABELS[p.field].en, selected: p.selected, target: p.target });
      if (p?.kind === 'seminars') throw new AppError('SEMINAR_QUOTA_SEMINARS', { selected: p.selected, max: p.max });
      if (p?.kind === 'central') throw new AppError('SEMINAR_QUOTA_CENTRAL', { selected: yuan(p.selected), max: yuan(p.max) });
    }
    await appRepo.updateSeminarStatus(tx, id, { status: input.decision, centralApprovedCents: central });
    await recordSeminarChange(tx, ctx, id, input.decision === 'approved' ? 'seminar.approve' : 'seminar.not_select',
      { status: s.status, centralApprovedCents: s.centralApprovedCents }, { status: input.decision, centralApprovedCents: central });
  });
  return getSeminar(ctx, id);
}

/** Publish the year's approved list: enrolment may open for each published seminar. */
export async function publishApproved(ctx: Ctx, input: { year: number }) {
  if (!hasPermission(requireActor(ctx).grants, 'seminar.manage')) throw new AppError('SEMINAR_NOT_FOUND');
  const ids = await ctx.db.transaction(async (tx) => {
    await repo.lockYearSelection(tx, input.year);
    const published = await repo.publishApproved(tx, input.year, ctx.now);
    if (!published.length) throw new AppError('SEMINAR_NOTHING_TO_PUBLISH', { year: input.year });
    for (const id of published) await recordSeminarChange(tx, ctx, id, 'seminar.publish', { publishedAt: null }, { publishedAt: ctx.now.toISOString() });
    return published;
  });
  return { year: input.year, published: ids.length, publishedAt: ctx.now };
}

/** The public list of published approved seminars (no sign-in). */
export async function listPublicSeminars(ctx: Ctx, year?: number) {
  return { items: await repo.listPublished(ctx.db, year) };
}
