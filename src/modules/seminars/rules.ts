// Pure rules of advanced-seminar applications: budget limits, dates, status transitions.
import type { PlanField } from '../learning/catalogue.ts';

export const BUDGET_CATEGORIES = ['accommodation', 'meals', 'teaching', 'venue', 'materials', 'transport', 'other'] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];
export const BUDGET_CATEGORY_LABELS: Record<BudgetCategory, { zh: string; en: string }> = {
  accommodation: { zh: '住宿费', en: 'accommodation' },
  meals: { zh: '伙食费', en: 'meals' },
  teaching: { zh: '师资费', en: 'teaching' },
  venue: { zh: '场地费', en: 'venue' },
  materials: { zh: '资料费', en: 'materials' },
  transport: { zh: '交通费', en: 'transport' },
  other: { zh: '其他费用', en: 'other' },
};

export const SEMINAR_STATUSES = ['draft', 'submitted', 'returned', 'pre_approved', 'in_review', 'reviewed', 'approved', 'not_selected', 'withdrawn'] as const;
export type SeminarStatus = (typeof SEMINAR_STATUSES)[number];
export const FUNDING = ['central', 'self'] as const;
export type Funding = (typeof FUNDING)[number];

/**
 * Reference per-person-per-day limits (fen): what the demo stores and what the ministry's page
 * offers for a year when no year up to it has limits (a year without limits budgets nothing).
 *
 * Source: 《中央和国家机关培训费管理办法》 (财行〔2016〕540号), art. 9: outside the teachers' fees, a
 * comprehensive quota per person per day by class of training — class one 760 yuan (accommodation
 * 500, meals 150, venue + materials + transport 80, other 30), class two 650 (400, 150, 70, 30),
 * class three 550 (340, 130, 50, 30); training for people other than officials follows the classes
 * by analogy. These are the class-three figures, the usual reference for training professionals.
 * The rules cap venue + materials + transport together; the split 20 + 20 + 10 is ours. Teaching
 * (师资费) is outside the quota — the rules cap lecture fees per academic hour by title (deputy
 * senior 500, senior 1000, academicians and national experts 1500 yuan; at most 4 hours per half
 * day) — and 120 yuan per trainee per day is our allowance for budgeting it by person-day (e.g. 6
 * hours a day at 1000 yuan shared by 50 trainees). Data, not code: the ministry sets each year's.
 */
export const DEFAULT_LIMITS_CENTS: Record<BudgetCategory, number> = {
  accommodation: 34_000,
  meals: 13_000,
  teaching: 12_000,
  venue: 2_000,
  materials: 2_000,
  transport: 1_000,
  other: 3_000,
};

export type BudgetLine = { category: BudgetCategory; amountCents: number };
export type BudgetProblem = { category: BudgetCategory; limitCents: number | null; allowedCents: number; amountCents: number };

/**
 * Each line must stay within its category's limit × planned trainees × days. A category the year
 * has no limit for cannot be budgeted (allowed 0, limitCents null).
 */
export function checkBudget(lines: readonly BudgetLine[], limits: Partial<Record<BudgetCategory, number>>, plannedTrainees: number, days: number): BudgetProblem[] {
  const problems: BudgetProblem[] = [];
  for (const line of lines) {
    const limit = limits[line.category];
    const allowedCents = limit === undefined ? 0 : limit * plannedTrainees * days;
    if (line.amountCents > allowedCents) problems.push({ category: line.category, limitCents: limit ?? null, allowedCents, amountCents: line.amountCents });
  }
  return problems;
}

export function budgetTotal(lines: readonly BudgetLine[]): number {
  return lines.reduce((s, l) => s + l.amountCents, 0);
}

export type DateProblem = 'end_before_start' | 'days_mismatch' | 'year_mismatch';

/** The class runs `days` calendar days from start to end inclusive, and starts in the application's year. */
export function checkDates(year: number, startDate: string, endDate: string, days: number): DateProblem | null {
  const start = Date.parse(`${startDate}T00:00:00Z`);
  const end = Date.parse(`${endDate}T00:00:00Z`);
  if (end < start) return 'end_before_start';
  if (Number(startDate.slice(0, 4)) !== year) return 'year_mismatch';
  if (Math.round((end - start) / 86_400_000) + 1 !== days) return 'days_mismatch';
  return null;
}

/** Applications change only while draft or returned, by their host. */
export const EDITABLE: readonly SeminarStatus[] = ['draft', 'returned'];
/** A host may withdraw until the experts' review begins. */
export const WITHDRAWABLE: readonly SeminarStatus[] = ['draft', 'submitted', 'returned', 'pre_approved'];

/** Submission is allowed up to the call's deadline, inclusive. */
export function isBeforeDeadline(deadline: Date, now: Date): boolean {
  return now.getTime() <= deadline.getTime();
}

export type QuotaInput = {
  /** The plan's trainee target per field for the year (national figure), or null without a plan. */
  targets: Partial<Record<PlanField, number>> | null;
  maxSeminars: number | null;
  maxCentralCents: number | null;
  /** The approved seminars after the decision. */
  approved: readonly { field: PlanField; plannedTrainees: number; centralCents: number }[];
};
export type QuotaProblem =
  | { kind: 'no_plan' }
  | { kind: 'field'; field: PlanField; target: number; selected: number }
  | { kind: 'seminars'; max: number; selected: number }
  | { kind: 'central'; max: number; selected: number };

/**
 * Selection stays within the plan and the call: planned trainees of approved seminars per field
 * ≤ the plan's target for that field (a field without a target has 0), the number of approved
 * seminars ≤ max_seminars and the central funds ≤ max_central_cents (null: no cap).
 */
export function checkQuota(input: QuotaInput): QuotaProblem[] {
  if (!input.targets) return [{ kind: 'no_plan' }];
  const problems: QuotaProblem[] = [];
  const byField = new Map<PlanField, number>();
  for (const s of input.approved) byField.set(s.field, (byField.get(s.field) ?? 0) + s.plannedTrainees);
  for (const [field, selected] of byField) {
    const target = input.targets[field] ?? 0;
    if (selected > target) problems.push({ kind: 'field', field, target, selected });
  }
  if (input.maxSeminars !== null && input.approved.length > input.maxSeminars) problems.push({ kind: 'seminars', max: input.maxSeminars, selected: input.approved.length });
  const central = input.approved.reduce((s, a) => s + a.centralCents, 0);
  if (input.maxCentralCents !== null && central > input.maxCentralCents) problems.push({ kind: 'central', max: input.maxCentralCents, selected: central });
  return problems;
}
