import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, createUser, login } from '../support/app.ts';
import { makeOrganisation, validCitizenId } from '../support/fixtures.ts';
import { linkHash } from '../../src/platform/audit/chain.ts';
import { recordAudit } from '../../src/platform/audit/record.ts';
import { type ChainReport, verifyAuditChain } from '../../src/platform/audit/verify.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { SYSTEM_ACTOR } from '../../src/platform/context.ts';
import type { Database, Executor } from '../../src/platform/db/executor.ts';
import { openDatabase } from '../../src/platform/db/open.ts';
import { testPii } from '../support/app.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let t: TestApp;
let eventsBefore: number;

async function countEvents(db: Executor): Promise<number> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events'))[0]?.n ?? 0;
}

beforeAll(async () => {
  t = await createTestApp();
  eventsBefore = await countEvents(t.db);
  // Five changes, each recording one event: account created, sign-in, person created,
  // ID number revealed, person deactivated.
  await createUser(t, 'auditor', [{ role: 'province_admin', scopeType: 'region', scopeId: '330000' }]);
  const client = await login(t, 'auditor');
  const org = await makeOrganisation(t.db, { regionCode: '330100' });
  const created = await client.post('/api/people', { idNumber: validCitizenId(), name: '审计甲', regionCode: '330100', employerId: org.id, titleLevel: 'none' });
  expect(created.statusCode).toBe(201);
  expect((await client.get(`/api/people/${created.json().id}/id-number`)).statusCode).toBe(200);
  expect((await client.post(`/api/people/${created.json().id}/deactivate`)).statusCode).toBe(200);
});
afterAll(() => t.close());

class Rollback extends Error {}

/** Tamper inside a transaction, verify there, and roll back so each case starts from the intact chain. */
async function verifyAfter(tamper: (tx: Executor) => Promise<void>, pageSize?: number): Promise<ChainReport> {
  let report: ChainReport | undefined;
  await t.db
    .transaction(async (tx) => {
      await tamper(tx);
      report = await verifyAuditChain(tx, pageSize);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return report as ChainReport;
}

type EventRow = {
  seq: number; at: Date; actor_id: string | null; actor_name: string; action: string; entity: string;
  entity_id: string; before: unknown; after: unknown; ip: string; request_id: string; prev_hash: string;
};

/** What a careful forger would do: change the content and store a matching hash for that row. */
async function alterAndRehash(tx: Executor, seq: number): Promise<void> {
  const row = (await tx.query<EventRow>('SELECT * FROM audit_events WHERE seq = $1', [seq]))[0] as EventRow;
  const after = { forged: true };
  const hash = linkHash(row.prev_hash, {
    seq, at: new Date(row.at).toISOString(), actorId: row.actor_id, actorName: row.actor_name, action: row.action,
    entity: row.entity, entityId: row.entity_id, before: row.before, after, ip: row.ip, requestId: row.request_id,
  });
  await tx.query('UPDATE audit_events SET after = $2, hash = $3 WHERE seq = $1', [seq, JSON.stringify(after), hash]);
}

describe('verifyAuditChain on an intact chain', () => {
  it('reports ok with one event per recorded change', async () => {
    const report = await verifyAuditChain(t.db);
    expect(report).toEqual({ ok: true, events: eventsBefore + 5 });
    expect(report.events).toBe(await countEvents(t.db));
  });

  it('gives the same answer when it reads the chain in small pages', async () => {
    expect(await verifyAuditChain(t.db, 2)).toEqual({ ok: true, events: eventsBefore + 5 });
  });

  it('links the recorded actions in the order they happened', async () => {
    const rows = await t.db.query<{ action: string }>('SELECT action FROM audit_events WHERE seq > $1 ORDER BY seq', [eventsBefore]);
    expect(rows.map((r) => r.action)).toEqual(['account.created', 'account.login', 'person.created', 'person.id_number_revealed', 'person.deactivated']);
  });
});

describe('verifyAuditChain finds where the chain was tampered with', () => {
  const at = () => eventsBefore + 3;

  it.each<[string, (tx: Executor, seq: number) => Promise<unknown>, number, string]>([
    ['an edited `after`', (tx, seq) => tx.query(`UPDATE audit_events SET after = '{"name":"改过"}'::jsonb WHERE seq = $1`, [seq]), 0, 'content was altered'],
    ['an edited actor name', (tx, seq) => tx.query(`UPDATE audit_events SET actor_name = 'someone.else' WHERE seq = $1`, [seq]), 0, 'content was altered'],
    ['a moved time', (tx, seq) => tx.query(`UPDATE audit_events SET at = at - interval '1 day' WHERE seq = $1`, [seq]), 0, 'content was altered'],
    ['a deleted event', (tx, seq) => tx.query('DELETE FROM audit_events WHERE seq = $1', [seq]), 0, 'missing event'],
    ['an edited event whose own hash was recomputed', (tx, seq) => alterAndRehash(tx, seq), 1, 'previous hash does not match'],
  ])('%s', async (_label, tamper, offset, reason) => {
    const seq = at();
    const brokenAt = seq + offset;
    const expected = { ok: false, brokenAt, reason, events: brokenAt - 1 };
    expect(await verifyAfter((tx) => tamper(tx, seq).then(() => undefined))).toEqual(expected);
    expect(await verifyAfter((tx) => tamper(tx, seq).then(() => undefined), 2)).toEqual(expected);
  });

  it('notices that the newest events were removed, through the chain head', async () => {
    const last = eventsBefore + 5;
    const report = await verifyAfter((tx) => tx.query('DELETE FROM audit_events WHERE seq >= $1', [last - 1]).then(() => undefined));
    expect(report).toEqual({ ok: false, events: last - 2, brokenAt: last - 1, reason: 'missing event' });
  });

  it('reports the chain intact again once the tampering is rolled back', async () => {
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, events: eventsBefore + 5 });
  });
});

describe('the command line: zhigeng audit verify', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zhigeng-audit-cli-'));
    env = { ...process.env, DATA_DIR: dir, ZHIGENG_DEMO: '0', LOG_LEVEL: 'silent' };
    // The command must use the embedded database of DATA_DIR even when the suite runs on PostgreSQL.
    delete env.DATABASE_URL;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (...args: string[]) => execFileSync(process.execPath, ['bin/zhigeng.js', ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 90_000, stdio: 'pipe' });

  async function withDataDir(fn: (db: Database) => Promise<void>): Promise<void> {
    const db = await openDatabase(loadConfig(env));
    try {
      await fn(db);
    } finally {
      await db.close();
    }
  }

  it('migrates a fresh data directory, then reports the chain intact with its event count and exits 0', async () => {
    expect(cli('migrate')).toContain('0003_create_audit');
    await withDataDir(async (db) => {
      const ctx = { db, pii: testPii, actor: SYSTEM_ACTOR, now: new Date(), locale: 'zh-CN' as const, requestId: 'cli-test', ip: '' };
      for (const n of [1, 2, 3]) await db.transaction((tx) => recordAudit(tx, ctx, { action: 'test.event', entity: 'test', entityId: String(n), after: { n } }));
    });
    expect(cli('audit', 'verify')).toContain('audit chain intact: 3 events');
  }, 120_000);

  it('exits 1 and names the event when a row was altered', async () => {
    await withDataDir(async (db) => {
      await db.query(`UPDATE audit_events SET after = '{"n": 99}'::jsonb WHERE seq = 2`);
    });
    let failure: { status?: number; stderr?: string } = {};
    try {
      cli('audit', 'verify');
    } catch (error) {
      failure = error as { status?: number; stderr?: string };
    }
    expect(failure.status).toBe(1);
    expect(failure.stderr).toContain('audit chain broken at event 2: content was altered');
  }, 120_000);
});
