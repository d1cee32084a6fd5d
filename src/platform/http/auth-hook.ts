import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Permission, hasPermission } from '../auth/permissions.ts';
import type { Actor, Ctx } from '../context.ts';
import type { PiiCipher } from '../crypto/pii.ts';
import type { Database } from '../db/executor.ts';
import { pickLocale } from '../i18n/locale.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a caller needs (STYLE.md 25). */
    permission?: Permission;
    /** Open to anyone, signed in or not. */
    public?: boolean;
    /** Any signed-in caller, whatever the role (own profile, logout). */
    authenticated?: boolean;
  }
  interface FastifyRequest {
    ctx: Ctx;
    /** The CSRF token of the caller's session, handed back by GET /api/auth/me. */
    sessionCsrfToken: string | null;
  }
}

export const SESSION_COOKIE = 'zg_session';
export const CSRF_HEADER = 'x-csrf-token';

export type SessionResolver = (db: Database, token: string, now: Date) => Promise<{ actor: Actor; csrfToken: string } | null>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Swagger UI's own routes: exactly /api/docs and what lies below it.
const isDocsRoute = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

/**
 * One global guard: every /api route must declare `permission`, `authenticated` or `public`
 * (start-up fails otherwise), and every request is checked against that declaration here.
 */
export function installAuth(app: FastifyInstance, deps: { db: Database; pii: PiiCipher; resolveSession: SessionResolver }): void {
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('sessionCsrfToken', null);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || isDocsRoute(route.url)) return;
    const config = route.config ?? {};
    if (!config.permission && !config.public && !config.authenticated) {
      throw new Error(`route ${route.method} ${route.url} declares no permission`);
    }
  });

  app.addHook('onRequest', async (req: FastifyRequest) => {
    const ctx: Ctx = {
      db: deps.db,
      pii: deps.pii,
      actor: null,
      now: new Date(),
      locale: pickLocale(req.headers['accept-language']),
      requestId: String(req.id),
      ip: req.ip,
    };
    req.ctx = ctx;
    const config = req.routeOptions.config ?? {};
    const token = req.cookies?.[SESSION_COOKIE];
    let csrfToken: string | null = null;
    if (token) {
      const session = await deps.resolveSession(deps.db, token, ctx.now);
      if (session) {
        ctx.actor = session.actor;
        csrfToken = session.csrfToken;
        req.sessionCsrfToken = csrfToken;
      }
    }
    if (config.public) return;
    if (!config.permission && !config.authenticated) return; // non-API routes (web assets)
    if (!ctx.actor) throw new AppError('AUTH_REQUIRED');
    if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== csrfToken) throw new AppError('CSRF_INVALID');
    if (ctx.actor.mustChangePassword && !config.authenticated) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (config.permission && !hasPermission(ctx.actor.grants, config.permission)) throw new AppError('FORBIDDEN');
  });
}
