// A small HTTP load generator (autocannon is not a dependency): C concurrent request loops over
// a keep-alive agent with C sockets, for a warm-up and then a fixed measured duration, bounded in
// time and in request count, loopback only. Only requests started after the warm-up are counted.
import http from 'node:http';

export type LoadOptions = {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  warmupMs: number;
  durationMs: number;
  /** Hard cap on requests in the measured window (a runaway guard, not a target). */
  maxRequests?: number;
  /** One request slower than this counts as an error and its socket is dropped. */
  timeoutMs?: number;
  /** Called once when the warm-up ends (to take CPU snapshots, for example). */
  onMeasureStart?: () => void;
};

export type LoadResult = {
  requests: number;
  /** Completed with a status other than 2xx. */
  non2xx: number;
  /** Failed at the socket (refused, reset, timed out). */
  errors: number;
  seconds: number;
  rps: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const MAX_CONNECTIONS = 256;
const MAX_DURATION_MS = 60_000;

function request(agent: http.Agent, target: URL, headers: Record<string, string>, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: 'GET', headers },
      (res) => {
        res.on('error', reject);
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.resume(); // read and discard the body
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`request timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** Latency percentile of a sorted array (nearest rank). */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  if (target.protocol !== 'http:' || !LOOPBACK.has(target.hostname)) throw new Error(`load generator is loopback-only: ${options.url}`);
  const connections = Math.min(Math.max(1, Math.floor(options.connections)), MAX_CONNECTIONS);
  const durationMs = Math.min(options.durationMs, MAX_DURATION_MS);
  const warmupMs = Math.min(options.warmupMs, MAX_DURATION_MS);
  const maxRequests = options.maxRequests ?? 2_000_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const headers = { connection: 'keep-alive', ...options.headers };
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });

  const latencies = new Float64Array(Math.min(maxRequests, 2_000_000));
  let counted = 0;
  let non2xx = 0;
  let errors = 0;
  let lastEnd = 0;
  const begin = performance.now();
  const measureFrom = begin + warmupMs;
  const stopAt = measureFrom + durationMs;

  const loop = async () => {
    while (counted < maxRequests) {
      const start = performance.now();
      if (start >= stopAt) return;
      let status = 0;
      try {
        status = await request(agent, target, headers, timeoutMs);
      } catch {
        status = -1;
      }
      const end = performance.now();
      if (start < measureFrom || counted >= latencies.length) continue;
      latencies[counted] = end - start;
      counted += 1;
      lastEnd = Math.max(lastEnd, end);
      if (status < 0) errors += 1;
      else if (status < 200 || status > 299) non2xx += 1;
    }
  };
  const mark = setTimeout(() => options.onMeasureStart?.(), warmupMs);
  try {
    await Promise.all(Array.from({ length: connections }, loop));
  } finally {
    clearTimeout(mark);
    agent.destroy();
  }

  const seconds = Math.max(lastEnd - measureFrom, 1) / 1000;
  const sorted = latencies.subarray(0, counted).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    requests: counted,
    non2xx,
    errors,
    seconds,
    rps: counted / seconds,
    meanMs: counted ? sum / counted : 0,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: counted ? sorted[counted - 1] : 0,
  };
}
