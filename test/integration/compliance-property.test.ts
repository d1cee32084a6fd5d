import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../src/platform/db/executor.ts';
import { createRng, type Rng } from '../../src/modules/registry/synthetic.ts';
import { CATEGORIES, LEARNING_FORMS, RECORD_STATUSES, type Category, type LearningForm, type RecordStatus } from '../../src/modules/learning/catalogue.ts';
import { computeCompliance } from '../../src/modules/learning/compliance.ts';
import { addRecordsToCompliance, complianceOfPerson, recomputeCompliance } from '../../src/modules/learning/compliance/service.ts';
import { recomputeProvinceYear } from '../../src/modules/learning/compliance/repo.ts';
import { rebuildYear } from '../../src/modules/learning/compliance/rebuild-repo.ts';
import { insertRecord } from '../../src/modules/learning/records/repo.ts';
import { NATIONAL_DEFAULT_RULES, resolveRules, type ComplianceRules } from '../../src/modules/learning/rules.ts';
import { insertVersion } from '../../src/modules/learning/rules/repo.ts';
import { createDb, makeOrganisation, makePerson } from '../support/fixtures.ts';

type Rec = { id: string; personId: string; category: Category; form: LearningForm; hours: number; startDate: string; endDate: string; status: RecordStatus };

const YEAR = 2024;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

function randomRecord(rng: Rng, personId: string): Rec {
  const month = 1 + Math.floor(rng() * 12);
  const day = 1 + Math.floor(rng() * 20);
  const span = Math.floor(rng() * 5);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    id: uuidv7(),
    personId,
    category: pick(rng, CATEGORIES),
    form: pick(rng, LEARNING_FORMS.slice(0, 4)),
    hours: (1 + Math.floor(rng() * 400)) / 10,
    startDate: `${YEAR}-${pad(month)}-${pad(day)}`,
    endDate: `${YEAR}-${pad(month)}-${pad(day + span)}`,
    status: pick(rng, RECORD_STATUSES),
  };
}

let db: Database;
// Two provinces with different daily caps and form caps, so that a rebuild of the year compiles
// more than one daily-cap variant and a form capped in one province only.
const PROVINCES = [
  { code: '330000', city: '330100', patch: { dailyCap: 6, formCaps: { online: 30, conference: 12 }, minPublicHours: 20, minTotalHours: 72 } },
  { code: '320000', city: '320100', patch: { formCaps: { training: 40 }, minTotalHours: 60 } },
  // No cap at all: a provider's new records are added to the stored figures instead of recomputed.
  { code: '440000', city: '440100', patch: { minTotalHours: 80, minPublicHours: 10 } },
];
const people: { id: string; provinceCode: string; employerId: string }[] = [];
const rulesOf = new Map<string, ComplianceRules>();
const records = new Map<string, Rec>();
const rng = createRng(7);

async function insert(r: Rec) {
  records.set(r.id, r);
  const person = people.find((p) => p.id === r.personId) as (typeof people)[number];
  await insertRecord(db, {
    ...r, provinceCode: person.provinceCode, employerId: person.employerId, year: YEAR, title: '课程', providerId: null, providerName: '', field: 'other',
    source: 'employer_entered', providerRecordId: null, createdBy: null,
  });
}

const rulesRows = () => PROVINCES.map((p) => ({ provinceCode: p.code, year: YEAR, rules: rulesOf.get(p.code) as ComplianceRules }));

async function expectSqlEqualsReference() {
  const rows = await db.query<{ personId: string; total: number; pub: number; pro: number; compliant: boolean }>(
    `SELECT person_id AS "personId", total_hours AS total, public_hours AS pub, professional_hours AS pro, compliant
       FROM learning_compliance WHERE year = $1`,
    [YEAR],
  );
  const byPerson = new Map(rows.map((r) => [r.personId, r]));
  for (const person of people) {
    const expected = computeCompliance(YEAR, [...records.values()].filter((r) => r.personId === person.id), rulesOf.get(person.provinceCode) as ComplianceRules);
    // A missing row reads as zero hours (a rebuild writes rows only for people with counted records).
    const got = byPerson.get(person.id) ?? { total: 0, pub: 0, pro: 0, compliant: false };
    // The per-form figures are computed when a person's compliance is read.
    const [read] = await complianceOfPerson(db, { id: person.id, provinceCode: person.provinceCode }, [YEAR]);
    expect({ personId: person.id, total: got.total, pub: got.pub, pro: got.pro, compliant: got.compliant, byForm: read?.byForm, readTotal: read?.totalHours }).toEqual({
      personId: person.id, total: expected.totalHours, pub: expected.publicHours, pro: expected.professionalHours, compliant: expected.compliant,
      byForm: expected.byForm, readTotal: expected.totalHours,
    });
  }
}

beforeAll(async () => {
  db = await createDb();
  for (const province of PROVINCES) {
    const org = await makeOrganisation(db, { regionCode: province.city });
    for (let i = 0; i < 15; i += 1) people.push({ id: (await makePerson(db, org)).id, provinceCode: province.code, employerId: org.id });
    await insertVersion(db, { regionCode: province.code, year: YEAR, patch: province.patch, note: 'property test', createdBy: null });
    rulesOf.set(province.code, resolveRules(NATIONAL_DEFAULT_RULES, [province.patch]));
  }
  for (let i = 0; i < 500; i += 1) await insert(randomRecord(rng, pick(rng, people).id));
});
afterAll(() => db.close());

describe('the set-based compliance equals the reference function', () => {
  it('after computing each province from scratch', async () => {
    for (const row of rulesRows()) await recomputeProvinceYear(db, row);
    await expectSqlEqualsReference();
  });

  it('after a rebuild of the whole year in one pass, twice (the second replaces the year partition the first made)', async () => {
    await db.transaction((tx) => rebuildYear(tx, rulesRows(), YEAR));
    await expectSqlEqualsReference();
    await db.transaction((tx) => rebuildYear(tx, rulesRows(), YEAR));
    await expectSqlEqualsReference();
  });

  it('after random inserts, status changes and deletions, each followed by the incremental update', async () => {
    for (let round = 0; round < 60; round += 1) {
      const action = rng();
      const touched: { personId: string; year: number }[] = [];
      if (action < 0.4) {
        const r = randomRecord(rng, pick(rng, people).id);
        await insert(r);
        touched.push({ personId: r.personId, year: YEAR });
      } else if (action < 0.75) {
        const r = pick(rng, [...records.values()]);
        const status = pick(rng, RECORD_STATUSES);
        records.set(r.id, { ...r, status });
        await db.query('UPDATE learning_records SET status = $2 WHERE id = $1', [r.id, status]);
        touched.push({ personId: r.personId, year: YEAR });
      } else {
        const r = pick(rng, [...records.values()]);
        records.delete(r.id);
        await db.query('DELETE FROM learning_records WHERE id = $1', [r.id]);
        touched.push({ personId: r.personId, year: YEAR });
      }
      await recomputeCompliance(db, touched);
    }
    await expectSqlEqualsReference();
  });

  it("after providers' batches of new approved records, added where nothing is capped and recomputed elsewhere", async () => {
    // Two people of the uncapped province without any record yet: their pairs have no row to add to.
    const newcomers = await makeOrganisation(db, { regionCode: '440100' });
    for (let i = 0; i < 2; i += 1) people.push({ id: (await makePerson(db, newcomers)).id, provinceCode: '440000', employerId: newcomers.id });
    for (let round = 0; round < 25; round += 1) {
      const batch = Array.from({ length: 1 + Math.floor(rng() * 6) }, () => ({ ...randomRecord(rng, pick(rng, people).id), status: 'approved' as const }));
      for (const r of batch) await insert(r);
      await db.transaction((tx) => addRecordsToCompliance(tx, batch.map((r) => ({
        personId: r.personId, year: YEAR, provinceCode: (people.find((p) => p.id === r.personId) as (typeof people)[number]).provinceCode, hours: r.hours, category: r.category,
      }))));
    }
    await expectSqlEqualsReference();
  });
});
