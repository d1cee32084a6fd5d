import type { Grant } from '../../../platform/auth/permissions.ts';
import { type ScopeColumns, SqlParams, scopeFilter } from '../../../platform/auth/scope.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import type { KeyPurpose } from './policy.ts';

/** A key reaches a scope through its organisation (report keys) or its region (compliance keys). */
const KEY_SCOPE: ScopeColumns = {
  province: 'COALESCE(o.province_code, rg.province_code)',
  region: 'COALESCE(o.region_code, k.region_code)',
  organisation: 'k.organisation_id',
};

export type ApiKeyRow = {
  id: string;
  name: string;
  purpose: KeyPurpose;
  prefix: string;
  organisationId: string | null;
  organisationName: string | null;
  regionCode: string | null;
  regionName: string | null;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};

const SELECT_KEY = `SELECT k.id, k.name, k.purpose, k.prefix, k.organisation_id AS "organisationId", o.name AS "organisationName",
    trim(k.region_code) AS "regionCode", rg.name AS "regionName", k.created_at AS "createdAt", k.revoked_at AS "revokedAt",
    k.last_used_at AS "lastUsedAt"
  FROM api_keys k LEFT JOIN organisations o ON o.id = k.organisation_id LEFT JOIN regions rg ON rg.code = k.region_code`;

export type KeyFilter = { purpose?: KeyPurpose; status?: 'active' | 'revoked'; limit: number; offset: number };

export async function listKeysInScope(db: Executor, grants: Grant[], f: KeyFilter): Promise<{ items: ApiKeyRow[]; total: number }> {
  const params = new SqlParams();
  const where = [scopeFilter(grants, 'learning.apikey.manage', KEY_SCOPE, params)];
  if (f.purpose) where.push(`k.purpose = ${params.add(f.purpose)}`);
  if (f.status) where.push(f.status === 'active' ? 'k.revoked_at IS NULL' : 'k.revoked_at IS NOT NULL');
  const condition = where.join(' AND ');
  const from = 'FROM api_keys k LEFT JOIN organisations o ON o.id = k.organisation_id LEFT JOIN regions rg ON rg.code = k.region_code';
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${from} WHERE ${condition}`, params.values);
  const limit = params.add(f.limit);
  const offset = params.add(f.offset);
  const items = await db.query<ApiKeyRow>(`${SELECT_KEY} WHERE ${condition} ORDER BY k.created_at DESC, k.id LIMIT ${limit} OFFSET ${offset}`, params.values);
  return { items, total: total[0]?.n ?? 0 };
}

export async function findKeyInScope(db: Executor, grants: Grant[], id: string): Promise<ApiKeyRow | null> {
  const params = new SqlParams();
  const idParam = params.add(id);
  const scope = scopeFilter(grants, 'learning.apikey.manage', KEY_SCOPE, params);
  const rows = await db.query<ApiKeyRow>(`${SELECT_KEY} WHERE k.id = ${idParam} AND ${scope}`, params.values);
  return rows[0] ?? null;
}

export type KeyOrganisation = { id: string; name: string; roles: string[]; status: string };

/** The organisation a report key would speak for, if the caller's scope reaches it. */
export async function findOrganisationInScope(db: Executor, grants: Grant[], id: string): Promise<KeyOrganisation | null> {
  const params = new SqlParams();
  const idParam = params.add(id);
  const scope = scopeFilter(grants, 'learning.apikey.manage', { province: 'o.province_code', region: 'o.region_code', organisation: 'o.id' }, params);
  const rows = await db.query<KeyOrganisation>(`SELECT o.id, o.name, o.roles, o.status FROM organisations o WHERE o.id = ${idParam} AND ${scope}`, params.values);
  return rows[0] ?? null;
}

/** Whether a compliance key's region lies in the caller's scope (a province covers its cities). */
export async function isRegionInScope(db: Executor, grants: Grant[], code: string): Promise<boolean> {
  const params = new SqlParams();
  const codeParam = params.add(code);
  const scope = scopeFilter(grants, 'learning.apikey.manage', { province: 'r.province_code', region: 'r.code' }, params);
  const rows = await db.query<{ code: string }>(`SELECT r.code FROM regions r WHERE r.code = ${codeParam} AND ${scope}`, params.values);
  return rows.length > 0;
}

export type KeyWrite = {
  id: string;
  purpose: KeyPurpose;
  organisationId: string | null;
  regionCode: string | null;
  name: string;
  prefix: string;
  keyHash: Buffer;
  createdBy: string;
  createdAt: Date;
};

export async function insertKey(db: Executor, k: KeyWrite): Promise<void> {
  await db.query(
    `INSERT INTO api_keys (id, purpose, organisation_id, region_code, name, prefix, key_hash, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [k.id, k.purpose, k.organisationId, k.regionCode, k.name, k.prefix, k.keyHash, k.createdBy, k.createdAt],
  );
}

export async function setKeyRevoked(db: Executor, id: string, now: Date): Promise<void> {
  await db.query('UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, now]);
}

export type ActiveKey = { id: string; purpose: KeyPurpose; organisationId: string | null; regionCode: string | null; name: string; prefix: string };

/**
 * The live key with this hash, in one round trip on every API-key request. A report key also
 * needs its organisation still active and still a provider. `last_used_at` is written at most
 * once a minute per key (the condition is re-checked on the locked row, so concurrent requests
 * do not all write).
 */
export async function findActiveKeyByHash(db: Executor, keyHash: Buffer, now: Date, providerRoles: readonly string[]): Promise<ActiveKey | null> {
  const rows = await db.query<ActiveKey>(
    `WITH k AS (
       SELECT k.id, k.purpose, k.organisation_id, k.region_code, k.name, k.prefix
         FROM api_keys k LEFT JOIN organisations o ON o.id = k.organisation_id
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL
          AND (k.organisation_id IS NULL OR (o.status = 'active' AND o.roles && $3::text[]))
     ), touched AS (
       UPDATE api_keys u SET last_used_at = $2 FROM k
        WHERE u.id = k.id AND (u.last_used_at IS NULL OR u.last_used_at < $2::timestamptz - interval '1 minute')
       RETURNING u.id
     )
     SELECT id, purpose, organisation_id AS "organisationId", trim(region_code) AS "regionCode", name, prefix FROM k`,
    [keyHash, now, providerRoles],
  );
  return rows[0] ?? null;
}
