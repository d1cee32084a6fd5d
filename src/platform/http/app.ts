import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { PiiCipher } from '../crypto/pii.ts';
import type { Signer } from '../crypto/signing.ts';
import type { Database } from '../db/executor.ts';
import { installAuth } from './auth-hook.ts';
import { installErrorHandler } from './error-handler.ts';
import { installObservability } from './observability.ts';
import { installWeb } from './web.ts';
import { installSecurityHeaders } from './security-headers.ts';
import { AppError } from './errors.ts';
import { registryModule } from '../../modules/registry/index.ts';
import { learningModule } from '../../modules/learning/index.ts';
import { plansModule } from '../../modules/plans/index.ts';
import { seminarsModule } from '../../modules/seminars/index.ts';
import { createThrowawaySigner, credentialsModule } from '../../modules/credentials/index.ts';
import { coursesModule } from '../../modules/courses/index.ts';
import { calendarModule } from '../../modules/calendar/index.ts';
import { resolveSession } from '../../modules/registry/accounts/index.ts';

export type AppDeps = {
  db: Database;
  pii: PiiCipher;
  /** The instance's signing key for proofs (server.ts loads it from DATA_DIR or ZHIGENG_SIGNING_KEY). */
  signer?: Signer;
  /** Public origin printed on proofs (ZHIGENG_PUBLIC_URL); unset: the request's origin. */
  publicUrl?: string;
  logLevel?: string;
  secureCookies?: boolean;
  webDir?: string | null;
  /** Proxies whose X-Forwarded-For is believed; otherwise the client address is the socket's. */
  trustProxy?: string[];
  /** Where course videos and documents are stored (DATA_DIR/media); unset: a fresh temporary folder. */
  mediaDir?: string;
  /** False while start-up still migrates and loads data: only /healthz answers until then. */
  isReady?: () => boolean;
};

export type App = FastifyInstance;

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Build the HTTP application: platform plugins first, then the modules in this visible order. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({
    logger: deps.logLevel === 'silent' ? false : { level: deps.logLevel ?? 'info' },
    // A client can write X-Forwarded-For itself: believe it only from configured proxies,
    // or rate limits and audited addresses could be forged.
    trustProxy: deps.trustProxy?.length ? deps.trustProxy : false,
    bodyLimit: 2 * 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  installErrorHandler(app);
  installSecurityHeaders(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Zhigeng 知更 API', version: '0.1.0', description: '专业技术人员继续教育管理信息系统 API' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'zg_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  const isReady = deps.isReady ?? (() => true);
  // Liveness answers at once; everything else waits until migrations and data are in place.
  app.addHook('onRequest', async (req) => {
    if (!isReady() && req.url !== '/healthz') throw new AppError('SERVICE_STARTING');
  });
  installAuth(app, { db: deps.db, pii: deps.pii, resolveSession });
  installObservability(app, deps.db, isReady);

  // Modules, in dependency order (STYLE.md 4).
  await app.register(registryModule, { secureCookies: deps.secureCookies ?? false });
  await app.register(learningModule);
  await app.register(plansModule);
  await app.register(calendarModule);
  await app.register(seminarsModule);
  // Without a signer (benchmarks, tests that issue no proofs) a key that lives only in this process.
  const signer = deps.signer ?? createThrowawaySigner();
  await app.register(credentialsModule, { signer, publicUrl: deps.publicUrl ?? null });
  await app.register(coursesModule, { mediaDir: deps.mediaDir ?? mkdtempSync(path.join(tmpdir(), 'zhigeng-media-')), publicUrl: deps.publicUrl ?? null, signer });

  await installWeb(app, deps.webDir ?? null);
  await app.ready();
  return app;
}
