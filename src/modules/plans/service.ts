import { v7 as uuidv7 } from 'uuid';
import { hasPermission, grantsWith } from '../../platform/auth/permissions.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { type Ctx, requireActor } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as repo from './repo.ts';
import { type PlanStatus, type Programme, type SplitCell, canTransition, checkSplit } from './rules.ts';

export type PlanView = repo.PlanRow & { abilities: { edit: boolean; publish: boolean; close: boolean; reopen: boolean; split: boolean } };

function present(ctx: Ctx, plan: repo.PlanRow): PlanView {
  const grants = requireActor(ctx).grants;
  const manage = hasPermission(grants, 'plan.manage');
  return {
    ...plan,
    nationalPeople: Number(plan.nationalPeople),
    abilities: {
      edit: manage && plan.status === 'draft',
      publish: manage && canTransition(plan.status, 'published'),
      close: manage && canTransition(plan.status, 'closed'),
      reopen: manage && canTransition(plan.status, 'draft'),
      split: hasPermission(grants, 'plan.split') && plan.status === 'published',
    },
  };
}

const canSeeDrafts = (ctx: Ctx) => hasPermission(requireActor(ctx).grants, 'plan.manage');

/** Write the plan's own history row and the audit event, in the caller's transaction. */
export async function recordPlanChange(tx: Executor, ctx: Ctx, planId: string, action: string, before: unknown, after: unknown, summary: unknown): Promise<void> {
  const actor = requireActor(ctx);
  await repo.appendHistory(tx, { planId, at: ctx.now, actorId: actor.kind === 'system' ? null : actor.accountId, actorName: actor.displayName, action, summary });
  await recordAudit(tx, ctx, { action, entity: 'plan', entityId: planId, before, after });
}

/** Create an empty draft plan for a year and programme (one per pair). */
export async function createPlan(ctx: Ctx, input: { year: number; programme: Programme; title: string }): Promise<PlanView> {
  const actor = requireActor(ctx);
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    const existing = await tx.query('SELECT 1 FROM plans WHERE year = $1 AND programme = $2', [input.year, input.programme]);
    if (existing.length) throw new AppError('PLAN_EXISTS');
    await repo.insertPlan(tx, { id, ...input, createdBy: actor.kind === 'system' ? null : actor.accountId });
    await recordPlanChange(tx, ctx, id, 'plan.create', null, input, input);
  });
  return getPlan(ctx, id);
}

export async function getPlan(ctx: Ctx, id: string): Promise<PlanView> {
  const plan = await repo.findPlan(ctx.db, id, canSeeDrafts(ctx));
  if (!plan) throw new AppError('PLAN_NOT_FOUND');
  return present(ctx, plan);
}

export async function listPlans(ctx: Ctx, year?: number): Promise<{ items: PlanView[] }> {
  const rows = await repo.listPlans(ctx.db, { year, includeDrafts: canSeeDrafts(ctx) });
  return { items: rows.map((p) => present(ctx, p)) };
}

/** Lock a plan and check the client's version: a stale edit is refused rather than merged. */
export async function lockPlan(tx: Executor, id: string, version: number | null): Promise<repo.PlanRow> {
  const plan = await repo.findPlanForUpdate(tx, id);
  if (!plan) throw new AppError('PLAN_NOT_FOUND');
  if (version !== null && plan.version !== version) throw new AppError('PLAN_STALE');
  return plan;
}

/** draft → published → closed, or published → draft to correct the figures. */
export async function setPlanStatus(ctx: Ctx, id: string, input: { status: PlanStatus; version: number }): Promise<PlanView> {
  await ctx.db.transaction(async (tx) => {
    const plan = await lockPlan(tx, id, input.version);
    if (!canTransition(plan.status, input.status)) throw new AppError('PLAN_STATUS_TRANSITION', { from: plan.status, to: input.status });
    await repo.updatePlan(tx, id, { status: input.status });
    await recordPlanChange(tx, ctx, id, `plan.${input.status === 'published' ? 'publish' : input.status === 'closed' ? 'close' : 'reopen'}`,
      { status: plan.status }, { status: input.status }, { from: plan.status, to: input.status });
  });
  return getPlan(ctx, id);
}

/** Targets the caller may see: the nation all, a province its own and its cities', a department its own. */
export async function listPlanTargets(ctx: Ctx, id: string, regionCode?: string): Promise<{ items: repo.TargetRow[] }> {
  await getPlan(ctx, id);
  const rows = await repo.listTargets(ctx.db, requireActor(ctx).grants, id, { regionCode });
  return { items: rows.map((r) => ({ ...r, people: Number(r.people) })) };
}

export async function getPlanHistory(ctx: Ctx, id: string): Promise<{ items: repo.HistoryRow[] }> {
  await getPlan(ctx, id);
  return { items: await repo.listHistory(ctx.db, id) };
}

/** May the caller split `parentRegion`'s targets for these parts' departments? */
function canSplit(ctx: Ctx, parentRegion: string, parts: SplitCell[]): boolean {
  return grantsWith(requireActor(ctx).grants, 'plan.split').some((g) => {
    if (g.scopeType === 'nation') return true;
    if (g.scopeType === 'region') return g.scopeId === parentRegion;
    if (g.scopeType === 'department') return parentRegion === '000000' && parts.every((p) => p.departmentCode === g.scopeId);
    return false;
  });
}

/**
 * Split a region's targets to its direct parts (nation → provinces, province → cities). For each
 * (field, department) in `parts`, the parts replace the earlier split and must add up exactly.
 */
export async function splitTargets(ctx: Ctx, id: string, input: { parentRegion: string; version: number; parts: SplitCell[] }) {
  if (!canSplit(ctx, input.parentRegion, input.parts)) throw new AppError('PLAN_SPLIT_OUTSIDE_SCOPE');
  return ctx.db.transaction(async (tx) => {
    const plan = await lockPlan(tx, id, input.version);
    if (plan.status !== 'published') throw new AppError('PLAN_NOT_PUBLISHED');
    const regions = [...new Set(input.parts.map((p) => p.regionCode))];
    const children = new Set((await tx.query<{ code: string }>('SELECT code FROM regions WHERE code = ANY($1::char(6)[]) AND parent_code = $2', [regions, input.parentRegion])).map((r) => r.code));
    const stranger = regions.find((r) => !children.has(r));
    if (stranger) throw new AppError('PLAN_SPLIT_REGION', { region: stranger, parent: input.parentRegion });
    const parent = (await repo.listRegionTargets(tx, id, input.parentRegion)).map((t) => ({ ...t, people: Number(t.people) }));
    const problems = checkSplit(parent, input.parts);
    if (problems.length) {
      const first = problems[0] as (typeof problems)[number];
      throw new AppError('PLAN_SPLIT_SUM', { expected: first.expected, found: first.found }, problems.map((p) => ({
        code: 'PLAN_SPLIT_SUM', path: `/parts/${p.field}/${p.departmentCode}`, params: { expected: p.expected, found: p.found, field: p.field, departmentCode: p.departmentCode },
      })));
    }
    const pairs = [...new Map(input.parts.map((p) => [`${p.field}|${p.departmentCode}`, { field: p.field, departmentCode: p.departmentCode }])).values()];
    const replaced = await repo.deleteChildTargets(tx, id, input.parentRegion, pairs);
    const stored = input.parts.filter((p) => p.people > 0);
    await repo.insertTargets(tx, id, stored);
    await repo.updatePlan(tx, id, {});
    await recordPlanChange(tx, ctx, id, 'plan.split', { parts: replaced }, { parentRegion: input.parentRegion, parts: stored.length }, {
      parentRegion: input.parentRegion, pairs: pairs.length, people: stored.reduce((s, p) => s + p.people, 0),
    });
    return { parentRegion: input.parentRegion, replaced, stored: stored.length };
  });
}
