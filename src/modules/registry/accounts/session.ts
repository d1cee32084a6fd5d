import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/executor.ts';
import { findAccountById, findSessionActor, listGrants } from './repo.ts';
import { cacheSession, readCachedSession } from './session-cache.ts';

export const SESSION_HOURS = 12;

export function newSessionToken(): { token: string; tokenHash: Buffer; csrfToken: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token), csrfToken: randomBytes(24).toString('base64url') };
}

/** Only the token's hash is stored, so a database dump holds no usable session. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export async function loadActor(db: Database, accountId: string): Promise<Actor | null> {
  const account = await findAccountById(db, accountId);
  if (!account || account.status !== 'active') return null;
  return {
    accountId: account.id,
    username: account.username,
    displayName: account.displayName,
    kind: account.kind,
    personId: account.personId,
    grants: await listGrants(db, account.id),
  };
}

/** The platform's session resolver: cookie token → actor and the session's CSRF token. */
export async function resolveSession(db: Database, token: string, now: Date): Promise<{ actor: Actor; csrfToken: string } | null> {
  if (token.length > 100) return null;
  const tokenHash = hashToken(token);
  const key = tokenHash.toString('base64');
  const cached = readCachedSession(key, now.getTime());
  if (cached) return { actor: cached.actor, csrfToken: cached.csrfToken };
  const row = await findSessionActor(db, tokenHash, now);
  if (!row) return null;
  const { csrfToken, expiresAt, ...actor } = row;
  cacheSession(key, { actor, csrfToken }, now.getTime(), new Date(expiresAt).getTime());
  return { actor, csrfToken };
}
