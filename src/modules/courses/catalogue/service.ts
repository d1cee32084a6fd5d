import { v7 as uuidv7 } from 'uuid';
import { hasPermission } from '../../../platform/auth/permissions.ts';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Ctx, requireActor } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { type CourseAction, type CourseStatus, nextCourseStatus } from '../rules.ts';
import type { CourseFilter, CourseInput } from '../schemas.ts';
import { listChapters, countQuestions } from '../courseware/repo.ts';
import * as repo from './repo.ts';

/** Organisations that may offer courses (DOMAIN.md §1: providers, training institutions, CE bases). */
const PROVIDER_ROLES = ['training_institution', 'ce_base'];

function presentCourse(ctx: Ctx, row: repo.CourseRow) {
  const grants = requireActor(ctx).grants;
  const status = row.status as CourseStatus;
  const canWrite = hasPermission(grants, 'course.write');
  return {
    ...row,
    abilities: {
      edit: canWrite && nextCourseStatus(status, 'edit') !== null,
      submit: canWrite && nextCourseStatus(status, 'submit') !== null,
      review: hasPermission(grants, 'course.review') && nextCourseStatus(status, 'publish') !== null,
      withdraw: (canWrite || hasPermission(grants, 'course.review')) && nextCourseStatus(status, 'withdraw') !== null,
    },
  };
}

function assertOneDecimal(hours: number): void {
  if (Math.abs(hours * 10 - Math.round(hours * 10)) > 1e-9) {
    throw new AppError('VALIDATION_FAILED', {}, [{ code: 'FIELD_INVALID', path: '/hours', params: { column: 'hours' } }]);
  }
}

async function providerFor(tx: Executor, ctx: Ctx, providerId: string): Promise<repo.ProviderRow> {
  const provider = await repo.findProviderInScope(tx, requireActor(ctx).grants, 'course.write', providerId);
  if (!provider || provider.status !== 'active' || !provider.roles.some((r) => PROVIDER_ROLES.includes(r))) {
    throw new AppError('COURSE_PROVIDER_INVALID', {}, [{ code: 'COURSE_PROVIDER_INVALID', path: '/providerId' }]);
  }
  return provider;
}

function toWrite(id: string, provider: repo.ProviderRow, input: CourseInput): repo.CourseWrite {
  return {
    id, provinceCode: provider.provinceCode, regionCode: provider.regionCode, providerId: provider.id, title: input.title.trim(),
    category: input.category, field: input.field, hours: input.hours, modality: input.modality, targetLevels: input.targetLevels,
    description: input.description, completionPercent: input.completionPercent, quizSize: input.quizSize,
    quizPassPercent: input.quizPassPercent, quizMaxAttempts: input.quizMaxAttempts,
  };
}

/** A training institution's or CE base's administrator drafts a course. */
export async function createCourse(ctx: Ctx, input: CourseInput) {
  assertOneDecimal(input.hours);
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    const provider = await providerFor(tx, ctx, input.providerId);
    await repo.insertCourse(tx, toWrite(id, provider, input), requireActor(ctx).accountId, ctx.now);
    await recordAudit(tx, ctx, { action: 'course.created', entity: 'course', entityId: id, after: input });
  });
  return getCourse(ctx, id);
}

/** The course in the caller's scope for `permission` (404 otherwise), locked for the transaction. */
export async function loadCourseForChange(tx: Executor, ctx: Ctx, permission: 'course.write' | 'course.review', id: string): Promise<repo.CourseRow> {
  await repo.lockCourse(tx, id);
  const course = await repo.findCourseInScope(tx, requireActor(ctx).grants, permission, id);
  if (!course) throw new AppError('COURSE_NOT_FOUND');
  return course;
}

/** The status the action leads to from the course's status, or 409. */
export function transition(course: repo.CourseRow, action: CourseAction): CourseStatus {
  const next = nextCourseStatus(course.status as CourseStatus, action);
  if (!next) throw new AppError('COURSE_STATUS_CONFLICT', { status: course.status });
  return next;
}

/** Edit a draft (or a withdrawn course, which becomes a draft again). */
export async function updateCourse(ctx: Ctx, id: string, input: CourseInput) {
  assertOneDecimal(input.hours);
  await ctx.db.transaction(async (tx) => {
    const before = await loadCourseForChange(tx, ctx, 'course.write', id);
    transition(before, 'edit');
    const provider = await providerFor(tx, ctx, input.providerId);
    await repo.updateCourse(tx, toWrite(id, provider, input), ctx.now);
    await recordAudit(tx, ctx, { action: 'course.updated', entity: 'course', entityId: id, before: { title: before.title, hours: before.hours, status: before.status }, after: input });
  });
  return getCourse(ctx, id);
}

/** Send a complete course to the province for publication. */
export async function submitCourse(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const course = await loadCourseForChange(tx, ctx, 'course.write', id);
    const status = transition(course, 'submit');
    const ware = await repo.summariseCourseware(tx, id);
    if (ware.chapters === 0) throw new AppError('COURSE_INCOMPLETE', { reason: 'no chapters / 没有章节' });
    if (ware.missingFiles > 0) throw new AppError('COURSE_INCOMPLETE', { reason: `${ware.missingFiles} chapter file(s) missing / 缺少章节文件` });
    if (course.quizSize > ware.questions) throw new AppError('COURSE_QUIZ_BANK_SMALL', { bank: ware.questions, size: course.quizSize });
    await repo.setCourseStatus(tx, id, { status, reason: null, now: ctx.now });
    await recordAudit(tx, ctx, { action: 'course.submitted', entity: 'course', entityId: id, before: { status: course.status }, after: { status } });
  });
  return getCourse(ctx, id);
}

/** The scope's administrator publishes a submitted course or sends it back with a reason. */
export async function reviewCourse(ctx: Ctx, id: string, input: { decision: 'publish' | 'reject'; reason?: string }) {
  const reason = input.reason?.trim() || null;
  if (input.decision === 'reject' && !reason) throw new AppError('COURSE_REASON_REQUIRED', {}, [{ code: 'COURSE_REASON_REQUIRED', path: '/reason' }]);
  await ctx.db.transaction(async (tx) => {
    const course = await loadCourseForChange(tx, ctx, 'course.review', id);
    const status = transition(course, input.decision);
    await repo.setCourseStatus(tx, id, { status, reason, now: ctx.now });
    await recordAudit(tx, ctx, { action: `course.review_${input.decision}`, entity: 'course', entityId: id, before: { status: course.status }, after: { status, reason } });
  });
  return getCourse(ctx, id);
}

/** The provider or the reviewer takes a course off the catalogue; enrolled learners keep their records. */
export async function withdrawCourse(ctx: Ctx, id: string, input: { reason?: string }) {
  const grants = requireActor(ctx).grants;
  await ctx.db.transaction(async (tx) => {
    const permission = hasPermission(grants, 'course.review') ? 'course.review' : 'course.write';
    const course = await loadCourseForChange(tx, ctx, permission, id);
    const status = transition(course, 'withdraw');
    await repo.setCourseStatus(tx, id, { status, reason: input.reason?.trim() || null, now: ctx.now });
    await recordAudit(tx, ctx, { action: 'course.withdrawn', entity: 'course', entityId: id, before: { status: course.status }, after: { status, reason: input.reason ?? null } });
  });
  return getCourse(ctx, id);
}

/** A course with its chapters and bank size, for staff in scope. */
export async function getCourse(ctx: Ctx, id: string) {
  const row = await repo.findCourseInScope(ctx.db, requireActor(ctx).grants, 'course.read', id);
  if (!row) throw new AppError('COURSE_NOT_FOUND');
  return { ...presentCourse(ctx, row), chapters: await listChapters(ctx.db, id), questionCount: await countQuestions(ctx.db, id) };
}

export async function listCourses(ctx: Ctx, q: CourseFilter) {
  const { page, pageSize, ...filter } = q;
  const result = await repo.listCoursesInScope(ctx.db, requireActor(ctx).grants, 'course.read', { ...filter, limit: pageSize, offset: (page - 1) * pageSize });
  return { items: result.items.map((r) => presentCourse(ctx, r)), total: result.total, page, pageSize };
}

/** The public catalogue: published courses only, for anyone. */
export async function listPublicCourses(ctx: Ctx, q: Omit<CourseFilter, 'status'>) {
  const { page, pageSize, ...filter } = q;
  const result = await repo.listPublishedCourses(ctx.db, { ...filter, limit: pageSize, offset: (page - 1) * pageSize });
  return { items: result.items, total: result.total, page, pageSize };
}

export async function getPublicCourse(ctx: Ctx, id: string) {
  const row = await repo.findPublishedCourse(ctx.db, id);
  if (!row) throw new AppError('COURSE_NOT_FOUND');
  return { ...row, chapters: await listChapters(ctx.db, id) };
}
