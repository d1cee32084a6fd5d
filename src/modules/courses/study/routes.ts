import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { IdParams } from '../../../platform/http/schemas.ts';
import { AnswersBody, AttemptResponse, AttemptResult, CourseAttemptParams, CourseChapterParams, CourseResponse, EnrolmentItem, HeartbeatBody, HeartbeatResponse, ProgressResponse } from '../schemas.ts';
import type { Signer } from '../../../platform/crypto/signing.ts';
import { type StudyDeps, enrol, issueCertificate, getChapterForLearner, getEnrolledCourse, getProgress, listMyEnrolments, requestCompletion, startQuiz, startSession, submitQuiz } from './service.ts';
import { recordHeartbeat } from './heartbeat.ts';

const tags = ['courses 课程学习'];
const config = { permission: 'course.learn' } as const;
const SessionBody = Type.Object({ chapterId: Type.String({ format: 'uuid', maxLength: 36 }), position: Type.Number({ minimum: 0, maximum: 36000, default: 0 }) }, { additionalProperties: false });

export const studyRoutes: FastifyPluginAsyncTypebox<{ publicUrl: string | null; signer: Signer }> = async (app, { publicUrl, signer }) => {
  const deps = (req: FastifyRequest): StudyDeps => ({ home: publicUrl ?? `${req.protocol}://${req.host}` });

  app.get('/api/me/courses', { config, schema: { tags, response: { 200: Type.Object({ items: Type.Array(EnrolmentItem) }) } } }, async (req) => listMyEnrolments(req.ctx));
  app.post('/api/me/courses/:id/enrol', { config, schema: { tags, params: IdParams, response: { 200: ProgressResponse } } }, async (req) => enrol(req.ctx, deps(req), req.params.id));
  app.get('/api/me/courses/:id', { config, schema: { tags, params: IdParams, response: { 200: CourseResponse } } }, async (req) => getEnrolledCourse(req.ctx, req.params.id));
  app.get('/api/me/courses/:id/progress', { config, schema: { tags, params: IdParams, response: { 200: ProgressResponse } } }, async (req) => getProgress(req.ctx, req.params.id));
  app.get('/api/me/courses/:id/chapters/:chapterId', {
    config,
    schema: { tags, params: CourseChapterParams, response: { 200: Type.Object({ id: Type.String(), title: Type.String(), kind: Type.String(), durationSeconds: Type.Integer(), mediaId: Type.Union([Type.String(), Type.Null()]), contentType: Type.Union([Type.String(), Type.Null()]), html: Type.String() }) } },
  }, async (req) => getChapterForLearner(req.ctx, req.params.id, req.params.chapterId));
  app.post('/api/me/courses/:id/sessions', { config, schema: { tags, params: IdParams, body: SessionBody, response: { 201: Type.Object({ sessionId: Type.String(), heartbeatSeconds: Type.Integer() }) } } }, async (req, reply) =>
    reply.status(201).send(await startSession(req.ctx, req.params.id, req.body)),
  );
  app.post('/api/me/courses/:id/heartbeat', { config, schema: { tags, params: IdParams, body: HeartbeatBody, response: { 200: HeartbeatResponse } } }, async (req) =>
    recordHeartbeat(req.ctx, deps(req), req.params.id, req.body),
  );
  app.post('/api/me/courses/:id/complete', { config, schema: { tags, params: IdParams, response: { 200: ProgressResponse } } }, async (req) => requestCompletion(req.ctx, deps(req), req.params.id));
  app.post('/api/me/courses/:id/certificate', { config, schema: { tags, summary: '结业证明 Course completion certificate (PDF)', params: IdParams } }, async (req, reply) => {
    const cert = await issueCertificate(req.ctx, signer, req.params.id, deps(req).home);
    return reply
      .status(201)
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${cert.asciiFileName}"; filename*=UTF-8''${encodeURIComponent(cert.fileName)}`)
      .header('x-proof-id', cert.proofId)
      .header('cache-control', 'no-store')
      .send(cert.pdf);
  });
  app.post('/api/me/courses/:id/quiz', { config, schema: { tags, params: IdParams, response: { 200: AttemptResponse } } }, async (req) => startQuiz(req.ctx, req.params.id));
  app.post('/api/me/courses/:id/quiz/:attemptId', { config, schema: { tags, params: CourseAttemptParams, body: AnswersBody, response: { 200: AttemptResult } } }, async (req) =>
    submitQuiz(req.ctx, deps(req), req.params.id, req.params.attemptId, req.body.answers),
  );
};
