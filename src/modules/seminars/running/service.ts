import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Ctx, requireActor } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { getHostedSeminar } from '../enrolment/admission/service.ts';
import * as enrolmentRepo from '../enrolment/repo.ts';
import { executionRate, seminarDates } from '../enrolment/rules.ts';
import * as repo from './repo.ts';

const actorId = (ctx: Ctx) => (requireActor(ctx).kind === 'system' ? null : requireActor(ctx).accountId);

/** The attendance grid: the seminar's dates, its admitted trainees and their marks. */
export async function getAttendance(ctx: Ctx, seminarId: string) {
  const s = await getHostedSeminar(ctx, seminarId);
  const [enrolees, marks] = await Promise.all([enrolmentRepo.listEnrolees(ctx.db, s.id), repo.listAttendance(ctx.db, s.id)]);
  return {
    dates: seminarDates(s.startDate, s.endDate),
    days: s.days,
    trainees: enrolees.filter((e) => e.status === 'admitted').map((e) => ({ personId: e.personId, name: e.name, employerName: e.employerName, presentDays: e.presentDays })),
    marks,
    closed: !!s.closedAt,
  };
}

/** Mark present or absent per admitted trainee per day of the seminar (overwrites earlier marks). */
export async function markAttendance(ctx: Ctx, seminarId: string, marks: repo.AttendanceMark[]) {
  const s = await getHostedSeminar(ctx, seminarId);
  const dates = new Set(seminarDates(s.startDate, s.endDate));
  await ctx.db.transaction(async (tx) => {
    const settings = await enrolmentRepo.lockSettings(tx, s.id);
    if (settings.closedAt) throw new AppError('SEMINAR_ALREADY_CLOSED');
    const admitted = new Set((await enrolmentRepo.listEnrolees(tx, s.id)).filter((e) => e.status === 'admitted').map((e) => e.personId));
    const bad = marks.findIndex((m) => !dates.has(m.day) || !admitted.has(m.personId));
    if (bad >= 0) throw new AppError('SEMINAR_ATTENDANCE_INVALID', {}, [{ code: 'SEMINAR_ATTENDANCE_INVALID', path: `/marks/${bad}` }]);
    await repo.upsertAttendance(tx, s.id, marks, actorId(ctx), ctx.now);
    await recordAudit(tx, ctx, { action: 'seminar.attendance', entity: 'seminar', entityId: s.id, after: { marks: marks.length, present: marks.filter((m) => m.present).length } });
  });
  return getAttendance(ctx, s.id);
}

/** Budget lines against spending, by category and in total, with execution rates (live: computed on read). */
export async function getExecution(ctx: Ctx, seminarId: string) {
  const s = await getHostedSeminar(ctx, seminarId);
  return executionOf(ctx, s);
}

export async function executionOf(ctx: Ctx, s: enrolmentRepo.SeminarRow) {
  const lines = (await repo.listExecution(ctx.db, s.id)).map((l) => ({
    category: l.category, budgetCents: Number(l.budgetCents), spentCents: Number(l.spentCents), rate: executionRate(l.spentCents, l.budgetCents),
  }));
  const budgetCents = lines.reduce((t, l) => t + l.budgetCents, 0);
  const spentCents = lines.reduce((t, l) => t + l.spentCents, 0);
  const expenses = (await repo.listExpenses(ctx.db, s.id)).map((e) => ({ ...e, amountCents: Number(e.amountCents) }));
  return {
    lines,
    total: { budgetCents, spentCents, rate: executionRate(spentCents, budgetCents) },
    centralApprovedCents: s.centralApprovedCents === null ? null : Number(s.centralApprovedCents),
    expenses,
  };
}

/** Record an expense against a budget category; the seminar's year bounds its date. */
export async function recordExpense(ctx: Ctx, seminarId: string, input: { category: string; amountCents: number; spentOn: string; note?: string }) {
  const s = await getHostedSeminar(ctx, seminarId);
  if (!input.spentOn.startsWith(`${s.year}-`) && !input.spentOn.startsWith(`${s.year + 1}-`)) {
    throw new AppError('SEMINAR_EXPENSE_INVALID', {}, [{ code: 'SEMINAR_EXPENSE_INVALID', path: '/spentOn' }]);
  }
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    await repo.insertExpense(tx, { id, seminarId: s.id, category: input.category, amountCents: input.amountCents, spentOn: input.spentOn, note: input.note ?? '', createdBy: actorId(ctx) });
    await recordAudit(tx, ctx, { action: 'seminar.expense', entity: 'seminar', entityId: s.id, after: { id, ...input } });
  });
  return executionOf(ctx, s);
}
