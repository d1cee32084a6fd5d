// Benchmark 2: GET /api/people/:id on the full app (session cookie → actor, permission check,
// scoped query, response schema) against a bare Fastify handler returning a constant JSON.
// Each server runs in its own child process; the load generator runs in this one.
import { type CpuShare, CpuProbe } from './cpu.ts';
import { type Engine, createTempPgDatabase } from './db.ts';
import { type LoadResult, runLoad } from './load.ts';
import { wantsProfile } from './people-import.ts';
import { startChild } from './child.ts';

export const GET_TARGET = 0.4;
const DEMO_PASSWORD = 'Bench#Demo2024';

export type GetOptions = {
  connections: number;
  warmupMs: number;
  durationMs: number;
  /** Split the full app's cost into layers with extra shorter runs ('auto': under or near target). */
  breakdown: 'auto' | 'always' | 'never';
  log: (line: string) => void;
};

/** A load run with the CPU each party spent per request (ms), when /proc tells. */
export type Measured = LoadResult & { cpu: CpuShare | null };

/** One layer of the full app, measured on its own: what it adds shows in the drop of req/s. */
export type Layer = { label: string; result: Measured };

export type GetResult = {
  engine: Engine;
  connections: number;
  durationMs: number;
  people: number;
  app: Measured;
  bare: Measured;
  ratio: number;
  layers: Layer[] | null;
};

/** Sign in through the API as a browser would; returns the session cookie. */
async function login(port: number, username: string, password: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`);
  const session = res.headers.getSetCookie().find((c) => c.startsWith('zg_session='));
  if (!session) throw new Error('login set no zg_session cookie');
  return session.split(';')[0] as string;
}

async function checkOnce(url: string, headers: Record<string, string>): Promise<void> {
  const res = await fetch(url, { headers });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${body.slice(0, 300)}`);
}

type Target = { url: string; headers: Record<string, string>; pid: number; database: string | null };

async function measure(target: Target, options: GetOptions, durations?: { warmupMs: number; durationMs: number }): Promise<Measured> {
  await checkOnce(target.url, target.headers);
  const probe = new CpuProbe(target.pid, target.database);
  const result = await runLoad({
    url: target.url,
    headers: target.headers,
    connections: options.connections,
    warmupMs: durations?.warmupMs ?? options.warmupMs,
    durationMs: durations?.durationMs ?? options.durationMs,
    onMeasureStart: () => probe.start(),
  });
  if (result.errors > 0 || result.non2xx > 0) {
    options.log(`  warning: ${result.errors} socket errors and ${result.non2xx} non-2xx answers out of ${result.requests}`);
  }
  return { ...result, cpu: await probe.finish(result.requests) };
}

const ms = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(3));

export function describe(r: Measured): string {
  const cpu = r.cpu ? `; CPU ms/req: server ${ms(r.cpu.serverMs)}, PostgreSQL ${ms(r.cpu.databaseMs)}, load generator ${ms(r.cpu.loadgenMs)}` : '';
  return `${r.rps.toFixed(0)} req/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms (${r.requests} requests${cpu})`;
}

/** The full app's layers, each on its own: framework and plugins, + session look-up, + person query. */
async function measureLayers(base: Target, personResult: Measured, options: GetOptions): Promise<Layer[]> {
  const short = { warmupMs: 1000, durationMs: Math.min(4000, options.durationMs) };
  const origin = new URL(base.url).origin;
  const layers: Layer[] = [];
  const healthz = { ...base, url: `${origin}/healthz` };
  const cases: [string, Target][] = [
    ['GET /healthz, no cookie: Fastify + helmet, cookie, auth hook, metrics hook; no query', { ...healthz, headers: {} }],
    ['GET /healthz + session cookie: + resolveSession (findSessionActor query)', healthz],
  ];
  for (const [label, target] of cases) {
    options.log(`    layer: ${label}`);
    const result = await measure(target, options, short);
    options.log(`      ${describe(result)}`);
    layers.push({ label, result });
  }
  layers.push({ label: 'GET /api/people/:id + cookie: + findPersonInScope query, presentPerson, response schema', result: personResult });
  return layers;
}

export async function runPersonGetBench(engine: Engine, options: GetOptions): Promise<GetResult> {
  const { log } = options;
  const seconds = `${options.warmupMs / 1000} s warm-up + ${options.durationMs / 1000} s`;

  log(`[get/${engine}] baseline: bare Fastify constant JSON (child process), ${options.connections} connections, ${seconds}`);
  const bareChild = await startChild('server-bare.ts', [], { log });
  let bare: Measured;
  try {
    const url = `http://127.0.0.1:${Number(bareChild.info.port)}/api/people/01900000-0000-7000-8000-000000000000`;
    bare = await measure({ url, headers: {}, pid: bareChild.pid, database: null }, options);
  } finally {
    await bareChild.stop();
  }
  log(`[get/${engine}]   ${describe(bare)}`);

  const temp = engine === 'pg' ? await createTempPgDatabase() : null;
  try {
    const args = ['--engine', engine, '--password', DEMO_PASSWORD, ...(temp ? ['--db-url', temp.url] : [])];
    log(`[get/${engine}] full app (child process) on ${temp ? `PostgreSQL database ${temp.name}` : 'in-memory PGlite'} with demo data`);
    const appChild = await startChild('server-app.ts', args, { log });
    try {
      const port = Number(appChild.info.port);
      const cookie = await login(port, String(appChild.info.username), DEMO_PASSWORD);
      const url = `http://127.0.0.1:${port}/api/people/${String(appChild.info.personId)}`;
      log(`[get/${engine}] GET /api/people/:id as province.zj, ${options.connections} connections, ${seconds}`);
      const target: Target = { url, headers: { cookie }, pid: appChild.pid, database: temp?.name ?? null };
      const app = await measure(target, options);
      log(`[get/${engine}]   ${describe(app)}`);
      const ratio = app.rps / bare.rps;
      let layers: Layer[] | null = null;
      if (wantsProfile(options.breakdown, ratio, GET_TARGET)) {
        log(`[get/${engine}] ratio ${(ratio * 100).toFixed(1)} %: measuring the app's layers (1 s warm-up + ${Math.min(4, options.durationMs / 1000)} s each)`);
        layers = await measureLayers(target, app, options);
      }
      return {
        engine,
        connections: options.connections,
        durationMs: options.durationMs,
        people: Number(appChild.info.people),
        app,
        bare,
        ratio,
        layers,
      };
    } finally {
      await appChild.stop();
    }
  } finally {
    await temp?.drop();
  }
}
