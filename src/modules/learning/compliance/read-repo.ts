import type { Grant } from '../../../platform/auth/permissions.ts';
import { type ScopeColumns, SqlParams, scopeFilter } from '../../../platform/auth/scope.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import type { CountedRecord } from '../compliance.ts';

export type ComplianceRow = {
  year: number;
  totalHours: number;
  publicHours: number;
  professionalHours: number;
  requiredTotal: number;
  requiredProfessional: number;
  requiredPublic: number;
  compliant: boolean;
};

const COMPLIANCE_COLUMNS = `c.year, c.total_hours AS "totalHours", c.public_hours AS "publicHours", c.professional_hours AS "professionalHours",
  c.required_total AS "requiredTotal", c.required_professional AS "requiredProfessional", c.required_public AS "requiredPublic",
  c.compliant`;

export async function listComplianceOfPerson(db: Executor, personId: string, years: number[]): Promise<Map<number, ComplianceRow>> {
  const rows = await db.query<ComplianceRow>(
    `SELECT ${COMPLIANCE_COLUMNS} FROM learning_compliance c WHERE c.person_id = $1 AND c.year = ANY($2::smallint[])`,
    [personId, years],
  );
  return new Map(rows.map((r) => [r.year, r]));
}

/** A person's counted (approved or confirmed) records of these years, for the per-form figures. */
export async function listCountedRecordsOfPerson(db: Executor, personId: string, years: number[]): Promise<(CountedRecord & { year: number })[]> {
  return db.query<CountedRecord & { year: number }>(
    `SELECT year, category, form, hours, start_date AS "startDate", end_date AS "endDate", status
       FROM learning_records WHERE person_id = $1 AND year = ANY($2::smallint[]) AND status IN ('approved', 'confirmed')`,
    [personId, years],
  );
}

export async function findPersonProvince(db: Executor, personId: string): Promise<{ id: string; provinceCode: string } | null> {
  const rows = await db.query<{ id: string; provinceCode: string }>('SELECT id, province_code AS "provinceCode" FROM people WHERE id = $1', [personId]);
  return rows[0] ? { id: rows[0].id, provinceCode: rows[0].provinceCode.trim() } : null;
}

const PEOPLE_SCOPE: ScopeColumns = { province: 'p.province_code', region: 'p.region_code', department: 'o.department_code', organisation: 'p.employer_id' };

export type ComplianceListFilter = { year: number; employerId?: string; regionCode?: string; departmentCode?: string; compliant?: boolean; q?: string };

export type ComplianceListItem = {
  personId: string;
  name: string;
  idNumberMasked: string;
  employerName: string;
  regionName: string;
  titleLevel: string;
  totalHours: number;
  publicHours: number;
  professionalHours: number;
  compliant: boolean;
};

/**
 * Active people in scope with their compliance for a year; people without any counted record
 * appear with zero hours and as not compliant.
 */
export async function listComplianceInScope(db: Executor, grants: Grant[], f: ComplianceListFilter, limit: number, offset: number) {
  const params = new SqlParams();
  const year = params.add(f.year);
  const where = [scopeFilter(grants, 'learning.compliance.read', PEOPLE_SCOPE, params), `p.status = 'active'`];
  if (f.employerId) where.push(`p.employer_id = ${params.add(f.employerId)}`);
  if (f.regionCode) {
    const r = params.add(f.regionCode);
    where.push(`(p.region_code = ${r} OR p.province_code = ${r})`);
  }
  if (f.departmentCode) {
    const d = params.add(f.departmentCode);
    where.push(`(o.department_code = ${d} OR o.department_code LIKE ${d}::text || '.%')`);
  }
  if (f.compliant !== undefined) where.push(`COALESCE(c.compliant, false) = ${params.add(f.compliant)}`);
  if (f.q) where.push(`p.name LIKE ${params.add(`%${f.q.replace(/[%_\\]/g, '\\$&')}%`)}`);
  const from = `FROM people p JOIN organisations o ON o.id = p.employer_id JOIN regions rg ON rg.code = p.region_code
    LEFT JOIN learning_compliance c ON c.person_id = p.id AND c.year = ${year} WHERE ${where.join(' AND ')}`;
  const summary = await db.query<{ people: number; compliant: number }>(
    `SELECT count(*)::int AS people, count(*) FILTER (WHERE c.compliant)::int AS compliant ${from}`,
    params.values,
  );
  const lim = params.add(limit);
  const off = params.add(offset);
  const items = await db.query<ComplianceListItem>(
    `SELECT p.id AS "personId", p.name, p.id_number_masked AS "idNumberMasked", o.name AS "employerName", rg.name AS "regionName",
            p.title_level AS "titleLevel", COALESCE(c.total_hours, 0) AS "totalHours", COALESCE(c.public_hours, 0) AS "publicHours",
            COALESCE(c.professional_hours, 0) AS "professionalHours", COALESCE(c.compliant, false) AS compliant
       ${from} ORDER BY COALESCE(c.compliant, false), p.name, p.id LIMIT ${lim} OFFSET ${off}`,
    params.values,
  );
  return { items, total: summary[0]?.people ?? 0, compliantCount: summary[0]?.compliant ?? 0 };
}
