// Pure rules of annual plans: status transitions, decomposition sums, progress lights.
import type { PlanField } from '../learning/catalogue.ts';

export const PROGRAMMES = ['capability', 'advanced_seminar', 'digital_engineer', 'base'] as const;
export type Programme = (typeof PROGRAMMES)[number];
export const PROGRAMME_LABELS: Record<Programme, { zh: string; en: string }> = {
  capability: { zh: '专业技术人员能力提升项目', en: 'Capability improvement' },
  advanced_seminar: { zh: '高级研修项目', en: 'Advanced seminars' },
  digital_engineer: { zh: '数字技术工程师培育项目', en: 'Digital-technology engineers' },
  base: { zh: '专业技术人员继续教育基地', en: 'Continuing-education bases' },
};

export const PLAN_STATUSES = ['draft', 'published', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** draft → published → closed; a published plan may go back to draft to correct it. */
export function canTransition(from: PlanStatus, to: PlanStatus): boolean {
  return (from === 'draft' && to === 'published') || (from === 'published' && (to === 'closed' || to === 'draft'));
}

export type SplitCell = { field: PlanField; departmentCode: string; regionCode: string; people: number };
export type SplitProblem = { field: PlanField; departmentCode: string; expected: number; found: number };

/**
 * A split of a parent's targets to its parts must add up, per field and department, to the
 * parent's figure exactly (people are whole; no rounding tolerance once stored).
 */
export function checkSplit(parent: { field: PlanField; departmentCode: string; people: number }[], parts: SplitCell[]): SplitProblem[] {
  const sums = new Map<string, number>();
  for (const p of parts) sums.set(`${p.field}|${p.departmentCode}`, (sums.get(`${p.field}|${p.departmentCode}`) ?? 0) + p.people);
  const problems: SplitProblem[] = [];
  const parentKeys = new Set<string>();
  for (const t of parent) {
    const key = `${t.field}|${t.departmentCode}`;
    parentKeys.add(key);
    const found = sums.get(key);
    if (found !== undefined && found !== t.people) problems.push({ field: t.field, departmentCode: t.departmentCode, expected: t.people, found });
  }
  for (const [key, found] of sums) {
    if (parentKeys.has(key)) continue;
    const [field, departmentCode = ''] = key.split('|') as [PlanField, string];
    problems.push({ field, departmentCode, expected: 0, found });
  }
  return problems;
}

export type Light = 'green' | 'yellow' | 'red' | 'none';

/**
 * Share of the plan year elapsed at `now` (China time), 1 after the year: the progress a plan
 * "should" have reached if training were spread evenly.
 */
export function expectedShare(year: number, now: Date): number {
  const china = new Date(now.getTime() + 8 * 3600_000);
  const y = china.getUTCFullYear();
  if (y > year) return 1;
  if (y < year) return 0;
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  return (china.getTime() - start) / (end - start);
}

/** Green: at or ahead of the even pace; yellow: at least 80 % of it; red: behind; none: no target. */
export function trafficLight(target: number, actual: number, expected: number): Light {
  if (target <= 0) return 'none';
  const pace = target * expected;
  if (actual >= pace) return 'green';
  if (actual >= pace * 0.8) return 'yellow';
  return 'red';
}

/** Completion rate in percent with one decimal; null when there is no target. */
export function completionRate(target: number, actual: number): number | null {
  return target > 0 ? Math.round((actual / target) * 1000) / 10 : null;
}

/** A summary is late when submitted after the end of its due date, China time (UTC+8). */
export function isLate(dueDate: string, submittedAt: Date): boolean {
  const end = Date.parse(`${dueDate}T23:59:59.999+08:00`);
  return submittedAt.getTime() > end;
}
