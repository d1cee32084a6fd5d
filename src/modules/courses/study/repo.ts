import type { Executor } from '../../../platform/db/executor.ts';

export type EnrolmentRow = {
  id: string;
  courseId: string;
  personId: string;
  provinceCode: string;
  enrolledAt: Date;
  quizPassedAt: Date | null;
  completedAt: Date | null;
  recordId: string | null;
};

const SELECT_ENROLMENT = `SELECT id, course_id AS "courseId", person_id AS "personId", province_code::text AS "provinceCode", enrolled_at AS "enrolledAt",
    quiz_passed_at AS "quizPassedAt", completed_at AS "completedAt", record_id AS "recordId" FROM course_enrolments`;

export async function findEnrolment(db: Executor, personId: string, courseId: string, forUpdate = false): Promise<EnrolmentRow | null> {
  const rows = await db.query<EnrolmentRow>(`${SELECT_ENROLMENT} WHERE person_id = $1 AND course_id = $2${forUpdate ? ' FOR UPDATE' : ''}`, [personId, courseId]);
  return rows[0] ?? null;
}

/** Enrol once: a second enrolment of the same person in the same course changes nothing. */
export async function insertEnrolment(db: Executor, e: { id: string; courseId: string; personId: string; provinceCode: string; at: Date }): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO course_enrolments (id, province_code, course_id, person_id, enrolled_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (course_id, person_id) DO NOTHING RETURNING id`,
    [e.id, e.provinceCode, e.courseId, e.personId, e.at],
  );
  return rows.length > 0;
}

export async function listOwnEnrolments(db: Executor, personId: string) {
  return db.query<{ enrolmentId: string; courseId: string; title: string; providerName: string; hours: number; enrolledAt: Date; completedAt: Date | null }>(
    `SELECT e.id AS "enrolmentId", e.course_id AS "courseId", c.title, o.name AS "providerName", c.hours, e.enrolled_at AS "enrolledAt", e.completed_at AS "completedAt"
       FROM course_enrolments e JOIN courses c ON c.id = e.course_id JOIN organisations o ON o.id = c.provider_id
      WHERE e.person_id = $1 ORDER BY e.enrolled_at DESC LIMIT 500`,
    [personId],
  );
}

export type ProgressRow = { chapterId: string; covered: [number, number][]; coveredSeconds: number; studiedSeconds: number; completedAt: Date | null };

export async function listProgress(db: Executor, enrolmentId: string): Promise<ProgressRow[]> {
  return db.query<ProgressRow>(
    `SELECT chapter_id AS "chapterId", covered, covered_seconds AS "coveredSeconds", studied_seconds AS "studiedSeconds", completed_at AS "completedAt"
       FROM course_chapter_progress WHERE enrolment_id = $1`,
    [enrolmentId],
  );
}

export type SessionRow = { sessionId: string; enrolmentId: string; chapterId: string; lastBeatAt: Date; lastPosition: number };

/** The person's counting session, locked: heartbeats of one person are applied one at a time. */
export async function findSessionForUpdate(db: Executor, personId: string): Promise<SessionRow | null> {
  const rows = await db.query<SessionRow>(
    `SELECT session_id AS "sessionId", enrolment_id AS "enrolmentId", chapter_id AS "chapterId", last_beat_at AS "lastBeatAt", last_position AS "lastPosition"
       FROM course_study_sessions WHERE person_id = $1 FOR UPDATE`,
    [personId],
  );
  return rows[0] ?? null;
}

export async function saveSession(db: Executor, personId: string, s: SessionRow & { startedAt?: Date }): Promise<void> {
  await db.query(
    `INSERT INTO course_study_sessions (person_id, session_id, enrolment_id, chapter_id, started_at, last_beat_at, last_position)
     VALUES ($1, $2, $3, $4, coalesce($5::timestamptz, $6::timestamptz), $6::timestamptz, $7)
     ON CONFLICT (person_id) DO UPDATE SET session_id = EXCLUDED.session_id, enrolment_id = EXCLUDED.enrolment_id, chapter_id = EXCLUDED.chapter_id,
       started_at = CASE WHEN course_study_sessions.session_id = EXCLUDED.session_id THEN course_study_sessions.started_at ELSE EXCLUDED.started_at END,
       last_beat_at = EXCLUDED.last_beat_at, last_position = EXCLUDED.last_position`,
    [personId, s.sessionId, s.enrolmentId, s.chapterId, s.startedAt ?? null, s.lastBeatAt, s.lastPosition],
  );
}

export async function setQuizPassed(db: Executor, enrolmentId: string, at: Date): Promise<void> {
  await db.query('UPDATE course_enrolments SET quiz_passed_at = coalesce(quiz_passed_at, $2) WHERE id = $1', [enrolmentId, at]);
}

/** Mark the enrolment complete unless it already is: true only for the first completion. */
export async function markCompleted(db: Executor, enrolmentId: string, at: Date): Promise<boolean> {
  const rows = await db.query('UPDATE course_enrolments SET completed_at = $2 WHERE id = $1 AND completed_at IS NULL RETURNING id', [enrolmentId, at]);
  return rows.length > 0;
}

export async function setRecordId(db: Executor, enrolmentId: string, recordId: string): Promise<void> {
  await db.query('UPDATE course_enrolments SET record_id = $2 WHERE id = $1', [enrolmentId, recordId]);
}

export type AttemptRow = { id: string; questionIds: string[]; startedAt: Date; submittedAt: Date | null; scorePercent: number | null; passed: boolean | null };

export async function listAttempts(db: Executor, enrolmentId: string): Promise<AttemptRow[]> {
  return db.query<AttemptRow>(
    `SELECT id, question_ids AS "questionIds", started_at AS "startedAt", submitted_at AS "submittedAt", score_percent AS "scorePercent", passed
       FROM course_quiz_attempts WHERE enrolment_id = $1 ORDER BY started_at, id`,
    [enrolmentId],
  );
}

export async function insertAttempt(db: Executor, a: { id: string; enrolmentId: string; questionIds: string[]; at: Date }): Promise<void> {
  await db.query('INSERT INTO course_quiz_attempts (id, enrolment_id, question_ids, started_at) VALUES ($1, $2, $3::uuid[], $4)', [a.id, a.enrolmentId, a.questionIds, a.at]);
}

export async function submitAttempt(db: Executor, id: string, r: { scorePercent: number; passed: boolean; at: Date }): Promise<boolean> {
  const rows = await db.query('UPDATE course_quiz_attempts SET submitted_at = $2, score_percent = $3, passed = $4 WHERE id = $1 AND submitted_at IS NULL RETURNING id', [
    id, r.at, r.scorePercent, r.passed,
  ]);
  return rows.length > 0;
}
