import type { Grant } from '../../../platform/auth/permissions.ts';
import { SqlParams, scopeFilter } from '../../../platform/auth/scope.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { SEMINAR_COLUMNS, SEMINAR_FROM, SEMINAR_SCOPE, type SeminarRow } from '../applications/repo.ts';

/** The year's approved seminars inside the caller's oversight scope. */
export async function listApprovedInScope(db: Executor, grants: readonly Grant[], year: number): Promise<SeminarRow[]> {
  const params = new SqlParams();
  const scope = scopeFilter(grants, 'seminar.oversight', SEMINAR_SCOPE, params);
  return db.query<SeminarRow>(`SELECT ${SEMINAR_COLUMNS} FROM ${SEMINAR_FROM} WHERE s.year = ${params.add(year)} AND s.status = 'approved' AND ${scope} ORDER BY s.id LIMIT 5000`, params.values);
}

export type Execution = { spentCents: Map<string, number>; reports: Map<string, { submittedAt: Date; dueOn: string }> };

/**
 * How the seminars were run, from the enrolment half's tables (migration 0013): money spent
 * (seminar_expenses) and when the summary report was submitted (seminar_reports). The one place
 * oversight reads those tables.
 */
export async function readExecution(db: Executor, seminarIds: string[]): Promise<Execution> {
  if (!seminarIds.length) return { spentCents: new Map(), reports: new Map() };
  const spent = await db.query<{ seminarId: string; cents: number }>(
    `SELECT seminar_id AS "seminarId", sum(amount_cents)::float8 AS cents FROM seminar_expenses WHERE seminar_id = ANY($1::uuid[]) GROUP BY 1`,
    [seminarIds],
  );
  const reports = await db.query<{ seminarId: string; submittedAt: Date | string; dueOn: string }>(
    `SELECT seminar_id AS "seminarId", submitted_at AS "submittedAt", to_char(due_on, 'YYYY-MM-DD') AS "dueOn" FROM seminar_reports WHERE seminar_id = ANY($1::uuid[])`,
    [seminarIds],
  );
  return {
    spentCents: new Map(spent.map((r) => [r.seminarId, r.cents])),
    reports: new Map(reports.map((r) => [r.seminarId, { submittedAt: new Date(r.submittedAt), dueOn: r.dueOn }])),
  };
}

/** Working days after the end date a report is due, from the year's enrolment rules (0013), else null. */
export async function reportDueWorkingDays(db: Executor, year: number): Promise<number | null> {
  const rows = await db.query<{ days: number }>(
    `SELECT report_due_working_days AS days FROM seminar_enrolment_rules WHERE year <= $1 ORDER BY year DESC LIMIT 1`,
    [year],
  );
  return rows[0]?.days ?? null;
}

/** Plan targets (people) of the advanced-seminar plan visible to the caller, by field and by national department. */
export async function planTargetsInScope(db: Executor, grants: readonly Grant[], year: number): Promise<{ field: string; departmentCode: string; people: number }[] | null> {
  const plan = (await db.query<{ id: string }>(`SELECT id FROM plans WHERE year = $1 AND programme = 'advanced_seminar' AND status IN ('published', 'closed')`, [year]))[0];
  if (!plan) return null;
  const relevant = grants.filter((g) => g.role !== 'professional' && g.role !== 'expert');
  const params = new SqlParams();
  const planParam = params.add(plan.id);
  let where: string;
  if (relevant.some((g) => g.scopeType === 'nation')) where = `t.region_code = '000000'`;
  else {
    const parts: string[] = [];
    const depts = relevant.filter((g) => g.scopeType === 'department').map((g) => g.scopeId);
    const regions = relevant.filter((g) => g.scopeType === 'region').map((g) => g.scopeId);
    if (depts.length) parts.push(`(t.region_code = '000000' AND t.department_code = ANY(${params.add(depts)}::text[]))`);
    if (regions.length) parts.push(`t.region_code = ANY(${params.add(regions)}::char(6)[])`);
    where = parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
  }
  return db.query(`SELECT t.field, t.department_code AS "departmentCode", sum(t.people)::float8 AS people FROM plan_targets t WHERE t.plan_id = ${planParam} AND ${where} GROUP BY 1, 2`, params.values);
}

export async function departmentNames(db: Executor, codes: string[]): Promise<Map<string, string>> {
  const rows = await db.query<{ code: string; name: string }>(`SELECT code, name FROM departments WHERE code = ANY($1::text[])`, [codes]);
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function budgetTotals(db: Executor, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db.query<{ id: string; cents: number }>(`SELECT seminar_id AS id, sum(amount_cents)::float8 AS cents FROM seminar_budget_lines WHERE seminar_id = ANY($1::uuid[]) GROUP BY 1`, [ids]);
  return new Map(rows.map((r) => [r.id, r.cents]));
}
