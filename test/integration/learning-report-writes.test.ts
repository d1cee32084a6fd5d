// The write path of provider reports: records the provider has already reported are skipped,
// and a record with the same provider record id written by another transaction while a batch
// is being written does not fail the batch or make a duplicate (PostgreSQL: the COPY meets the
// unique key and the batch falls back to INSERT … ON CONFLICT; PGlite runs the transactions one
// after the other, so the batch sees the record before writing).
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/executor.ts';
import { type StagedRecord, insertReportedRecords, insertThroughStaging } from '../../src/modules/learning/reports/repo.ts';
import type { OrgWrite } from '../../src/modules/registry/organisations/repo.ts';
import { makeOrganisation, makePerson } from '../support/fixtures.ts';
import { createTestDatabase } from '../support/db.ts';

let db: Database;
let provider: OrgWrite;
let personId: string;
let employerId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  provider = await makeOrganisation(db, { regionCode: '330100', roles: ['training_institution'] });
  const employer = await makeOrganisation(db, { regionCode: '330100' });
  employerId = employer.id;
  personId = (await makePerson(db, employer)).id;
});
afterAll(() => db.close());

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const staged = (recordId: string): StagedRecord => ({
  id: uuidv7(), provinceCode: '330000', personId, employerId, year: 2026, category: 'professional', form: 'training',
  title: '研修班, "第一期"', startDate: '2026-03-01', endDate: '2026-03-02', hours: 8, field: 'digital_tech', providerRecordId: recordId,
});
const who = () => ({ id: provider.id, name: provider.name, createdBy: uuidv7() });
const idsOfProvider = async () =>
  (await db.query<{ id: string }>('SELECT provider_record_id AS id FROM learning_records WHERE provider_id = $1 ORDER BY 1', [provider.id])).map((r) => r.id);

describe('writing reported records', () => {
  it('skips the ids the provider reported before and returns only what it created', async () => {
    const first = await db.transaction((tx) => insertReportedRecords(tx, [staged('A-1'), staged('A-2')], who()));
    expect(first).toHaveLength(2);
    const second = await db.transaction((tx) => insertReportedRecords(tx, [staged('A-2'), staged('A-3')], who()));
    expect(second).toEqual([{ personId, year: 2026, provinceCode: '330000', hours: 8, category: 'professional' }]);
    expect(await idsOfProvider()).toEqual(['A-1', 'A-2', 'A-3']);
    const title = await db.query<{ title: string }>("SELECT title FROM learning_records WHERE provider_record_id = 'A-3'");
    expect(title[0]?.title).toBe('研修班, "第一期"');
  });

  it('the staging path skips existing ids too', async () => {
    const created = await db.transaction((tx) => insertThroughStaging(tx, [staged('A-1'), staged('B-1')], who()));
    // Each created record with its person's province and its hours, for the compliance update.
    expect(created).toEqual([{ personId, year: 2026, provinceCode: '330000', hours: 8, category: 'professional' }]);
    expect(await idsOfProvider()).toEqual(['A-1', 'A-2', 'A-3', 'B-1']);
  });

  it('survives the same id written by another transaction while the batch is written', async () => {
    const gate = deferred();
    const otherWrote = deferred();
    // Another path writes C-2 and holds its transaction open for a moment.
    const other = db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO learning_records (id, province_code, person_id, employer_id, year, category, form, title, provider_id, start_date, end_date, hours, field, source, status, provider_record_id)
         VALUES ($1, '330000', $2, $3, 2026, 'professional', 'online', '在线课程', $4, '2026-04-01', '2026-04-01', 2, 'other', 'online_course', 'approved', 'C-2')`,
        [uuidv7(), personId, employerId, provider.id],
      );
      otherWrote.resolve();
      await gate.promise;
    });
    if (db.kind === 'postgres') await otherWrote.promise; // PGlite: the batch below waits for the other transaction instead
    const batch = db.transaction((tx) => insertReportedRecords(tx, [staged('C-1'), staged('C-2'), staged('C-3')], who()));
    setTimeout(gate.resolve, 300);
    await other;
    const created = await batch;
    expect(created).toHaveLength(2);
    expect((await idsOfProvider()).filter((id) => id.startsWith('C-'))).toEqual(['C-1', 'C-2', 'C-3']);
    const c2 = await db.query<{ source: string }>("SELECT source FROM learning_records WHERE provider_record_id = 'C-2'");
    expect(c2).toEqual([{ source: 'online_course' }]);
  });
});
