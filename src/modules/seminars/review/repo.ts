import type { Executor } from '../../../platform/db/executor.ts';

export type ExpertRow = {
  id: string; accountId: string; username: string; name: string; fields: string[]; organisationId: string | null; organisationName: string | null;
  affiliation: string; active: boolean; load: number; conflicts: { organisationId: string; organisationName: string; reason: string }[];
};

const EXPERT_SELECT = `SELECT e.id, e.account_id AS "accountId", a.username, e.name, e.fields, e.organisation_id AS "organisationId", o.name AS "organisationName",
  e.affiliation, e.active,
  (SELECT count(*)::int FROM seminar_reviews r WHERE r.expert_id = e.id AND r.status <> 'conflict') AS load,
  coalesce((SELECT json_agg(json_build_object('organisationId', c.organisation_id, 'organisationName', co.name, 'reason', c.reason) ORDER BY co.name)
    FROM seminar_expert_conflicts c JOIN organisations co ON co.id = c.organisation_id WHERE c.expert_id = e.id), '[]'::json) AS conflicts
  FROM seminar_experts e JOIN accounts a ON a.id = e.account_id LEFT JOIN organisations o ON o.id = e.organisation_id`;

export async function listExperts(db: Executor, onlyActive = false): Promise<ExpertRow[]> {
  return db.query<ExpertRow>(`${EXPERT_SELECT} WHERE ($1::boolean IS FALSE OR e.active) ORDER BY e.name, e.id LIMIT 2000`, [onlyActive]);
}

export async function findExpert(db: Executor, id: string): Promise<ExpertRow | null> {
  return (await db.query<ExpertRow>(`${EXPERT_SELECT} WHERE e.id = $1`, [id]))[0] ?? null;
}

export async function findExpertByAccount(db: Executor, accountId: string): Promise<ExpertRow | null> {
  return (await db.query<ExpertRow>(`${EXPERT_SELECT} WHERE e.account_id = $1`, [accountId]))[0] ?? null;
}

export async function accountIsExpert(db: Executor, accountId: string): Promise<boolean> {
  return (await db.query(`SELECT 1 FROM grants WHERE account_id = $1 AND role = 'expert'`, [accountId])).length > 0;
}

export async function insertExpert(tx: Executor, e: { id: string; accountId: string; name: string; fields: string[]; organisationId: string | null; affiliation: string; createdBy: string | null }): Promise<void> {
  await tx.query(
    `INSERT INTO seminar_experts (id, account_id, name, fields, organisation_id, affiliation, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.id, e.accountId, e.name, e.fields, e.organisationId, e.affiliation, e.createdBy],
  );
}

export async function updateExpert(tx: Executor, id: string, e: { name: string; fields: string[]; organisationId: string | null; affiliation: string; active: boolean }): Promise<void> {
  await tx.query(`UPDATE seminar_experts SET name = $2, fields = $3, organisation_id = $4, affiliation = $5, active = $6 WHERE id = $1`, [id, e.name, e.fields, e.organisationId, e.affiliation, e.active]);
}

export async function upsertConflict(tx: Executor, c: { expertId: string; organisationId: string; reason: string; createdBy: string | null }): Promise<void> {
  await tx.query(
    `INSERT INTO seminar_expert_conflicts (expert_id, organisation_id, reason, created_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (expert_id, organisation_id) DO UPDATE SET reason = EXCLUDED.reason`,
    [c.expertId, c.organisationId, c.reason, c.createdBy],
  );
}

export type DrawRow = { id: string; year: number; seed: string; params: Record<string, unknown>; assignments: number; createdAt: Date | string };

export async function insertDraw(tx: Executor, d: { id: string; year: number; seed: string; params: unknown; assignments: number; createdBy: string | null }): Promise<void> {
  await tx.query(`INSERT INTO seminar_review_draws (id, year, seed, params, assignments, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
    [d.id, d.year, d.seed, JSON.stringify(d.params), d.assignments, d.createdBy]);
}

export async function listDraws(db: Executor, year: number): Promise<DrawRow[]> {
  return db.query<DrawRow>(`SELECT id, year, seed, params, assignments, created_at AS "createdAt" FROM seminar_review_draws WHERE year = $1 ORDER BY created_at DESC LIMIT 100`, [year]);
}

export async function findDrawSeed(db: Executor, seminarId: string): Promise<string> {
  const rows = await db.query<{ seed: string }>(`SELECT d.seed FROM seminar_reviews r JOIN seminar_review_draws d ON d.id = r.draw_id WHERE r.seminar_id = $1 LIMIT 1`, [seminarId]);
  return rows[0]?.seed ?? seminarId;
}

export type DrawInputApp = { id: string; field: string; hostId: string };
/** Pre-approved applications of the year, locked: they are the draw's input. */
export async function lockDrawApplications(tx: Executor, year: number): Promise<DrawInputApp[]> {
  return tx.query<DrawInputApp>(`SELECT id, field, host_id AS "hostId" FROM seminars WHERE year = $1 AND status = 'pre_approved' ORDER BY id FOR UPDATE`, [year]);
}

export async function insertReviews(tx: Executor, drawId: string | null, rows: { seminarId: string; expertId: string }[], at: Date): Promise<void> {
  if (!rows.length) return;
  await tx.query(
    `INSERT INTO seminar_reviews (seminar_id, expert_id, draw_id, assigned_at) SELECT s, e, $1, $4 FROM unnest($2::uuid[], $3::uuid[]) AS t (s, e)`,
    [drawId, rows.map((r) => r.seminarId), rows.map((r) => r.expertId), at],
  );
}

export async function markInReview(tx: Executor, ids: string[]): Promise<void> {
  await tx.query(`UPDATE seminars SET status = 'in_review', version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
}

export type ReviewRow = { seminarId: string; expertId: string; expertName: string; status: 'assigned' | 'scored' | 'conflict'; scores: Record<string, number> | null; totalTenths: number | null; comment: string };

export async function listReviewsOf(db: Executor, seminarIds: string[]): Promise<ReviewRow[]> {
  if (!seminarIds.length) return [];
  return db.query<ReviewRow>(
    `SELECT r.seminar_id AS "seminarId", r.expert_id AS "expertId", e.name AS "expertName", r.status, r.scores, r.total_tenths AS "totalTenths", r.comment
     FROM seminar_reviews r JOIN seminar_experts e ON e.id = r.expert_id WHERE r.seminar_id = ANY($1::uuid[]) ORDER BY r.seminar_id, e.name`,
    [seminarIds],
  );
}

export async function findReviewForUpdate(tx: Executor, seminarId: string, expertId: string): Promise<(ReviewRow & { seminarStatus: string; hostId: string; field: string }) | null> {
  const rows = await tx.query<ReviewRow & { seminarStatus: string; hostId: string; field: string }>(
    `SELECT r.seminar_id AS "seminarId", r.expert_id AS "expertId", '' AS "expertName", r.status, r.scores, r.total_tenths AS "totalTenths", r.comment,
            s.status AS "seminarStatus", s.host_id AS "hostId", s.field
     FROM seminar_reviews r JOIN seminars s ON s.id = r.seminar_id WHERE r.seminar_id = $1 AND r.expert_id = $2 FOR UPDATE OF r, s`,
    [seminarId, expertId],
  );
  return rows[0] ?? null;
}

export async function saveScore(tx: Executor, seminarId: string, expertId: string, s: { scores: Record<string, number>; totalTenths: number; comment: string; at: Date }): Promise<void> {
  await tx.query(`UPDATE seminar_reviews SET status = 'scored', scores = $3, total_tenths = $4, comment = $5, scored_at = $6 WHERE seminar_id = $1 AND expert_id = $2`,
    [seminarId, expertId, JSON.stringify(s.scores), s.totalTenths, s.comment, s.at]);
}

export async function markConflict(tx: Executor, seminarId: string, expertId: string, reason: string): Promise<void> {
  await tx.query(`UPDATE seminar_reviews SET status = 'conflict', comment = $3, scores = NULL, total_tenths = NULL WHERE seminar_id = $1 AND expert_id = $2`, [seminarId, expertId, reason]);
}

/** When every active review of an in-review application is scored, it becomes reviewed. */
export async function closeIfAllScored(tx: Executor, seminarId: string): Promise<boolean> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE seminars s SET status = 'reviewed', version = version + 1, updated_at = now()
     WHERE s.id = $1 AND s.status = 'in_review'
       AND NOT EXISTS (SELECT 1 FROM seminar_reviews r WHERE r.seminar_id = s.id AND r.status = 'assigned')
       AND EXISTS (SELECT 1 FROM seminar_reviews r WHERE r.seminar_id = s.id AND r.status = 'scored')
     RETURNING s.id`,
    [seminarId],
  );
  return rows.length > 0;
}

export type BlindRow = {
  seminarId: string; year: number; title: string; field: string; topics: string[]; startDate: string; endDate: string; days: number; place: string;
  plannedTrainees: number; hoursTenths: number; funding: string; teachers: { name: string; title: string; affiliation: string }[];
  status: string; scores: Record<string, number> | null; totalTenths: number | null; comment: string;
};

/** An expert's assignments without the host (name, organisation, province) or other reviewers. */
export async function listBlindAssignments(db: Executor, expertId: string): Promise<BlindRow[]> {
  return db.query<BlindRow>(
    `SELECT s.id AS "seminarId", s.year, s.title, s.field, s.topics, to_char(s.start_date, 'YYYY-MM-DD') AS "startDate", to_char(s.end_date, 'YYYY-MM-DD') AS "endDate",
            s.days, s.place, s.planned_trainees AS "plannedTrainees", s.hours_tenths AS "hoursTenths", s.funding, s.teachers,
            r.status, r.scores, r.total_tenths AS "totalTenths", r.comment
     FROM seminar_reviews r JOIN seminars s ON s.id = r.seminar_id
     WHERE r.expert_id = $1 AND r.status <> 'conflict' ORDER BY s.year DESC, s.id LIMIT 500`,
    [expertId],
  );
}

export type Criterion = { code: string; labelZh: string; labelEn: string; weight: number };
export async function listCriteria(db: Executor): Promise<Criterion[]> {
  return db.query<Criterion>(`SELECT code, label_zh AS "labelZh", label_en AS "labelEn", weight FROM seminar_rubric_criteria ORDER BY sort, code`);
}

export async function drawIdOf(db: Executor, seminarId: string): Promise<string | null> {
  const rows = await db.query<{ drawId: string }>(`SELECT draw_id AS "drawId" FROM seminar_reviews WHERE seminar_id = $1 AND draw_id IS NOT NULL LIMIT 1`, [seminarId]);
  return rows[0]?.drawId ?? null;
}
