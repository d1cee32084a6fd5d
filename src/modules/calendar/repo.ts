import type { Executor } from '../../platform/db/executor.ts';
import type { CalendarDay, CalendarExceptions } from './rules.ts';

/** The calendar's exceptions between two dates (inclusive), for counting working days. */
export async function loadExceptions(db: Executor, from: string, to: string): Promise<CalendarExceptions> {
  const rows = await db.query<{ day: string; working: boolean }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, working FROM working_calendar WHERE day BETWEEN $1 AND $2`,
    [from, to],
  );
  return new Map(rows.map((r) => [r.day, r.working]));
}

export async function listYear(db: Executor, year: number): Promise<(CalendarDay & { updatedAt: Date })[]> {
  return db.query(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, working, name, updated_at AS "updatedAt"
       FROM working_calendar WHERE day BETWEEN make_date($1, 1, 1) AND make_date($1, 12, 31) ORDER BY day`,
    [year],
  );
}

/** Replace a year's days with these (in the caller's transaction). */
export async function replaceYear(tx: Executor, year: number, days: readonly CalendarDay[], by: string | null): Promise<void> {
  await tx.query('DELETE FROM working_calendar WHERE day BETWEEN make_date($1, 1, 1) AND make_date($1, 12, 31)', [year]);
  if (days.length === 0) return;
  await tx.query(
    `INSERT INTO working_calendar (day, working, name, updated_by)
     SELECT d, w, n, $4 FROM unnest($1::date[], $2::boolean[], $3::text[]) AS t(d, w, n)`,
    [days.map((d) => d.day), days.map((d) => d.working), days.map((d) => d.name), by],
  );
}
