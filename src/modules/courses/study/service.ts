import { randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Ctx, requireActor } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { recordCourseCompletion, resolveProvinceRules } from '../../learning/index.ts';
import { findPersonInScope } from '../../registry/index.ts';
import { issueCourseCertificate } from '../../credentials/index.ts';
import type { Signer } from '../../../platform/crypto/signing.ts';
import * as catalogue from '../catalogue/repo.ts';
import * as ware from '../courseware/repo.ts';
import { HEARTBEAT_SECONDS, chinaDay, drawQuestions, isCourseComplete, scoreQuiz, studyCreditHours } from '../rules.ts';
import { buildStatement, type XapiEvent } from '../xapi/statements.ts';
import { insertStatement } from '../xapi/repo.ts';
import { forgetState } from './heartbeat-cache.ts';
import * as repo from './repo.ts';

/** What study services need besides the context: the public origin for xAPI ids. */
export type StudyDeps = { home: string };

type Learner = { personId: string; name: string; provinceCode: string; idNumberMasked: string; employerName: string };

export async function learnerOf(ctx: Ctx, db: Executor = ctx.db): Promise<Learner> {
  const personId = requireActor(ctx).personId;
  if (!personId) throw new AppError('COURSE_NOT_A_PROFESSIONAL');
  const person = await findPersonInScope(db, requireActor(ctx).grants, 'course.learn', personId);
  if (!person) throw new AppError('PERSON_NOT_FOUND');
  return { personId, name: person.name, provinceCode: person.provinceCode.trim(), idNumberMasked: person.idNumberMasked, employerName: person.employerName };
}

export async function emit(tx: Executor, deps: StudyDeps, learner: Learner, eventKey: string, e: Omit<XapiEvent, 'id' | 'home' | 'personId'>): Promise<void> {
  const id = uuidv7();
  const statement = buildStatement({ ...e, id, home: deps.home, personId: learner.personId });
  await insertStatement(tx, { id, provinceCode: learner.provinceCode, personId: learner.personId, statement: { ...statement, stored: e.at.toISOString() }, stored: e.at, eventKey });
}

async function settingsOf(db: Executor, courseId: string): Promise<catalogue.CourseSettings> {
  const course = await catalogue.findCourseSettings(db, courseId);
  if (!course) throw new AppError('COURSE_NOT_FOUND');
  return course;
}

export async function enrolmentOf(db: Executor, learner: Learner, courseId: string, forUpdate = false): Promise<repo.EnrolmentRow> {
  const enrolment = await repo.findEnrolment(db, learner.personId, courseId, forUpdate);
  if (!enrolment) throw new AppError('COURSE_NOT_ENROLLED');
  return enrolment;
}

/** Enrol in a published online or blended course (a second enrolment changes nothing). */
export async function enrol(ctx: Ctx, deps: StudyDeps, courseId: string) {
  const learner = await learnerOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const course = await catalogue.findPublishedCourse(tx, courseId);
    if (!course) throw new AppError('COURSE_NOT_FOUND');
    if (course.modality === 'face_to_face') throw new AppError('COURSE_NOT_OPEN');
    const id = uuidv7();
    if (!(await repo.insertEnrolment(tx, { id, courseId, personId: learner.personId, provinceCode: learner.provinceCode, at: ctx.now }))) return;
    await emit(tx, deps, learner, `enrolled:${id}`, { verb: 'registered', activity: { kind: 'course', courseId, name: course.title }, at: ctx.now });
    await recordAudit(tx, ctx, { action: 'course.enrolled', entity: 'course', entityId: courseId, after: { enrolmentId: id } });
  });
  return getProgress(ctx, courseId);
}

export async function listMyEnrolments(ctx: Ctx) {
  return { items: await repo.listOwnEnrolments(ctx.db, (await learnerOf(ctx)).personId) };
}

/** Progress of one's enrolment: chapters, quiz, completion, and study time in 学时 by the province rules. */
export async function getProgress(ctx: Ctx, courseId: string, db: Executor = ctx.db) {
  const learner = await learnerOf(ctx, db);
  const enrolment = await enrolmentOf(db, learner, courseId);
  const course = await settingsOf(db, courseId);
  const chapters = await ware.listChapters(db, courseId);
  const progress = new Map((await repo.listProgress(db, enrolment.id)).map((p) => [p.chapterId, p]));
  const attempts = await repo.listAttempts(db, enrolment.id);
  const rules = (await resolveProvinceRules(db, [learner.provinceCode], chinaYear(ctx.now))).get(learner.provinceCode);
  const items = chapters.map((ch) => {
    const p = progress.get(ch.id);
    return { chapterId: ch.id, coveredSeconds: p?.coveredSeconds ?? 0, studiedSeconds: Math.floor(p?.studiedSeconds ?? 0), completed: !!p?.completedAt };
  });
  const studied = items.reduce((s, i) => s + i.studiedSeconds, 0);
  const totalDuration = chapters.reduce((s, ch) => s + ch.durationSeconds, 0);
  const covered = items.reduce((s, i) => s + Math.min(i.coveredSeconds, chapters.find((c) => c.id === i.chapterId)?.durationSeconds ?? 0), 0);
  return {
    enrolmentId: enrolment.id,
    courseId,
    enrolledAt: enrolment.enrolledAt,
    chapters: items,
    completedChapters: items.filter((i) => i.completed).length,
    chapterCount: chapters.length,
    quizPassed: !!enrolment.quizPassedAt,
    quizAttemptsLeft: Math.max(0, course.quizMaxAttempts - attempts.length),
    completedAt: enrolment.completedAt,
    recordId: enrolment.recordId,
    studiedSecondsTotal: studied,
    studyCreditHours: rules ? studyCreditHours([studied], { minutesPerCreditHour: rules.minutesPerCreditHour, dailyCap: null }) : 0,
    percent: totalDuration ? Math.min(100, Math.floor((covered * 100) / totalDuration)) : 0,
  };
}

export function chinaYear(now: Date): number {
  return Number(chinaDay(now).slice(0, 4));
}

/**
 * Start (or take over) the person's one counting session on a chapter: a session started later
 * supersedes this one, whose heartbeats then count nothing.
 */
export async function startSession(ctx: Ctx, courseId: string, input: { chapterId: string; position: number }) {
  const learner = await learnerOf(ctx);
  const sessionId = uuidv7();
  await ctx.db.transaction(async (tx) => {
    const enrolment = await enrolmentOf(tx, learner, courseId);
    if (!(await ware.findChapter(tx, courseId, input.chapterId))) throw new AppError('COURSE_CHAPTER_NOT_FOUND');
    await repo.findSessionForUpdate(tx, learner.personId);
    forgetState(learner.personId);
    await repo.saveSession(tx, learner.personId, { sessionId, enrolmentId: enrolment.id, chapterId: input.chapterId, lastBeatAt: ctx.now, lastPosition: input.position, startedAt: ctx.now });
  });
  return { sessionId, heartbeatSeconds: HEARTBEAT_SECONDS };
}

/**
 * Complete the course when every chapter is complete and the quiz passed: mark the enrolment
 * (once: `completed_at IS NULL`), write the approved learning record through the learning module
 * (once: unique key + ON CONFLICT), which recomputes compliance in this transaction.
 * Returns whether this call completed it.
 */
export async function completeIfDone(tx: Executor, ctx: Ctx, deps: StudyDeps, learner: Learner, enrolment: repo.EnrolmentRow): Promise<boolean> {
  const c = await settingsOf(tx, enrolment.courseId);
  const chapters = await ware.listChapters(tx, c.id);
  const progress = await repo.listProgress(tx, enrolment.id);
  const fresh = await repo.findEnrolment(tx, learner.personId, c.id);
  const done = isCourseComplete({
    chapters: chapters.length,
    completedChapters: progress.filter((p) => p.completedAt && chapters.some((ch) => ch.id === p.chapterId)).length,
    quizSize: c.quizSize,
    quizPassed: !!fresh?.quizPassedAt,
  });
  if (!done || !(await repo.markCompleted(tx, enrolment.id, ctx.now))) return false;
  const endDate = chinaDay(ctx.now);
  const year = Number(endDate.slice(0, 4));
  const startDay = chinaDay(enrolment.enrolledAt);
  const recordId = await recordCourseCompletion(tx, ctx, {
    personId: learner.personId, providerId: c.providerId, providerName: c.providerName, completionKey: `zhigeng-course:${enrolment.id}`,
    year, category: c.category, field: c.field, title: c.title, hours: c.hours,
    // A record stays inside one year: a course begun last year counts from 1 January.
    startDate: startDay.startsWith(String(year)) ? startDay : `${year}-01-01`, endDate,
  });
  if (recordId) await repo.setRecordId(tx, enrolment.id, recordId);
  const studied = progress.reduce((s, p) => s + p.studiedSeconds, 0);
  await emit(tx, deps, learner, `course:${enrolment.id}`, {
    verb: 'completed', activity: { kind: 'course', courseId: c.id, name: c.title }, result: { completion: true, success: true, durationSeconds: studied }, at: ctx.now,
  });
  await recordAudit(tx, ctx, { action: 'course.completed', entity: 'course', entityId: c.id, after: { enrolmentId: enrolment.id, recordId, hours: c.hours } });
  return true;
}

/** Ask for completion again (e.g. after a dropped response): idempotent, one record whatever happens. */
export async function requestCompletion(ctx: Ctx, deps: StudyDeps, courseId: string) {
  const learner = await learnerOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const enrolment = await enrolmentOf(tx, learner, courseId, true);
    await completeIfDone(tx, ctx, deps, learner, enrolment);
  });
  return getProgress(ctx, courseId);
}

/** The course an enrolled learner studies, whatever its status: a withdrawn course can still be finished. */
export async function getEnrolledCourse(ctx: Ctx, courseId: string) {
  const learner = await learnerOf(ctx);
  const row = await catalogue.findEnrolledCourse(ctx.db, courseId, learner.personId);
  if (!row) throw new AppError('COURSE_NOT_ENROLLED');
  return { ...row, chapters: await ware.listChapters(ctx.db, courseId) };
}

/** An HTML or PDF chapter's content for an enrolled learner (HTML was sanitised when saved). */
export async function getChapterForLearner(ctx: Ctx, courseId: string, chapterId: string) {
  const learner = await learnerOf(ctx);
  await enrolmentOf(ctx.db, learner, courseId);
  const chapter = await ware.findChapter(ctx.db, courseId, chapterId);
  if (!chapter) throw new AppError('COURSE_CHAPTER_NOT_FOUND');
  return chapter;
}

/**
 * Open a quiz attempt: questions drawn at random from the bank, without answers. An attempt left
 * open is handed back rather than drawn anew, so reloading the page spends no attempt.
 */
export async function startQuiz(ctx: Ctx, courseId: string) {
  const learner = await learnerOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const enrolment = await enrolmentOf(tx, learner, courseId, true);
    const course = await settingsOf(tx, courseId);
    if (course.quizSize === 0) throw new AppError('COURSE_QUIZ_NONE');
    if (enrolment.quizPassedAt) throw new AppError('COURSE_QUIZ_ALREADY_PASSED');
    const chapters = await ware.listChapters(tx, courseId);
    const done = (await repo.listProgress(tx, enrolment.id)).filter((p) => p.completedAt).length;
    if (done < chapters.length) throw new AppError('COURSE_QUIZ_LOCKED');
    const attempts = await repo.listAttempts(tx, enrolment.id);
    const open = attempts.find((a) => !a.submittedAt);
    let attempt = open;
    if (!attempt) {
      if (attempts.length >= course.quizMaxAttempts) throw new AppError('COURSE_QUIZ_NO_ATTEMPTS', { max: course.quizMaxAttempts });
      const drawn = drawQuestions(await ware.listQuestions(tx, courseId), course.quizSize, randomInt);
      attempt = { id: uuidv7(), questionIds: drawn.map((q) => q.id), startedAt: ctx.now, submittedAt: null, scorePercent: null, passed: null };
      await repo.insertAttempt(tx, { id: attempt.id, enrolmentId: enrolment.id, questionIds: attempt.questionIds, at: ctx.now });
    }
    const questions = await ware.listQuestionsByIds(tx, courseId, attempt.questionIds);
    const byId = new Map(questions.map((q) => [q.id, q]));
    return {
      id: attempt.id,
      questions: attempt.questionIds.flatMap((id) => {
        const q = byId.get(id);
        return q ? [{ id: q.id, kind: q.kind, stem: q.stem, options: q.options }] : [];
      }),
      attemptsLeft: Math.max(0, course.quizMaxAttempts - attempts.length - (open ? 0 : 1)),
    };
  });
}

/** Submit an attempt's answers: scored on the server; a pass may complete the course. */
export async function submitQuiz(ctx: Ctx, deps: StudyDeps, courseId: string, attemptId: string, answers: Record<string, number[]>) {
  const learner = await learnerOf(ctx);
  const result = await ctx.db.transaction(async (tx) => {
    const enrolment = await enrolmentOf(tx, learner, courseId, true);
    const attempt = (await repo.listAttempts(tx, enrolment.id)).find((a) => a.id === attemptId);
    if (!attempt) throw new AppError('COURSE_ATTEMPT_NOT_FOUND');
    if (attempt.submittedAt) throw new AppError('COURSE_ATTEMPT_SUBMITTED');
    const course = await settingsOf(tx, courseId);
    const questions = await ware.listQuestionsByIds(tx, courseId, attempt.questionIds);
    const score = scoreQuiz(questions, answers, course.quizPassPercent);
    await repo.submitAttempt(tx, attempt.id, { scorePercent: score.scorePercent, passed: score.passed, at: ctx.now });
    await emit(tx, deps, learner, `quiz:${attempt.id}`, {
      verb: score.passed ? 'passed' : 'failed', activity: { kind: 'assessment', courseId, name: course.title },
      result: { success: score.passed, scaled: score.scorePercent / 100 }, at: ctx.now,
    });
    await recordAudit(tx, ctx, { action: 'course.quiz_submitted', entity: 'course', entityId: courseId, after: { attemptId, scorePercent: score.scorePercent, passed: score.passed } });
    if (score.passed) {
      await repo.setQuizPassed(tx, enrolment.id, ctx.now);
      await completeIfDone(tx, ctx, deps, learner, enrolment);
    }
    const used = (await repo.listAttempts(tx, enrolment.id)).length;
    return { scorePercent: score.scorePercent, passed: score.passed, attemptsLeft: Math.max(0, course.quizMaxAttempts - used) };
  });
  return { ...result, progress: await getProgress(ctx, courseId) };
}

/** The signed completion certificate (PDF with QR) of a completed course, verified like the hours proofs. */
export async function issueCertificate(ctx: Ctx, signer: Signer, courseId: string, baseUrl: string) {
  const learner = await learnerOf(ctx);
  const enrolment = await enrolmentOf(ctx.db, learner, courseId);
  if (!enrolment.completedAt) throw new AppError('COURSE_NOT_COMPLETED');
  const c = await settingsOf(ctx.db, courseId);
  return issueCourseCertificate(ctx, signer, {
    personId: learner.personId, provinceCode: learner.provinceCode, year: chinaYear(enrolment.completedAt), baseUrl, issuer: c.providerName,
    person: { name: learner.name, idNumberMasked: learner.idNumberMasked, employerName: learner.employerName },
    course: { id: c.id, title: c.title, hours: c.hours, category: c.category, field: c.field, completedAt: enrolment.completedAt.toISOString() },
  });
}
