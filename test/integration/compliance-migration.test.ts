import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, databaseUrlFor, testEngine, uniqueName } from '../support/template.ts';
import type { Database } from '../../src/platform/db/executor.ts';
import { MIGRATIONS_DIR, migrate } from '../../src/platform/db/migrate.ts';
import { openPglite } from '../../src/platform/db/pglite.ts';
import { openPostgres } from '../../src/platform/db/postgres.ts';

// Migration 0016 turns learning_compliance into a table partitioned by year: the rows a database
// already holds must arrive, unchanged but for the per-form figures, in one partition per year.

let db: Database;
let dir: string;
const PARTITIONING = '0016_partition_compliance.sql';

async function freshDatabase(): Promise<Database> {
  if (testEngine() === 'pglite') return openPglite();
  const name = uniqueName('zhigeng_mig');
  await adminQuery(`CREATE DATABASE ${name}`);
  const pg = await openPostgres(databaseUrlFor(name), { max: 2 });
  return { ...pg, close: async () => { await pg.close(); await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } };
}

const ROWS = [
  ['0190a2b4-0000-7000-8000-000000000001', 2024, '330000', 95.5, 30, 65.5, 90, 60, 0, true, '{"training": 65.5, "online": 30}'],
  ['0190a2b4-0000-7000-8000-000000000001', 2025, '330000', 12, 0, 12, 90, 60, 0, false, '{"conference": 12}'],
  ['0190a2b4-0000-7000-8000-000000000002', 2025, '320000', 0, 0, 0, 72, 48, 20, false, '{}'],
] as const;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'zhigeng-migrations-'));
  for (const file of readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql') && f < PARTITIONING)) {
    copyFileSync(path.join(MIGRATIONS_DIR, file), path.join(dir, file));
  }
  db = await freshDatabase();
  await migrate(db, dir);
  for (const r of ROWS) {
    await db.query(
      `INSERT INTO learning_compliance (person_id, year, province_code, total_hours, public_hours, professional_hours,
         required_total, required_professional, required_public, compliant, by_form, computed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, '2026-01-02T03:04:05Z')`,
      [...r],
    );
  }
  copyFileSync(path.join(MIGRATIONS_DIR, PARTITIONING), path.join(dir, PARTITIONING));
  expect(await migrate(db, dir)).toEqual({ applied: [PARTITIONING.replace('.sql', '')] });
}, 90_000);
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migration 0016 (learning_compliance partitioned by year)', () => {
  it('keeps every row and figure, each year in its own partition', async () => {
    const rows = await db.query<Record<string, unknown>>(
      `SELECT tableoid::regclass::text AS partition, person_id AS "personId", year, province_code AS "provinceCode", total_hours AS total,
              public_hours AS pub, professional_hours AS pro, required_total AS "requiredTotal", required_professional AS "requiredProfessional",
              required_public AS "requiredPublic", compliant, computed_at = '2026-01-02T03:04:05Z' AS "sameTime"
         FROM learning_compliance ORDER BY year, person_id`,
    );
    expect(rows).toEqual(
      ROWS.map((r) => ({
        partition: `learning_compliance_y${r[1]}`, personId: r[0], year: r[1], provinceCode: r[2], total: r[3], pub: r[4], pro: r[5],
        requiredTotal: r[6], requiredProfessional: r[7], requiredPublic: r[8], compliant: r[9], sameTime: true,
      })),
    );
  });

  it('drops the per-form figures and the old table, and sends other years to the default partition', async () => {
    const columns = await db.query<{ name: string }>(
      `SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'learning_compliance' AND column_name = 'by_form'`,
    );
    expect(columns).toEqual([]);
    expect(await db.query(`SELECT to_regclass('learning_compliance_unpartitioned') AS old`)).toEqual([{ old: null }]);
    await db.query(
      `INSERT INTO learning_compliance (person_id, year, province_code, total_hours, public_hours, professional_hours,
         required_total, required_professional, required_public, compliant)
       VALUES ('0190a2b4-0000-7000-8000-000000000003', 2026, '330000', 1, 0, 1, 90, 60, 0, false)`,
    );
    const placed = await db.query<{ partition: string }>(`SELECT tableoid::regclass::text AS partition FROM learning_compliance WHERE year = 2026`);
    expect(placed).toEqual([{ partition: 'learning_compliance_default' }]);
  });

  it('keeps fillfactor 80 on every partition, so updates of unchanged keys stay heap-only', async () => {
    const options = await db.query<{ name: string; options: string[] | null }>(
      `SELECT c.relname AS name, c.reloptions AS options FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'learning_compliance'::regclass ORDER BY c.relname`,
    );
    expect(options).toEqual(
      ['learning_compliance_default', 'learning_compliance_y2024', 'learning_compliance_y2025'].map((name) => ({ name, options: ['fillfactor=80'] })),
    );
  });
});
