import type { Grant } from '../../../platform/auth/permissions.ts';
import type { Executor } from '../../../platform/db/executor.ts';

export type DescribedGrant = Grant & { scopeName: string };

/** Readable names of grant scopes (region, department or organisation), fetched in one query each. */
export async function describeScopes(db: Executor, grants: Grant[]): Promise<DescribedGrant[]> {
  const ids = (type: string) => grants.filter((g) => g.scopeType === type).map((g) => g.scopeId);
  const names = new Map<string, string>();
  const add = (rows: { id: string; name: string }[], type: string) => rows.forEach((r) => names.set(`${type}:${r.id.trim()}`, r.name));
  add(await db.query('SELECT code AS id, name FROM regions WHERE code = ANY($1::char(6)[])', [ids('region')]), 'region');
  add(await db.query('SELECT code AS id, name FROM departments WHERE code = ANY($1::text[])', [ids('department')]), 'department');
  const orgIds = ids('organisation').filter((id) => /^[0-9a-f-]{36}$/.test(id));
  add(await db.query('SELECT id::text AS id, name FROM organisations WHERE id = ANY($1::uuid[])', [orgIds]), 'organisation');
  return grants.map((g) => ({
    ...g,
    scopeName: g.scopeType === 'nation' ? '全国' : (names.get(`${g.scopeType}:${g.scopeId}`) ?? g.scopeId),
  }));
}
