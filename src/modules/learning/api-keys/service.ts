import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Actor, type Ctx, requireActor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/executor.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { KEY_PATTERN, type KeyPurpose, PROVIDER_ROLES, isProvider, keyAbilities, keyGrant, keyPrefix, mayCreateKey } from './policy.ts';
import * as repo from './repo.ts';

/** Only the SHA-256 of a key is stored; 32 random bytes need no slow hash against guessing. */
function hashKey(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

function presentKey(row: repo.ApiKeyRow) {
  return { ...row, abilities: keyAbilities(row) };
}

export type CreateKeyInput = { name: string; purpose: KeyPurpose; organisationId?: string; regionCode?: string };

function fieldError(code: 'FIELD_REQUIRED' | 'FIELD_INVALID', field: string): AppError {
  return new AppError('VALIDATION_FAILED', {}, [{ code, path: `/${field}`, params: { column: field } }]);
}

/** The organisation (report) or region (compliance) the new key is bound to, checked against the caller. */
async function keyTarget(ctx: Ctx, input: CreateKeyInput): Promise<{ organisationId: string | null; regionCode: string | null }> {
  const grants = requireActor(ctx).grants;
  if (!mayCreateKey(grants, input.purpose)) throw new AppError('LEARNING_APIKEY_PURPOSE_FORBIDDEN');
  if (input.purpose === 'report') {
    if (input.regionCode !== undefined) throw fieldError('FIELD_INVALID', 'regionCode');
    // An organisation administrator of exactly one organisation may leave the organisation out.
    const own = grants.filter((g) => g.role === 'organisation_admin').map((g) => g.scopeId);
    const organisationId = input.organisationId ?? (own.length === 1 ? own[0] : undefined);
    if (!organisationId) throw fieldError('FIELD_REQUIRED', 'organisationId');
    const org = await repo.findOrganisationInScope(ctx.db, grants, organisationId);
    if (!org) throw new AppError('ORGANISATION_NOT_FOUND');
    if (!isProvider(org)) throw new AppError('LEARNING_APIKEY_NOT_PROVIDER');
    return { organisationId, regionCode: null };
  }
  if (input.organisationId !== undefined) throw fieldError('FIELD_INVALID', 'organisationId');
  if (!input.regionCode) throw fieldError('FIELD_REQUIRED', 'regionCode');
  if (!(await repo.isRegionInScope(ctx.db, grants, input.regionCode))) throw new AppError('LEARNING_APIKEY_REGION_OUTSIDE_SCOPE');
  return { organisationId: null, regionCode: input.regionCode };
}

/**
 * Create an API key: a provider's reporting key for an organisation holding a provider role, or
 * a title-review system's compliance key for a region. The key text is returned this once.
 */
export async function createApiKey(ctx: Ctx, input: CreateKeyInput) {
  const actor = requireActor(ctx);
  const target = await keyTarget(ctx, input);
  const key = `zg_${input.purpose}_${randomBytes(32).toString('base64url')}`;
  const id = uuidv7();
  const prefix = keyPrefix(key, input.purpose);
  await ctx.db.transaction(async (tx) => {
    await repo.insertKey(tx, { id, purpose: input.purpose, ...target, name: input.name.trim() || input.purpose, prefix, keyHash: hashKey(key), createdBy: actor.accountId, createdAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'learning.apikey_created', entity: 'api_key', entityId: id, after: { name: input.name, purpose: input.purpose, prefix, ...target } });
  });
  return { id, key, prefix };
}

/** Keys of the caller's organisations and regions, newest first; never the secret. */
export async function listApiKeys(ctx: Ctx, q: { purpose?: KeyPurpose; status?: 'active' | 'revoked'; page: number; pageSize: number }) {
  const { page, pageSize, ...filter } = q;
  const result = await repo.listKeysInScope(ctx.db, requireActor(ctx).grants, { ...filter, limit: pageSize, offset: (page - 1) * pageSize });
  return { items: result.items.map(presentKey), total: result.total, page, pageSize };
}

/** Revoke a key at once: its next request is refused with 401 API_KEY_INVALID. */
export async function revokeApiKey(ctx: Ctx, id: string) {
  const grants = requireActor(ctx).grants;
  await ctx.db.transaction(async (tx) => {
    const key = await repo.findKeyInScope(tx, grants, id);
    if (!key) throw new AppError('LEARNING_APIKEY_NOT_FOUND');
    if (key.revokedAt) throw new AppError('LEARNING_APIKEY_REVOKED');
    await repo.setKeyRevoked(tx, id, ctx.now);
    await recordAudit(tx, ctx, { action: 'learning.apikey_revoked', entity: 'api_key', entityId: id, before: { revokedAt: null }, after: { revokedAt: ctx.now.toISOString() } });
  });
  return presentKey((await repo.findKeyInScope(ctx.db, grants, id)) as repo.ApiKeyRow);
}

/** The platform's API-key resolver (auth-hook): a live key → an actor holding only the key's API role. */
export async function resolveApiKey(db: Database, key: string, now: Date): Promise<Actor | null> {
  if (!KEY_PATTERN.test(key)) return null;
  const row = await repo.findActiveKeyByHash(db, hashKey(key), now, PROVIDER_ROLES);
  if (!row) return null;
  return { accountId: row.id, username: `apikey:${row.prefix}`, displayName: row.name, kind: 'apikey', personId: null, grants: [keyGrant(row)] };
}

/** The organisation a reporting key speaks for. */
export function providerOf(ctx: Ctx): string {
  const grant = requireActor(ctx).grants.find((g) => g.role === 'api_reporter');
  if (!grant) throw new AppError('FORBIDDEN');
  return grant.scopeId;
}
