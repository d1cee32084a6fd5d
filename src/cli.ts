import { parseArgs } from 'node:util';
import { verifyAuditChain } from './platform/audit/verify.ts';
import { loadConfig } from './platform/config.ts';
import { createPiiCipher, loadMasterKey } from './platform/crypto/pii.ts';
import { migrate } from './platform/db/migrate.ts';
import { openDatabase } from './platform/db/open.ts';
import { prepareDatabase, startServer } from './platform/server.ts';
import { ensureWebBuilt } from './platform/web-build.ts';
import { generatePeople } from './modules/registry/generate.ts';

const USAGE = `zhigeng — 知更 专业技术人员继续教育管理信息系统
  zhigeng start                 启动服务 / start the server (builds the web app when needed)
  zhigeng migrate               执行数据库迁移 / apply database migrations
  zhigeng audit verify          校验审计链 / verify the audit hash chain
  zhigeng generate --people N   生成 N 名合成人员 / add N synthetic people (benchmarks)`;

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase(loadConfig());
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, sub] = argv;
  const config = loadConfig();
  switch (command) {
    case 'start': {
      await ensureWebBuilt(console.log);
      const server = await startServer(config);
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return -1;
    }
    case 'migrate':
      return withDatabase(async (db) => {
        const { applied } = await migrate(db);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : '数据库已是最新 / database is up to date');
        return 0;
      });
    case 'audit': {
      if (sub !== 'verify') break;
      return withDatabase(async (db) => {
        const report = await verifyAuditChain(db);
        if (report.ok) console.log(`审计链完整 / audit chain intact: ${report.events} events`);
        else console.error(`审计链在第 ${report.brokenAt} 条断开 / audit chain broken at event ${report.brokenAt}: ${report.reason}`);
        return report.ok ? 0 : 1;
      });
    }
    case 'generate': {
      const { values } = parseArgs({ args: argv.slice(1), options: { people: { type: 'string' } } });
      const count = Number(values.people);
      if (!Number.isInteger(count) || count <= 0) break;
      return withDatabase(async (db) => {
        const pii = createPiiCipher(loadMasterKey(config.dataDir));
        await prepareDatabase(db, { ...config, demo: false }, pii, console.log);
        const started = Date.now();
        const made = await generatePeople(db, pii, count, (done) => console.log(`  ${done} / ${count}`));
        console.log(`已生成 ${made} 名人员 / generated ${made} people in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return 0;
      });
    }
    default:
      break;
  }
  console.log(USAGE);
  return command ? 2 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
