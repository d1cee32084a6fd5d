import sanitizeHtml from 'sanitize-html';
import { v7 as uuidv7 } from 'uuid';
import { hasPermission } from '../../../platform/auth/permissions.ts';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Ctx, requireActor } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { loadCourseForChange, transition } from '../catalogue/service.ts';
import * as catalogue from '../catalogue/repo.ts';
import { parseByteRange, sniffMediaType } from '../rules.ts';
import type { ChapterInput, QuestionInput } from '../schemas.ts';
import { findEnrolment } from '../study/repo.ts';
import * as repo from './repo.ts';
import { type MediaStore, type ReceivedUpload, discardFile, fileSize, keepUpload, mediaPath, streamFile } from './storage.ts';

/** HTML pages keep text structure, links and images; scripts, styles, frames and handlers go. */
export function sanitiseChapterHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'h1', 'h2'],
    allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'width', 'height'] },
    allowedSchemes: ['http', 'https'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  });
}

/** Add a chapter to a course that can still be edited (draft or withdrawn). */
export async function addChapter(ctx: Ctx, courseId: string, input: ChapterInput) {
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    const course = await loadCourseForChange(tx, ctx, 'course.write', courseId);
    transition(course, 'edit');
    const html = input.kind === 'html' ? sanitiseChapterHtml(input.html) : '';
    await repo.insertChapter(tx, { id, courseId, title: input.title.trim(), kind: input.kind, durationSeconds: input.durationSeconds, html });
    await recordAudit(tx, ctx, { action: 'course.chapter_added', entity: 'course', entityId: courseId, after: { chapterId: id, title: input.title, kind: input.kind, durationSeconds: input.durationSeconds } });
  });
  const chapter = await repo.findChapter(ctx.db, courseId, id);
  if (!chapter) throw new AppError('COURSE_CHAPTER_NOT_FOUND');
  return chapter;
}

export async function removeChapter(ctx: Ctx, courseId: string, chapterId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const course = await loadCourseForChange(tx, ctx, 'course.write', courseId);
    transition(course, 'edit');
    if (!(await repo.deleteChapter(tx, courseId, chapterId))) throw new AppError('COURSE_CHAPTER_NOT_FOUND');
    await recordAudit(tx, ctx, { action: 'course.chapter_removed', entity: 'course', entityId: courseId, before: { chapterId } });
  });
}

const CHAPTER_TYPES: Record<string, readonly string[]> = { video: ['video/mp4', 'video/webm'], pdf: ['application/pdf'] };
const COVER_TYPES = ['image/png', 'image/jpeg'];

/**
 * Keep an uploaded file for a chapter (video: MP4 or WebM; PDF) or as the course cover (PNG, JPEG),
 * its type known by its first bytes. The file is moved into place before the transaction commits
 * and deleted again if it fails, so no row points at a missing file.
 */
export async function attachUpload(ctx: Ctx, store: MediaStore, target: { courseId: string; chapterId?: string }, receive: () => Promise<ReceivedUpload>) {
  // Check scope and status before taking in a file of up to MAX_MEDIA_BYTES; the transaction checks again.
  const course = await catalogue.findCourseInScope(ctx.db, requireActor(ctx).grants, 'course.write', target.courseId);
  if (!course) throw new AppError('COURSE_NOT_FOUND');
  transition(course, 'edit');
  const upload = await receive();
  const mediaId = uuidv7();
  const contentType = sniffMediaType(upload.head);
  let kept = false;
  try {
    await ctx.db.transaction(async (tx) => {
      const course = await loadCourseForChange(tx, ctx, 'course.write', target.courseId);
      transition(course, 'edit');
      const chapter = target.chapterId ? await repo.findChapter(tx, target.courseId, target.chapterId) : null;
      if (target.chapterId && !chapter) throw new AppError('COURSE_CHAPTER_NOT_FOUND');
      const allowed = chapter ? (CHAPTER_TYPES[chapter.kind] ?? []) : COVER_TYPES;
      if (!contentType || !allowed.includes(contentType)) throw new AppError('COURSE_MEDIA_TYPE');
      await repo.insertMedia(tx, { id: mediaId, courseId: target.courseId, contentType, fileName: upload.fileName, sizeBytes: upload.sizeBytes, sha256: upload.sha256 });
      if (chapter) await repo.setChapterMedia(tx, chapter.id, mediaId, null);
      else await repo.setCoverMedia(tx, target.courseId, mediaId);
      await recordAudit(tx, ctx, {
        action: chapter ? 'course.chapter_file_uploaded' : 'course.cover_uploaded', entity: 'course', entityId: target.courseId,
        after: { chapterId: chapter?.id ?? null, mediaId, contentType, sizeBytes: upload.sizeBytes, sha256: upload.sha256 },
      });
      await keepUpload(store, upload, target.courseId, mediaId);
      kept = true;
    });
  } catch (error) {
    await discardFile(kept ? mediaPath(store, target.courseId, mediaId) : upload.tmpPath);
    throw error;
  }
  return { id: mediaId, contentType: contentType as string, sizeBytes: upload.sizeBytes, sha256: upload.sha256 };
}

/**
 * A course file the caller may read: staff with the course in scope; a learner enrolled in it;
 * anyone for the cover of a published course.
 */
export async function findReadableMedia(ctx: Ctx, store: MediaStore, courseId: string, mediaId: string) {
  const actor = ctx.actor;
  const published = await catalogue.findPublishedCourse(ctx.db, courseId);
  let allowed = published !== null && published.coverMediaId === mediaId;
  if (!allowed && actor && hasPermission(actor.grants, 'course.read')) allowed = (await catalogue.findCourseInScope(ctx.db, actor.grants, 'course.read', courseId)) !== null;
  if (!allowed && actor?.personId) allowed = (await findEnrolment(ctx.db, actor.personId, courseId)) !== null;
  const media = allowed ? await repo.findMedia(ctx.db, courseId, mediaId) : null;
  if (!media) throw new AppError('COURSE_MEDIA_NOT_FOUND');
  return { ...media, path: mediaPath(store, courseId, mediaId) };
}

/**
 * A course file as an HTTP answer honouring one byte range (RFC 9110 §14): 200 with the whole
 * file, 206 with the range and Content-Range, or 416 with `Content-Range: bytes *\/size`. The
 * body is a file stream: a video is never read into memory.
 */
export async function openMedia(ctx: Ctx, store: MediaStore, courseId: string, mediaId: string, rangeHeader: string | undefined) {
  const media = await findReadableMedia(ctx, store, courseId, mediaId);
  const size = await fileSize(media.path);
  if (size === null) throw new AppError('COURSE_MEDIA_NOT_FOUND');
  const base = { 'content-type': media.contentType, 'accept-ranges': 'bytes', 'cache-control': 'private, max-age=3600', etag: `"${media.sha256}"` };
  const range = parseByteRange(rangeHeader, size);
  if (range === 'unsatisfiable') return { status: 416, headers: { ...base, 'content-range': `bytes */${size}` }, body: null };
  if (range === 'none') return { status: 200, headers: { ...base, 'content-length': String(size) }, body: streamFile(media.path) };
  return {
    status: 206,
    headers: { ...base, 'content-length': String(range.end - range.start + 1), 'content-range': `bytes ${range.start}-${range.end}/${size}` },
    body: streamFile(media.path, range),
  };
}

function checkQuestion(q: QuestionInput): void {
  const reason =
    q.answer.some((a) => a >= q.options.length) ? 'answer outside the options / 答案超出选项范围'
      : q.kind === 'single' && q.answer.length !== 1 ? 'a single-choice question has one answer / 单选题只能有一个答案'
        : null;
  if (reason) throw new AppError('COURSE_QUESTION_INVALID', { reason }, [{ code: 'COURSE_QUESTION_INVALID', path: '/answer', params: { reason } }]);
}

export async function addQuestion(ctx: Ctx, courseId: string, input: QuestionInput) {
  checkQuestion(input);
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    const course = await loadCourseForChange(tx, ctx, 'course.write', courseId);
    transition(course, 'edit');
    await repo.insertQuestion(tx, courseId, { id, kind: input.kind, stem: input.stem.trim(), options: input.options, answer: input.answer });
    await recordAudit(tx, ctx, { action: 'course.question_added', entity: 'course', entityId: courseId, after: { questionId: id, ...input } });
  });
  return { id, ...input };
}

export async function removeQuestion(ctx: Ctx, courseId: string, questionId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const course = await loadCourseForChange(tx, ctx, 'course.write', courseId);
    transition(course, 'edit');
    if (!(await repo.deleteQuestion(tx, courseId, questionId))) throw new AppError('NOT_FOUND');
    await recordAudit(tx, ctx, { action: 'course.question_removed', entity: 'course', entityId: courseId, before: { questionId } });
  });
}

/** The bank with answers, for the provider and reviewers only (learners never receive answers). */
export async function listCourseQuestions(ctx: Ctx, courseId: string) {
  const course = await catalogue.findCourseInScope(ctx.db, requireActor(ctx).grants, 'course.read', courseId);
  if (!course) throw new AppError('COURSE_NOT_FOUND');
  return { items: await repo.listQuestions(ctx.db, courseId) };
}
