// Child process: the whole Zhigeng application (every plugin and hook, logging off) on the
// reporting benchmark's PostgreSQL database, with the benchmark's PII key so that ID hashes match.
// Usage: node --import tsx bench/server-report.ts --db-url URL --pii-key HEX [--port-from 3300]
import { openPostgres } from '../src/platform/db/postgres.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { benchPii } from './db.ts';
import { announce, argValue, listenInRange, onStop } from './serve.ts';

const dbUrl = argValue('db-url');
const piiKey = argValue('pii-key');
if (!dbUrl || !piiKey || !/^[0-9a-f]{64}$/.test(piiKey)) {
  console.error('usage: server-report.ts --db-url URL --pii-key HEX(32 bytes) [--port-from N]');
  process.exit(2);
}

// The same pool size the server uses (openPostgres default).
const db = await openPostgres(dbUrl);
const app = await buildApp({ db, pii: benchPii(Buffer.from(piiKey, 'hex')), logLevel: 'silent' });
const port = await listenInRange(app, Number(argValue('port-from') ?? 3300));
onStop(async () => {
  await app.close();
  await db.close();
});
announce({ port });
