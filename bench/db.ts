// Fresh databases for the benchmarks: an in-memory PGlite, or a temporary PostgreSQL database
// created from scratch, migrated and filled with reference data, and dropped at the end.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { SYSTEM_ACTOR, type Ctx } from '../src/platform/context.ts';
import { type PiiCipher, createPiiCipher } from '../src/platform/crypto/pii.ts';
import type { Database } from '../src/platform/db/executor.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { openPglite } from '../src/platform/db/pglite.ts';
import { openPostgres } from '../src/platform/db/postgres.ts';
import { loadReferenceData } from '../src/modules/registry/index.ts';

export type Engine = 'pg' | 'pglite';
export const ENGINES: readonly Engine[] = ['pg', 'pglite'];
export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

export function serverUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_PG_URL;
}

export function engineLabel(engine: Engine): string {
  return engine === 'pg' ? 'PostgreSQL' : 'PGlite';
}

function databaseUrlFor(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// Databases this process created, dropped on exit even when a benchmark fails half-way.
const created = new Set<string>();

export type TempDatabase = { name: string; url: string; drop: () => Promise<void> };

/** An empty PostgreSQL database with a unique name; `drop` removes it (FORCE ends sessions). */
export async function createTempPgDatabase(): Promise<TempDatabase> {
  const name = `zhigeng_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  created.add(name);
  return {
    name,
    url: databaseUrlFor(name),
    drop: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      created.delete(name);
    },
  };
}

export async function dropLeftoverDatabases(): Promise<void> {
  for (const name of [...created]) {
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    created.delete(name);
  }
}

/** Migrations plus reference data, exactly as the server's start-up does. */
export async function prepareSchema(db: Database): Promise<void> {
  await migrate(db);
  await db.transaction((tx) => loadReferenceData(tx));
}

/** `url` is the PostgreSQL database's address, for a server in another process; none for PGlite. */
export type FreshDatabase = { db: Database; url?: string; close: () => Promise<void> };

/** A migrated database with reference data and nothing else, on the chosen engine. */
export async function openFreshDatabase(engine: Engine): Promise<FreshDatabase> {
  if (engine === 'pglite') {
    const db = await openPglite();
    await prepareSchema(db);
    return { db, close: () => db.close() };
  }
  const temp = await createTempPgDatabase();
  const db = await openPostgres(temp.url, { max: 4 });
  try {
    await prepareSchema(db);
  } catch (error) {
    await db.close();
    await temp.drop();
    throw error;
  }
  return {
    db,
    url: temp.url,
    close: async () => {
      await db.close();
      await temp.drop();
    },
  };
}

export function benchPii(masterKey = randomBytes(32)): PiiCipher {
  return createPiiCipher(masterKey);
}

/** A national_admin (system) actor context, as start-up and the CLI use. */
export function systemContext(db: Database, pii: PiiCipher, requestId = 'bench'): Ctx {
  return { db, pii, actor: SYSTEM_ACTOR, now: new Date(), locale: 'zh-CN', requestId, ip: '127.0.0.1' };
}
