import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser, login } from '../support/app.ts';
import { makeOrganisation, makePerson } from '../support/fixtures.ts';
import { recomputeCompliance } from '../../src/modules/learning/compliance/service.ts';
import { rebuildYear } from '../../src/modules/learning/compliance/rebuild-repo.ts';
import { insertRecord } from '../../src/modules/learning/records/repo.ts';
import { rulesRowsFor } from '../../src/modules/learning/rules/service.ts';
import { v7 as uuidv7 } from 'uuid';
import type { OrgWrite } from '../../src/modules/registry/organisations/repo.ts';
import type { Executor } from '../../src/platform/db/executor.ts';

// A national rules change rebuilds the whole year into a new partition and swaps it in
// (compliance/rebuild-repo.ts); these check what the users of the figures see around it.

let t: TestApp;
let org: OrgWrite;
let person: Awaited<ReturnType<typeof makePerson>>;
let me: Client;
let employer: Client;
let nation: Client;

const YEAR = 2026;
const record = (over: Record<string, unknown> = {}) => ({
  year: YEAR, category: 'professional', form: 'online', title: '网络研修', providerName: '省继续教育网络学院',
  startDate: '2026-03-01', endDate: '2026-03-10', hours: 40, field: 'next_gen_it', ...over,
});
const compliance = async () => (await me.get(`/api/me/learning/compliance?from=${YEAR}&to=${YEAR}`)).json().items[0];
const partitionOf = async (year: number) =>
  (await t.db.query<{ partition: string }>(
    'SELECT tableoid::regclass::text AS partition FROM learning_compliance WHERE person_id = $1 AND year = $2',
    [person.id, year],
  ))[0]?.partition;

beforeAll(async () => {
  t = await createTestApp();
  org = await makeOrganisation(t.db, { regionCode: '330100' });
  person = await makePerson(t.db, org, { name: '学员乙' });
  await createUser(t, 'me', [{ role: 'professional', scopeType: 'organisation', scopeId: org.id }], person.id);
  await createUser(t, 'employer', [{ role: 'organisation_admin', scopeType: 'organisation', scopeId: org.id }]);
  await createUser(t, 'nation', [{ role: 'national_admin', scopeType: 'nation', scopeId: '000000' }]);
  me = await login(t, 'me');
  employer = await login(t, 'employer');
  nation = await login(t, 'nation');
  for (const over of [{}, { form: 'training', category: 'public', hours: 24, startDate: '2026-04-01', endDate: '2026-04-04' }]) {
    expect((await employer.post('/api/learning/records', { ...record(over), personId: person.id })).statusCode).toBe(201);
  }
});
afterAll(() => t.close());

describe('a national rules change rebuilds the year', () => {
  it('keeps a year that was never rebuilt in the default partition', async () => {
    expect(await compliance()).toMatchObject({ totalHours: 64, publicHours: 24, professionalHours: 40, byForm: { online: 40, training: 24 } });
    expect(await partitionOf(YEAR)).toBe('learning_compliance_default');
  });

  it('previews the change without keeping it', async () => {
    const preview = await nation.post(`/api/learning/rules/000000/${YEAR}/preview`, { patch: { minTotalHours: 60 } });
    expect(preview.json()).toMatchObject({ people: 1, compliantBefore: 0, compliantAfter: 1, becomeCompliant: 1 });
    expect(await compliance()).toMatchObject({ compliant: false, requiredTotal: 90 });
    expect(await partitionOf(YEAR)).toBe('learning_compliance_default');
  });

  it('saves it, moves the year into its own partition and shows the capped hours per form', async () => {
    const saved = await nation.put(`/api/learning/rules/000000/${YEAR}`, { patch: { minTotalHours: 50, minProfessionalShare: 0.5, formCaps: { online: 30 } }, note: '网络学习每年最多 30 学时' });
    expect(saved.statusCode).toBe(200);
    expect(await compliance()).toMatchObject({
      totalHours: 54, publicHours: 24, professionalHours: 30, requiredTotal: 50, compliant: true, byForm: { online: 30, training: 24 },
    });
    expect(await partitionOf(YEAR)).toBe(`learning_compliance_y${YEAR}`);
    const left = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM learning_compliance_default WHERE year = $1', [YEAR]);
    expect(left[0]?.n).toBe(0);
    const audit = await t.db.query<{ entityId: string }>(`SELECT entity_id AS "entityId" FROM audit_events WHERE action = 'learning.rules_saved'`);
    expect(audit.map((a) => a.entityId)).toContain(`000000/${YEAR}/1`);
  });

  it('keeps counting incremental changes in the new partition', async () => {
    expect((await employer.post('/api/learning/records', { ...record({ form: 'practice', hours: 10, startDate: '2026-05-01', endDate: '2026-05-05' }), personId: person.id })).statusCode).toBe(201);
    expect(await compliance()).toMatchObject({ totalHours: 64, byForm: { online: 30, training: 24, practice: 10 } });
  });
});

describe('a rebuild and a concurrent record change', () => {
  it('counts a record written while a rebuild is under way, after the rebuild has read the records', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let built: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      built = resolve;
    });
    // The rebuild pauses once it has computed the year into its new table, before the swap.
    const pausing = (tx: Executor): Executor => ({
      ...tx,
      query: async <T>(sql: string, params?: readonly unknown[]) => {
        const rows = await tx.query<T>(sql, params);
        if (sql.includes(`INSERT INTO learning_compliance_y${YEAR}_next`)) {
          built();
          await held;
        }
        return rows;
      },
    });
    const rebuild = t.db.transaction(async (tx) => rebuildYear(pausing(tx), await rulesRowsFor(tx, [{ provinceCode: '330000', year: YEAR }]), YEAR));
    await started;
    const write = t.db.transaction(async (tx) => {
      await insertRecord(tx, {
        id: uuidv7(), personId: person.id, provinceCode: '330000', employerId: org.id, year: YEAR, category: 'public', form: 'conference',
        title: '学术年会', providerId: null, providerName: '', startDate: '2026-06-01', endDate: '2026-06-01', hours: 6, field: 'other',
        source: 'employer_entered', status: 'approved', providerRecordId: null, createdBy: null,
      });
      await recomputeCompliance(tx, [{ personId: person.id, year: YEAR }]);
    });
    // On PostgreSQL, wait until the write's compliance update waits for the rebuild (had it gone
    // into the partition being replaced, it would be lost with it); PGlite runs one transaction
    // at a time, so there the write simply follows the rebuild.
    for (let i = 0; t.db.kind === 'postgres' && i < 100; i += 1) {
      const waiting = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = 'learning_compliance'::regclass`);
      if ((waiting[0]?.n ?? 0) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    release();
    await Promise.all([rebuild, write]);
    expect(await compliance()).toMatchObject({ totalHours: 70, publicHours: 30, byForm: { online: 30, training: 24, practice: 10, conference: 6 } });
  });
});
