import type { Grant, Permission } from '../../../platform/auth/permissions.ts';
import { type ScopeColumns, SqlParams, scopeFilter } from '../../../platform/auth/scope.ts';
import type { Executor } from '../../../platform/db/executor.ts';

/** Records reach a scope through the person (province, city) and the employer that reviews them. */
export const RECORD_SCOPE: ScopeColumns = {
  province: 'p.province_code',
  region: 'p.region_code',
  department: 'o.department_code',
  organisation: 'r.employer_id',
};

export type RecordRow = {
  id: string;
  personId: string;
  personName: string;
  idNumberMasked: string;
  employerId: string;
  employerName: string;
  year: number;
  category: string;
  form: string;
  title: string;
  providerId: string | null;
  providerName: string;
  startDate: string;
  endDate: string;
  hours: number;
  field: string;
  source: string;
  status: string;
  providerRecordId: string | null;
  reviewReason: string | null;
  reviewedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  evidenceCount: number;
};

const SELECT_RECORD = `SELECT r.id, r.person_id AS "personId", p.name AS "personName", p.id_number_masked AS "idNumberMasked",
    r.employer_id AS "employerId", o.name AS "employerName", r.year, r.category, r.form, r.title, r.provider_id AS "providerId",
    r.provider_name AS "providerName", r.start_date AS "startDate", r.end_date AS "endDate", r.hours, r.field, r.source, r.status,
    r.provider_record_id AS "providerRecordId", r.review_reason AS "reviewReason", r.reviewed_at AS "reviewedAt",
    r.created_at AS "createdAt", r.updated_at AS "updatedAt",
    (SELECT count(*)::int FROM learning_evidence e WHERE e.record_id = r.id) AS "evidenceCount"
  FROM learning_records r JOIN people p ON p.id = r.person_id JOIN organisations o ON o.id = r.employer_id`;

export type RecordFilter = { personId?: string; employerId?: string; year?: number; status?: string; source?: string; q?: string; limit: number; offset: number };

export async function listRecordsInScope(db: Executor, grants: Grant[], permission: Permission, f: RecordFilter): Promise<{ items: RecordRow[]; total: number }> {
  const params = new SqlParams();
  const where = [scopeFilter(grants, permission, RECORD_SCOPE, params)];
  if (f.personId) where.push(`r.person_id = ${params.add(f.personId)}`);
  if (f.employerId) where.push(`r.employer_id = ${params.add(f.employerId)}`);
  if (f.year) where.push(`r.year = ${params.add(f.year)}`);
  if (f.status) where.push(`r.status = ${params.add(f.status)}`);
  if (f.source) where.push(`r.source = ${params.add(f.source)}`);
  if (f.q) where.push(`(p.name LIKE ${params.add(`%${f.q.replace(/[%_\\]/g, '\\$&')}%`)} OR r.title LIKE ${params.add(`%${f.q.replace(/[%_\\]/g, '\\$&')}%`)})`);
  const condition = where.join(' AND ');
  const from = 'FROM learning_records r JOIN people p ON p.id = r.person_id JOIN organisations o ON o.id = r.employer_id';
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${from} WHERE ${condition}`, params.values);
  const limit = params.add(f.limit);
  const offset = params.add(f.offset);
  const items = await db.query<RecordRow>(`${SELECT_RECORD} WHERE ${condition} ORDER BY r.created_at DESC, r.id LIMIT ${limit} OFFSET ${offset}`, params.values);
  return { items, total: total[0]?.n ?? 0 };
}

export async function findRecordInScope(db: Executor, grants: Grant[], permission: Permission, id: string): Promise<RecordRow | null> {
  const params = new SqlParams();
  const idParam = params.add(id);
  const scope = scopeFilter(grants, permission, RECORD_SCOPE, params);
  const rows = await db.query<RecordRow>(`${SELECT_RECORD} WHERE r.id = ${idParam} AND ${scope}`, params.values);
  return rows[0] ?? null;
}

export async function findOwnRecord(db: Executor, personId: string, id: string): Promise<RecordRow | null> {
  const rows = await db.query<RecordRow>(`${SELECT_RECORD} WHERE r.id = $1 AND r.person_id = $2`, [id, personId]);
  return rows[0] ?? null;
}

export async function listOwnRecords(db: Executor, personId: string, year?: number): Promise<RecordRow[]> {
  return db.query<RecordRow>(
    `${SELECT_RECORD} WHERE r.person_id = $1 AND ($2::smallint IS NULL OR r.year = $2) ORDER BY r.year DESC, r.start_date DESC, r.id LIMIT 1000`,
    [personId, year ?? null],
  );
}

export type RecordWrite = {
  id: string;
  provinceCode: string;
  personId: string;
  employerId: string;
  year: number;
  category: string;
  form: string;
  title: string;
  providerId: string | null;
  providerName: string;
  startDate: string;
  endDate: string;
  hours: number;
  field: string;
  source: string;
  status: string;
  providerRecordId: string | null;
  createdBy: string | null;
};

export const RECORD_COLUMNS = [
  'id', 'province_code', 'person_id', 'employer_id', 'year', 'category', 'form', 'title', 'provider_id', 'provider_name',
  'start_date', 'end_date', 'hours', 'field', 'source', 'status', 'provider_record_id', 'created_by',
] as const;

export function recordValues(r: RecordWrite): unknown[] {
  return [
    r.id, r.provinceCode, r.personId, r.employerId, r.year, r.category, r.form, r.title, r.providerId, r.providerName,
    r.startDate, r.endDate, r.hours, r.field, r.source, r.status, r.providerRecordId, r.createdBy,
  ];
}

export async function insertRecord(db: Executor, r: RecordWrite): Promise<void> {
  const placeholders = RECORD_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
  await db.query(`INSERT INTO learning_records (${RECORD_COLUMNS.join(', ')}) VALUES (${placeholders})`, recordValues(r));
}

/** Insert unless a record with the same (provider, provider record id) exists: its id, or null. */
export async function insertRecordOnce(db: Executor, r: RecordWrite): Promise<string | null> {
  const placeholders = RECORD_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
  const rows = await db.query<{ id: string }>(
    `INSERT INTO learning_records (${RECORD_COLUMNS.join(', ')}) VALUES (${placeholders})
     ON CONFLICT (provider_id, provider_record_id) DO NOTHING RETURNING id`,
    recordValues(r),
  );
  return rows[0]?.id ?? null;
}

export async function updateRecordContent(db: Executor, id: string, r: Omit<RecordWrite, 'id' | 'provinceCode' | 'personId' | 'employerId' | 'source' | 'providerRecordId' | 'createdBy'>, now: Date): Promise<void> {
  await db.query(
    `UPDATE learning_records SET year = $2, category = $3, form = $4, title = $5, provider_id = $6, provider_name = $7,
       start_date = $8, end_date = $9, hours = $10, field = $11, status = $12, review_reason = NULL, updated_at = $13 WHERE id = $1`,
    [id, r.year, r.category, r.form, r.title, r.providerId, r.providerName, r.startDate, r.endDate, r.hours, r.field, r.status, now],
  );
}

export async function setRecordStatus(db: Executor, id: string, change: { status: string; reason: string | null; by: string; now: Date }): Promise<void> {
  await db.query('UPDATE learning_records SET status = $2, review_reason = $3, reviewed_by = $4, reviewed_at = $5, updated_at = $5 WHERE id = $1', [
    id, change.status, change.reason, change.by, change.now,
  ]);
}

export async function insertEvidence(db: Executor, e: { id: string; recordId: string; fileName: string; contentType: string; data: Buffer; sha256: string }): Promise<void> {
  await db.query(
    'INSERT INTO learning_evidence (id, record_id, file_name, content_type, size_bytes, sha256, data) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [e.id, e.recordId, e.fileName, e.contentType, e.data.length, e.sha256, e.data],
  );
}

export type EvidenceRow = { id: string; fileName: string; contentType: string; sizeBytes: number; sha256: string; createdAt: Date };

export async function listEvidence(db: Executor, recordId: string): Promise<EvidenceRow[]> {
  return db.query<EvidenceRow>(
    `SELECT id, file_name AS "fileName", content_type AS "contentType", size_bytes AS "sizeBytes", sha256, created_at AS "createdAt"
       FROM learning_evidence WHERE record_id = $1 ORDER BY created_at`,
    [recordId],
  );
}

export async function findEvidenceData(db: Executor, recordId: string, id: string): Promise<(EvidenceRow & { data: Uint8Array }) | null> {
  const rows = await db.query<EvidenceRow & { data: Uint8Array }>(
    `SELECT id, file_name AS "fileName", content_type AS "contentType", size_bytes AS "sizeBytes", sha256, created_at AS "createdAt", data
       FROM learning_evidence WHERE record_id = $1 AND id = $2`,
    [recordId, id],
  );
  return rows[0] ?? null;
}

/** The person's province and employer: records are filed under them. */
export async function findPersonPlacement(db: Executor, personId: string): Promise<{ provinceCode: string; employerId: string } | null> {
  const rows = await db.query<{ provinceCode: string; employerId: string }>(
    'SELECT province_code AS "provinceCode", employer_id AS "employerId" FROM people WHERE id = $1',
    [personId],
  );
  return rows[0] ? { provinceCode: rows[0].provinceCode.trim(), employerId: rows[0].employerId } : null;
}
