import type { Executor } from '../db/executor.ts';
import { GENESIS_HASH, linkHash } from './chain.ts';

type AuditRow = {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  ip: string;
  request_id: string;
  prev_hash: string;
  hash: string;
};

export type ChainReport = { ok: true; events: number } | { ok: false; events: number; brokenAt: number; reason: string };

/** Walk the chain in pages and report the first event whose link does not hold. */
export async function verifyAuditChain(db: Executor, pageSize = 5000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (;;) {
    const rows = await db.query<AuditRow>(
      'SELECT * FROM audit_events WHERE seq >= $1 ORDER BY seq LIMIT $2',
      [expectedSeq, pageSize],
    );
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return { ok: false, events: expectedSeq - 1, brokenAt: expectedSeq, reason: 'missing event' };
      if (row.prev_hash !== prevHash) return { ok: false, events: seq - 1, brokenAt: seq, reason: 'previous hash does not match' };
      const hash = linkHash(prevHash, {
        seq,
        at: new Date(row.at).toISOString(),
        actorId: row.actor_id,
        actorName: row.actor_name,
        action: row.action,
        entity: row.entity,
        entityId: row.entity_id,
        before: row.before,
        after: row.after,
        ip: row.ip,
        requestId: row.request_id,
      });
      if (hash !== row.hash) return { ok: false, events: seq - 1, brokenAt: seq, reason: 'content was altered' };
      prevHash = row.hash;
      expectedSeq = seq + 1;
    }
    if (rows.length < pageSize) return checkHead(db, expectedSeq - 1, prevHash);
  }
}

/** The chain must end where the head says: otherwise the newest events were removed. */
async function checkHead(db: Executor, events: number, lastHash: string): Promise<ChainReport> {
  const head = await db.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head');
  const headSeq = Number(head[0]?.seq ?? 0);
  if (headSeq > events) return { ok: false, events, brokenAt: events + 1, reason: 'missing event' };
  if (headSeq < events || (head[0] && head[0].hash !== lastHash)) {
    return { ok: false, events, brokenAt: headSeq || 1, reason: 'chain head does not match' };
  }
  return { ok: true, events };
}
