import type { Executor } from '../../../platform/db/executor.ts';
import { type HeartbeatWrite, writeHeartbeats } from './heartbeat-repo.ts';

/**
 * Group commit for heartbeats: the writes that arrive while a batch is being written go out
 * together in the next one — one statement and one commit for many learners instead of one each.
 * One batch is in flight at a time per database handle (so batches of this process never wait on
 * each other's row locks), and a batch holds each person at most once (a second heartbeat of the
 * same person waits for the next batch, where its compare-and-set sees the first one's cursor).
 * Under light load a batch is a single heartbeat, written at once.
 */
export const MAX_BATCH = 500;

type Pending = { write: HeartbeatWrite; resolve: (applied: boolean) => void; reject: (error: unknown) => void };

/** The next batch: queue order, at most `max`, one write per person; the rest stay queued. */
export function takeBatch<T extends { write: { personId: string } }>(queue: readonly T[], max: number): { batch: T[]; rest: T[] } {
  const seen = new Set<string>();
  const batch: T[] = [];
  const rest: T[] = [];
  for (const p of queue) {
    if (batch.length < max && !seen.has(p.write.personId)) {
      seen.add(p.write.personId);
      batch.push(p);
    } else rest.push(p);
  }
  return { batch, rest };
}

/** A deadlock or serialisation failure (SQLSTATE 40P01, 40001): the statement was rolled back. */
function isLockConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

class HeartbeatBatcher {
  private queue: Pending[] = [];
  private busy = false;

  constructor(private readonly db: Executor) {}

  write(write: HeartbeatWrite): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      // setImmediate: the heartbeats parsed in this turn of the event loop join the same batch.
      if (!this.busy) {
        this.busy = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const { batch, rest } = takeBatch(this.queue, MAX_BATCH);
      this.queue = rest;
      try {
        const applied = await writeHeartbeats(this.db, batch.map((p) => p.write));
        for (const p of batch) p.resolve(applied.has(p.write.personId));
      } catch (error) {
        // Caught in another instance's row locks: nothing was written, each heartbeat is tried again.
        if (isLockConflict(error)) for (const p of batch) p.resolve(false);
        else for (const p of batch) p.reject(error);
      }
    }
    this.busy = false;
  }
}

const batchers = new WeakMap<Executor, HeartbeatBatcher>();

/** Write one heartbeat through the database handle's batcher; false: its cursor had moved. */
export function batchedHeartbeatWrite(db: Executor, write: HeartbeatWrite): Promise<boolean> {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new HeartbeatBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher.write(write);
}
