import type { Executor } from '../../../platform/db/executor.ts';
import type { PlanField } from '../../learning/catalogue.ts';
import { SEMINAR_COLUMNS, SEMINAR_FROM, type SeminarRow } from '../applications/repo.ts';

/**
 * The year's advanced-seminar plan targets (national figures) per field, read from the plans
 * module's tables; null when no plan of that programme is published (or closed) for the year.
 */
export async function planTargetsByField(db: Executor, year: number): Promise<Partial<Record<PlanField, number>> | null> {
  const plans = await db.query<{ id: string }>(`SELECT id FROM plans WHERE year = $1 AND programme = 'advanced_seminar' AND status IN ('published', 'closed')`, [year]);
  const plan = plans[0];
  if (!plan) return null;
  const rows = await db.query<{ field: PlanField; people: number }>(
    `SELECT field, sum(people)::float8 AS people FROM plan_targets WHERE plan_id = $1 AND region_code = '000000' GROUP BY field`,
    [plan.id],
  );
  return Object.fromEntries(rows.map((r) => [r.field, r.people]));
}

/** Targets by national department (for oversight): the plan's national rows summed over fields. */
export async function planTargetsByDepartment(db: Executor, year: number): Promise<Map<string, number> | null> {
  const rows = await db.query<{ departmentCode: string; people: number }>(
    `SELECT t.department_code AS "departmentCode", sum(t.people)::float8 AS people FROM plans p JOIN plan_targets t ON t.plan_id = p.id AND t.region_code = '000000'
     WHERE p.year = $1 AND p.programme = 'advanced_seminar' AND p.status IN ('published', 'closed') GROUP BY 1`,
    [year],
  );
  const found = await db.query(`SELECT 1 FROM plans WHERE year = $1 AND programme = 'advanced_seminar' AND status IN ('published', 'closed')`, [year]);
  return found.length ? new Map(rows.map((r) => [r.departmentCode, r.people])) : null;
}

/** Applications of the year from the review on: the ranking's rows. */
export async function listReviewedSeminars(db: Executor, year: number): Promise<SeminarRow[]> {
  return db.query<SeminarRow>(
    `SELECT ${SEMINAR_COLUMNS} FROM ${SEMINAR_FROM} WHERE s.year = $1 AND s.status IN ('in_review', 'reviewed', 'approved', 'not_selected') ORDER BY s.id LIMIT 2000`,
    [year],
  );
}

/** Selections of one year are serialised, so that two decisions cannot both pass the quota. */
export async function lockYearSelection(tx: Executor, year: number): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(7402115, $1)', [year]);
}

export async function listApproved(tx: Executor, year: number): Promise<{ id: string; field: PlanField; plannedTrainees: number; centralCents: number }[]> {
  return tx.query(
    `SELECT id, field, planned_trainees AS "plannedTrainees", coalesce(central_approved_cents, 0)::float8 AS "centralCents" FROM seminars WHERE year = $1 AND status = 'approved'`,
    [year],
  );
}

export async function publishApproved(tx: Executor, year: number, at: Date): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE seminars SET published_at = $2, version = version + 1, updated_at = now() WHERE year = $1 AND status = 'approved' AND published_at IS NULL RETURNING id`,
    [year, at],
  );
  return rows.map((r) => r.id);
}

export type PublicRow = {
  id: string; year: number; title: string; hostName: string; field: string; startDate: string; endDate: string; days: number; place: string; seats: number;
  hoursTenths: number; provinceCode: string; publishedAt: Date | string;
};

export async function listPublished(db: Executor, year: number | undefined): Promise<PublicRow[]> {
  return db.query<PublicRow>(
    `SELECT s.id, s.year, s.title, o.name AS "hostName", s.field, to_char(s.start_date, 'YYYY-MM-DD') AS "startDate", to_char(s.end_date, 'YYYY-MM-DD') AS "endDate",
            s.days, s.place, s.planned_trainees AS seats, s.hours_tenths AS "hoursTenths", trim(s.province_code) AS "provinceCode", s.published_at AS "publishedAt"
     FROM seminars s JOIN organisations o ON o.id = s.host_id
     WHERE s.status = 'approved' AND s.published_at IS NOT NULL AND ($1::smallint IS NULL OR s.year = $1)
     ORDER BY s.start_date, s.id LIMIT 1000`,
    [year ?? null],
  );
}
