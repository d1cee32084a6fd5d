import type { Ctx } from '../../platform/context.ts';
import { requireActor } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as repo from './repo.ts';
import { type CalendarDay, type CalendarExceptions, addWorkingDays, checkYear, lookAheadEnd } from './rules.ts';

/** `n` working days after `date` by the calendar kept in the database (holidays and adjusted working days). */
export async function workingDaysAfter(db: Executor, date: string, n: number): Promise<string> {
  return addWorkingDays(date, n, await repo.loadExceptions(db, date, lookAheadEnd(date, n)));
}

/** The calendar's exceptions between two dates, to count many deadlines with the pure `addWorkingDays`. */
export function calendarBetween(db: Executor, from: string, to: string): Promise<CalendarExceptions> {
  return repo.loadExceptions(db, from, to);
}

/** A year's listed days (public: the holiday calendar is public information). */
export async function getYear(db: Executor, year: number) {
  return { year, days: await repo.listYear(db, year) };
}

/** Replace a year's days, all or nothing; every problem is reported with its entry. Audited. */
export async function setYear(ctx: Ctx, year: number, days: readonly CalendarDay[]) {
  const problems = checkYear(year, days);
  if (problems.length) {
    throw new AppError('CALENDAR_INVALID', { count: problems.length }, problems.map((p) => ({ code: p.code, path: `/days/${p.index}/${p.field}`, params: { year } })));
  }
  const actor = requireActor(ctx);
  const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day)).map((d) => ({ day: d.day, working: d.working, name: d.name.trim() }));
  await ctx.db.transaction(async (tx) => {
    const before = await repo.listYear(tx, year);
    await repo.replaceYear(tx, year, sorted, actor.kind === 'system' ? null : actor.accountId);
    await recordAudit(tx, ctx, {
      action: 'calendar.year_set', entity: 'working_calendar', entityId: String(year),
      before: before.map(({ day, working, name }) => ({ day, working, name })), after: sorted,
    });
  });
  return getYear(ctx.db, year);
}
