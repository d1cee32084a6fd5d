import type { Grant, Permission } from '../../../platform/auth/permissions.ts';
import { type ScopeColumns, SqlParams, scopeFilter } from '../../../platform/auth/scope.ts';
import type { Executor } from '../../../platform/db/executor.ts';

/** A course reaches a scope through its provider: the province and city, and the organisation itself. */
export const COURSE_SCOPE: ScopeColumns = { province: 'c.province_code', region: 'c.region_code', organisation: 'c.provider_id' };

export type CourseRow = {
  id: string;
  provinceCode: string;
  regionCode: string;
  regionName: string;
  providerId: string;
  providerName: string;
  title: string;
  category: string;
  field: string;
  hours: number;
  modality: string;
  targetLevels: string[];
  description: string;
  coverMediaId: string | null;
  status: string;
  reviewReason: string | null;
  completionPercent: number;
  quizSize: number;
  quizPassPercent: number;
  quizMaxAttempts: number;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  chapterCount: number;
};

const SELECT_COURSE = `SELECT c.id, c.province_code::text AS "provinceCode", c.region_code::text AS "regionCode", r.name AS "regionName",
    c.provider_id AS "providerId", o.name AS "providerName", c.title, c.category, c.field, c.hours, c.modality,
    c.target_levels AS "targetLevels", c.description, c.cover_media_id AS "coverMediaId", c.status, c.review_reason AS "reviewReason",
    c.completion_percent AS "completionPercent", c.quiz_size AS "quizSize", c.quiz_pass_percent AS "quizPassPercent",
    c.quiz_max_attempts AS "quizMaxAttempts", c.published_at AS "publishedAt", c.created_at AS "createdAt", c.updated_at AS "updatedAt",
    (SELECT count(*)::int FROM course_chapters ch WHERE ch.course_id = c.id) AS "chapterCount"
  FROM courses c JOIN organisations o ON o.id = c.provider_id JOIN regions r ON r.code = c.region_code`;

export type CourseListFilter = {
  q?: string;
  field?: string;
  category?: string;
  providerId?: string;
  regionCode?: string;
  modality?: string;
  status?: string;
  limit: number;
  offset: number;
};

/** Courses matching the filter; `scope` is the caller's scope condition or null for the public listing. */
async function listCourses(db: Executor, params: SqlParams, scope: string, f: CourseListFilter): Promise<{ items: CourseRow[]; total: number }> {
  const where = [scope];
  if (f.q) where.push(`c.title ILIKE ${params.add(`%${f.q.replace(/[%_\\]/g, '\\$&')}%`)}`);
  if (f.field) where.push(`c.field = ${params.add(f.field)}`);
  if (f.category) where.push(`c.category = ${params.add(f.category)}`);
  if (f.providerId) where.push(`c.provider_id = ${params.add(f.providerId)}`);
  if (f.modality) where.push(`c.modality = ${params.add(f.modality)}`);
  if (f.status) where.push(`c.status = ${params.add(f.status)}`);
  if (f.regionCode) {
    // A province code matches its whole province, a city code the city.
    const p = params.add(f.regionCode);
    where.push(`(c.region_code = ${p} OR c.province_code = ${p})`);
  }
  const condition = where.join(' AND ');
  const total = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM courses c JOIN organisations o ON o.id = c.provider_id JOIN regions r ON r.code = c.region_code WHERE ${condition}`,
    params.values,
  );
  const limit = params.add(f.limit);
  const offset = params.add(f.offset);
  const items = await db.query<CourseRow>(`${SELECT_COURSE} WHERE ${condition} ORDER BY c.updated_at DESC, c.id LIMIT ${limit} OFFSET ${offset}`, params.values);
  return { items, total: total[0]?.n ?? 0 };
}

export async function listCoursesInScope(db: Executor, grants: Grant[], permission: Permission, f: CourseListFilter) {
  const params = new SqlParams();
  return listCourses(db, params, scopeFilter(grants, permission, COURSE_SCOPE, params), f);
}

export async function listPublishedCourses(db: Executor, f: Omit<CourseListFilter, 'status'>) {
  return listCourses(db, new SqlParams(), `c.status = 'published'`, f);
}

export async function findCourseInScope(db: Executor, grants: Grant[], permission: Permission, id: string): Promise<CourseRow | null> {
  const params = new SqlParams();
  const idParam = params.add(id);
  const scope = scopeFilter(grants, permission, COURSE_SCOPE, params);
  const rows = await db.query<CourseRow>(`${SELECT_COURSE} WHERE c.id = ${idParam} AND ${scope}`, params.values);
  return rows[0] ?? null;
}

export async function findPublishedCourse(db: Executor, id: string): Promise<CourseRow | null> {
  const rows = await db.query<CourseRow>(`${SELECT_COURSE} WHERE c.id = $1 AND c.status = 'published'`, [id]);
  return rows[0] ?? null;
}

/** A course in any status, if the person is enrolled in it (a withdrawn course stays open to its learners). */
export async function findEnrolledCourse(db: Executor, id: string, personId: string): Promise<CourseRow | null> {
  const rows = await db.query<CourseRow>(
    `${SELECT_COURSE} WHERE c.id = $1 AND EXISTS (SELECT 1 FROM course_enrolments e WHERE e.course_id = c.id AND e.person_id = $2)`,
    [id, personId],
  );
  return rows[0] ?? null;
}

/** Lock the course row for a change (status transitions and courseware edits serialise on it). */
export async function lockCourse(db: Executor, id: string): Promise<void> {
  await db.query('SELECT id FROM courses WHERE id = $1 FOR UPDATE', [id]);
}

export type ProviderRow = { id: string; provinceCode: string; regionCode: string; roles: string[]; status: string };

/** The organisation as a course provider, if it lies in the caller's scope for the permission. */
export async function findProviderInScope(db: Executor, grants: Grant[], permission: Permission, id: string): Promise<ProviderRow | null> {
  const params = new SqlParams();
  const idParam = params.add(id);
  const scope = scopeFilter(grants, permission, { province: 'o.province_code', region: 'o.region_code', organisation: 'o.id' }, params);
  const rows = await db.query<ProviderRow>(
    `SELECT o.id, o.province_code::text AS "provinceCode", o.region_code::text AS "regionCode", o.roles, o.status
       FROM organisations o WHERE o.id = ${idParam} AND ${scope}`,
    params.values,
  );
  return rows[0] ?? null;
}

export type CourseWrite = {
  id: string;
  provinceCode: string;
  regionCode: string;
  providerId: string;
  title: string;
  category: string;
  field: string;
  hours: number;
  modality: string;
  targetLevels: string[];
  description: string;
  completionPercent: number;
  quizSize: number;
  quizPassPercent: number;
  quizMaxAttempts: number;
};

export async function insertCourse(db: Executor, c: CourseWrite, by: string, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO courses (id, province_code, region_code, provider_id, title, category, field, hours, modality, target_levels, description,
       completion_percent, quiz_size, quiz_pass_percent, quiz_max_attempts, status, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'draft', $16, $17, $17)`,
    [c.id, c.provinceCode, c.regionCode, c.providerId, c.title, c.category, c.field, c.hours, c.modality, c.targetLevels, c.description,
      c.completionPercent, c.quizSize, c.quizPassPercent, c.quizMaxAttempts, by, now],
  );
}

export async function updateCourse(db: Executor, c: CourseWrite, now: Date): Promise<void> {
  await db.query(
    `UPDATE courses SET province_code = $2, region_code = $3, provider_id = $4, title = $5, category = $6, field = $7, hours = $8, modality = $9,
       target_levels = $10, description = $11, completion_percent = $12, quiz_size = $13, quiz_pass_percent = $14, quiz_max_attempts = $15,
       status = 'draft', updated_at = $16 WHERE id = $1`,
    [c.id, c.provinceCode, c.regionCode, c.providerId, c.title, c.category, c.field, c.hours, c.modality, c.targetLevels, c.description,
      c.completionPercent, c.quizSize, c.quizPassPercent, c.quizMaxAttempts, now],
  );
}

export async function setCourseStatus(db: Executor, id: string, change: { status: string; reason: string | null; now: Date }): Promise<void> {
  await db.query(
    `UPDATE courses SET status = $2, review_reason = $3, updated_at = $4,
       published_at = CASE WHEN $2 = 'published' THEN $4 ELSE published_at END WHERE id = $1`,
    [id, change.status, change.reason, change.now],
  );
}

/** What a submission needs: chapters, chapters still lacking their file, and the bank size. */
export async function summariseCourseware(db: Executor, courseId: string): Promise<{ chapters: number; missingFiles: number; questions: number }> {
  const rows = await db.query<{ chapters: number; missingFiles: number; questions: number }>(
    `SELECT (SELECT count(*)::int FROM course_chapters WHERE course_id = $1) AS chapters,
            (SELECT count(*)::int FROM course_chapters WHERE course_id = $1 AND kind <> 'html' AND media_id IS NULL) AS "missingFiles",
            (SELECT count(*)::int FROM course_questions WHERE course_id = $1) AS questions`,
    [courseId],
  );
  return rows[0] ?? { chapters: 0, missingFiles: 0, questions: 0 };
}

export type CourseSettings = {
  id: string;
  title: string;
  category: string;
  field: string;
  hours: number;
  status: string;
  modality: string;
  providerId: string;
  providerName: string;
  completionPercent: number;
  quizSize: number;
  quizPassPercent: number;
  quizMaxAttempts: number;
};

/** What studying a course needs, whatever its status (a withdrawn course stays studiable for those enrolled). */
export async function findCourseSettings(db: Executor, id: string): Promise<CourseSettings | null> {
  const rows = await db.query<CourseSettings>(
    `SELECT c.id, c.title, c.category, c.field, c.hours, c.status, c.modality, c.provider_id AS "providerId", o.name AS "providerName",
            c.completion_percent AS "completionPercent", c.quiz_size AS "quizSize", c.quiz_pass_percent AS "quizPassPercent",
            c.quiz_max_attempts AS "quizMaxAttempts"
       FROM courses c JOIN organisations o ON o.id = c.provider_id WHERE c.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}
