import type { Grant } from '../../../platform/auth/permissions.ts';
import { SqlParams, scopeFilter } from '../../../platform/auth/scope.ts';
import type { Executor } from '../../../platform/db/executor.ts';

export type LinkedPerson = { id: string; name: string; idNumberMasked: string; provinceCode: string };

/** The person with this ID hash if the key's region holds them (a province key covers its cities). */
export async function findPersonByIdHashInScope(db: Executor, grants: Grant[], hash: Buffer): Promise<LinkedPerson | null> {
  const params = new SqlParams();
  const hashParam = params.add(hash);
  const scope = scopeFilter(grants, 'learning.compliance.query', { province: 'p.province_code', region: 'p.region_code' }, params);
  const rows = await db.query<LinkedPerson>(
    `SELECT p.id, p.name, p.id_number_masked AS "idNumberMasked", trim(p.province_code) AS "provinceCode"
       FROM people p WHERE p.id_number_hash = ${hashParam} AND ${scope}`,
    params.values,
  );
  return rows[0] ?? null;
}
