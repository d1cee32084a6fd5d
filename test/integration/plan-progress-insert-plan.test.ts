import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Database, Executor } from '../../src/platform/db/executor.ts';
import { insertRecord } from '../../src/modules/learning/records/repo.ts';
import type { OrgWrite } from '../../src/modules/registry/organisations/repo.ts';
import { createDb, makeOrganisation, makePerson } from '../support/fixtures.ts';

// The insert trigger of the plan roll-up (migration 0018) plans its statement on each call. A plan
// kept from the connection's first insert, made on an empty plan_progress_members, read the
// whole table on every later insert (a provider's batch grew from ≈ 0.35 to ≈ 1 s at 1,000,000
// records). Rows read by sequential scans in the transaction show which plan ran; without 0018
// the second insert reads all 20,000 members.

let db: Database;
let employer: OrgWrite;
let people: string[];
afterAll(() => db.close());
beforeAll(async () => {
  db = await createDb();
  employer = await makeOrganisation(db, { regionCode: '330100', departmentCode: 'miit' });
  people = [(await makePerson(db, employer)).id, (await makePerson(db, employer)).id];
});

async function insertOne(tx: Executor, personId: string): Promise<void> {
  await insertRecord(tx, {
    id: uuidv7(), provinceCode: employer.provinceCode, personId, employerId: employer.id, year: 2025, category: 'professional', form: 'training',
    title: '课程', providerId: null, providerName: '', startDate: '2025-03-01', endDate: '2025-03-02', hours: 8, field: 'next_gen_it',
    source: 'employer_entered', status: 'approved', providerRecordId: null, createdBy: null,
  });
}

async function membersReadBySeqScan(tx: Executor): Promise<number> {
  const rows = await tx.query<{ n: string | number }>(`SELECT coalesce(sum(seq_tup_read), 0) AS n FROM pg_stat_xact_user_tables WHERE relname = 'plan_progress_members'`);
  return Number(rows[0]?.n ?? 0);
}

describe('the plan roll-up insert trigger', () => {
  it('looks members up by key once the table has grown, though its first run on the connection found it empty', async () => {
    await db.transaction(async (tx) => {
      // Statistics that say the table is empty, as after an install or a TRUNCATE and ANALYZE.
      await tx.exec('ANALYZE plan_progress_members');
      await insertOne(tx, people[0] as string);
      // Another year's members, so that the table is large and these records' cells stay apart.
      await tx.exec(`INSERT INTO plan_progress_members (person_id, year, field, department_code, province_code, city_code, first_month)
        SELECT gen_random_uuid(), 2030, 'next_gen_it', 'miit', '330000', '330100', 1 FROM generate_series(1, 20000)`);
      const before = await membersReadBySeqScan(tx);
      await insertOne(tx, people[1] as string);
      const read = (await membersReadBySeqScan(tx)) - before;
      expect(read).toBeLessThan(1000);
      const counted = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM plan_progress_members WHERE year = 2025`);
      expect(counted[0]?.n).toBe(2);
    });
  });
});
