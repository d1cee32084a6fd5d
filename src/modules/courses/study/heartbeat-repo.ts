import type { Executor } from '../../../platform/db/executor.ts';

export type HeartbeatState = {
  enrolmentId: string;
  provinceCode: string;
  enrolledAt: Date;
  completionPercent: number;
  durationSeconds: number;
  chapterTitle: string;
  covered: [number, number][] | null;
  studiedSeconds: number | null;
  chapterCompletedAt: Date | null;
  sessionId: string | null;
  sessionEnrolmentId: string | null;
  sessionChapterId: string | null;
  lastBeatAt: Date | null;
  lastPosition: number | null;
  daySeconds: number | null;
};

const STATE_SQL = `SELECT e.id AS "enrolmentId", e.province_code::text AS "provinceCode", e.enrolled_at AS "enrolledAt", c.completion_percent AS "completionPercent",
            ch.duration_seconds AS "durationSeconds", ch.title AS "chapterTitle",
            cp.covered, cp.studied_seconds AS "studiedSeconds", cp.completed_at AS "chapterCompletedAt",
            s.session_id AS "sessionId", s.enrolment_id AS "sessionEnrolmentId", s.chapter_id AS "sessionChapterId",
            s.last_beat_at AS "lastBeatAt", s.last_position AS "lastPosition", d.seconds AS "daySeconds"
       FROM course_enrolments e
       JOIN courses c ON c.id = e.course_id
       JOIN course_chapters ch ON ch.course_id = e.course_id AND ch.id = $3
       LEFT JOIN course_chapter_progress cp ON cp.enrolment_id = e.id AND cp.chapter_id = ch.id
       LEFT JOIN course_study_sessions s ON s.person_id = e.person_id
       LEFT JOIN course_study_days d ON d.person_id = e.person_id AND d.day = $4
      WHERE e.person_id = $1 AND e.course_id = $2`;

/**
 * Everything a heartbeat needs in one statement. With `lock`, inside a transaction, the enrolment
 * row is locked so that one person's heartbeats on a course apply one at a time.
 */
export async function findHeartbeatState(db: Executor, personId: string, courseId: string, chapterId: string, day: string, lock = false): Promise<HeartbeatState | null> {
  const rows = await db.query<HeartbeatState>(lock ? `${STATE_SQL}\n      FOR UPDATE OF e` : STATE_SQL, [personId, courseId, chapterId, day]);
  return rows[0] ?? null;
}

export type HeartbeatWrite = {
  personId: string;
  sessionId: string;
  enrolmentId: string;
  chapterId: string;
  provinceCode: string;
  at: Date;
  position: number;
  /** The cursor the credit was computed from: the write applies only if the session still holds it. */
  expectedBeatAt: Date | null;
  day: string;
  /** Seconds credited; 0 moves the cursor only. */
  seconds: number;
  covered: [number, number][];
  coveredSeconds: number;
  studiedSeconds: number;
};

// Every heartbeat of the batch as one row of `input`. For each person, the session cursor moves
// only if it still holds the cursor the credit was computed from (compare-and-set: a heartbeat
// applied meanwhile, here or in another instance, or a new session, makes that person's write a
// no-op); with no session yet, the heartbeat's becomes it unless one was created meanwhile. Only
// the persons whose cursor moved get their credited seconds added to the day and the chapter.
// One statement, hence atomic without BEGIN/COMMIT; a batch holds each person at most once.
const WRITE_SQL = `WITH input AS (
  SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::timestamptz[], $7::numeric[], $8::timestamptz[],
                       $9::date[], $10::numeric[], $11::jsonb[], $12::numeric[], $13::numeric[])
    AS i (person_id, session_id, enrolment_id, chapter_id, province_code, at, position, expected, day, seconds, covered, covered_seconds, studied_seconds)
), moved AS (
  UPDATE course_study_sessions s SET enrolment_id = i.enrolment_id, chapter_id = i.chapter_id, last_beat_at = i.at, last_position = i.position
    FROM input i
   WHERE i.expected IS NOT NULL AND s.person_id = i.person_id AND s.session_id = i.session_id AND s.last_beat_at = i.expected
  RETURNING s.person_id
), started AS (
  INSERT INTO course_study_sessions (person_id, session_id, enrolment_id, chapter_id, started_at, last_beat_at, last_position)
  SELECT person_id, session_id, enrolment_id, chapter_id, at, at, position FROM input WHERE expected IS NULL
  ON CONFLICT (person_id) DO NOTHING
  RETURNING person_id
), cur AS (
  SELECT person_id FROM moved UNION ALL SELECT person_id FROM started
), credited AS (
  SELECT i.* FROM input i JOIN cur USING (person_id) WHERE i.seconds > 0
), day AS (
  INSERT INTO course_study_days (person_id, day, province_code, seconds)
  SELECT person_id, day, province_code, seconds FROM credited
  ON CONFLICT (person_id, day) DO UPDATE SET seconds = course_study_days.seconds + EXCLUDED.seconds
), prog AS (
  INSERT INTO course_chapter_progress (enrolment_id, chapter_id, province_code, covered, covered_seconds, studied_seconds)
  SELECT enrolment_id, chapter_id, province_code, covered, covered_seconds, studied_seconds FROM credited
  ON CONFLICT (enrolment_id, chapter_id) DO UPDATE SET covered = EXCLUDED.covered, covered_seconds = EXCLUDED.covered_seconds,
    studied_seconds = EXCLUDED.studied_seconds
)
SELECT person_id AS "personId" FROM cur`;

/**
 * The writes of a batch of heartbeats (each person at most once) in one statement. Returns the
 * persons whose write applied; the others found their cursor moved and wrote nothing.
 */
export async function writeHeartbeats(db: Executor, batch: readonly HeartbeatWrite[]): Promise<Set<string>> {
  const column = <T>(f: (w: HeartbeatWrite) => T) => batch.map(f);
  const rows = await db.query<{ personId: string }>(WRITE_SQL, [
    column((w) => w.personId), column((w) => w.sessionId), column((w) => w.enrolmentId), column((w) => w.chapterId), column((w) => w.provinceCode),
    column((w) => w.at.toISOString()), column((w) => w.position), column((w) => w.expectedBeatAt?.toISOString() ?? null), column((w) => w.day),
    column((w) => w.seconds), column((w) => JSON.stringify(w.covered)), column((w) => w.coveredSeconds), column((w) => w.studiedSeconds),
  ]);
  return new Set(rows.map((r) => r.personId));
}

/** Mark a chapter complete once (the heartbeat that completes it has just written its progress). */
export async function markChapterCompleted(tx: Executor, enrolmentId: string, chapterId: string, at: Date): Promise<void> {
  await tx.query('UPDATE course_chapter_progress SET completed_at = coalesce(completed_at, $3) WHERE enrolment_id = $1 AND chapter_id = $2', [enrolmentId, chapterId, at]);
}
