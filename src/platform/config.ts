import path from 'node:path';

/** Runtime configuration, read once from the environment; defaults run the embedded tier. */
export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  demo: boolean;
  demoPassword: string | undefined;
  logLevel: string;
  secureCookies: boolean;
  /** Addresses of reverse proxies whose X-Forwarded-For is believed (none by default). */
  trustProxy: string[];
  /** The public origin printed on signed proofs (QR code, URL); unset: each request's own origin. */
  publicUrl: string | undefined;
};

function readBool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl,
    adminPassword: env.ZHIGENG_ADMIN_PASSWORD || undefined,
    // Demo data is on by default only for the embedded database: a production PostgreSQL
    // must never receive synthetic people unless asked for explicitly.
    demo: readBool(env.ZHIGENG_DEMO, databaseUrl === undefined),
    demoPassword: env.ZHIGENG_DEMO_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: readBool(env.ZHIGENG_SECURE_COOKIES, false),
    trustProxy: (env.ZHIGENG_TRUST_PROXY ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    publicUrl: env.ZHIGENG_PUBLIC_URL?.trim().replace(/\/+$/, '') || undefined,
  };
}
