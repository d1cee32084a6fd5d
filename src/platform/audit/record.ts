import type { Ctx } from '../context.ts';
import type { Executor } from '../db/executor.ts';
import { type AuditPayload, GENESIS_HASH, linkHash } from './chain.ts';

// Appends are serialised by this lock so that each event links to the one before it.
const AUDIT_LOCK_KEY = 7_402_114;

export type AuditInput = {
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** Write one audit event in the caller's transaction (STYLE.md 31). */
export async function recordAudit(tx: Executor, ctx: Ctx, input: AuditInput): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
  const last = await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head');
  const prevHash = last[0]?.hash ?? GENESIS_HASH;
  const actor = ctx.actor;
  const systemActor = actor?.kind === 'system';
  const payload: AuditPayload = {
    seq: (last[0]?.seq ?? 0) + 1,
    at: ctx.now.toISOString(),
    actorId: actor && !systemActor ? actor.accountId : null,
    // A professional's user name is the citizen ID: the trail names them by display name.
    actorName: actor ? (actor.kind === 'professional' ? actor.displayName : actor.username) : 'anonymous',
    action: input.action,
    entity: input.entity,
    entityId: input.entityId,
    before: input.before ?? null,
    after: input.after ?? null,
    ip: ctx.ip,
    requestId: ctx.requestId,
  };
  const hash = linkHash(prevHash, payload);
  await tx.query(
    `INSERT INTO audit_events (seq, at, actor_id, actor_name, action, entity, entity_id, before, after, ip, request_id, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      payload.seq,
      payload.at,
      payload.actorId,
      payload.actorName,
      payload.action,
      payload.entity,
      payload.entityId,
      JSON.stringify(payload.before),
      JSON.stringify(payload.after),
      payload.ip,
      payload.requestId,
      prevHash,
      hash,
    ],
  );
  await tx.query(
    `INSERT INTO audit_head (id, seq, hash) VALUES (true, $1, $2) ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash`,
    [payload.seq, hash],
  );
}
