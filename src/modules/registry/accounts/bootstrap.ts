import { v7 as uuidv7 } from 'uuid';
import type { Grant } from '../../../platform/auth/permissions.ts';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { hashPassword } from './passwords.ts';
import * as repo from './repo.ts';

/**
 * Create an account at start-up (the national administrator, demo accounts) as the system
 * actor. Existing user names are left untouched, so a restart never resets a password.
 */
export async function createBootstrapAccount(
  tx: Executor,
  ctx: Ctx,
  input: { username: string; displayName: string; password: string; grants: Grant[]; personId?: string },
): Promise<{ id: string; created: boolean }> {
  const existing = await repo.findAccountByUsername(tx, input.username);
  if (existing) return { id: existing.id, created: false };
  const id = uuidv7();
  await repo.insertAccount(tx, {
    id,
    username: input.username,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
    kind: input.personId ? 'professional' : 'staff',
    personId: input.personId ?? null,
    status: 'active',
    mustChangePassword: false,
  });
  await repo.insertGrants(tx, id, input.grants);
  await recordAudit(tx, ctx, { action: 'account.created', entity: 'account', entityId: id, after: { username: input.username, grants: input.grants } });
  return { id, created: true };
}
