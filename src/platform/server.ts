import path from 'node:path';
import { WEB_DIST } from './paths.ts';
import type { Config } from './config.ts';
import { SYSTEM_ACTOR, type Ctx } from './context.ts';
import { createPiiCipher, loadMasterKey } from './crypto/pii.ts';
import { createSigner, loadSigningKey } from './crypto/signing.ts';
import type { Database } from './db/executor.ts';
import { migrate } from './db/migrate.ts';
import { openDatabase } from './db/open.ts';
import { type App, buildApp } from './http/app.ts';
import { loadReferenceData } from '../modules/registry/index.ts';
import { createBootstrapAccount } from '../modules/registry/accounts/index.ts';
import { generatePassword } from '../modules/registry/accounts/passwords.ts';
import { loadDemoData } from '../modules/registry/demo.ts';
import { loadDemoLearning } from '../modules/learning/index.ts';
import { loadDemoCourses } from '../modules/courses/index.ts';
import { loadDemoPlans } from '../modules/plans/index.ts';
import { loadDemoEnrolments, loadDemoSeminars } from '../modules/seminars/index.ts';

export { WEB_DIST } from './paths.ts';

export function systemCtx(db: Database, pii: Ctx['pii']): Ctx {
  return { db, pii, actor: SYSTEM_ACTOR, now: new Date(), locale: 'zh-CN', requestId: 'startup', ip: '' };
}

/** Migrate, load reference data, and make sure the national administrator exists. */
export async function prepareDatabase(db: Database, config: Config, pii: Ctx['pii'], log: (line: string) => void): Promise<void> {
  const { applied } = await migrate(db);
  if (applied.length) log(`数据库迁移 / migrations applied: ${applied.join(', ')}`);
  const ctx = systemCtx(db, pii);
  await db.transaction((tx) => loadReferenceData(tx));
  const adminPassword = config.adminPassword ?? generatePassword();
  const admin = await db.transaction((tx) =>
    createBootstrapAccount(tx, ctx, {
      username: 'admin',
      displayName: '国家管理员',
      password: adminPassword,
      grants: [{ role: 'national_admin', scopeType: 'nation', scopeId: '000000' }],
    }),
  );
  if (admin.created && !config.adminPassword) log(`国家管理员 admin 的初始密码 / initial password of admin: ${adminPassword}  (只显示一次 / shown once)`);
  if (config.demo) {
    const demo = await loadDemoData(ctx, { password: config.demoPassword });
    if (demo) {
      await loadDemoLearning(ctx);
      await loadDemoCourses(ctx);
      await loadDemoPlans(ctx);
      const seminarAccounts = await loadDemoSeminars(ctx, { password: demo.password });
      if (seminarAccounts) log(`高级研修演示账号 / seminar demo accounts: ${seminarAccounts.join(', ')}`);
      await loadDemoEnrolments(ctx);
      log('已载入演示数据 / demo data loaded: 浙江 330000, 广东 440000');
      if (demo.generatedPassword) log(`演示账号密码 / password of all demo accounts: ${demo.password}`);
    }
  }
}

export type RunningServer = { app: App; db: Database; close: () => Promise<void> };

export async function startServer(config: Config, log: (line: string) => void = console.log): Promise<RunningServer> {
  const db = await openDatabase(config);
  try {
    const pii = createPiiCipher(loadMasterKey(config.dataDir));
    const signer = createSigner(loadSigningKey(config.dataDir));
    let ready = false;
    const app = await buildApp({
      db, pii, signer, publicUrl: config.publicUrl, logLevel: config.logLevel, secureCookies: config.secureCookies, webDir: WEB_DIST, mediaDir: path.join(config.dataDir, 'media'), trustProxy: config.trustProxy, isReady: () => ready,
    });
    // Listen first so that /healthz answers at once; /readyz and the API wait for the data.
    await app.listen({ port: config.port, host: config.host });
    try {
      await prepareDatabase(db, config, pii, log);
    } catch (error) {
      await app.close();
      throw error;
    }
    ready = true;
    log(`知更 Zhigeng 已启动 / listening on http://${config.host}:${config.port}  (${db.kind === 'pglite' ? `PGlite ${config.dataDir}` : 'PostgreSQL'})`);
    return {
      app,
      db,
      close: async () => {
        await app.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
