import type { Executor } from '../../../platform/db/executor.ts';

export type DepartmentRecord = { code: string; name: string; shortName: string; nameEn: string; level: string; regionCode: string; parentCode: string | null };

const SELECT_DEPARTMENT = `SELECT code, name, short_name AS "shortName", name_en AS "nameEn", level, region_code AS "regionCode", parent_code AS "parentCode" FROM departments`;

export async function listDepartments(db: Executor, filter: { level?: string; regionCode?: string }): Promise<DepartmentRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.level) {
    params.push(filter.level);
    where.push(`level = $${params.length}`);
  }
  if (filter.regionCode) {
    params.push(filter.regionCode);
    where.push(`region_code = $${params.length}`);
  }
  return db.query<DepartmentRecord>(`${SELECT_DEPARTMENT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY region_code, sort, code`, params);
}

export async function findDepartment(db: Executor, code: string): Promise<DepartmentRecord | null> {
  const rows = await db.query<DepartmentRecord>(`${SELECT_DEPARTMENT} WHERE code = $1`, [code]);
  return rows[0] ?? null;
}

export async function listDepartmentCodes(db: Executor): Promise<Set<string>> {
  const rows = await db.query<{ code: string }>('SELECT code FROM departments');
  return new Set(rows.map((r) => r.code));
}
