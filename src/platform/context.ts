import type { Grant } from './auth/permissions.ts';
import type { PiiCipher } from './crypto/pii.ts';
import type { Database } from './db/executor.ts';
import type { Locale } from './i18n/locale.ts';

export type Actor = {
  /** The account's id; for an API key (kind 'apikey') the key's id. */
  accountId: string;
  username: string;
  displayName: string;
  kind: 'staff' | 'professional' | 'system' | 'apikey';
  personId: string | null;
  grants: Grant[];
  /** After a reset: only the password change, `me` and sign-out are allowed until changed. */
  mustChangePassword?: boolean;
};

/** What every service function receives: who acts, on which database, when, in which language. */
export type Ctx = {
  db: Database;
  pii: PiiCipher;
  actor: Actor | null;
  now: Date;
  locale: Locale;
  requestId: string;
  ip: string;
};

export const SYSTEM_ACTOR: Actor = {
  accountId: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  displayName: '系统 System',
  kind: 'system',
  personId: null,
  grants: [{ role: 'national_admin', scopeType: 'nation', scopeId: '000000' }],
};

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new Error('service called without an actor');
  return ctx.actor;
}
