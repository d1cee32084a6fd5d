import { v7 as uuidv7 } from 'uuid';
import { grantsWith, hasPermission } from '../../../platform/auth/permissions.ts';
import { inScope } from '../../../platform/auth/scope.ts';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Ctx, requireActor } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { AppError } from '../../../platform/http/errors.ts';
import {
  BUDGET_CATEGORY_LABELS, type BudgetCategory, EDITABLE, type SeminarStatus, WITHDRAWABLE, budgetTotal, checkBudget, checkDates, isBeforeDeadline,
} from '../rules.ts';
import * as repo from './repo.ts';

export type SeminarContent = repo.SeminarWrite & { budgetLines: repo.BudgetLineRow[] };
export type SeminarView = repo.SeminarRow & {
  budgetLines: repo.BudgetLineRow[];
  budgetTotalCents: number;
  abilities: { edit: boolean; submit: boolean; withdraw: boolean; prereview: boolean; select: boolean };
};

const yuan = (cents: number) => (cents / 100).toFixed(2);

/** Does the caller administer this organisation with the right to apply? */
export function isHostAdmin(ctx: Ctx, hostId: string): boolean {
  return grantsWith(requireActor(ctx).grants, 'seminar.apply').some((g) => g.scopeType === 'organisation' && g.scopeId === hostId);
}

const scopeValues = (s: repo.SeminarRow) => ({ province: s.provinceCode, department: s.departmentCode, organisation: s.hostId });

export function present(ctx: Ctx, s: repo.SeminarRow, lines: repo.BudgetLineRow[]): SeminarView {
  const grants = requireActor(ctx).grants;
  const host = isHostAdmin(ctx, s.hostId);
  return {
    ...s,
    budgetLines: lines,
    budgetTotalCents: budgetTotal(lines),
    abilities: {
      edit: host && EDITABLE.includes(s.status),
      submit: host && EDITABLE.includes(s.status),
      withdraw: host && WITHDRAWABLE.includes(s.status),
      prereview: s.status === 'submitted' && inScope(grants, 'seminar.prereview', scopeValues(s)),
      select: hasPermission(grants, 'seminar.manage') && ['reviewed', 'approved', 'not_selected'].includes(s.status) && !s.publishedAt,
    },
  };
}

/** Write the seminar's history row and the audit event, in the caller's transaction. */
export async function recordSeminarChange(tx: Executor, ctx: Ctx, seminarId: string, action: string, before: unknown, after: unknown, summary: unknown = {}): Promise<void> {
  const actor = requireActor(ctx);
  await repo.appendHistory(tx, { seminarId, at: ctx.now, actorId: actor.kind === 'system' ? null : actor.accountId, actorName: actor.displayName, action, summary });
  await recordAudit(tx, ctx, { action, entity: 'seminar', entityId: seminarId, before, after });
}

/** A seminar the caller may read: in scope, and a draft only for its host. */
async function readable(ctx: Ctx, id: string, lock = false, db: Executor = ctx.db): Promise<repo.SeminarRow> {
  const grants = requireActor(ctx).grants;
  const permission = hasPermission(grants, 'seminar.read') ? 'seminar.read' : 'seminar.prereview';
  const s = await repo.findSeminar(db, grants, permission, id, lock);
  if (!s || (s.status === 'draft' && !isHostAdmin(ctx, s.hostId))) throw new AppError('SEMINAR_NOT_FOUND');
  return s;
}

export async function getSeminar(ctx: Ctx, id: string): Promise<SeminarView> {
  const s = await readable(ctx, id);
  return present(ctx, s, await repo.listBudgetLines(ctx.db, [id]));
}

export async function listSeminars(ctx: Ctx, f: { year?: number; status?: SeminarStatus; hostId?: string }): Promise<{ items: SeminarView[] }> {
  const rows = (await repo.listSeminars(ctx.db, requireActor(ctx).grants, 'seminar.read', f)).filter((s) => s.status !== 'draft' || isHostAdmin(ctx, s.hostId));
  const lines = await repo.listBudgetLines(ctx.db, rows.map((r) => r.id));
  return { items: rows.map((s) => present(ctx, s, lines.filter((l) => l.seminarId === s.id).map(({ seminarId: _s, ...l }) => l))) };
}

export async function getSeminarHistory(ctx: Ctx, id: string): Promise<{ items: repo.HistoryRow[] }> {
  await readable(ctx, id);
  return { items: await repo.listHistory(ctx.db, id) };
}

/** Dates, department and the budget against the year's limits; the first problem is thrown with every budget problem in details. */
async function validateContent(db: Executor, year: number, c: SeminarContent): Promise<void> {
  const dates = checkDates(year, c.startDate, c.endDate, c.days);
  if (dates) throw new AppError('SEMINAR_DATES', { reason: dates }, [{ code: 'SEMINAR_DATES', path: '/days', params: { reason: dates } }]);
  if (!(await repo.departmentExists(db, c.departmentCode))) throw new AppError('SEMINAR_DEPARTMENT_UNKNOWN', { code: c.departmentCode });
  const { limits } = await repo.listLimits(db, year);
  const byCategory: Partial<Record<BudgetCategory, number>> = Object.fromEntries(limits.map((l) => [l.category, l.perPersonDayCents]));
  const problems = checkBudget(c.budgetLines, byCategory, c.plannedTrainees, c.days);
  if (!problems.length) return;
  const details = problems.map((p) => {
    const params = {
      category: BUDGET_CATEGORY_LABELS[p.category].zh, categoryEn: BUDGET_CATEGORY_LABELS[p.category].en, amount: yuan(p.amountCents),
      limit: yuan(p.limitCents ?? 0), allowed: yuan(p.allowedCents), trainees: c.plannedTrainees, days: c.days, year,
    };
    return { code: p.limitCents === null ? 'SEMINAR_BUDGET_NO_LIMIT' : 'SEMINAR_BUDGET_OVER_LIMIT', path: `/budgetLines/${p.category}`, params };
  });
  const first = details[0] as (typeof details)[number];
  throw new AppError(first.code, first.params, details);
}

/** A host organisation's administrator opens a draft application for a year. */
export async function createApplication(ctx: Ctx, input: SeminarContent & { hostId: string; year: number }): Promise<SeminarView> {
  const actor = requireActor(ctx);
  if (!isHostAdmin(ctx, input.hostId)) throw new AppError('SEMINAR_NOT_HOST');
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    const org = await repo.findOrganisation(tx, input.hostId);
    if (!org || org.status !== 'active' || !org.roles.includes('seminar_host')) throw new AppError('SEMINAR_NOT_HOST');
    await validateContent(tx, input.year, input);
    const { hostId, year, budgetLines, ...content } = input;
    await repo.insertSeminar(tx, { ...content, id, year, hostId, provinceCode: org.provinceCode, createdBy: actor.kind === 'system' ? null : actor.accountId });
    await repo.replaceBudgetLines(tx, id, budgetLines);
    await recordSeminarChange(tx, ctx, id, 'seminar.create', null, { year, title: content.title, budgetTotalCents: budgetTotal(budgetLines) }, { title: content.title });
  });
  return getSeminar(ctx, id);
}

/** Lock the seminar, check the client's version and that the caller is its host. */
async function lockAsHost(tx: Executor, ctx: Ctx, id: string, version: number): Promise<repo.SeminarRow> {
  const s = await readable(ctx, id, true, tx);
  if (!isHostAdmin(ctx, s.hostId)) throw new AppError('SEMINAR_NOT_FOUND');
  if (s.version !== version) throw new AppError('SEMINAR_STALE');
  return s;
}

export async function updateApplication(ctx: Ctx, id: string, input: SeminarContent & { version: number }): Promise<SeminarView> {
  await ctx.db.transaction(async (tx) => {
    const s = await lockAsHost(tx, ctx, id, input.version);
    if (!EDITABLE.includes(s.status)) throw new AppError('SEMINAR_STATUS', { status: s.status });
    await validateContent(tx, s.year, input);
    const { version: _v, budgetLines, ...content } = input;
    await repo.updateSeminarContent(tx, id, content);
    await repo.replaceBudgetLines(tx, id, budgetLines);
    await recordSeminarChange(tx, ctx, id, 'seminar.update', { title: s.title, version: s.version }, { title: content.title, budgetTotalCents: budgetTotal(budgetLines) });
  });
  return getSeminar(ctx, id);
}

/** Submit (or resubmit after a return) before the year's deadline; the budget is checked again. */
export async function submitApplication(ctx: Ctx, id: string, input: { version: number }): Promise<SeminarView> {
  await ctx.db.transaction(async (tx) => {
    const s = await lockAsHost(tx, ctx, id, input.version);
    if (!EDITABLE.includes(s.status)) throw new AppError('SEMINAR_STATUS', { status: s.status });
    const call = await repo.findCall(tx, s.year);
    if (!call) throw new AppError('SEMINAR_NO_CALL', { year: s.year });
    const deadline = new Date(call.deadline);
    if (!isBeforeDeadline(deadline, ctx.now)) throw new AppError('SEMINAR_DEADLINE_PASSED', { year: s.year, deadline: deadline.toISOString() });
    const lines = await repo.listBudgetLines(tx, [id]);
    await validateContent(tx, s.year, { ...s, budgetLines: lines });
    await repo.updateSeminarStatus(tx, id, { status: 'submitted', submittedAt: ctx.now });
    await recordSeminarChange(tx, ctx, id, 'seminar.submit', { status: s.status }, { status: 'submitted' });
  });
  return getSeminar(ctx, id);
}

export async function withdrawApplication(ctx: Ctx, id: string, input: { version: number; reason?: string }): Promise<SeminarView> {
  await ctx.db.transaction(async (tx) => {
    const s = await lockAsHost(tx, ctx, id, input.version);
    if (!WITHDRAWABLE.includes(s.status)) throw new AppError('SEMINAR_STATUS', { status: s.status });
    await repo.updateSeminarStatus(tx, id, { status: 'withdrawn', reason: input.reason ?? null });
    await recordSeminarChange(tx, ctx, id, 'seminar.withdraw', { status: s.status }, { status: 'withdrawn', reason: input.reason ?? null });
  });
  return getSeminar(ctx, id);
}

/** The competent department pre-approves or returns (with a reason) a submitted application. */
export async function prereviewApplication(ctx: Ctx, id: string, input: { version: number; decision: 'pre_approved' | 'returned'; reason?: string }): Promise<SeminarView> {
  const grants = requireActor(ctx).grants;
  if (input.decision === 'returned' && !input.reason?.trim()) throw new AppError('SEMINAR_REASON_REQUIRED');
  await ctx.db.transaction(async (tx) => {
    const s = await repo.findSeminar(tx, grants, 'seminar.prereview', id, true);
    if (!s || s.status === 'draft') throw new AppError('SEMINAR_NOT_FOUND');
    if (s.version !== input.version) throw new AppError('SEMINAR_STALE');
    if (s.status !== 'submitted') throw new AppError('SEMINAR_STATUS', { status: s.status });
    await repo.updateSeminarStatus(tx, id, { status: input.decision, reason: input.reason ?? null });
    await recordSeminarChange(tx, ctx, id, input.decision === 'returned' ? 'seminar.return' : 'seminar.preapprove', { status: s.status }, { status: input.decision, reason: input.reason ?? null });
  });
  return getSeminar(ctx, id);
}

// The yearly call and the budget limits (the ministry).

export async function getCall(ctx: Ctx, year: number): Promise<{ call: repo.CallRow | null }> {
  return { call: await repo.findCall(ctx.db, year) };
}

export async function setCall(ctx: Ctx, year: number, input: { deadline: string; maxSeminars: number | null; maxCentralCents: number | null }): Promise<{ call: repo.CallRow | null }> {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findCall(tx, year, true);
    await repo.upsertCall(tx, { year, ...input, by: actor.kind === 'system' ? null : actor.accountId });
    await recordAudit(tx, ctx, { action: 'seminar.call.set', entity: 'seminar_call', entityId: String(year), before, after: input });
  });
  return getCall(ctx, year);
}

export async function getLimits(ctx: Ctx, year: number) {
  return { year, ...(await repo.listLimits(ctx.db, year)) };
}

export async function setLimits(ctx: Ctx, year: number, input: { limits: { category: BudgetCategory; perPersonDayCents: number }[] }) {
  await ctx.db.transaction(async (tx) => {
    const before = await repo.listLimits(tx, year);
    await repo.replaceLimits(tx, year, input.limits);
    await recordAudit(tx, ctx, { action: 'seminar.limits.set', entity: 'seminar_limits', entityId: String(year), before: before.fromYear === year ? before.limits : null, after: input.limits });
  });
  return getLimits(ctx, year);
}
