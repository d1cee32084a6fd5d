import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { readStatements } from './service.ts';

const StatementsQuery = Type.Object(
  {
    since: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

const Statement = Type.Object({}, { additionalProperties: true });

export const xapiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Read-only, xAPI-style: an administrator's session (or a key whose role carries course.xapi.read).
  app.get('/api/xapi/statements', {
    config: { permission: 'course.xapi.read' },
    schema: { tags: ['xAPI'], querystring: StatementsQuery, response: { 200: Type.Object({ statements: Type.Array(Statement), more: Type.String() }) } },
  }, async (req, reply) => {
    reply.header('x-experience-api-version', '1.0.3');
    return readStatements(req.ctx, req.query);
  });
};
