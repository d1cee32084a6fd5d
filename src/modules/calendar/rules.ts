// Pure rules of the working-day calendar: Monday to Friday, except the days the calendar names
// (a public holiday on a weekday is a day off; an adjusted working Saturday or Sunday is worked).

/** The calendar's days that break the Monday–Friday rule: date (YYYY-MM-DD) → working or not. */
export type CalendarExceptions = ReadonlyMap<string, boolean>;

export type CalendarDay = { day: string; working: boolean; name: string };

const NO_EXCEPTIONS: CalendarExceptions = new Map();
const DAY_MS = 86_400_000;

/** Whether a date (YYYY-MM-DD) is a working day. */
export function isWorkingDay(date: string, exceptions: CalendarExceptions = NO_EXCEPTIONS): boolean {
  const listed = exceptions.get(date);
  if (listed !== undefined) return listed;
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** The date `n` working days after `date` (the day itself not counted): 10 working days after a Friday class is a Friday two weeks on. */
export function addWorkingDays(date: string, n: number, exceptions: CalendarExceptions = NO_EXCEPTIONS): string {
  let t = Date.parse(`${date}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    t += DAY_MS;
    if (isWorkingDay(new Date(t).toISOString().slice(0, 10), exceptions)) left--;
  }
  return new Date(t).toISOString().slice(0, 10);
}

/** The last day `addWorkingDays` may need to look at: a generous bound (n working days never take more than 2n + 30 calendar days in China). */
export function lookAheadEnd(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + (2 * n + 30) * DAY_MS).toISOString().slice(0, 10);
}

/** Today's date in China (UTC+8). */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export type CalendarProblem = { index: number; field: 'day' | 'working' | 'name'; code: 'CALENDAR_DAY_OUTSIDE_YEAR' | 'CALENDAR_DAY_DUPLICATE' | 'CALENDAR_DAY_REDUNDANT' };

/**
 * Problems of a year's list of days, each pointing at an entry: a day outside the year, the same
 * day twice, or an entry that says what the weekday rule says already (a working Tuesday, a day-off
 * Saturday that is no holiday's day) — except holidays that fall on a weekend, which are kept so
 * that the calendar shows the whole holiday.
 */
export function checkYear(year: number, days: readonly CalendarDay[]): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const seen = new Set<string>();
  days.forEach((d, index) => {
    if (!d.day.startsWith(`${year}-`)) problems.push({ index, field: 'day', code: 'CALENDAR_DAY_OUTSIDE_YEAR' });
    else if (seen.has(d.day)) problems.push({ index, field: 'day', code: 'CALENDAR_DAY_DUPLICATE' });
    else if (d.working && isWorkingDay(d.day)) problems.push({ index, field: 'working', code: 'CALENDAR_DAY_REDUNDANT' });
    seen.add(d.day);
  });
  return problems;
}
