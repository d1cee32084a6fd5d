import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Permission, hasPermission } from '../auth/permissions.ts';
import type { Actor, Ctx } from '../context.ts';
import type { PiiCipher } from '../crypto/pii.ts';
import type { Database } from '../db/executor.ts';
import { pickLocale } from '../i18n/locale.ts';
import { AppError, registerErrors } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a caller needs (STYLE.md 25). */
    permission?: Permission;
    /** Open to anyone, signed in or not. */
    public?: boolean;
    /** Any signed-in caller, whatever the role (own profile, logout). */
    authenticated?: boolean;
  }
  interface FastifyInstance {
    /** A module hands over how `Authorization: Bearer zg_…` keys become actors (learning/api-keys). */
    setApiKeyResolver(resolver: ApiKeyResolver): void;
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
/** An API key → its actor (kind 'apikey'), or null when unknown or revoked. */
export type ApiKeyResolver = (db: Database, key: string, now: Date) => Promise<Actor | null>;

registerErrors({
  /** The bearer key is unknown, malformed or revoked: create a new key. */
  API_KEY_INVALID: { status: 401, zh: 'API 密钥无效或已吊销', en: 'The API key is invalid or revoked' },
  /** A request sent both a session cookie and a bearer key: send one of them. */
  API_KEY_WITH_SESSION: { status: 400, zh: '请求不能同时携带登录会话和 API 密钥', en: 'Send either a session cookie or an API key, not both' },
});

/** The key of `Authorization: Bearer <key>`, or null when the request carries none. */
function bearerKey(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S*)\s*$/i.exec(header ?? '');
  return match ? (match[1] ?? '') : null;
}

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
  let resolveApiKey: ApiKeyResolver = async () => null;
  app.decorate('setApiKeyResolver', (resolver: ApiKeyResolver) => {
    resolveApiKey = resolver;
  });
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
    const apiKey = bearerKey(req.headers.authorization);
    // One credential per request: a browser session must not ride along with a machine's key.
    if (apiKey !== null && token) throw new AppError('API_KEY_WITH_SESSION');
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
    if (apiKey !== null) {
      // A key has no cookie, hence no CSRF risk; it reaches only routes that name a permission of its role.
      ctx.actor = apiKey.length <= 200 ? await resolveApiKey(deps.db, apiKey, ctx.now) : null;
      if (!ctx.actor) throw new AppError('API_KEY_INVALID');
      if (!config.permission || !hasPermission(ctx.actor.grants, config.permission)) throw new AppError('FORBIDDEN');
      return;
    }
    if (!ctx.actor) throw new AppError('AUTH_REQUIRED');
    if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== csrfToken) throw new AppError('CSRF_INVALID');
    if (ctx.actor.mustChangePassword && !config.authenticated) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (config.permission && !hasPermission(ctx.actor.grants, config.permission)) throw new AppError('FORBIDDEN');
  });
}
