import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Uuid } from '../../../platform/http/schemas.ts';
import { ChapterBody, CourseChapterParams, CourseMediaParams, MediaResponse, QuestionBody, QuestionResponse } from '../schemas.ts';
import { addChapter, addQuestion, attachUpload, listCourseQuestions, openMedia, removeChapter, removeQuestion } from './service.ts';
import { type MediaStore, receiveUpload } from './storage.ts';

const tags = ['courses 课程'];
const ChapterResponse = Type.Object({
  id: Type.String(), position: Type.Integer(), title: Type.String(), kind: Type.String(), durationSeconds: Type.Integer(),
  mediaId: Type.Union([Type.String(), Type.Null()]), contentType: Type.Union([Type.String(), Type.Null()]), html: Type.String(),
});

export const coursewareRoutes: FastifyPluginAsyncTypebox<{ store: MediaStore }> = async (app, { store }) => {
  app.post('/api/courses/:id/chapters', { config: { permission: 'course.write' }, schema: { tags, params: IdParams, body: ChapterBody, response: { 201: ChapterResponse } } }, async (req, reply) =>
    reply.status(201).send(await addChapter(req.ctx, req.params.id, req.body)),
  );
  app.delete('/api/courses/:id/chapters/:chapterId', { config: { permission: 'course.write' }, schema: { tags, params: CourseChapterParams } }, async (req, reply) => {
    await removeChapter(req.ctx, req.params.id, req.params.chapterId);
    return reply.status(204).send();
  });
  // Multipart upload, streamed to disk; the type is read from the file's first bytes.
  app.post('/api/courses/:id/chapters/:chapterId/file', { config: { permission: 'course.write' }, schema: { tags, params: CourseChapterParams, response: { 201: MediaResponse } } }, async (req, reply) =>
    reply.status(201).send(await attachUpload(req.ctx, store, { courseId: req.params.id, chapterId: req.params.chapterId }, () => receiveUpload(req, store))),
  );
  app.post('/api/courses/:id/cover', { config: { permission: 'course.write' }, schema: { tags, params: IdParams, response: { 201: MediaResponse } } }, async (req, reply) =>
    reply.status(201).send(await attachUpload(req.ctx, store, { courseId: req.params.id }, () => receiveUpload(req, store, 5 * 1024 * 1024))),
  );
  // Public route: the service decides (cover of a published course: anyone; otherwise staff in scope or an enrolled learner).
  app.get('/api/courses/:id/media/:mediaId', { config: { public: true }, schema: { tags, params: CourseMediaParams } }, async (req, reply) => {
    const answer = await openMedia(req.ctx, store, req.params.id, req.params.mediaId, req.headers.range);
    return reply.status(answer.status).headers(answer.headers).send(answer.body);
  });
  app.get('/api/courses/:id/questions', { config: { permission: 'course.read' }, schema: { tags, params: IdParams, response: { 200: Type.Object({ items: Type.Array(QuestionResponse) }) } } }, async (req) =>
    listCourseQuestions(req.ctx, req.params.id),
  );
  app.post('/api/courses/:id/questions', { config: { permission: 'course.write' }, schema: { tags, params: IdParams, body: QuestionBody, response: { 201: QuestionResponse } } }, async (req, reply) =>
    reply.status(201).send(await addQuestion(req.ctx, req.params.id, req.body)),
  );
  app.delete('/api/courses/:id/questions/:questionId', { config: { permission: 'course.write' }, schema: { tags, params: Type.Object({ id: Uuid, questionId: Uuid }, { additionalProperties: false }) } }, async (req, reply) => {
    await removeQuestion(req.ctx, req.params.id, req.params.questionId);
    return reply.status(204).send();
  });
};
