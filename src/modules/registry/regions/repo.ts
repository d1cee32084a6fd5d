import type { Executor } from '../../../platform/db/executor.ts';

export type RegionRecord = { code: string; name: string; level: number; parentCode: string | null; provinceCode: string | null; flags: string[]; hasChildren: boolean };

const SELECT_REGION = `SELECT r.code, r.name, r.level, r.parent_code AS "parentCode", r.province_code AS "provinceCode",
    COALESCE((SELECT array_agg(f.flag ORDER BY f.flag) FROM region_flags f WHERE f.region_code = r.code), '{}') AS flags,
    EXISTS (SELECT 1 FROM regions c WHERE c.parent_code = r.code) AS "hasChildren"
  FROM regions r`;

export async function listRegionsByParent(db: Executor, parentCode: string): Promise<RegionRecord[]> {
  return db.query<RegionRecord>(`${SELECT_REGION} WHERE r.parent_code = $1 ORDER BY r.sort, r.code`, [parentCode]);
}

export async function listAllRegions(db: Executor): Promise<RegionRecord[]> {
  return db.query<RegionRecord>(`${SELECT_REGION} ORDER BY r.level, r.sort, r.code`);
}

export async function findRegion(db: Executor, code: string): Promise<RegionRecord | null> {
  const rows = await db.query<RegionRecord>(`${SELECT_REGION} WHERE r.code = $1`, [code]);
  return rows[0] ?? null;
}

export async function replaceRegionFlags(db: Executor, code: string, flags: string[], source: string): Promise<void> {
  await db.query('DELETE FROM region_flags WHERE region_code = $1', [code]);
  await db.query(
    'INSERT INTO region_flags (region_code, flag, source) SELECT $1, f, $3 FROM unnest($2::text[]) AS f',
    [code, flags, source],
  );
}
