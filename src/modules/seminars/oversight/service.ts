import { type Ctx, requireActor } from '../../../platform/context.ts';
import * as repo from './repo.ts';
import { REPORT_WORKING_DAYS, daysLate, executionRate } from './rules.ts';
import { addWorkingDays, calendarBetween, chinaDate, lookAheadEnd } from '../../calendar/index.ts';

/**
 * Oversight of a year, scoped to the caller (the ministry all, a department its own, a province
 * its hosts): approved seminars against the plan by field and department, central funds
 * approved against money spent, the execution-rate ranking and the late summary reports.
 */
export async function getOversight(ctx: Ctx, year: number) {
  const grants = requireActor(ctx).grants;
  const seminars = await repo.listApprovedInScope(ctx.db, grants, year);
  const ids = seminars.map((s) => s.id);
  const [targets, execution, budgets, dueDays] = await Promise.all([
    repo.planTargetsInScope(ctx.db, grants, year), repo.readExecution(ctx.db, ids), repo.budgetTotals(ctx.db, ids), repo.reportDueWorkingDays(ctx.db, year),
  ]);

  const fieldRows = new Map<string, { target: number | null; seminars: number; trainees: number }>();
  const deptRows = new Map<string, { target: number | null; seminars: number; trainees: number }>();
  for (const t of targets ?? []) {
    const f = fieldRows.get(t.field) ?? { target: 0, seminars: 0, trainees: 0 };
    f.target = (f.target ?? 0) + t.people;
    fieldRows.set(t.field, f);
    const d = deptRows.get(t.departmentCode) ?? { target: 0, seminars: 0, trainees: 0 };
    d.target = (d.target ?? 0) + t.people;
    deptRows.set(t.departmentCode, d);
  }
  for (const s of seminars) {
    const f = fieldRows.get(s.field) ?? { target: targets ? 0 : null, seminars: 0, trainees: 0 };
    f.seminars++;
    f.trainees += s.plannedTrainees;
    fieldRows.set(s.field, f);
    const national = s.departmentCode.split('.')[0] as string;
    const d = deptRows.get(national) ?? { target: targets ? 0 : null, seminars: 0, trainees: 0 };
    d.seminars++;
    d.trainees += s.plannedTrainees;
    deptRows.set(national, d);
  }
  const names = await repo.departmentNames(ctx.db, [...deptRows.keys()]);

  const execRows = seminars.map((s) => {
    const spentCents = execution.spentCents.get(s.id) ?? 0;
    const budgetCents = budgets.get(s.id) ?? 0;
    return { id: s.id, title: s.title, hostName: s.hostName, budgetCents, centralApprovedCents: s.centralApprovedCents, spentCents, ratePercent: executionRate(spentCents, budgetCents) };
  }).sort((a, b) => (b.ratePercent ?? -1) - (a.ratePercent ?? -1) || (a.id < b.id ? -1 : 1)).map((r, i) => ({ ...r, rank: i + 1 }));

  const today = chinaDate(ctx.now);
  // One read of the working-day calendar for every seminar's due date.
  const ends = seminars.map((s) => s.endDate).sort();
  const workingDays = dueDays ?? REPORT_WORKING_DAYS;
  const calendar = ends.length ? await calendarBetween(ctx.db, ends[0] as string, lookAheadEnd(ends[ends.length - 1] as string, workingDays)) : new Map<string, boolean>();
  const lateReports = seminars.flatMap((s) => {
    const report = execution.reports.get(s.id);
    const dueDate = report?.dueOn ?? addWorkingDays(s.endDate, workingDays, calendar);
    const submittedAt = report?.submittedAt ?? null;
    if (!submittedAt && dueDate >= today) return [];
    const late = daysLate(dueDate, submittedAt, ctx.now);
    return late > 0 ? [{ id: s.id, title: s.title, hostName: s.hostName, endDate: s.endDate, dueDate, submittedAt, daysLate: late }] : [];
  }).sort((a, b) => b.daysLate - a.daysLate);

  return {
    year,
    planFound: targets !== null,
    byField: [...fieldRows].map(([field, r]) => ({ field, ...r })).sort((a, b) => a.field.localeCompare(b.field)),
    byDepartment: [...deptRows].map(([departmentCode, r]) => ({ departmentCode, departmentName: names.get(departmentCode) ?? (departmentCode || '其他'), ...r }))
      .sort((a, b) => a.departmentCode.localeCompare(b.departmentCode)),
    funds: { approvedCents: seminars.reduce((s, x) => s + (x.centralApprovedCents ?? 0), 0), spentCents: execRows.reduce((s, x) => s + x.spentCents, 0) },
    execution: execRows,
    lateReports,
  };
}
