import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from './errors.ts';
import { errorBody } from './error-handler.ts';

/** Serve the built React app; any non-API path falls back to index.html (client routing). */
export async function installWeb(app: FastifyInstance, webDir: string | null): Promise<void> {
  const hasWeb = webDir !== null && existsSync(path.join(webDir, 'index.html'));
  if (webDir && !hasWeb) app.log.warn({ webDir }, 'web app not built: run npm run build:web');
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false });
  app.setNotFoundHandler((req, reply) => {
    const isApi = req.url.startsWith('/api/') || req.url === '/api';
    if (hasWeb && !isApi && req.method === 'GET') return reply.type('text/html').sendFile('index.html');
    return reply.status(404).send(errorBody(new AppError('NOT_FOUND'), req));
  });
}
