import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, createUser, login, testPii } from '../support/app.ts';
import { installAuth } from '../../src/platform/http/auth-hook.ts';
import type { FastifyContextConfig } from 'fastify';

type Route = { method: string; url: string };
const key = (r: Route) => `${r.method} ${r.url}`;

/**
 * Every route of the built app, read from Fastify's own route tree (printRoutes), which lists
 * routes hidden from the OpenAPI document too. Lines look like `│   ├── /:id (GET, HEAD, PUT)`;
 * the indentation (four characters a level) says which line a segment continues.
 */
function parseRouteTree(tree: string): Route[] {
  const routes: Route[] = [];
  const prefixes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:│ {3}| {4})*)[├└]── (\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    const url = (depth > 0 ? prefixes[depth - 1] : '') + match[2];
    prefixes[depth] = url;
    for (const method of (match[3] ?? '').split(', ').filter(Boolean)) routes.push({ method, url });
  }
  return routes;
}

// Top-level await: the routes are known when the tests are collected, so each gets its own test.
const t: TestApp = await createTestApp();
afterAll(() => t.close());

const allRoutes = parseRouteTree(t.app.printRoutes({ commonPrefix: false }));
const apiRoutes = allRoutes.filter((r) => r.url.startsWith('/api/'));
const docsUi = apiRoutes.filter((r) => r.url === '/api/docs' || r.url.startsWith('/api/docs/'));
const guarded = apiRoutes.filter((r) => !docsUi.includes(r));

/** The routes anyone may call. Adding one here must be a decision, so the list is written out. */
const PUBLIC_GETS = [
  '/api/regions', '/api/regions/tree', '/api/departments', '/api/organisations/options', '/api/openapi.json',
  // The public course catalogue and public-subject lists; course files, whose service lets anyone
  // have only a published course's cover.
  '/api/public/courses', '/api/public/courses/:id', '/api/courses/:id/media/:mediaId', '/api/public/public-subjects/:regionCode/:year',
  // The published list of approved advanced seminars (seminars).
  '/api/public/seminars',
  // The working-day calendar: public holidays are public information.
  '/api/public/calendar/:year',
];
const PUBLIC = new Set([
  'POST /api/auth/login',
  'POST /api/auth/register',
  // Proof verification (credentials): anyone holding a proof may check it.
  'POST /api/verify/proofs',
  'GET /api/verify/proofs/:id/:signature',
  'HEAD /api/verify/proofs/:id/:signature',
  ...PUBLIC_GETS.flatMap((url) => [`GET ${url}`, `HEAD ${url}`]),
]);
/** The Swagger UI, exempt from the permission declaration (auth-hook's UNDECLARED_PREFIXES). */
const DOCS_UI = ['/api/docs', '/api/docs/', '/api/docs/static/index.html', '/api/docs/static/swagger-initializer.js', '/api/docs/*', '/api/docs/json', '/api/docs/yaml'];

const concreteUrl = (url: string) => url.replace(':id', '0190a5c4-0000-7000-8000-000000000001').replace(':code', '330000');
const call = (r: Route, headers: Record<string, string> = {}) =>
  t.app.inject({ method: r.method as 'GET', url: concreteUrl(r.url), headers, payload: r.method === 'GET' || r.method === 'HEAD' ? undefined : {} });

describe('the route table', () => {
  it('is read completely: every documented operation is among the parsed routes', () => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(spec.paths).flatMap(([url, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${url.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(documented.length).toBeGreaterThan(25);
    expect(allRoutes.map(key)).toEqual(expect.arrayContaining(documented));
  });

  it('documents every /api operation except the OpenAPI document itself and the Swagger UI', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const paths = Object.keys((res.json() as { paths: Record<string, unknown> }).paths);
    const undocumented = guarded.filter((r) => r.method !== 'HEAD' && !paths.includes(r.url.replace(/:(\w+)/g, '{$1}')));
    expect(undocumented.map(key)).toEqual(['GET /api/openapi.json']);
  });

  it('has under /api/docs only the routes of the Swagger UI', () => {
    expect([...new Set(docsUi.map((r) => r.url))].sort()).toEqual([...DOCS_UI].sort());
  });
});

describe('without a session', () => {
  it.each(guarded.filter((r) => !PUBLIC.has(key(r))).map((r) => [key(r), r] as const))('%s answers 401 AUTH_REQUIRED', async (_name, route) => {
    const res = await call(route);
    expect(res.statusCode).toBe(401);
    if (route.method !== 'HEAD') expect(res.json().code).toBe('AUTH_REQUIRED');
  });

  it('the routes that answer without a session are exactly the public list', async () => {
    const open: string[] = [];
    for (const route of guarded) if ((await call(route)).statusCode !== 401) open.push(key(route));
    expect(open.sort()).toEqual([...PUBLIC].sort());
  });

  it('a made-up session cookie counts as no session on every guarded route', async () => {
    const statuses = new Set<number>();
    for (const route of guarded.filter((r) => !PUBLIC.has(key(r)))) statuses.add((await call(route, { cookie: 'zg_session=forged-token' })).statusCode);
    expect([...statuses]).toEqual([401]);
  });
});

describe('with a session but without the permission', () => {
  /** Any signed-in caller may use these, whatever the role. */
  // Any signed-in caller: own identity, password, sign-out; the rules in force (read-only) and
  // evidence files, whose service checks ownership or scope itself.
  const SIGNED_IN = [
    'GET /api/auth/me', 'HEAD /api/auth/me', 'POST /api/auth/password', 'POST /api/auth/logout',
    'GET /api/learning/rules/:regionCode/:year', 'HEAD /api/learning/rules/:regionCode/:year',
    'GET /api/learning/records/:id/evidence/:evidenceId', 'HEAD /api/learning/records/:id/evidence/:evidenceId',
    // An expert's own seminar reviews (seminar.review): the rubric, the blind assignments, scoring, declaring a conflict.
    'GET /api/seminars/rubric', 'HEAD /api/seminars/rubric', 'GET /api/seminars/reviews/mine', 'HEAD /api/seminars/reviews/mine',
    'POST /api/seminars/reviews/:id/score', 'POST /api/seminars/reviews/:id/conflict',
  ];

  it('an expert, who holds no registry permission, gets 403 FORBIDDEN from every route needing one', async () => {
    await createUser(t, 'walker.expert', [{ role: 'expert', scopeType: 'nation', scopeId: '000000' }]);
    const expert = await login(t, 'walker.expert');
    const headers = { cookie: expert.cookie, 'x-csrf-token': expert.csrfToken };
    // Sign-out last, since it ends the session the walk uses.
    const walk = guarded.filter((r) => !PUBLIC.has(key(r))).sort((a, b) => Number(a.url === '/api/auth/logout') - Number(b.url === '/api/auth/logout'));
    const allowed: string[] = [];
    for (const route of walk) {
      const res = await call(route, headers);
      if (res.statusCode !== 403) allowed.push(key(route));
      else if (route.method !== 'HEAD') expect(res.json().code, key(route)).toBe('FORBIDDEN');
    }
    expect(allowed.sort()).toEqual([...SIGNED_IN].sort());
  });
});

describe('every grant combination keeps list routes working', () => {
  // Exposes a bug in scopeFilter (src/platform/auth/scope.ts): the province grant adds its
  // parameter before the national grant answers TRUE, leaving an untyped $1 → 500 INTERNAL.
  it('a national administrator who also holds a province grant can list people, units and accounts', async () => {
    await createUser(t, 'double.hat', [
      { role: 'province_admin', scopeType: 'region', scopeId: '330000' },
      { role: 'national_admin', scopeType: 'nation', scopeId: '000000' },
    ]);
    const admin = await login(t, 'double.hat');
    const statuses: Record<string, number> = {};
    for (const url of ['/api/people', '/api/organisations', '/api/accounts']) statuses[url] = (await admin.get(url)).statusCode;
    expect(statuses).toEqual({ '/api/people': 200, '/api/organisations': 200, '/api/accounts': 200 });
  });
});

describe('the permission declaration is checked at start-up', () => {
  async function startWith(url: string, config?: FastifyContextConfig): Promise<unknown> {
    const app = Fastify();
    try {
      installAuth(app, { db: t.db, pii: testPii, resolveSession: async () => null });
      app.get(url, config ? { config } : {}, async () => ({ ok: true }));
      await app.ready();
      return null;
    } catch (error) {
      return error;
    } finally {
      await app.close();
    }
  }

  it('fails for an /api route that declares nothing', async () => {
    expect(String(await startWith('/api/forgotten'))).toContain('route GET /api/forgotten declares no permission');
  });

  it('fails for an /api route whose config names none of permission, public, authenticated', async () => {
    expect(String(await startWith('/api/forgotten', { rateLimit: { max: 1, timeWindow: 1000 } }))).toContain('declares no permission');
  });

  it.each<[string, FastifyContextConfig]>([
    ['a permission', { permission: 'person.read' }],
    ['public', { public: true }],
    ['authenticated', { authenticated: true }],
  ])('accepts an /api route declaring %s', async (_label, config) => {
    expect(await startWith('/api/declared', config)).toBeNull();
  });

  it('accepts routes outside /api (web assets) and the Swagger UI without a declaration', async () => {
    expect(await startWith('/assets/app.js')).toBeNull();
    expect(await startWith('/api/docs/extra')).toBeNull();
  });

  // Exposes a bug: the exemption is a bare prefix match (auth-hook.ts UNDECLARED_PREFIXES), so
  // '/api/docs-export' escapes the check and, declaring nothing, is then served to anyone.
  it('does not exempt a route that merely begins with the letters /api/docs', async () => {
    expect(String(await startWith('/api/docs-export'))).toContain('declares no permission');
  });
});
