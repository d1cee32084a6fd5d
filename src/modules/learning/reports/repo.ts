import { csvField } from '../../../platform/files/row-issues.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import type { AddedRecord } from '../compliance/service.ts';

export type ReportedPerson = { hash: string; id: string; name: string; provinceCode: string; employerId: string };

/** The people with these ID hashes, in one query: providers report nationwide, so no scope applies. */
export async function listPeopleByIdHashes(db: Executor, hashes: Buffer[]): Promise<Map<string, ReportedPerson>> {
  if (hashes.length === 0) return new Map();
  const rows = await db.query<ReportedPerson>(
    `SELECT encode(id_number_hash, 'hex') AS hash, id, name, trim(province_code) AS "provinceCode", employer_id AS "employerId"
       FROM people WHERE id_number_hash = ANY($1::bytea[])`,
    [hashes],
  );
  return new Map(rows.map((r) => [r.hash, r]));
}

export async function findOrganisationName(db: Executor, id: string): Promise<string | null> {
  const rows = await db.query<{ name: string }>('SELECT name FROM organisations WHERE id = $1', [id]);
  return rows[0]?.name ?? null;
}

export type StagedRecord = {
  id: string;
  provinceCode: string;
  personId: string;
  employerId: string;
  year: number;
  category: string;
  form: string;
  title: string;
  startDate: string;
  endDate: string;
  hours: number;
  field: string;
  providerRecordId: string;
};

const STAGING_COLUMNS = [
  'id', 'province_code', 'person_id', 'employer_id', 'year', 'category', 'form', 'title', 'start_date', 'end_date', 'hours', 'field', 'provider_record_id',
] as const;

const DIRECT_COLUMNS = [...STAGING_COLUMNS, 'provider_id', 'provider_name', 'source', 'status', 'created_by'] as const;

type Provider = { id: string; name: string; createdBy: string };

function encodeRows(rows: StagedRecord[], provider?: Provider): string {
  const extra = provider ? `,${provider.id},${csvField(provider.name)},provider_reported,approved,${provider.createdBy}` : '';
  let out = '';
  for (const r of rows) {
    out += `${r.id},${r.provinceCode},${r.personId},${r.employerId},${r.year},${r.category},${r.form},${csvField(r.title)},${r.startDate},${r.endDate},${r.hours},${r.field},${csvField(r.providerRecordId)}${extra}\n`;
  }
  return out;
}

// Class of the advisory locks taken per provider (the key is a hash of the provider's id).
const REPORT_LOCK_CLASS = 7_402_115;

/**
 * Write reported records set-based, skipping what the provider reported before (same provider
 * record id). One provider's batches take turns (an advisory lock on the provider), so the
 * records it already has are known before writing and the new ones go straight in with COPY.
 * Should another path have written one of those ids meanwhile, the unique key stops the COPY and
 * the batch goes through a staging table and INSERT … ON CONFLICT DO NOTHING instead.
 * Returns the (person, year) of each record actually created.
 */
export async function insertReportedRecords(tx: Executor, rows: StagedRecord[], provider: Provider): Promise<AddedRecord[]> {
  if (rows.length === 0) return [];
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [REPORT_LOCK_CLASS, provider.id]);
  // A join with the batch's ids, not `= ANY($2)`: the statement is prepared, and after five
  // executions PostgreSQL may keep a generic plan; for `= ANY` that plan scanned the provider's
  // records and compared each with the whole array (13 s at 100,000 records), for the join it
  // looks each id up in the unique index.
  const known = await tx.query<{ id: string }>(
    `SELECT r.provider_record_id AS id FROM unnest($2::text[]) AS k (id)
       JOIN learning_records r ON r.provider_id = $1 AND r.provider_record_id = k.id`,
    [provider.id, rows.map((r) => r.providerRecordId)],
  );
  const seen = new Set(known.map((k) => k.id));
  const fresh = seen.size ? rows.filter((r) => !seen.has(r.providerRecordId)) : rows;
  if (fresh.length === 0) return [];
  await tx.exec('SAVEPOINT learning_report_copy');
  try {
    await tx.copyCsv('learning_records', DIRECT_COLUMNS, encodeRows(fresh, provider));
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
    await tx.exec('ROLLBACK TO SAVEPOINT learning_report_copy');
    return insertThroughStaging(tx, fresh, provider);
  }
  await tx.exec('RELEASE SAVEPOINT learning_report_copy');
  return fresh.map((r) => ({ personId: r.personId, year: r.year, provinceCode: r.provinceCode, hours: r.hours, category: r.category }));
}

/** The conflict-proof path: COPY into a staging table of this transaction, then INSERT … ON CONFLICT DO NOTHING. */
export async function insertThroughStaging(tx: Executor, rows: StagedRecord[], provider: Provider): Promise<AddedRecord[]> {
  // Utility statements take no parameters: create first, then fill.
  await tx.exec(`CREATE TEMP TABLE IF NOT EXISTS learning_report_staging (
      id uuid, province_code char(6), person_id uuid, employer_id uuid, year smallint, category text, form text, title text,
      start_date date, end_date date, hours numeric(6,1), field text, provider_record_id text) ON COMMIT DROP`);
  await tx.copyCsv('learning_report_staging', STAGING_COLUMNS, encodeRows(rows));
  return tx.query<AddedRecord>(
    `INSERT INTO learning_records (id, province_code, person_id, employer_id, year, category, form, title, provider_id, provider_name,
       start_date, end_date, hours, field, source, status, provider_record_id, created_by)
     SELECT id, province_code, person_id, employer_id, year, category, form, title, $1, $2,
            start_date, end_date, hours, field, 'provider_reported', 'approved', provider_record_id, $3
       FROM learning_report_staging
     ON CONFLICT (provider_id, provider_record_id) DO NOTHING
     RETURNING person_id AS "personId", year, trim(province_code) AS "provinceCode", hours::float8 AS hours, category`,
    [provider.id, provider.name, provider.createdBy],
  );
}
