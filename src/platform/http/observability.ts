import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database } from '../db/executor.ts';

/** /healthz (the process answers), /readyz (the database answers), /metrics (Prometheus). */
export function installObservability(app: FastifyInstance, db: Database, isReady: () => boolean = () => true): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'zhigeng_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'zhigeng_http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    requests.inc({ method: req.method, route, status: String(reply.statusCode) });
    duration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });

  const Health = Type.Object({ status: Type.String() });
  app.get('/healthz', { config: { public: true }, schema: { hide: true, response: { 200: Health } } }, async () => ({
    status: 'ok',
  }));
  app.get('/readyz', { config: { public: true }, schema: { hide: true, response: { 200: Health, 503: Health } } }, async (_req, reply) => {
    try {
      if (!isReady()) return reply.status(503).send({ status: 'starting' });
      await db.query('SELECT 1');
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ status: 'database unavailable' });
    }
  });
  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    void reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}
