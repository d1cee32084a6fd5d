import type { Grant } from '../../../platform/auth/permissions.ts';
import { SqlParams, scopeFilter } from '../../../platform/auth/scope.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import type { EnrolmentRules, Eligibility, TitleLevel } from './rules.ts';

export type SeminarRow = {
  id: string;
  year: number;
  title: string;
  field: string;
  hostId: string;
  hostName: string;
  provinceCode: string;
  startDate: string;
  endDate: string;
  days: number;
  place: string;
  seats: number;
  hoursTenths: number;
  funding: 'central' | 'self';
  centralApprovedCents: number | null;
  publishedAt: Date;
  opensAt: Date | null;
  closesAt: Date | null;
  eligibility: Eligibility | null;
  seatsTaken: number;
  closedAt: Date | null;
};

const SEMINAR_COLUMNS = `s.id, s.year, s.title, s.field, s.host_id AS "hostId", o.name AS "hostName", s.province_code AS "provinceCode",
  s.start_date AS "startDate", s.end_date AS "endDate", s.days, s.place, s.planned_trainees AS seats, s.hours_tenths AS "hoursTenths",
  s.funding, s.central_approved_cents AS "centralApprovedCents", s.published_at AS "publishedAt",
  e.opens_at AS "opensAt", e.closes_at AS "closesAt", e.eligibility, coalesce(e.seats_taken, 0) AS "seatsTaken", e.closed_at AS "closedAt"`;
const SEMINAR_FROM = `seminars s JOIN organisations o ON o.id = s.host_id LEFT JOIN seminar_enrolment_settings e ON e.seminar_id = s.id`;
const PUBLISHED = `s.status = 'approved' AND s.published_at IS NOT NULL`;

/** An approved seminar on the published list: open to professionals nationwide. */
export async function findPublishedSeminar(db: Executor, id: string): Promise<SeminarRow | null> {
  const rows = await db.query<SeminarRow>(`SELECT ${SEMINAR_COLUMNS} FROM ${SEMINAR_FROM} WHERE s.id = $1 AND ${PUBLISHED}`, [id]);
  return rows[0] ?? null;
}

/** A published seminar of a host inside the caller's seminar.host scope; the host must hold the seminar_host role. */
export async function findHostedSeminar(db: Executor, grants: readonly Grant[], id: string): Promise<SeminarRow | null> {
  const p = new SqlParams();
  const idParam = p.add(id);
  const scope = scopeFilter(grants, 'seminar.host', { organisation: 's.host_id', province: 's.province_code' }, p);
  const rows = await db.query<SeminarRow>(
    `SELECT ${SEMINAR_COLUMNS} FROM ${SEMINAR_FROM} WHERE s.id = ${idParam} AND ${PUBLISHED} AND 'seminar_host' = ANY (o.roles) AND ${scope}`,
    p.values,
  );
  return rows[0] ?? null;
}

/** Published seminars that have not started by `today` (the service computes each window). */
export async function listUpcomingSeminars(db: Executor, today: string): Promise<SeminarRow[]> {
  return db.query<SeminarRow>(`SELECT ${SEMINAR_COLUMNS} FROM ${SEMINAR_FROM} WHERE ${PUBLISHED} AND s.start_date > $1 ORDER BY s.start_date, s.id LIMIT 200`, [today]);
}

export async function listHostedSeminars(db: Executor, grants: readonly Grant[]): Promise<SeminarRow[]> {
  const p = new SqlParams();
  const scope = scopeFilter(grants, 'seminar.host', { organisation: 's.host_id', province: 's.province_code' }, p);
  return db.query<SeminarRow>(
    `SELECT ${SEMINAR_COLUMNS} FROM ${SEMINAR_FROM} WHERE ${PUBLISHED} AND 'seminar_host' = ANY (o.roles) AND ${scope} ORDER BY s.start_date DESC, s.id LIMIT 200`,
    p.values,
  );
}

export type StoredRules = { fromYear: number; rules: EnrolmentRules };

/** The rules of the year, or of the latest earlier year that has some, with the year of the row. */
export async function findEnrolmentRules(db: Executor, year: number): Promise<StoredRules | null> {
  const rows = await db.query<EnrolmentRules & { fromYear: number }>(
    `SELECT year AS "fromYear", eligibility, reserved_share_pct AS "reservedSharePct", completion_min_pct AS "completionMinPct",
            report_due_working_days AS "reportDueWorkingDays"
       FROM seminar_enrolment_rules WHERE year <= $1 ORDER BY year DESC LIMIT 1`,
    [year],
  );
  const row = rows[0];
  if (!row) return null;
  const { fromYear, ...rules } = row;
  return { fromYear, rules };
}

export async function upsertEnrolmentRules(db: Executor, year: number, r: EnrolmentRules): Promise<void> {
  await db.query(
    `INSERT INTO seminar_enrolment_rules (year, eligibility, reserved_share_pct, completion_min_pct, report_due_working_days) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (year) DO UPDATE SET eligibility = EXCLUDED.eligibility, reserved_share_pct = EXCLUDED.reserved_share_pct,
       completion_min_pct = EXCLUDED.completion_min_pct, report_due_working_days = EXCLUDED.report_due_working_days, updated_at = now()`,
    [year, JSON.stringify(r.eligibility), r.reservedSharePct, r.completionMinPct, r.reportDueWorkingDays],
  );
}

/**
 * Lock the seminar's settings row (created on first use): every change of seats takes this lock
 * first, so concurrent enrolments for one seminar are decided one after another on both engines.
 */
export async function lockSettings(tx: Executor, seminarId: string): Promise<{ seatsTaken: number; closedAt: Date | null }> {
  await tx.query('INSERT INTO seminar_enrolment_settings (seminar_id) VALUES ($1) ON CONFLICT (seminar_id) DO NOTHING', [seminarId]);
  const rows = await tx.query<{ seatsTaken: number; closedAt: Date | null }>(
    'SELECT seats_taken AS "seatsTaken", closed_at AS "closedAt" FROM seminar_enrolment_settings WHERE seminar_id = $1 FOR UPDATE',
    [seminarId],
  );
  const row = rows[0];
  if (!row) throw new Error(`settings of seminar ${seminarId} vanished`);
  return row;
}

export async function setWindow(tx: Executor, seminarId: string, opensAt: Date | null, closesAt: Date): Promise<void> {
  await tx.query('UPDATE seminar_enrolment_settings SET opens_at = $2, closes_at = $3, updated_at = now() WHERE seminar_id = $1', [seminarId, opensAt, closesAt]);
}

/** Take one seat if one is left (atomic guard besides the lock): false when full. */
export async function takeSeat(tx: Executor, seminarId: string, seats: number): Promise<boolean> {
  const rows = await tx.query(
    'UPDATE seminar_enrolment_settings SET seats_taken = seats_taken + 1 WHERE seminar_id = $1 AND seats_taken < $2 RETURNING seats_taken',
    [seminarId, seats],
  );
  return rows.length === 1;
}

export async function releaseSeat(tx: Executor, seminarId: string): Promise<void> {
  await tx.query('UPDATE seminar_enrolment_settings SET seats_taken = seats_taken - 1 WHERE seminar_id = $1', [seminarId]);
}

export async function markClosed(tx: Executor, seminarId: string, at: Date, by: string | null): Promise<void> {
  await tx.query('UPDATE seminar_enrolment_settings SET closed_at = $2, closed_by = $3, updated_at = $2 WHERE seminar_id = $1', [seminarId, at, by]);
}

export type ApplicantRow = {
  personId: string;
  provinceCode: string;
  titleLevel: TitleLevel;
  managementPost: boolean;
  active: boolean;
  regionFlags: string[];
  employerGrassroots: boolean;
};

/** What eligibility and preference read: title, post, status, the region's (and its parents') flags, the employer's flag. */
export async function findApplicant(db: Executor, personId: string): Promise<ApplicantRow | null> {
  const rows = await db.query<ApplicantRow>(
    `SELECT p.id AS "personId", p.province_code AS "provinceCode", p.title_level AS "titleLevel", p.management_post AS "managementPost",
            p.status = 'active' AS active, o.grassroots AS "employerGrassroots",
            coalesce((SELECT array_agg(DISTINCT f.flag ORDER BY f.flag) FROM region_flags f
                       WHERE f.region_code IN (p.region_code, r.parent_code, p.province_code)), '{}') AS "regionFlags"
       FROM people p JOIN organisations o ON o.id = p.employer_id JOIN regions r ON r.code = p.region_code
      WHERE p.id = $1`,
    [personId],
  );
  const row = rows[0];
  return row ? { ...row, provinceCode: row.provinceCode.trim() } : null;
}

export type EnrolmentStatus = 'enrolled' | 'admitted' | 'waiting' | 'withdrawn' | 'declined';
export type EnrolmentRow = {
  id: string;
  seminarId: string;
  personId: string;
  status: EnrolmentStatus;
  preferred: boolean;
  preferenceReasons: string[];
  enrolledAt: Date;
  admittedAt: Date | null;
  leftAt: Date | null;
  completed: boolean | null;
  recordId: string | null;
};

const ENROLMENT_COLUMNS = `n.id, n.seminar_id AS "seminarId", n.person_id AS "personId", n.status, n.preferred, n.preference_reasons AS "preferenceReasons",
  n.enrolled_at AS "enrolledAt", n.admitted_at AS "admittedAt", n.left_at AS "leftAt", n.completed, n.record_id AS "recordId"`;

export async function findEnrolment(db: Executor, seminarId: string, personId: string): Promise<EnrolmentRow | null> {
  const rows = await db.query<EnrolmentRow>(`SELECT ${ENROLMENT_COLUMNS} FROM seminar_enrolments n WHERE n.seminar_id = $1 AND n.person_id = $2`, [seminarId, personId]);
  return rows[0] ?? null;
}

export async function findEnrolmentById(db: Executor, seminarId: string, id: string): Promise<EnrolmentRow | null> {
  const rows = await db.query<EnrolmentRow>(`SELECT ${ENROLMENT_COLUMNS} FROM seminar_enrolments n WHERE n.seminar_id = $1 AND n.id = $2`, [seminarId, id]);
  return rows[0] ?? null;
}

/** The person's enrolments in these seminars, in one query. */
export async function listEnrolmentsOfPerson(db: Executor, personId: string, seminarIds: readonly string[]): Promise<EnrolmentRow[]> {
  if (!seminarIds.length) return [];
  return db.query<EnrolmentRow>(`SELECT ${ENROLMENT_COLUMNS} FROM seminar_enrolments n WHERE n.person_id = $1 AND n.seminar_id = ANY($2::uuid[])`, [personId, seminarIds]);
}

/** Insert an enrolment, or re-open a withdrawn one (the unique key refuses a second live one). */
export async function upsertEnrolment(
  tx: Executor,
  e: { id: string; seminarId: string; personId: string; provinceCode: string; status: EnrolmentStatus; preferred: boolean; reasons: string[]; at: Date },
): Promise<string | null> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO seminar_enrolments (id, seminar_id, person_id, province_code, status, preferred, preference_reasons, enrolled_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (seminar_id, person_id) DO UPDATE SET status = EXCLUDED.status, preferred = EXCLUDED.preferred,
       preference_reasons = EXCLUDED.preference_reasons, enrolled_at = EXCLUDED.enrolled_at, admitted_at = NULL, left_at = NULL
       WHERE seminar_enrolments.status = 'withdrawn'
     RETURNING id`,
    [e.id, e.seminarId, e.personId, e.provinceCode, e.status, e.preferred, e.reasons, e.at],
  );
  return rows[0]?.id ?? null;
}

export async function setEnrolmentStatus(tx: Executor, id: string, status: EnrolmentStatus, at: Date): Promise<void> {
  const column = status === 'admitted' ? 'admitted_at' : status === 'withdrawn' || status === 'declined' ? 'left_at' : null;
  await tx.query(`UPDATE seminar_enrolments SET status = $2${column ? `, ${column} = $3` : ''} WHERE id = $1`, column ? [id, status, at] : [id, status]);
}

export async function countHeld(tx: Executor, seminarId: string): Promise<{ taken: number; takenPreferred: number }> {
  const rows = await tx.query<{ taken: number; takenPreferred: number }>(
    `SELECT count(*)::int AS taken, count(*) FILTER (WHERE preferred)::int AS "takenPreferred"
       FROM seminar_enrolments WHERE seminar_id = $1 AND status IN ('enrolled', 'admitted')`,
    [seminarId],
  );
  return rows[0] ?? { taken: 0, takenPreferred: 0 };
}

export async function listWaiting(tx: Executor, seminarId: string): Promise<EnrolmentRow[]> {
  return tx.query<EnrolmentRow>(
    `SELECT ${ENROLMENT_COLUMNS} FROM seminar_enrolments n WHERE n.seminar_id = $1 AND n.status = 'waiting' ORDER BY n.preferred DESC, n.enrolled_at, n.id LIMIT 1000`,
    [seminarId],
  );
}

/** A waiting enrolment's place in the list's order (preferred first, then by time): 1 is next. */
export async function waitingPosition(db: Executor, e: Pick<EnrolmentRow, 'id' | 'seminarId' | 'preferred' | 'enrolledAt'>): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM seminar_enrolments w
      WHERE w.seminar_id = $1 AND w.status = 'waiting'
        AND (w.preferred > $2 OR (w.preferred = $2 AND (w.enrolled_at, w.id) <= ($3::timestamptz, $4::uuid)))`,
    [e.seminarId, e.preferred, e.enrolledAt, e.id],
  );
  return rows[0]?.n ?? 0;
}

export type EnroleeRow = EnrolmentRow & { name: string; idNumberMasked: string; titleLevel: string; managementPost: boolean; employerName: string; regionName: string; presentDays: number };

/** The host's list: every enrolment with the person's masked ID, employer, region and days present. */
export async function listEnrolees(db: Executor, seminarId: string): Promise<EnroleeRow[]> {
  return db.query<EnroleeRow>(
    `SELECT ${ENROLMENT_COLUMNS}, p.name, p.id_number_masked AS "idNumberMasked", p.title_level AS "titleLevel", p.management_post AS "managementPost",
            o.name AS "employerName", r.name AS "regionName",
            (SELECT count(*)::int FROM seminar_attendance a WHERE a.seminar_id = n.seminar_id AND a.person_id = n.person_id AND a.present) AS "presentDays"
       FROM seminar_enrolments n JOIN people p ON p.id = n.person_id JOIN organisations o ON o.id = p.employer_id JOIN regions r ON r.code = p.region_code
      WHERE n.seminar_id = $1
      ORDER BY CASE n.status WHEN 'admitted' THEN 0 WHEN 'enrolled' THEN 1 WHEN 'waiting' THEN 2 ELSE 3 END, n.preferred DESC, n.enrolled_at, n.id
      LIMIT 2000`,
    [seminarId],
  );
}

export type MineRow = EnrolmentRow & {
  title: string; hostName: string; startDate: string; endDate: string; hoursTenths: number; closedAt: Date | null; rated: boolean; unreadNotices: number;
};

export async function listMine(db: Executor, personId: string): Promise<MineRow[]> {
  return db.query<MineRow>(
    `SELECT ${ENROLMENT_COLUMNS}, s.title, o.name AS "hostName", s.start_date AS "startDate", s.end_date AS "endDate", s.hours_tenths AS "hoursTenths",
            e.closed_at AS "closedAt", EXISTS (SELECT 1 FROM seminar_ratings g WHERE g.seminar_id = n.seminar_id AND g.person_id = n.person_id) AS rated,
            (SELECT count(*)::int FROM seminar_notices x WHERE x.person_id = n.person_id AND x.seminar_id = n.seminar_id AND x.read_at IS NULL) AS "unreadNotices"
       FROM seminar_enrolments n JOIN seminars s ON s.id = n.seminar_id JOIN organisations o ON o.id = s.host_id
       LEFT JOIN seminar_enrolment_settings e ON e.seminar_id = s.id
      WHERE n.person_id = $1 ORDER BY s.start_date DESC, n.id LIMIT 200`,
    [personId],
  );
}

export type NoticeKind = 'admitted' | 'seat_offered' | 'declined' | 'completed';
export type NoticeRow = { id: string; seminarId: string; seminarTitle: string; kind: NoticeKind; createdAt: Date; readAt: Date | null };

export async function insertNotice(tx: Executor, n: { id: string; personId: string; seminarId: string; kind: NoticeKind; at: Date }): Promise<void> {
  await tx.query('INSERT INTO seminar_notices (id, person_id, seminar_id, kind, created_at) VALUES ($1, $2, $3, $4, $5)', [n.id, n.personId, n.seminarId, n.kind, n.at]);
}
