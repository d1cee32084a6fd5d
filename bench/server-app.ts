// Child process: the full Zhigeng app (every plugin, hook and module, logLevel 'silent') on a
// database holding the demo data, for the GET /api/people/:id benchmark.
// Usage: node --import tsx bench/server-app.ts --engine pg --db-url URL --password P [--port-from 3300]
import type { Database } from '../src/platform/db/executor.ts';
import { openPglite } from '../src/platform/db/pglite.ts';
import { openPostgres } from '../src/platform/db/postgres.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { loadDemoData } from '../src/modules/registry/demo.ts';
import { benchPii, prepareSchema, systemContext } from './db.ts';
import { announce, argValue, listenInRange, onStop } from './serve.ts';

const engine = argValue('engine');
const dbUrl = argValue('db-url');
const password = argValue('password');
if ((engine !== 'pg' && engine !== 'pglite') || !password || (engine === 'pg' && !dbUrl)) {
  console.error('usage: server-app.ts --engine pg|pglite [--db-url URL] --password P [--port-from N]');
  process.exit(2);
}

// The same pool size the server uses (openPostgres default); PGlite in memory.
const db: Database = engine === 'pg' ? await openPostgres(dbUrl as string) : await openPglite();
const pii = benchPii();
await prepareSchema(db);
const demo = await loadDemoData(systemContext(db, pii, 'bench-demo'), { password });
if (!demo) throw new Error('demo data was not loaded: the database is not empty');
// A person in Zhejiang, inside the scope of the demo account 'province.zj'.
const person = await db.query<{ id: string }>(`SELECT id FROM people WHERE province_code = '330000' ORDER BY id LIMIT 1`);
const counts = await db.query<{ people: number; orgs: number }>(
  'SELECT (SELECT count(*)::int FROM people) AS people, (SELECT count(*)::int FROM organisations) AS orgs',
);
const app = await buildApp({ db, pii, logLevel: 'silent' });
const port = await listenInRange(app, Number(argValue('port-from') ?? 3300));
onStop(async () => {
  await app.close();
  await db.close();
});
announce({ port, personId: person[0]?.id, username: 'province.zj', people: counts[0]?.people, organisations: counts[0]?.orgs });
