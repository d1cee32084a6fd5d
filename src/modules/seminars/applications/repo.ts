import type { Grant, Permission } from '../../../platform/auth/permissions.ts';
import { SqlParams, scopeFilter } from '../../../platform/auth/scope.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import type { PlanField } from '../../learning/catalogue.ts';
import type { BudgetCategory, Funding, SeminarStatus } from '../rules.ts';

export type Teacher = { name: string; title: string; affiliation: string };
export type SeminarRow = {
  id: string;
  year: number;
  hostId: string;
  hostName: string;
  provinceCode: string;
  departmentCode: string;
  departmentName: string;
  title: string;
  field: PlanField;
  topics: string[];
  startDate: string;
  endDate: string;
  days: number;
  place: string;
  plannedTrainees: number;
  hoursTenths: number;
  teachers: Teacher[];
  funding: Funding;
  status: SeminarStatus;
  statusReason: string | null;
  submittedAt: Date | string | null;
  centralApprovedCents: number | null;
  publishedAt: Date | string | null;
  version: number;
  createdAt: Date | string;
  updatedAt: Date | string;
};
export type BudgetLineRow = { category: BudgetCategory; amountCents: number; note: string };

export const SEMINAR_COLUMNS = `s.id, s.year, s.host_id AS "hostId", o.name AS "hostName", trim(s.province_code) AS "provinceCode",
  s.department_code AS "departmentCode", d.name AS "departmentName", s.title, s.field, s.topics,
  to_char(s.start_date, 'YYYY-MM-DD') AS "startDate", to_char(s.end_date, 'YYYY-MM-DD') AS "endDate", s.days, s.place,
  s.planned_trainees AS "plannedTrainees", s.hours_tenths AS "hoursTenths", s.teachers, s.funding, s.status,
  s.status_reason AS "statusReason", s.submitted_at AS "submittedAt", s.central_approved_cents::float8 AS "centralApprovedCents",
  s.published_at AS "publishedAt", s.version, s.created_at AS "createdAt", s.updated_at AS "updatedAt"`;
export const SEMINAR_FROM = `seminars s JOIN organisations o ON o.id = s.host_id JOIN departments d ON d.code = s.department_code`;

/** How a seminar reaches each kind of scope node: its host's province, its department, its host. */
export const SEMINAR_SCOPE = { province: 's.province_code', department: 's.department_code', organisation: 's.host_id' };

export type SeminarWrite = {
  title: string; field: PlanField; departmentCode: string; topics: string[]; startDate: string; endDate: string; days: number; place: string;
  plannedTrainees: number; hoursTenths: number; teachers: Teacher[]; funding: Funding;
};

export async function insertSeminar(tx: Executor, s: SeminarWrite & { id: string; year: number; hostId: string; provinceCode: string; createdBy: string | null }): Promise<void> {
  await tx.query(
    `INSERT INTO seminars (id, year, host_id, province_code, department_code, title, field, topics, start_date, end_date, days, place, planned_trainees, hours_tenths, teachers, funding, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [s.id, s.year, s.hostId, s.provinceCode, s.departmentCode, s.title, s.field, s.topics, s.startDate, s.endDate, s.days, s.place, s.plannedTrainees, s.hoursTenths, JSON.stringify(s.teachers), s.funding, s.createdBy],
  );
}

export async function updateSeminarContent(tx: Executor, id: string, s: SeminarWrite): Promise<void> {
  await tx.query(
    `UPDATE seminars SET department_code = $2, title = $3, field = $4, topics = $5, start_date = $6, end_date = $7, days = $8, place = $9,
       planned_trainees = $10, hours_tenths = $11, teachers = $12, funding = $13, version = version + 1, updated_at = now() WHERE id = $1`,
    [id, s.departmentCode, s.title, s.field, s.topics, s.startDate, s.endDate, s.days, s.place, s.plannedTrainees, s.hoursTenths, JSON.stringify(s.teachers), s.funding],
  );
}

export async function updateSeminarStatus(tx: Executor, id: string, set: { status: SeminarStatus; reason?: string | null; submittedAt?: Date; centralApprovedCents?: number | null }): Promise<void> {
  await tx.query(
    `UPDATE seminars SET status = $2, status_reason = $3, submitted_at = coalesce($4, submitted_at),
       central_approved_cents = CASE WHEN $5::boolean THEN $6::bigint ELSE central_approved_cents END,
       version = version + 1, updated_at = now() WHERE id = $1`,
    [id, set.status, set.reason ?? null, set.submittedAt ?? null, set.centralApprovedCents !== undefined, set.centralApprovedCents ?? null],
  );
}

export async function replaceBudgetLines(tx: Executor, id: string, lines: BudgetLineRow[]): Promise<void> {
  await tx.query('DELETE FROM seminar_budget_lines WHERE seminar_id = $1', [id]);
  if (!lines.length) return;
  await tx.query(
    `INSERT INTO seminar_budget_lines (seminar_id, category, amount_cents, note) SELECT $1, * FROM unnest($2::text[], $3::bigint[], $4::text[])`,
    [id, lines.map((l) => l.category), lines.map((l) => l.amountCents), lines.map((l) => l.note)],
  );
}

export async function listBudgetLines(db: Executor, ids: string[]): Promise<(BudgetLineRow & { seminarId: string })[]> {
  if (!ids.length) return [];
  return db.query(
    `SELECT seminar_id AS "seminarId", category, amount_cents::float8 AS "amountCents", note FROM seminar_budget_lines WHERE seminar_id = ANY($1::uuid[])
     ORDER BY array_position(ARRAY['accommodation','meals','teaching','venue','materials','transport','other'], category)`,
    [ids],
  );
}

/** One seminar inside the caller's scope for `permission` (absent or outside: null). */
export async function findSeminar(db: Executor, grants: readonly Grant[], permission: Permission, id: string, lock = false): Promise<SeminarRow | null> {
  const params = new SqlParams();
  const idParam = params.add(id);
  const scope = scopeFilter(grants, permission, SEMINAR_SCOPE, params);
  const rows = await db.query<SeminarRow>(`SELECT ${SEMINAR_COLUMNS} FROM ${SEMINAR_FROM} WHERE s.id = ${idParam} AND ${scope}${lock ? ' FOR UPDATE OF s' : ''}`, params.values);
  return rows[0] ?? null;
}

export async function listSeminars(db: Executor, grants: readonly Grant[], permission: Permission, f: { year?: number; status?: SeminarStatus; hostId?: string }): Promise<SeminarRow[]> {
  const params = new SqlParams();
  const scope = scopeFilter(grants, permission, SEMINAR_SCOPE, params);
  const conds = [scope];
  if (f.year !== undefined) conds.push(`s.year = ${params.add(f.year)}`);
  if (f.status) conds.push(`s.status = ${params.add(f.status)}`);
  if (f.hostId) conds.push(`s.host_id = ${params.add(f.hostId)}`);
  return db.query<SeminarRow>(`SELECT ${SEMINAR_COLUMNS} FROM ${SEMINAR_FROM} WHERE ${conds.join(' AND ')} ORDER BY s.year DESC, s.created_at DESC LIMIT 500`, params.values);
}

export type HistoryRow = { seq: number; at: Date | string; actorName: string; action: string; summary: Record<string, unknown> };

export async function appendHistory(tx: Executor, h: { seminarId: string; actorId: string | null; actorName: string; action: string; summary: unknown; at: Date }): Promise<void> {
  await tx.query(
    `INSERT INTO seminar_history (seminar_id, seq, at, actor_id, actor_name, action, summary)
     SELECT $1, coalesce(max(seq), 0) + 1, $2, $3, $4, $5, $6 FROM seminar_history WHERE seminar_id = $1`,
    [h.seminarId, h.at, h.actorId, h.actorName, h.action, JSON.stringify(h.summary ?? {})],
  );
}

export async function listHistory(db: Executor, id: string): Promise<HistoryRow[]> {
  return db.query<HistoryRow>(`SELECT seq, at, actor_name AS "actorName", action, summary FROM seminar_history WHERE seminar_id = $1 ORDER BY seq`, [id]);
}

export type HostRow = { id: string; provinceCode: string; status: string; roles: string[] };
export async function findOrganisation(db: Executor, id: string): Promise<HostRow | null> {
  const rows = await db.query<HostRow>(`SELECT id, trim(province_code) AS "provinceCode", status, roles FROM organisations WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function departmentExists(db: Executor, code: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM departments WHERE code = $1', [code])).length > 0;
}

// The yearly call and the budget limits.
export type CallRow = { year: number; deadline: Date | string; maxSeminars: number | null; maxCentralCents: number | null };

export async function findCall(db: Executor, year: number, lock = false): Promise<CallRow | null> {
  const rows = await db.query<CallRow>(
    `SELECT year, deadline, max_seminars AS "maxSeminars", max_central_cents::float8 AS "maxCentralCents" FROM seminar_calls WHERE year = $1${lock ? ' FOR UPDATE' : ''}`,
    [year],
  );
  return rows[0] ?? null;
}

export async function upsertCall(tx: Executor, c: { year: number; deadline: string; maxSeminars: number | null; maxCentralCents: number | null; by: string | null }): Promise<void> {
  await tx.query(
    `INSERT INTO seminar_calls (year, deadline, max_seminars, max_central_cents, created_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (year) DO UPDATE SET deadline = EXCLUDED.deadline, max_seminars = EXCLUDED.max_seminars, max_central_cents = EXCLUDED.max_central_cents, updated_at = now()`,
    [c.year, c.deadline, c.maxSeminars, c.maxCentralCents, c.by],
  );
}

/** The limits in force for a year: its own rows, else the latest earlier year's. */
export async function listLimits(db: Executor, year: number): Promise<{ fromYear: number | null; limits: { category: BudgetCategory; perPersonDayCents: number }[] }> {
  const rows = await db.query<{ year: number; category: BudgetCategory; perPersonDayCents: number }>(
    `SELECT year, category, per_person_day_cents::float8 AS "perPersonDayCents" FROM seminar_budget_limits
     WHERE year = (SELECT max(year) FROM seminar_budget_limits WHERE year <= $1) ORDER BY category`,
    [year],
  );
  return { fromYear: rows[0]?.year ?? null, limits: rows.map((r) => ({ category: r.category, perPersonDayCents: r.perPersonDayCents })) };
}

export async function replaceLimits(tx: Executor, year: number, limits: { category: BudgetCategory; perPersonDayCents: number }[]): Promise<void> {
  await tx.query('DELETE FROM seminar_budget_limits WHERE year = $1', [year]);
  if (!limits.length) return;
  await tx.query(
    `INSERT INTO seminar_budget_limits (year, category, per_person_day_cents) SELECT $1, * FROM unnest($2::text[], $3::bigint[])`,
    [year, limits.map((l) => l.category), limits.map((l) => l.perPersonDayCents)],
  );
}
