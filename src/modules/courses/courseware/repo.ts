import type { Executor } from '../../../platform/db/executor.ts';

export type ChapterRow = { id: string; position: number; title: string; kind: string; durationSeconds: number; mediaId: string | null; contentType: string | null };

const SELECT_CHAPTER = `SELECT ch.id, ch.position, ch.title, ch.kind, ch.duration_seconds AS "durationSeconds", ch.media_id AS "mediaId",
    m.content_type AS "contentType"
  FROM course_chapters ch LEFT JOIN course_media m ON m.id = ch.media_id`;

export async function listChapters(db: Executor, courseId: string): Promise<ChapterRow[]> {
  return db.query<ChapterRow>(`${SELECT_CHAPTER} WHERE ch.course_id = $1 ORDER BY ch.position LIMIT 500`, [courseId]);
}

export async function findChapter(db: Executor, courseId: string, chapterId: string): Promise<(ChapterRow & { html: string }) | null> {
  const rows = await db.query<ChapterRow & { html: string }>(
    `SELECT ch.id, ch.position, ch.title, ch.kind, ch.duration_seconds AS "durationSeconds", ch.media_id AS "mediaId",
            m.content_type AS "contentType", ch.html
       FROM course_chapters ch LEFT JOIN course_media m ON m.id = ch.media_id WHERE ch.course_id = $1 AND ch.id = $2`,
    [courseId, chapterId],
  );
  return rows[0] ?? null;
}

export async function insertChapter(db: Executor, c: { id: string; courseId: string; title: string; kind: string; durationSeconds: number; html: string }): Promise<void> {
  await db.query(
    `INSERT INTO course_chapters (id, course_id, position, title, kind, duration_seconds, html)
     VALUES ($1, $2, (SELECT coalesce(max(position), 0) + 1 FROM course_chapters WHERE course_id = $2), $3, $4, $5, $6)`,
    [c.id, c.courseId, c.title, c.kind, c.durationSeconds, c.html],
  );
}

export async function deleteChapter(db: Executor, courseId: string, chapterId: string): Promise<boolean> {
  const rows = await db.query('DELETE FROM course_chapters WHERE course_id = $1 AND id = $2 RETURNING id', [courseId, chapterId]);
  return rows.length > 0;
}

export async function setChapterMedia(db: Executor, chapterId: string, mediaId: string, durationSeconds: number | null): Promise<void> {
  await db.query('UPDATE course_chapters SET media_id = $2, duration_seconds = coalesce($3, duration_seconds) WHERE id = $1', [chapterId, mediaId, durationSeconds]);
}

export async function setCoverMedia(db: Executor, courseId: string, mediaId: string): Promise<void> {
  await db.query('UPDATE courses SET cover_media_id = $2 WHERE id = $1', [courseId, mediaId]);
}

export type MediaRow = { id: string; courseId: string; contentType: string; fileName: string; sizeBytes: number; sha256: string };

export async function insertMedia(db: Executor, m: MediaRow): Promise<void> {
  await db.query(
    'INSERT INTO course_media (id, course_id, content_type, file_name, size_bytes, sha256) VALUES ($1, $2, $3, $4, $5, $6)',
    [m.id, m.courseId, m.contentType, m.fileName, m.sizeBytes, m.sha256],
  );
}

export async function findMedia(db: Executor, courseId: string, mediaId: string): Promise<MediaRow | null> {
  const rows = await db.query<MediaRow>(
    `SELECT id, course_id AS "courseId", content_type AS "contentType", file_name AS "fileName", size_bytes::int AS "sizeBytes", sha256
       FROM course_media WHERE course_id = $1 AND id = $2`,
    [courseId, mediaId],
  );
  return rows[0] ?? null;
}

export type QuestionRow = { id: string; kind: 'single' | 'multiple'; stem: string; options: string[]; answer: number[] };

export async function insertQuestion(db: Executor, courseId: string, q: QuestionRow): Promise<void> {
  await db.query('INSERT INTO course_questions (id, course_id, kind, stem, options, answer) VALUES ($1, $2, $3, $4, $5, $6)', [
    q.id, courseId, q.kind, q.stem, JSON.stringify(q.options), q.answer,
  ]);
}

export async function deleteQuestion(db: Executor, courseId: string, id: string): Promise<boolean> {
  return (await db.query('DELETE FROM course_questions WHERE course_id = $1 AND id = $2 RETURNING id', [courseId, id])).length > 0;
}

export async function listQuestions(db: Executor, courseId: string): Promise<QuestionRow[]> {
  return db.query<QuestionRow>('SELECT id, kind, stem, options, answer FROM course_questions WHERE course_id = $1 ORDER BY created_at, id LIMIT 1000', [courseId]);
}

export async function listQuestionsByIds(db: Executor, courseId: string, ids: string[]): Promise<QuestionRow[]> {
  return db.query<QuestionRow>('SELECT id, kind, stem, options, answer FROM course_questions WHERE course_id = $1 AND id = ANY($2::uuid[])', [courseId, ids]);
}

export async function countQuestions(db: Executor, courseId: string): Promise<number> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM course_questions WHERE course_id = $1', [courseId]))[0]?.n ?? 0;
}
