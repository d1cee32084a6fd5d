import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams } from '../../../platform/http/schemas.ts';
import { CourseBody, CoursePage, CourseQuery, CourseResponse, PublicCourseQuery, ReviewBody } from '../schemas.ts';
import { createCourse, getCourse, getPublicCourse, listCourses, listPublicCourses, reviewCourse, submitCourse, updateCourse, withdrawCourse } from './service.ts';

const tags = ['courses 课程'];
const WithdrawBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 300 })) }, { additionalProperties: false });

export const catalogueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The public catalogue: published courses, no sign-in.
  app.get('/api/public/courses', { config: { public: true }, schema: { tags, querystring: PublicCourseQuery, response: { 200: CoursePage } } }, async (req) =>
    listPublicCourses(req.ctx, req.query),
  );
  app.get('/api/public/courses/:id', { config: { public: true }, schema: { tags, params: IdParams, response: { 200: CourseResponse } } }, async (req) =>
    getPublicCourse(req.ctx, req.params.id),
  );

  // Providers and reviewers, within their scope.
  app.get('/api/courses', { config: { permission: 'course.read' }, schema: { tags, querystring: CourseQuery, response: { 200: CoursePage } } }, async (req) =>
    listCourses(req.ctx, req.query),
  );
  app.post('/api/courses', { config: { permission: 'course.write' }, schema: { tags, body: CourseBody, response: { 201: CourseResponse } } }, async (req, reply) =>
    reply.status(201).send(await createCourse(req.ctx, req.body)),
  );
  app.get('/api/courses/:id', { config: { permission: 'course.read' }, schema: { tags, params: IdParams, response: { 200: CourseResponse } } }, async (req) =>
    getCourse(req.ctx, req.params.id),
  );
  app.put('/api/courses/:id', { config: { permission: 'course.write' }, schema: { tags, params: IdParams, body: CourseBody, response: { 200: CourseResponse } } }, async (req) =>
    updateCourse(req.ctx, req.params.id, req.body),
  );
  app.post('/api/courses/:id/submit', { config: { permission: 'course.write' }, schema: { tags, params: IdParams, response: { 200: CourseResponse } } }, async (req) =>
    submitCourse(req.ctx, req.params.id),
  );
  app.post('/api/courses/:id/review', { config: { permission: 'course.review' }, schema: { tags, params: IdParams, body: ReviewBody, response: { 200: CourseResponse } } }, async (req) =>
    reviewCourse(req.ctx, req.params.id, req.body),
  );
  app.post('/api/courses/:id/withdraw', { config: { permission: 'course.read' }, schema: { tags, params: IdParams, body: WithdrawBody, response: { 200: CourseResponse } } }, async (req) =>
    withdrawCourse(req.ctx, req.params.id, req.body),
  );
};
