import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../src/platform/db/executor.ts';
import { createRng, type Rng } from '../../src/modules/registry/synthetic.ts';
import { CATEGORIES, LEARNING_FORMS, RECORD_STATUSES, type Category, type LearningForm, type RecordStatus } from '../../src/modules/learning/catalogue.ts';
import { computeCompliance } from '../../src/modules/learning/compliance.ts';
import { recomputeCompliance } from '../../src/modules/learning/compliance/service.ts';
import { rebuildYear, recomputeProvinceYear } from '../../src/modules/learning/compliance/repo.ts';
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
let people: string[];
let rules: ComplianceRules;
const records = new Map<string, Rec>();
const rng = createRng(7);

async function insert(r: Rec, employerId: string) {
  records.set(r.id, r);
  await insertRecord(db, {
    ...r, provinceCode: '330000', employerId, year: YEAR, title: '课程', providerId: null, providerName: '', field: 'other',
    source: 'employer_entered', providerRecordId: null, createdBy: null,
  });
}

async function expectSqlEqualsReference() {
  const rows = await db.query<{ personId: string; total: number; pub: number; pro: number; compliant: boolean; byForm: Record<string, number> }>(
    `SELECT person_id AS "personId", total_hours AS total, public_hours AS pub, professional_hours AS pro, compliant, by_form AS "byForm"
       FROM learning_compliance WHERE year = $1`,
    [YEAR],
  );
  const byPerson = new Map(rows.map((r) => [r.personId, r]));
  for (const personId of people) {
    const expected = computeCompliance(YEAR, [...records.values()].filter((r) => r.personId === personId), rules);
    // A missing row reads as zero hours (a rebuild writes rows only for people with counted records).
    const got = byPerson.get(personId) ?? { total: 0, pub: 0, pro: 0, compliant: false, byForm: {} };
    expect({ personId, total: got.total, pub: got.pub, pro: got.pro, compliant: got.compliant, byForm: got.byForm }).toEqual({
      personId, total: expected.totalHours, pub: expected.publicHours, pro: expected.professionalHours, compliant: expected.compliant, byForm: expected.byForm,
    });
  }
}

beforeAll(async () => {
  db = await createDb();
  const org = await makeOrganisation(db, { regionCode: '330100' });
  people = [];
  for (let i = 0; i < 25; i += 1) people.push((await makePerson(db, org)).id);
  // Caps and a daily limit make the set-based computation take every branch.
  const patch = { dailyCap: 6, formCaps: { online: 30, conference: 12 }, minPublicHours: 20, minTotalHours: 72 };
  await insertVersion(db, { regionCode: '330000', year: YEAR, patch, note: 'property test', createdBy: null });
  rules = resolveRules(NATIONAL_DEFAULT_RULES, [patch]);
  for (let i = 0; i < 400; i += 1) await insert(randomRecord(rng, pick(rng, people)), org.id);
  (globalThis as { orgId?: string }).orgId = org.id;
});
afterAll(() => db.close());

describe('the set-based compliance equals the reference function', () => {
  it('after computing a whole province from scratch', async () => {
    await recomputeProvinceYear(db, { provinceCode: '330000', year: YEAR, rules });
    await expectSqlEqualsReference();
  });

  it('after a rebuild of the whole year in one pass', async () => {
    await db.transaction((tx) => rebuildYear(tx, [{ provinceCode: '330000', year: YEAR, rules }], YEAR));
    await expectSqlEqualsReference();
  });

  it('after random inserts, status changes and deletions, each followed by the incremental update', async () => {
    const orgId = (globalThis as { orgId?: string }).orgId as string;
    for (let round = 0; round < 60; round += 1) {
      const action = rng();
      const touched: { personId: string; year: number }[] = [];
      if (action < 0.4) {
        const r = randomRecord(rng, pick(rng, people));
        await insert(r, orgId);
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
});
