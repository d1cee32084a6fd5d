// npm run bench:seminars — or: node --import tsx bench/seminar-enrolment.ts [--engine pg|pglite] [--people 500] [--seats 50] [--rounds 3] [--no-docs]
// A burst of concurrent POST /api/seminar-enrolment/seminars/:id/enrol through the full stack
// (session → actor, CSRF and permission, eligibility and preference reads, one transaction under
// the seminar's row lock, audit event) — PEOPLE distinct eligible professionals at once for a
// SEATS-seat seminar, ROUNDS times on fresh seminars. Checks through the host's API that exactly
// SEATS hold seats and the rest wait, and that no answer is a 5xx; prints the burst throughput
// (requests / wall time) and p99 latency, and the same burst against a bare Fastify handler.
import http from 'node:http';
import { parseArgs } from 'node:util';
import { createTempPgDatabase, engineLabel } from './db.ts';
import { writeDocsSection } from './docs-section.ts';
import { percentile } from './load.ts';
import { startChild } from './child.ts';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'pg' },
    people: { type: 'string', default: '500' },
    seats: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '3' },
    'no-docs': { type: 'boolean', default: false },
  },
});
const engine = values.engine === 'pglite' ? 'pglite' : 'pg';
const PEOPLE = Math.min(2000, Math.max(1, Number(values.people)));
const SEATS = Math.min(1000, Math.max(1, Number(values.seats)));
const ROUNDS = Math.min(10, Math.max(1, Number(values.rounds)));

type Session = { cookie: string; csrf: string };
type Answer = { status: number; body: string; ms: number };

function request(port: number, method: string, url: string, s: Session | null, body = ''): Promise<Answer> {
  const start = performance.now();
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { 'content-length': Buffer.byteLength(body) };
    if (body) headers['content-type'] = 'application/json';
    if (s) Object.assign(headers, { cookie: s.cookie, 'x-csrf-token': s.csrf });
    // A fresh connection each: PEOPLE browsers arriving at once.
    const req = http.request({ host: '127.0.0.1', port, path: url, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), ms: performance.now() - start }));
      res.on('error', () => resolve({ status: -1, body: '', ms: performance.now() - start }));
    });
    req.on('error', () => resolve({ status: -1, body: '', ms: performance.now() - start }));
    req.end(body);
  });
}

type Burst = { answers: Answer[]; wallMs: number };

async function burst(port: number, calls: { url: string; session: Session | null; body?: string }[]): Promise<Burst> {
  const begin = performance.now();
  const answers = await Promise.all(calls.map((c) => request(port, 'POST', c.url, c.session, c.body ?? '')));
  return { answers, wallMs: performance.now() - begin };
}

type Figures = { rps: number; p50: number; p99: number; requests: number; errors5xx: number };

function figures(bursts: Burst[]): Figures {
  const sorted = Float64Array.from(bursts.flatMap((b) => b.answers.map((a) => a.ms))).sort();
  const requests = sorted.length;
  const wall = bursts.reduce((t, b) => t + b.wallMs, 0);
  return {
    rps: requests / (wall / 1000), p50: percentile(sorted, 50), p99: percentile(sorted, 99), requests,
    errors5xx: bursts.reduce((t, b) => t + b.answers.filter((a) => a.status >= 500 || a.status < 0).length, 0),
  };
}

const temp = engine === 'pg' ? await createTempPgDatabase() : null;
try {
  console.log(`seminar enrolment benchmark: ${engineLabel(engine)}, ${PEOPLE} concurrent enrolments for ${SEATS} seats, ${ROUNDS} rounds`);
  const full = await startChild('server-seminars.ts', ['--engine', engine, '--people', String(PEOPLE), '--seats', String(SEATS), '--rounds', String(ROUNDS), ...(temp ? ['--db-url', temp.url] : [])]);
  const info = full.info as { port: number; seminars: string[]; sessions: Session[]; host: Session };
  const bursts: Burst[] = [];
  const checks: string[] = [];
  let allExact = true;
  for (const seminarId of info.seminars) {
    const b = await burst(info.port, info.sessions.map((session) => ({ url: `/api/seminar-enrolment/seminars/${seminarId}/enrol`, session })));
    bursts.push(b);
    const outcomes = b.answers.map((a) => (a.status === 200 ? (JSON.parse(a.body) as { outcome: string }).outcome : `http ${a.status}`));
    const list = await new Promise<Answer>((resolve) => {
      http.get({ host: '127.0.0.1', port: info.port, path: `/api/seminar-enrolment/hosted/${seminarId}/enrolees`, headers: { cookie: info.host.cookie } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), ms: 0 }));
      });
    });
    const items = (JSON.parse(list.body) as { items: { status: string }[] }).items;
    const held = items.filter((i) => i.status === 'enrolled').length;
    const waiting = items.filter((i) => i.status === 'waiting').length;
    const answeredSeat = outcomes.filter((o) => o === 'enrolled').length;
    const exact = held === SEATS && answeredSeat === SEATS && waiting === PEOPLE - SEATS;
    allExact &&= exact;
    checks.push(`${held} seats held (${answeredSeat} answered "enrolled"), ${waiting} wait-listed, ${outcomes.filter((o) => o.startsWith('http')).length} refused`);
  }
  await full.stop();
  const bare = await startChild('server-bare-post.ts', []);
  const bareInfo = bare.info as { port: number };
  const baseBursts: Burst[] = [];
  for (let r = 0; r < ROUNDS; r++) baseBursts.push(await burst(bareInfo.port, info.sessions.map(() => ({ url: '/api/heartbeat', session: null, body: '{"position":1}' }))));
  await bare.stop();
  const app = figures(bursts);
  const base = figures(baseBursts);
  const fmt = (f: Figures) => `${f.rps.toFixed(0)} req/s, p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms (${f.requests} requests, ${f.errors5xx} 5xx or failed)`;
  const lines = [
    `- Run ${new Date().toISOString().slice(0, 10)} on ${engineLabel(engine)}: ${PEOPLE} distinct eligible professionals (a fifth in a designated region), each with a session, POST enrol at once for a ${SEATS}-seat seminar, ${ROUNDS} rounds on fresh seminars.`,
    ...checks.map((c, i) => `- Round ${i + 1}: ${c}.`),
    `- Exactly ${SEATS} seats held in every round, no 5xx: ${allExact && app.errors5xx === 0 ? 'yes' : 'NO'}.`,
    `- Full stack: ${fmt(app)}.`,
    `- Bare Fastify POST, same bursts: ${fmt(base)}.`,
    `- Ratio ${((app.rps / base.rps) * 100).toFixed(1)} % of the bare handler's throughput. Every enrolment of one seminar waits for that seminar's row lock by design (no overselling), and each writes an audit event under the audit chain's lock, so a burst on one seminar is serial in the database.`,
  ];
  console.log(lines.join('\n'));
  if (!values['no-docs']) writeDocsSection(`seminars-${engine}`, `Seminar enrolment burst, ${engineLabel(engine)} (bench/seminar-enrolment.ts, \`npm run bench:seminars -- --engine ${engine}\`)`, lines);
  if (!allExact || app.errors5xx > 0) process.exitCode = 1;
} finally {
  await temp?.drop();
}
