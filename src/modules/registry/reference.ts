import { createHash } from 'node:crypto';
import type { Executor } from '../../platform/db/executor.ts';
import { NATIONAL_DEPARTMENTS } from './departments/catalogue.ts';
import { deriveRegionFlags, loadRegionReference } from './regions/reference.ts';

/**
 * Load the reference data (regions, their derived flags, departments and their provincial
 * counterparts) set-based and idempotently: run at every start, it adds what a newer data
 * package brings and renames what changed, without touching rows that reference them.
 */
export async function loadReferenceData(tx: Executor): Promise<void> {
  const regions = loadRegionReference();
  const fingerprint = createHash('sha256').update(JSON.stringify([regions, NATIONAL_DEPARTMENTS])).digest('hex');
  const loaded = await tx.query<{ fingerprint: string }>(`SELECT fingerprint FROM reference_data_versions WHERE name = 'registry'`);
  if (loaded[0]?.fingerprint === fingerprint) return;
  await tx.query(
    `INSERT INTO regions (code, name, level, parent_code, province_code, sort)
     SELECT * FROM unnest($1::char(6)[], $2::text[], $3::smallint[], $4::char(6)[], $5::char(6)[], $6::int[])
       ORDER BY 3
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, sort = EXCLUDED.sort`,
    [
      regions.map((r) => r.code),
      regions.map((r) => r.name),
      regions.map((r) => r.level),
      regions.map((r) => r.parentCode),
      regions.map((r) => r.provinceCode),
      regions.map((r) => r.sort),
    ],
  );
  const flags = deriveRegionFlags(regions);
  await tx.query(
    `INSERT INTO region_flags (region_code, flag, source)
     SELECT * FROM unnest($1::char(6)[], $2::text[], $3::text[])
     ON CONFLICT DO NOTHING`,
    [flags.map((f) => f.regionCode), flags.map((f) => f.flag), flags.map((f) => f.source)],
  );
  const provinces = regions.filter((r) => r.level === 1);
  const rows: (string | number | null)[][] = [];
  NATIONAL_DEPARTMENTS.forEach((d, i) => {
    rows.push([d.code, d.name, d.shortName, d.nameEn, 'national', '000000', null, i]);
  });
  NATIONAL_DEPARTMENTS.forEach((d, i) => {
    if (!d.counterpart) return;
    for (const p of provinces) {
      const name = `${p.name}${d.counterpart}`;
      rows.push([`${d.code}.${p.code}`, name, name, `${d.nameEn} (${p.code})`, 'provincial', p.code, d.code, i]);
    }
  });
  const col = (n: number) => rows.map((r) => r[n]);
  await tx.query(
    `INSERT INTO departments (code, name, short_name, name_en, level, region_code, parent_code, sort)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::char(6)[], $7::text[], $8::int[])
       ORDER BY 5
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, short_name = EXCLUDED.short_name, name_en = EXCLUDED.name_en`,
    [col(0), col(1), col(2), col(3), col(4), col(5), col(6), col(7)],
  );
  await tx.query(
    `INSERT INTO reference_data_versions (name, fingerprint) VALUES ('registry', $1)
     ON CONFLICT (name) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, loaded_at = now()`,
    [fingerprint],
  );
}
