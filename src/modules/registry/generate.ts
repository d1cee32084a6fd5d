import { v7 as uuidv7 } from 'uuid';
import { SYSTEM_ACTOR, type Ctx } from '../../platform/context.ts';
import type { PiiCipher } from '../../platform/crypto/pii.ts';
import type { Database } from '../../platform/db/executor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { buildDemoOrganisations, buildDemoPeople, encodeOrganisationsCsv } from './demo.ts';
import { ORG_COLUMNS, type OrgWrite } from './organisations/repo.ts';
import { encodePeopleCsv } from './people/import.ts';
import { PERSON_COLUMNS } from './people/repo.ts';
import { createRng } from './synthetic.ts';

const BATCH = 50_000;

/**
 * Fill a database with `count` valid synthetic people across all provinces, for benchmarks:
 * one synthetic employer per city, people in COPY batches of 50,000, each batch a transaction.
 */
export async function generatePeople(db: Database, pii: PiiCipher, count: number, progress: (done: number) => void): Promise<number> {
  const ctx: Ctx = { db, pii, actor: SYSTEM_ACTOR, now: new Date(), locale: 'zh-CN', requestId: `generate-${uuidv7()}`, ip: '' };
  const rng = createRng(Date.now() % 2 ** 31);
  const cities = await db.query<{ code: string; name: string; province: string }>(
    `SELECT code, name, province_code AS province FROM regions WHERE level = 2 ORDER BY code`,
  );
  const employers: OrgWrite[] = cities.flatMap((c) =>
    buildDemoOrganisations(rng, c.province, [c], 1).map((o) => ({ ...o, name: `${o.name}（合成 ${o.creditCode.slice(-6)}）` })),
  );
  await db.transaction((tx) => tx.copyCsv('organisations', ORG_COLUMNS, encodeOrganisationsCsv(employers)));
  let done = 0;
  while (done < count) {
    const size = Math.min(BATCH, count - done);
    // The generator avoids repeats within a batch; across batches a rare repeated ID is skipped.
    const people = buildDemoPeople(ctx, rng, employers, size);
    await db.transaction(async (tx) => {
      await tx.exec('CREATE TEMP TABLE IF NOT EXISTS people_gen (LIKE people INCLUDING DEFAULTS) ON COMMIT DROP');
      await tx.copyCsv('people_gen', PERSON_COLUMNS, encodePeopleCsv(people));
      const inserted = await tx.query<{ n: number }>(
        `WITH ins AS (INSERT INTO people SELECT * FROM people_gen ON CONFLICT (id_number_hash) DO NOTHING RETURNING 1) SELECT count(*)::int AS n FROM ins`,
      );
      done += inserted[0]?.n ?? 0;
    });
    progress(done);
  }
  await db.transaction((tx) => recordAudit(tx, ctx, { action: 'people.generated', entity: 'people', entityId: 'synthetic', after: { count } }));
  return done;
}
