import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { type Ctx, requireActor } from '../../platform/context.ts';
import { DateTime, PageQuery } from '../../platform/http/schemas.ts';

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

/**
 * The audit trail. National administrators read all of it; other readers see only the events
 * they caused (reading events by the scope of their entities is not built yet).
 */
async function listAuditEvents(ctx: Ctx, q: { entity?: string; entityId?: string; page: number; pageSize: number }) {
  const actor = requireActor(ctx);
  const params: unknown[] = [];
  const where: string[] = [];
  const all = actor.grants.some((g) => g.role === 'national_admin');
  if (!all) {
    params.push(actor.accountId);
    where.push(`actor_id = $${params.length}`);
  }
  if (q.entity) {
    params.push(q.entity);
    where.push(`entity = $${params.length}`);
  }
  if (q.entityId) {
    params.push(q.entityId);
    where.push(`entity_id = $${params.length}`);
  }
  const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events ${condition}`, params);
  const items = await ctx.db.query<{ seq: number; at: Date; actorName: string; action: string; entity: string; entityId: string; before: unknown; after: unknown }>(
    `SELECT seq, at, actor_name AS "actorName", action, entity, entity_id AS "entityId", before, after
       FROM audit_events ${condition} ORDER BY seq DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    params,
  );
  return { items, total: total[0]?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/audit', { config: { permission: 'audit.read' }, schema: { tags: ['audit 审计'], querystring: AuditQuery, response: { 200: AuditPage } } }, async (req) =>
    listAuditEvents(req.ctx, req.query),
  );
};
