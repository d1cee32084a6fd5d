import type { Executor } from '../../../platform/db/executor.ts';

export type AuditEventRow = { seq: number; at: Date; actorName: string; action: string; entity: string; entityId: string; before: unknown; after: unknown };

export async function listAuditEvents(
  db: Executor,
  filter: { actorId?: string; entity?: string; entityId?: string; limit: number; offset: number },
): Promise<{ items: AuditEventRow[]; total: number }> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(`${sql} $${params.length}`);
  };
  if (filter.actorId) add('actor_id =', filter.actorId);
  if (filter.entity) add('entity =', filter.entity);
  if (filter.entityId) add('entity_id =', filter.entityId);
  const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events ${condition}`, params);
  const items = await db.query<AuditEventRow>(
    `SELECT seq, at, actor_name AS "actorName", action, entity, entity_id AS "entityId", before, after
       FROM audit_events ${condition} ORDER BY seq DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, filter.limit, filter.offset],
  );
  return { items, total: total[0]?.n ?? 0 };
}
