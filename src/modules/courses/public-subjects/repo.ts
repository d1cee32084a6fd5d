import type { Executor } from '../../../platform/db/executor.ts';
import type { CatalogueItem } from '../rules.ts';

export type CatalogueVersion = {
  regionCode: string;
  year: number;
  version: number;
  adoptsNationalVersion: number | null;
  items: CatalogueItem[];
  note: string;
  createdAt: Date;
};

const SELECT = `SELECT region_code::text AS "regionCode", year, version, adopts_national_version AS "adoptsNationalVersion", items, note, created_at AS "createdAt"
  FROM public_subject_catalogues`;

/** Every version of a region's catalogue for a year, newest first (the history). */
export async function listVersions(db: Executor, regionCode: string, year: number): Promise<CatalogueVersion[]> {
  return db.query<CatalogueVersion>(`${SELECT} WHERE region_code = $1 AND year = $2 ORDER BY version DESC LIMIT 200`, [regionCode, year]);
}

export async function findVersion(db: Executor, regionCode: string, year: number, version: number): Promise<CatalogueVersion | null> {
  const rows = await db.query<CatalogueVersion>(`${SELECT} WHERE region_code = $1 AND year = $2 AND version = $3`, [regionCode, year, version]);
  return rows[0] ?? null;
}

/** Append the next version (numbered under an advisory lock on the region and year). */
export async function insertVersion(tx: Executor, v: { regionCode: string; year: number; adoptsNationalVersion: number | null; items: CatalogueItem[]; note: string; by: string; now: Date }): Promise<number> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`public-subjects:${v.regionCode}:${v.year}`]);
  const rows = await tx.query<{ version: number }>(
    `INSERT INTO public_subject_catalogues (region_code, year, version, adopts_national_version, items, note, created_by, created_at)
     SELECT $1, $2, coalesce(max(version), 0) + 1, $3, $4, $5, $6, $7 FROM public_subject_catalogues WHERE region_code = $1 AND year = $2
     RETURNING version`,
    [v.regionCode, v.year, v.adoptsNationalVersion, JSON.stringify(v.items), v.note, v.by, v.now],
  );
  return rows[0]?.version ?? 0;
}

export type CourseBrief = { id: string; title: string; providerName: string; hours: number; category: string; status: string };

export async function listCourseBriefs(db: Executor, ids: string[]): Promise<CourseBrief[]> {
  if (ids.length === 0) return [];
  return db.query<CourseBrief>(
    `SELECT c.id, c.title, o.name AS "providerName", c.hours, c.category, c.status FROM courses c JOIN organisations o ON o.id = c.provider_id WHERE c.id = ANY($1::uuid[])`,
    [ids],
  );
}
