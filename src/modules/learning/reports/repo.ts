import { csvField } from '../../../platform/files/row-issues.ts';
import type { Executor } from '../../../platform/db/executor.ts';

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

function encodeStaging(rows: StagedRecord[]): string {
  const lines = rows.map((r) =>
    [r.id, r.provinceCode, r.personId, r.employerId, r.year, r.category, r.form, csvField(r.title), r.startDate, r.endDate, r.hours, r.field, csvField(r.providerRecordId)].join(','),
  );
  return `${lines.join('\n')}\n`;
}

/**
 * Write reported records set-based: COPY into a staging table of this transaction, then one
 * INSERT … SELECT that skips what the provider reported before (same provider record id).
 * Returns the (person, year) of each record actually created.
 */
export async function insertReportedRecords(
  tx: Executor,
  rows: StagedRecord[],
  provider: { id: string; name: string; createdBy: string },
): Promise<{ personId: string; year: number }[]> {
  if (rows.length === 0) return [];
  // Utility statements take no parameters: create first, then fill.
  await tx.exec(`CREATE TEMP TABLE learning_report_staging (
      id uuid, province_code char(6), person_id uuid, employer_id uuid, year smallint, category text, form text, title text,
      start_date date, end_date date, hours numeric(6,1), field text, provider_record_id text) ON COMMIT DROP`);
  await tx.copyCsv('learning_report_staging', STAGING_COLUMNS, encodeStaging(rows));
  return tx.query<{ personId: string; year: number }>(
    `INSERT INTO learning_records (id, province_code, person_id, employer_id, year, category, form, title, provider_id, provider_name,
       start_date, end_date, hours, field, source, status, provider_record_id, created_by)
     SELECT id, province_code, person_id, employer_id, year, category, form, title, $1, $2,
            start_date, end_date, hours, field, 'provider_reported', 'approved', provider_record_id, $3
       FROM learning_report_staging
     ON CONFLICT (provider_id, provider_record_id) DO NOTHING
     RETURNING person_id AS "personId", year`,
    [provider.id, provider.name, provider.createdBy],
  );
}

