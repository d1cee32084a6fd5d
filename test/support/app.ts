import type { LightMyRequestResponse } from 'fastify';
import { SYSTEM_ACTOR, type Ctx } from '../../src/platform/context.ts';
import { createPiiCipher } from '../../src/platform/crypto/pii.ts';
import { createSigner, loadSigningKey } from '../../src/platform/crypto/signing.ts';
import type { Database } from '../../src/platform/db/executor.ts';
import { type App, buildApp } from '../../src/platform/http/app.ts';
import { createBootstrapAccount } from '../../src/modules/registry/accounts/index.ts';
import type { Grant } from '../../src/platform/auth/permissions.ts';
import { createDb } from './fixtures.ts';

export const TEST_PASSWORD = 'Test#Passw0rd';
export const testPii = createPiiCipher(Buffer.alloc(32, 7));
/** Ed25519 from a fixed 32-byte seed (PKCS#8 DER = fixed prefix + seed): the same key in every run. */
const TEST_SIGNING_PEM = `-----BEGIN PRIVATE KEY-----\n${Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.alloc(32, 9)]).toString('base64')}\n-----END PRIVATE KEY-----`;
export const testSigner = createSigner(loadSigningKey('', { ZHIGENG_SIGNING_KEY: TEST_SIGNING_PEM }));

export type TestApp = { app: App; db: Database; close: () => Promise<void> };

export async function createTestApp(): Promise<TestApp> {
  const db = await createDb();
  const app = await buildApp({ db, pii: testPii, signer: testSigner, logLevel: 'silent' });
  return {
    app,
    db,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

export function systemContext(db: Database): Ctx {
  return { db, pii: testPii, actor: SYSTEM_ACTOR, now: new Date(), locale: 'zh-CN', requestId: 'test', ip: '127.0.0.1' };
}

/** Create a staff account with these grants (as the system) and sign it in. */
export async function createUser(t: TestApp, username: string, grants: Grant[], personId?: string): Promise<string> {
  const { id } = await t.db.transaction((tx) => createBootstrapAccount(tx, systemContext(t.db), { username, displayName: username, password: TEST_PASSWORD, grants, personId }));
  return id;
}

/** A signed-in client: cookie and CSRF token are sent with every request. */
export type Client = {
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  cookie: string;
  csrfToken: string;
};

export async function login(t: TestApp, username: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'zg_session');
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  const sessionCookie = `zg_session=${cookie?.value ?? ''}`;
  const request = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: method as 'GET',
      url,
      payload: body as string | undefined,
      headers: { cookie: sessionCookie, 'x-csrf-token': csrfToken, ...headers },
    });
  return {
    request,
    get: (url, headers) => request('GET', url, undefined, headers),
    post: (url, body, headers) => request('POST', url, body, headers),
    put: (url, body) => request('PUT', url, body),
    cookie: sessionCookie,
    csrfToken,
  };
}
