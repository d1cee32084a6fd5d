import type { Actor } from '../../../platform/context.ts';

/**
 * Resolved sessions kept for a few seconds, so that a signed-in request does not pay a
 * database round trip for its session. Sign-out, password changes and reviews in this
 * process drop the entries at once; in other processes a revoked session lives at most
 * SESSION_CACHE_MS longer (documented in docs/architecture.md).
 */
export const SESSION_CACHE_MS = 5_000;
const MAX_ENTRIES = 20_000;

type Entry = { actor: Actor; csrfToken: string; until: number };
const entries = new Map<string, Entry>();

export function readCachedSession(key: string, now: number): Entry | null {
  const entry = entries.get(key);
  if (!entry) return null;
  if (entry.until <= now) {
    entries.delete(key);
    return null;
  }
  return entry;
}

export function cacheSession(key: string, value: { actor: Actor; csrfToken: string }, now: number, sessionExpiresAt: number): void {
  if (entries.size >= MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  entries.set(key, { ...value, until: Math.min(now + SESSION_CACHE_MS, sessionExpiresAt) });
}

export function forgetSession(key: string): void {
  entries.delete(key);
}

/** Drop every cached session of an account (password change or reset, review, grants). */
export function forgetAccountSessions(accountId: string): void {
  for (const [key, entry] of entries) if (entry.actor.accountId === accountId) entries.delete(key);
}
