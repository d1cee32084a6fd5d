import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../src/platform/db/executor.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { openPglite } from '../../src/platform/db/pglite.ts';
import { openPostgres } from '../../src/platform/db/postgres.ts';
import { loadReferenceData } from '../../src/modules/registry/index.ts';

/** Which engine the integration tests run on: PostgreSQL when DATABASE_URL is set. */
export function testEngine(): 'pglite' | 'postgres' {
  return process.env.DATABASE_URL ? 'postgres' : 'pglite';
}

export async function prepareSchema(db: Database): Promise<void> {
  await migrate(db);
  await db.transaction((tx) => loadReferenceData(tx));
}

export function databaseUrlFor(name: string): string {
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** A migrated PGlite with reference data, dumped once so each test file can load a copy. */
export async function buildPgliteTemplate(): Promise<Blob> {
  const db = await openPglite();
  try {
    await prepareSchema(db);
    return await (db.dump as () => Promise<Blob>)();
  } finally {
    await db.close();
  }
}

export async function buildPostgresTemplate(name: string): Promise<void> {
  await adminQuery(`CREATE DATABASE ${name}`);
  const db = await openPostgres(databaseUrlFor(name), { max: 2 });
  try {
    await prepareSchema(db);
  } finally {
    await db.close();
  }
}
