import type { Grant, Permission } from '../../../platform/auth/permissions.ts';
import { type ScopeColumns, SqlParams, scopeFilter } from '../../../platform/auth/scope.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { forgetPeople } from '../people/read-cache.ts';

export const ORG_SCOPE: ScopeColumns = {
  province: 'o.province_code',
  region: 'o.region_code',
  department: 'o.department_code',
  organisation: 'o.id',
};

export type OrgRow = {
  id: string;
  name: string;
  creditCode: string;
  regionCode: string;
  regionName: string;
  provinceCode: string;
  departmentCode: string | null;
  departmentName: string | null;
  ownership: string;
  roles: string[];
  address: string;
  contactName: string;
  grassroots: boolean;
  status: 'active' | 'inactive';
  peopleCount: number;
  createdAt: Date;
  updatedAt: Date;
};

const SELECT_ORG = `SELECT o.id, o.name, o.credit_code AS "creditCode", o.region_code AS "regionCode", r.name AS "regionName",
    o.province_code AS "provinceCode", o.department_code AS "departmentCode", d.name AS "departmentName", o.ownership, o.roles,
    o.address, o.contact_name AS "contactName", o.grassroots, o.status,
    (SELECT count(*)::int FROM people p WHERE p.employer_id = o.id AND p.status = 'active') AS "peopleCount",
    o.created_at AS "createdAt", o.updated_at AS "updatedAt"
  FROM organisations o JOIN regions r ON r.code = o.region_code LEFT JOIN departments d ON d.code = o.department_code`;

export type OrgFilter = { q?: string; creditCode?: string; regionCode?: string; ownership?: string; role?: string; status?: string; limit: number; offset: number };

function orgConditions(grants: Grant[], filter: Omit<OrgFilter, 'limit' | 'offset'>, params: SqlParams): string {
  const where = [scopeFilter(grants, 'organisation.read', ORG_SCOPE, params)];
  if (filter.creditCode) where.push(`o.credit_code = ${params.add(filter.creditCode)}`);
  else if (filter.q) where.push(`o.name LIKE ${params.add(`%${filter.q.replace(/[%_\\]/g, '\\$&')}%`)}`);
  if (filter.regionCode) {
    const p = params.add(filter.regionCode);
    where.push(`(o.region_code = ${p} OR o.province_code = ${p})`);
  }
  if (filter.ownership) where.push(`o.ownership = ${params.add(filter.ownership)}`);
  if (filter.role) where.push(`${params.add(filter.role)} = ANY(o.roles)`);
  if (filter.status) where.push(`o.status = ${params.add(filter.status)}`);
  return where.join(' AND ');
}

export async function listOrganisationsInScope(db: Executor, grants: Grant[], filter: OrgFilter): Promise<{ items: OrgRow[]; total: number }> {
  const params = new SqlParams();
  const condition = orgConditions(grants, filter, params);
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM organisations o WHERE ${condition}`, params.values);
  const limit = params.add(filter.limit);
  const offset = params.add(filter.offset);
  const items = await db.query<OrgRow>(`${SELECT_ORG} WHERE ${condition} ORDER BY o.province_code, o.name, o.id LIMIT ${limit} OFFSET ${offset}`, params.values);
  return { items, total: total[0]?.n ?? 0 };
}

export async function findOrganisationInScope(db: Executor, grants: Grant[], permission: Permission, id: string): Promise<OrgRow | null> {
  const params = new SqlParams();
  const idParam = params.add(id);
  const scope = scopeFilter(grants, permission, ORG_SCOPE, params);
  const rows = await db.query<OrgRow>(`${SELECT_ORG} WHERE o.id = ${idParam} AND ${scope}`, params.values);
  return rows[0] ?? null;
}

export async function findOrganisationById(db: Executor, id: string): Promise<OrgRow | null> {
  const rows = await db.query<OrgRow>(`${SELECT_ORG} WHERE o.id = $1`, [id]);
  return rows[0] ?? null;
}

export type OrgRef = { id: string; creditCode: string; provinceCode: string; roles: string[]; status: string; inScope: boolean };

/** Organisations by credit code, each marked whether the caller may write people into it. */
export async function findOrganisationsByCreditCodes(db: Executor, grants: Grant[], permission: Permission, codes: string[]): Promise<Map<string, OrgRef>> {
  const params = new SqlParams();
  const codesParam = params.add(codes);
  const scope = scopeFilter(grants, permission, ORG_SCOPE, params);
  const rows = await db.query<OrgRef>(
    `SELECT o.id, o.credit_code AS "creditCode", o.province_code AS "provinceCode", o.roles, o.status, ${scope} AS "inScope"
       FROM organisations o WHERE o.credit_code = ANY(${codesParam}::text[])`,
    params.values,
  );
  return new Map(rows.map((r) => [r.creditCode, r]));
}

export async function listOrganisationOptions(db: Executor, filter: { regionCode?: string; q?: string; role?: string }) {
  const params = new SqlParams();
  const where = [`o.status = 'active'`];
  if (filter.regionCode) {
    const p = params.add(filter.regionCode);
    where.push(`(o.region_code = ${p} OR o.province_code = ${p})`);
  }
  if (filter.q) where.push(`o.name LIKE ${params.add(`%${filter.q.replace(/[%_\\]/g, '\\$&')}%`)}`);
  if (filter.role) where.push(`${params.add(filter.role)} = ANY(o.roles)`);
  return db.query<{ id: string; name: string; regionCode: string }>(
    `SELECT o.id, o.name, o.region_code AS "regionCode" FROM organisations o WHERE ${where.join(' AND ')} ORDER BY o.name LIMIT 50`,
    params.values,
  );
}

export type OrgWrite = {
  id: string;
  name: string;
  creditCode: string;
  regionCode: string;
  provinceCode: string;
  departmentCode: string | null;
  ownership: string;
  roles: string[];
  address: string;
  contactName: string;
  grassroots: boolean;
};

export const ORG_COLUMNS = ['id', 'name', 'credit_code', 'region_code', 'province_code', 'department_code', 'ownership', 'roles', 'address', 'contact_name', 'grassroots'] as const;

export function orgValues(o: OrgWrite): unknown[] {
  return [o.id, o.name, o.creditCode, o.regionCode, o.provinceCode, o.departmentCode, o.ownership, o.roles, o.address, o.contactName, o.grassroots];
}

export async function insertOrganisation(db: Executor, o: OrgWrite): Promise<void> {
  await db.query(`INSERT INTO organisations (${ORG_COLUMNS.join(', ')}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, orgValues(o));
}

export async function updateOrganisation(db: Executor, o: OrgWrite, now: Date): Promise<void> {
  forgetPeople(); // a person's view shows the employer's name and inherits its department
  await db.query(
    `UPDATE organisations SET name = $2, credit_code = $3, region_code = $4, province_code = $5, department_code = $6,
       ownership = $7, roles = $8, address = $9, contact_name = $10, grassroots = $11, updated_at = $12 WHERE id = $1`,
    [...orgValues(o), now],
  );
}

export async function setOrganisationStatus(db: Executor, id: string, status: string, now: Date): Promise<void> {
  forgetPeople();
  await db.query('UPDATE organisations SET status = $2, updated_at = $3 WHERE id = $1', [id, status, now]);
}

export async function listExistingCreditCodes(db: Executor, codes: string[]): Promise<Set<string>> {
  const rows = await db.query<{ c: string }>('SELECT credit_code AS c FROM organisations WHERE credit_code = ANY($1::text[])', [codes]);
  return new Set(rows.map((r) => r.c));
}
