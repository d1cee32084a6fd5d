// The HTTP side of the reporting benchmark: the whole application (every plugin and hook,
// logging off) and a provider's reporting API key; batches are sent as the JSON a provider would
// send, encoded before the clock starts. On PostgreSQL the server is a process of its own (as in
// production, its heap holds none of the benchmark's million rows); PGlite lives in this process,
// so its server does too.
import type { AddressInfo } from 'node:net';
import type { Ctx } from '../src/platform/context.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { createApiKey } from '../src/modules/learning/api-keys/service.ts';
import { startChild } from './child.ts';

export type ReportServer = { url: string; key: string; keyId: string; close: () => Promise<void> };
export type ReportAnswer = { received: number; created: number; unchanged: number; rejected: number };

async function listen(ctx: Ctx, dbUrl: string | undefined, piiKey: Buffer, log: (line: string) => void): Promise<{ port: number; close: () => Promise<void> }> {
  if (dbUrl) {
    const child = await startChild('server-report.ts', ['--db-url', dbUrl, '--pii-key', piiKey.toString('hex')], { log });
    return { port: Number(child.info.port), close: child.stop };
  }
  const app = await buildApp({ db: ctx.db, pii: ctx.pii, logLevel: 'silent' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { port: (app.server.address() as AddressInfo).port, close: () => app.close() };
}

/** The application on 127.0.0.1 and a reporting key for the provider. */
export async function startReportServer(
  ctx: Ctx,
  providerId: string,
  db: { url?: string; piiKey: Buffer },
  log: (line: string) => void,
): Promise<ReportServer> {
  const { id: keyId, key } = await createApiKey(ctx, { name: 'bench', purpose: 'report', organisationId: providerId });
  const { port, close } = await listen(ctx, db.url, db.piiKey, log);
  return { url: `http://127.0.0.1:${port}/api/learning/reports?mode=all_or_nothing`, key, keyId, close };
}

/** One batch, `{ records: [...] }` already encoded; anything but 200 stops the benchmark. */
export async function postReport(server: ReportServer, body: string): Promise<ReportAnswer> {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.key}`, 'content-type': 'application/json' },
    body,
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`POST /api/learning/reports answered ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as ReportAnswer;
}
