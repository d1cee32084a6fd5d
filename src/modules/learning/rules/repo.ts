import type { Executor } from '../../../platform/db/executor.ts';
import type { RulesPatch } from '../rules.ts';

export type RuleVersionRow = { regionCode: string; year: number; version: number; patch: RulesPatch; note: string; createdAt: Date };

/** The latest patch of each region among `regionCodes` for `year`. */
export async function listLatestPatches(db: Executor, regionCodes: string[], year: number): Promise<Map<string, RuleVersionRow>> {
  const rows = await db.query<RuleVersionRow>(
    `SELECT DISTINCT ON (region_code) region_code AS "regionCode", year, version, patch, note, created_at AS "createdAt"
       FROM learning_rule_versions WHERE region_code = ANY($1::char(6)[]) AND year = $2
      ORDER BY region_code, version DESC`,
    [regionCodes, year],
  );
  return new Map(rows.map((r) => [r.regionCode.trim(), r]));
}

export async function listVersions(db: Executor, regionCode: string, year: number): Promise<RuleVersionRow[]> {
  return db.query<RuleVersionRow>(
    `SELECT region_code AS "regionCode", year, version, patch, note, created_at AS "createdAt"
       FROM learning_rule_versions WHERE region_code = $1 AND year = $2 ORDER BY version DESC LIMIT 100`,
    [regionCode, year],
  );
}

export async function insertVersion(db: Executor, v: { regionCode: string; year: number; patch: RulesPatch; note: string; createdBy: string | null }): Promise<number> {
  const rows = await db.query<{ version: number }>(
    `INSERT INTO learning_rule_versions (region_code, year, version, patch, note, created_by)
     SELECT $1, $2, COALESCE(max(version), 0) + 1, $3, $4, $5 FROM learning_rule_versions WHERE region_code = $1 AND year = $2
     RETURNING version`,
    [v.regionCode, v.year, JSON.stringify(v.patch), v.note, v.createdBy],
  );
  return rows[0]?.version ?? 0;
}
