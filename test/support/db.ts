import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import type { Database } from '../../src/platform/db/executor.ts';
import { openPglite } from '../../src/platform/db/pglite.ts';
import { openPostgres } from '../../src/platform/db/postgres.ts';
import { adminQuery, databaseUrlFor, testEngine, uniqueName } from './template.ts';

/**
 * A fresh database for one test file: on PGlite an in-memory copy of the migrated template,
 * on PostgreSQL a database cloned from the template (CREATE DATABASE … TEMPLATE), dropped on close.
 */
export async function createTestDatabase(): Promise<Database> {
  if (testEngine() === 'postgres') {
    const name = uniqueName('zhigeng_t');
    await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
    const db = await openPostgres(databaseUrlFor(name), { max: 20 });
    return {
      ...db,
      close: async () => {
        await db.close();
        await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const tar = readFileSync(inject('pgliteTemplate'));
  return openPglite({ loadDataDir: new Blob([tar]) });
}
