// Pure rules of the oversight views: report due dates and execution rates.
import { chinaDate } from '../../calendar/rules.ts';

export { chinaDate };

/** Reports are due within this many working days after the class ends (DOMAIN.md §6). */
export const REPORT_WORKING_DAYS = 10;


/**
 * Days a report is late: after the due date (end of that day, China time), counting calendar
 * days, until it was submitted or, if not yet submitted, until today. 0 when not late.
 */
export function daysLate(dueDate: string, submittedAt: Date | null, now: Date): number {
  const until = submittedAt ? chinaDate(submittedAt) : chinaDate(now);
  const diff = Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000);
  return Math.max(0, diff);
}

/** Execution rate in percent with one decimal: spent / budget; null without a budget. */
export function executionRate(spentCents: number, budgetCents: number): number | null {
  return budgetCents > 0 ? Math.round((spentCents / budgetCents) * 1000) / 10 : null;
}
