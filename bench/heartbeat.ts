// npm run bench:heartbeat — or: node --import tsx bench/heartbeat.ts [--engine pg|pglite] [--connections 64] [--duration 8] [--warmup 2]
// BENCH_CPU_PROF=<dir> writes a CPU profile of each server process (node --cpu-prof).
// POST /api/me/courses/:id/heartbeat through the full stack (session cookie → actor, CSRF and
// permission check, body validation, credit within the daily cap, the compare-and-set write of
// cursor, day and coverage) against a bare Fastify handler that parses the same JSON body and
// answers a constant, in the same run. Each connection is one learner with its own session, as in
// real use. Prints req/s, p50/p99, the ratio (target ≥ 30 %) and, on PostgreSQL, the study
// credited per learner against the seconds it played.
import http from 'node:http';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createTempPgDatabase } from './db.ts';
import { percentile } from './load.ts';
import { startChild } from './child.ts';

const TARGET = 0.3;
const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'pg' },
    connections: { type: 'string', default: '64' },
    duration: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '2' },
  },
});
const engine = values.engine === 'pglite' ? 'pglite' : 'pg';
const connections = Math.min(256, Math.max(1, Number(values.connections)));
const durationMs = Math.min(60, Number(values.duration)) * 1000;
const warmupMs = Math.min(30, Number(values.warmup)) * 1000;

type Caller = { path: string; headers: Record<string, string>; body: (n: number) => string };
type Result = { requests: number; non2xx: number; rps: number; p50Ms: number; p99Ms: number };

function post(agent: http.Agent, port: number, caller: Caller, n: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = caller.body(n);
    const req = http.request({ agent, host: '127.0.0.1', port, path: caller.path, method: 'POST', headers: { ...caller.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
      res.resume();
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** C loops, each with its own keep-alive socket and caller, for warm-up then the measured window. */
async function load(port: number, callers: Caller[]): Promise<Result> {
  const latencies: number[] = [];
  let non2xx = 0;
  const begin = performance.now();
  const measureFrom = begin + warmupMs;
  const stopAt = measureFrom + durationMs;
  await Promise.all(callers.map(async (caller) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    for (let n = 1; ; n++) {
      const start = performance.now();
      if (start >= stopAt) break;
      const status = await post(agent, port, caller, n).catch(() => -1);
      if (start < measureFrom) continue;
      latencies.push(performance.now() - start);
      if (status < 200 || status > 299) non2xx++;
    }
    agent.destroy();
  }));
  const sorted = Float64Array.from(latencies).sort();
  return { requests: sorted.length, non2xx, rps: sorted.length / (durationMs / 1000), p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
}

async function creditedStudy(url: string): Promise<{ learners: number; meanSeconds: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ learners: number; mean: string }>('SELECT count(*)::int AS learners, avg(studied_seconds) AS mean FROM course_chapter_progress');
    return { learners: rows[0]?.learners ?? 0, meanSeconds: Number(rows[0]?.mean ?? 0) };
  } finally {
    await client.end();
  }
}

const temp = engine === 'pg' ? await createTempPgDatabase() : null;
try {
  console.log(`heartbeat benchmark: ${engine === 'pg' ? 'PostgreSQL' : 'PGlite'}, ${connections} connections, ${durationMs / 1000} s (+${warmupMs / 1000} s warm-up)`);
  const full = await startChild('server-heartbeat.ts', ['--engine', engine, '--learners', String(connections), ...(temp ? ['--db-url', temp.url] : [])]);
  const info = full.info as { port: number; courseId: string; chapterId: string; sessions: { cookie: string; csrf: string; sessionId: string }[] };
  // Each learner plays at normal speed: the position is the seconds since its first heartbeat, so
  // each heartbeat credits the time since the previous one and the covered stretch stays one interval.
  const begin = performance.now();
  const callers = info.sessions.map((s) => ({
    path: `/api/me/courses/${info.courseId}/heartbeat`,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: () => JSON.stringify({ sessionId: s.sessionId, chapterId: info.chapterId, position: Math.min(Math.round(performance.now() - begin) / 1000, 36000) }),
  }));
  const app = await load(info.port, callers);
  const played = (performance.now() - begin) / 1000;
  await full.stop();
  const credited = temp ? await creditedStudy(temp.url) : null;
  const bare = await startChild('server-bare-post.ts', []);
  const bareInfo = bare.info as { port: number };
  const baseline = await load(bareInfo.port, callers.map((c) => ({ ...c, path: '/api/heartbeat' })));
  await bare.stop();
  const ratio = app.rps / baseline.rps;
  const line = (label: string, r: Result) => `  ${label}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms (${r.requests} requests, ${r.non2xx} non-2xx)`;
  console.log(line('full stack', app));
  console.log(line('bare Fastify', baseline));
  if (credited) {
    // A check that the heartbeats really did their work: each learner played about `played` seconds.
    console.log(`  credited: ${credited.learners} learners, ${credited.meanSeconds.toFixed(1)} s of study each on average (each played ${played.toFixed(1)} s)`);
  }
  console.log(`  ratio ${(ratio * 100).toFixed(1)} % (target ≥ ${TARGET * 100} %): ${ratio >= TARGET ? 'meets target' : 'below target'}`);
} finally {
  await temp?.drop();
}
