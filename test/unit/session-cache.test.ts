import { describe, expect, it } from 'vitest';
import {
  SESSION_CACHE_MS, cacheSession, forgetAccountSessions, forgetSession, readCachedSession,
} from '../../src/modules/registry/accounts/session-cache.ts';
import type { Actor } from '../../src/platform/context.ts';

const actor = (accountId: string): Actor => ({ accountId, username: accountId, displayName: accountId, kind: 'staff', personId: null, grants: [] });

describe('session cache', () => {
  it('serves a cached session until its few seconds are up', () => {
    cacheSession('k1', { actor: actor('a1'), csrfToken: 't' }, 1_000, 1_000_000);
    expect(readCachedSession('k1', 1_000 + SESSION_CACHE_MS - 1)?.csrfToken).toBe('t');
    expect(readCachedSession('k1', 1_000 + SESSION_CACHE_MS)).toBeNull();
  });

  it('never serves a session past its own expiry', () => {
    cacheSession('k2', { actor: actor('a2'), csrfToken: 't' }, 1_000, 2_000);
    expect(readCachedSession('k2', 1_999)).not.toBeNull();
    expect(readCachedSession('k2', 2_000)).toBeNull();
  });

  it('forgets one session on sign-out and all of an account on a password change', () => {
    cacheSession('k3', { actor: actor('a3'), csrfToken: 't' }, 0, 1_000_000);
    cacheSession('k4', { actor: actor('a3'), csrfToken: 't' }, 0, 1_000_000);
    cacheSession('k5', { actor: actor('a4'), csrfToken: 't' }, 0, 1_000_000);
    forgetSession('k3');
    expect(readCachedSession('k3', 1)).toBeNull();
    expect(readCachedSession('k4', 1)).not.toBeNull();
    forgetAccountSessions('a3');
    expect(readCachedSession('k4', 1)).toBeNull();
    expect(readCachedSession('k5', 1)).not.toBeNull();
  });
});
