import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR } from '../paths.ts';
import type { Database } from './executor.ts';

export { MIGRATIONS_DIR };

export type Migration = { version: number; name: string; sql: string; checksum: string };

/** Read `NNNN_name.sql` files in order; a gap or a duplicate number is a programming error. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return files.map((file, index) => {
    const version = Number(file.slice(0, 4));
    if (version !== index + 1) throw new Error(`migration ${file}: expected number ${index + 1}`);
    const sql = readFileSync(path.join(dir, file), 'utf8');
    const checksum = createHash('sha256').update(sql).digest('hex');
    return { version, name: file.replace(/\.sql$/, ''), sql, checksum };
  });
}

// Any constant works: it only has to be the same in every process that migrates.
const MIGRATION_LOCK_KEY = 7_402_113;

/**
 * Apply pending migrations under an advisory lock, each in its own transaction with its
 * checksum recorded. An applied file whose content changed stops the start: migrations are
 * append-only, so an edit means the database and the code disagree.
 */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<{ applied: string[] }> {
  const migrations = readMigrations(dir);
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version int PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    const done = await tx.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    const byVersion = new Map(done.map((d) => [d.version, d]));
    for (const m of migrations) {
      const prior = byVersion.get(m.version);
      if (prior) {
        if (prior.checksum !== m.checksum) {
          throw new Error(`migration ${m.name} was changed after it was applied (checksum mismatch)`);
        }
        continue;
      }
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        m.checksum,
      ]);
      applied.push(m.name);
    }
    for (const d of done) {
      if (!migrations.some((m) => m.version === d.version)) {
        throw new Error(`database has migration ${d.name} that this code does not know: is the code older?`);
      }
    }
  });
  return { applied };
}
