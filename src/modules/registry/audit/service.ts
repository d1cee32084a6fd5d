import { type Ctx, requireActor } from '../../../platform/context.ts';
import * as repo from './repo.ts';

/**
 * The audit trail. National administrators read all of it; other readers see only the events
 * they caused (reading events by the scope of their entities is not built yet).
 */
export async function listAuditEvents(ctx: Ctx, q: { entity?: string; entityId?: string; page: number; pageSize: number }) {
  const actor = requireActor(ctx);
  const all = actor.grants.some((g) => g.role === 'national_admin');
  const result = await repo.listAuditEvents(ctx.db, {
    actorId: all ? undefined : actor.accountId,
    entity: q.entity,
    entityId: q.entityId,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { ...result, page: q.page, pageSize: q.pageSize };
}
