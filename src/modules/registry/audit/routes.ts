import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DateTime, PageQuery } from '../../../platform/http/schemas.ts';
import { listAuditEvents } from './service.ts';

const AuditQuery = Type.Object(
  { entity: Type.Optional(Type.String({ maxLength: 40 })), entityId: Type.Optional(Type.String({ maxLength: 80 })), ...PageQuery },
  { additionalProperties: false },
);

const AuditPage = Type.Object({
  items: Type.Array(
    Type.Object({
      seq: Type.Integer(),
      at: DateTime,
      actorName: Type.String(),
      action: Type.String(),
      entity: Type.String(),
      entityId: Type.String(),
      before: Type.Unknown(),
      after: Type.Unknown(),
    }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/audit', { config: { permission: 'audit.read' }, schema: { tags: ['audit 审计'], querystring: AuditQuery, response: { 200: AuditPage } } }, async (req) =>
    listAuditEvents(req.ctx, req.query),
  );
};
