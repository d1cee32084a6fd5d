import type { Grant, Permission } from '../../../platform/auth/permissions.ts';
import { type ScopeColumns, SqlParams, scopeFilter } from '../../../platform/auth/scope.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { type CachedPerson, forgetPeople } from './read-cache.ts';

export const PERSON_SCOPE: ScopeColumns = {
  province: 'p.province_code',
  region: 'p.region_code',
  department: 'o.department_code',
  organisation: 'p.employer_id',
};

export type PersonRow = {
  id: string;
  idNumberMasked: string;
  name: string;
  gender: 'M' | 'F';
  birthDate: string;
  regionCode: string;
  regionName: string;
  provinceCode: string;
  employerId: string;
  employerName: string;
  titleSeries: string;
  titleLevel: string;
  specialty: string;
  phoneMasked: string;
  managementPost: boolean;
  status: 'active' | 'inactive';
  createdAt: Date;
  updatedAt: Date;
};

const PERSON_SELECT_LIST = `p.id, p.id_number_masked AS "idNumberMasked", p.name, p.gender,
    p.birth_date AS "birthDate", p.region_code AS "regionCode", r.name AS "regionName", p.province_code AS "provinceCode",
    p.employer_id AS "employerId", o.name AS "employerName", p.title_series AS "titleSeries", p.title_level AS "titleLevel",
    p.specialty, p.phone_masked AS "phoneMasked", p.management_post AS "managementPost", p.status, p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;
const PERSON_FROM = 'FROM people p JOIN organisations o ON o.id = p.employer_id JOIN regions r ON r.code = p.region_code';
const SELECT_PERSON = `SELECT ${PERSON_SELECT_LIST} ${PERSON_FROM}`;

export type PersonFilter = {
  q?: string;
  idHash?: Buffer;
  regionCode?: string;
  employerId?: string;
  titleLevel?: string;
  status?: string;
  limit: number;
  offset: number;
};

export async function listPeopleInScope(db: Executor, grants: Grant[], filter: PersonFilter): Promise<{ items: PersonRow[]; total: number }> {
  const params = new SqlParams();
  const where = [scopeFilter(grants, 'person.read', PERSON_SCOPE, params)];
  if (filter.idHash) where.push(`p.id_number_hash = ${params.add(filter.idHash)}`);
  else if (filter.q) where.push(`p.name LIKE ${params.add(`%${filter.q.replace(/[%_\\]/g, '\\$&')}%`)}`);
  if (filter.regionCode) {
    const p = params.add(filter.regionCode);
    where.push(`(p.region_code = ${p} OR p.province_code = ${p})`);
  }
  if (filter.employerId) where.push(`p.employer_id = ${params.add(filter.employerId)}`);
  if (filter.titleLevel) where.push(`p.title_level = ${params.add(filter.titleLevel)}`);
  if (filter.status) where.push(`p.status = ${params.add(filter.status)}`);
  const condition = where.join(' AND ');
  const total = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM people p JOIN organisations o ON o.id = p.employer_id WHERE ${condition}`,
    params.values,
  );
  const limit = params.add(filter.limit);
  const offset = params.add(filter.offset);
  const items = await db.query<PersonRow>(`${SELECT_PERSON} WHERE ${condition} ORDER BY p.province_code, p.name, p.id LIMIT ${limit} OFFSET ${offset}`, params.values);
  return { items, total: total[0]?.n ?? 0 };
}

/** A person inside the caller's scope for `permission`, or null — out of scope reads as absent. */
export async function findPersonInScope(db: Executor, grants: Grant[], permission: Permission, id: string): Promise<PersonRow | null> {
  const params = new SqlParams();
  const idParam = params.add(id);
  const scope = scopeFilter(grants, permission, PERSON_SCOPE, params);
  const rows = await db.query<PersonRow>(`${SELECT_PERSON} WHERE p.id = ${idParam} AND ${scope}`, params.values);
  return rows[0] ?? null;
}

/** A person whatever the caller's scope, with the values the scope rules look at (for the read cache). */
export async function findPersonWithScopeValues(db: Executor, id: string): Promise<CachedPerson | null> {
  const rows = await db.query<PersonRow & { departmentCode: string | null }>(
    `SELECT ${PERSON_SELECT_LIST}, o.department_code AS "departmentCode" ${PERSON_FROM} WHERE p.id = $1`,
    [id],
  );
  const found = rows[0];
  if (!found) return null;
  const { departmentCode, ...row } = found;
  return { row, scope: { province: row.provinceCode, region: row.regionCode, department: departmentCode, organisation: row.employerId } };
}

/** The sealed personal data of a person (read only where it must be decrypted). */
export async function findSealedData(db: Executor, id: string): Promise<{ idNumberEnc: Uint8Array; phoneEnc: Uint8Array | null } | null> {
  const rows = await db.query<{ idNumberEnc: Uint8Array; phoneEnc: Uint8Array | null }>(
    'SELECT id_number_enc AS "idNumberEnc", phone_enc AS "phoneEnc" FROM people WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}

export async function findPersonIdByHash(db: Executor, hash: Buffer): Promise<{ id: string; name: string; employerId: string } | null> {
  const rows = await db.query<{ id: string; name: string; employerId: string }>(
    'SELECT id, name, employer_id AS "employerId" FROM people WHERE id_number_hash = $1',
    [hash],
  );
  return rows[0] ?? null;
}

export async function listExistingHashes(db: Executor, hashes: Buffer[]): Promise<Set<string>> {
  const rows = await db.query<{ h: string }>(
    `SELECT encode(id_number_hash, 'hex') AS h FROM people WHERE id_number_hash = ANY($1::bytea[])`,
    [hashes],
  );
  return new Set(rows.map((r) => r.h));
}

export type PersonWrite = {
  id: string;
  provinceCode: string;
  regionCode: string;
  idNumberEnc: Buffer;
  idNumberHash: Buffer;
  idNumberMasked: string;
  name: string;
  gender: string;
  birthDate: string;
  employerId: string;
  titleSeries: string;
  titleLevel: string;
  specialty: string;
  phoneEnc: Buffer | null;
  phoneMasked: string;
  managementPost: boolean;
};

export const PERSON_COLUMNS = [
  'id', 'province_code', 'region_code', 'id_number_enc', 'id_number_hash', 'id_number_masked', 'name', 'gender',
  'birth_date', 'employer_id', 'title_series', 'title_level', 'specialty', 'phone_enc', 'phone_masked', 'management_post',
] as const;

export function personValues(p: PersonWrite): unknown[] {
  return [
    p.id, p.provinceCode, p.regionCode, p.idNumberEnc, p.idNumberHash, p.idNumberMasked, p.name, p.gender,
    p.birthDate, p.employerId, p.titleSeries, p.titleLevel, p.specialty, p.phoneEnc, p.phoneMasked, p.managementPost,
  ];
}

export async function insertPerson(db: Executor, p: PersonWrite): Promise<void> {
  const placeholders = PERSON_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
  await db.query(`INSERT INTO people (${PERSON_COLUMNS.join(', ')}) VALUES (${placeholders})`, personValues(p));
}

export async function updatePerson(db: Executor, p: PersonWrite, now: Date): Promise<void> {
  forgetPeople();
  const sets = PERSON_COLUMNS.slice(1).map((c, i) => `${c} = $${i + 2}`).join(', ');
  await db.query(`UPDATE people SET ${sets}, updated_at = $${PERSON_COLUMNS.length + 1} WHERE id = $1`, [...personValues(p), now]);
}

export async function setPersonStatus(db: Executor, id: string, status: string, now: Date): Promise<void> {
  forgetPeople();
  await db.query('UPDATE people SET status = $2, updated_at = $3 WHERE id = $1', [id, status, now]);
}

