import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Ctx, requireActor } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { listBudgetLines } from '../applications/repo.ts';
import { recordSeminarChange } from '../applications/service.ts';
import { budgetTotal } from '../rules.ts';
import * as repo from './repo.ts';
import { type DrawExpert, checkScores, drawReviewers, pickReplacement, weightedTotalTenths } from './rules.ts';

const actorId = (ctx: Ctx) => {
  const actor = requireActor(ctx);
  return actor.kind === 'system' ? null : actor.accountId;
};

export async function listExperts(ctx: Ctx): Promise<{ items: repo.ExpertRow[] }> {
  return { items: await repo.listExperts(ctx.db) };
}

/** Add an account holding the expert role to the pool. */
export async function addExpert(ctx: Ctx, input: { accountId: string; name: string; fields: string[]; organisationId: string | null; affiliation: string }): Promise<repo.ExpertRow> {
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.accountIsExpert(tx, input.accountId))) throw new AppError('SEMINAR_EXPERT_ACCOUNT');
    await repo.insertExpert(tx, { id, ...input, createdBy: actorId(ctx) });
    await recordAudit(tx, ctx, { action: 'seminar.expert.add', entity: 'seminar_expert', entityId: id, after: input });
  });
  return repo.findExpert(ctx.db, id) as Promise<repo.ExpertRow>;
}

export async function updateExpert(ctx: Ctx, id: string, input: { name: string; fields: string[]; organisationId: string | null; affiliation: string; active: boolean }): Promise<repo.ExpertRow> {
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findExpert(tx, id);
    if (!before) throw new AppError('SEMINAR_EXPERT_NOT_FOUND');
    await repo.updateExpert(tx, id, input);
    await recordAudit(tx, ctx, { action: 'seminar.expert.update', entity: 'seminar_expert', entityId: id, before: { fields: before.fields, active: before.active, organisationId: before.organisationId }, after: input });
  });
  return repo.findExpert(ctx.db, id) as Promise<repo.ExpertRow>;
}

/** Record a conflict of interest between an expert and an organisation (by the ministry). */
export async function addConflict(ctx: Ctx, expertId: string, input: { organisationId: string; reason: string }): Promise<repo.ExpertRow> {
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.findExpert(tx, expertId))) throw new AppError('SEMINAR_EXPERT_NOT_FOUND');
    await repo.upsertConflict(tx, { expertId, ...input, createdBy: actorId(ctx) });
    await recordAudit(tx, ctx, { action: 'seminar.expert.conflict', entity: 'seminar_expert', entityId: expertId, after: input });
  });
  return repo.findExpert(ctx.db, expertId) as Promise<repo.ExpertRow>;
}

const toDrawExpert = (e: repo.ExpertRow): DrawExpert => ({ id: e.id, fields: e.fields, organisationId: e.organisationId, conflicts: e.conflicts.map((c) => c.organisationId) });

/**
 * Draw reviewers for every pre-approved application of the year with a seeded PRNG, record the
 * draw (seed and parameters) and the assignments, and put the applications in review. When some
 * application cannot get enough reviewers nothing is saved and every shortage is reported.
 */
export async function runDraw(ctx: Ctx, input: { year: number; reviewersPerApplication: number; seed?: string }) {
  const seed = input.seed ?? randomBytes(8).toString('hex');
  const n = input.reviewersPerApplication;
  const id = uuidv7();
  const result = await ctx.db.transaction(async (tx) => {
    const apps = await repo.lockDrawApplications(tx, input.year);
    if (!apps.length) throw new AppError('SEMINAR_NOTHING_TO_DRAW', { year: input.year });
    const experts = (await repo.listExperts(tx, true)).map(toDrawExpert);
    const draw = drawReviewers(apps, experts, n, seed);
    if (!draw.ok) {
      throw new AppError('SEMINAR_DRAW_INFEASIBLE', { count: draw.shortages.length, needed: n }, draw.shortages.map((s) => ({
        code: 'SEMINAR_DRAW_SHORTAGE', path: `/seminars/${s.seminarId}`, params: { seminar: s.seminarId, eligible: s.eligible, needed: s.needed, reason: s.reason },
      })));
    }
    const params = { reviewersPerApplication: n, applications: apps.length, experts: experts.length, cap: draw.cap, algorithm: 'mulberry32-fnv1a/v1' };
    await repo.insertDraw(tx, { id, year: input.year, seed, params, assignments: draw.assignments.length, createdBy: actorId(ctx) });
    await repo.insertReviews(tx, id, draw.assignments, ctx.now);
    await repo.markInReview(tx, apps.map((a) => a.id));
    await recordAudit(tx, ctx, { action: 'seminar.draw', entity: 'seminar_review_draw', entityId: id, after: { year: input.year, seed, params, assignments: draw.assignments } });
    for (const a of apps) {
      const reviewers = draw.assignments.filter((x) => x.seminarId === a.id).map((x) => x.expertId);
      await recordSeminarChange(tx, ctx, a.id, 'seminar.review.start', { status: 'pre_approved' }, { status: 'in_review', drawId: id }, { reviewers: reviewers.length });
    }
    return draw.assignments;
  });
  const names = new Map((await repo.listExperts(ctx.db)).map((e) => [e.id, e.name]));
  const draws = await repo.listDraws(ctx.db, input.year);
  const row = draws.find((d) => d.id === id) as repo.DrawRow;
  return { ...row, items: result.map((a) => ({ ...a, expertName: names.get(a.expertId) ?? '' })) };
}

export async function listDraws(ctx: Ctx, year: number): Promise<{ items: repo.DrawRow[] }> {
  return { items: await repo.listDraws(ctx.db, year) };
}

export async function getRubric(ctx: Ctx): Promise<{ items: repo.Criterion[] }> {
  return { items: await repo.listCriteria(ctx.db) };
}

async function myExpert(ctx: Ctx, db: Executor = ctx.db): Promise<repo.ExpertRow> {
  const e = await repo.findExpertByAccount(db, requireActor(ctx).accountId);
  if (!e) throw new AppError('SEMINAR_NOT_IN_POOL');
  return e;
}

/** The caller's assignments, blind: no host, no other reviewers. */
export async function listMyAssignments(ctx: Ctx) {
  const e = await myExpert(ctx);
  const rows = await repo.listBlindAssignments(ctx.db, e.id);
  const lines = await listBudgetLines(ctx.db, rows.map((r) => r.seminarId));
  return {
    items: rows.map((r) => {
      const mine = lines.filter((l) => l.seminarId === r.seminarId).map(({ seminarId: _s, ...l }) => l);
      return { ...r, budgetLines: mine, budgetTotalCents: budgetTotal(mine) };
    }),
  };
}

/** Score an assigned application against the rubric; the last score puts it in 'reviewed'. */
export async function scoreAssignment(ctx: Ctx, seminarId: string, input: { scores: Record<string, number>; comment: string }) {
  await ctx.db.transaction(async (tx) => {
    const e = await myExpert(ctx, tx);
    const review = await repo.findReviewForUpdate(tx, seminarId, e.id);
    if (!review || review.status === 'conflict') throw new AppError('SEMINAR_REVIEW_NOT_FOUND');
    if (review.seminarStatus !== 'in_review') throw new AppError('SEMINAR_REVIEW_CLOSED');
    const criteria = await repo.listCriteria(tx);
    const problems = checkScores(criteria, input.scores);
    if (problems.length) throw new AppError('SEMINAR_SCORES_INVALID', { codes: problems.join(', ') }, problems.map((c) => ({ code: 'SEMINAR_SCORES_INVALID', path: `/scores/${c}`, params: { codes: c } })));
    const totalTenths = weightedTotalTenths(criteria, input.scores);
    await repo.saveScore(tx, seminarId, e.id, { ...input, totalTenths, at: ctx.now });
    // The audit names the expert; the seminar's own history (readable by the host) does not.
    await recordAudit(tx, ctx, { action: 'seminar.review.score', entity: 'seminar', entityId: seminarId, before: review.scores, after: { expertId: e.id, scores: input.scores, totalTenths } });
    if (await repo.closeIfAllScored(tx, seminarId)) await recordSeminarChange(tx, ctx, seminarId, 'seminar.reviewed', { status: 'in_review' }, { status: 'reviewed' });
  });
  return listMyAssignments(ctx);
}

/**
 * The expert declares a conflict on an assignment: it is recorded as a declared conflict with the
 * host (never drawn again for it), and a replacement is picked by the same rules, reproducibly.
 */
export async function declareConflict(ctx: Ctx, seminarId: string, input: { reason: string }): Promise<{ replacedBy: string | null }> {
  return ctx.db.transaction(async (tx) => {
    const e = await myExpert(ctx, tx);
    const review = await repo.findReviewForUpdate(tx, seminarId, e.id);
    if (!review || review.status === 'conflict') throw new AppError('SEMINAR_REVIEW_NOT_FOUND');
    if (review.seminarStatus !== 'in_review') throw new AppError('SEMINAR_REVIEW_CLOSED');
    await repo.markConflict(tx, seminarId, e.id, input.reason);
    await repo.upsertConflict(tx, { expertId: e.id, organisationId: review.hostId, reason: input.reason, createdBy: actorId(ctx) });
    const experts = await repo.listExperts(tx, true);
    const onIt = (await repo.listReviewsOf(tx, [seminarId])).map((r) => r.expertId);
    const load = new Map(experts.map((x) => [x.id, x.load]));
    const seed = await repo.findDrawSeed(tx, seminarId);
    const replacement = pickReplacement({ id: seminarId, field: review.field, hostId: review.hostId }, experts.map(toDrawExpert), onIt, load, seed);
    if (replacement) await repo.insertReviews(tx, await repo.drawIdOf(tx, seminarId), [{ seminarId, expertId: replacement.id }], ctx.now);
    await recordAudit(tx, ctx, { action: 'seminar.review.conflict', entity: 'seminar', entityId: seminarId, after: { expertId: e.id, reason: input.reason, replacedBy: replacement?.id ?? null } });
    // With no replacement the remaining scores may already be complete.
    if (!replacement && (await repo.closeIfAllScored(tx, seminarId))) await recordSeminarChange(tx, ctx, seminarId, 'seminar.reviewed', { status: 'in_review' }, { status: 'reviewed' });
    return { replacedBy: replacement?.id ?? null };
  });
}
