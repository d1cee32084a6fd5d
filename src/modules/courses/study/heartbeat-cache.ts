import type { HeartbeatState } from './heartbeat-repo.ts';

/**
 * The state each learner's last heartbeat left, kept in this process so that the next heartbeat
 * needs no read: one entry per person, for one course, chapter and China day. It is only ever a
 * guess — the write that follows is a compare-and-set on the session row (heartbeat-repo.ts), so
 * an entry made stale by another instance, a new session or a completion costs one failed write
 * and a fresh read, never a wrong credit. Entries live TTL_MS.
 */
export const TTL_MS = 60_000;
const MAX_ENTRIES = 100_000;

type Key = { personId: string; courseId: string; chapterId: string; day: string };
type Entry = Key & { state: HeartbeatState; expires: number };

const entries = new Map<string, Entry>();

export function cachedState(k: Key, now = Date.now()): HeartbeatState | null {
  const entry = entries.get(k.personId);
  if (!entry) return null;
  if (entry.expires <= now || entry.courseId !== k.courseId || entry.chapterId !== k.chapterId || entry.day !== k.day) {
    entries.delete(k.personId);
    return null;
  }
  return entry.state;
}

export function rememberState(k: Key, state: HeartbeatState, now = Date.now()): void {
  if (entries.size >= MAX_ENTRIES && !entries.has(k.personId)) entries.clear();
  entries.set(k.personId, { ...k, state, expires: now + TTL_MS });
}

export function forgetState(personId: string): void {
  entries.delete(personId);
}
