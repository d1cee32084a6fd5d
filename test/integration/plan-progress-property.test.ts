import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../src/platform/db/executor.ts';
import { createRng, type Rng } from '../../src/modules/registry/synthetic.ts';
import { PLAN_FIELDS, RECORD_STATUSES, type PlanField, type RecordStatus } from '../../src/modules/learning/catalogue.ts';
import { insertRecord, setRecordStatus } from '../../src/modules/learning/records/repo.ts';
import { listProgress, listNationalProgress, rebuildProgress, recountProgress, type ProgressCell } from '../../src/modules/plans/progress/repo.ts';
import { type OrgWrite, updateOrganisation } from '../../src/modules/registry/organisations/repo.ts';
import { createDb, makeOrganisation, makePerson } from '../support/fixtures.ts';

// A record as the reference model sees it.
type Rec = { id: string; personId: string; employer: OrgWrite; provinceCode: string; year: number; field: PlanField; endDate: string; status: RecordStatus };

const YEAR = 2025;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const pad = (n: number) => String(n).padStart(2, '0');

let db: Database;
let orgs: OrgWrite[];
let people: { id: string; provinceCode: string }[];
const records = new Map<string, Rec>();
const rng = createRng(11);

/** The counting rules of docs/plans.md, written independently of the SQL. */
function referenceCells(year: number): ProgressCell[] {
  const members = new Map<string, { key: string; month: number }>();
  for (const r of records.values()) {
    if (r.year !== year || (r.status !== 'approved' && r.status !== 'confirmed')) continue;
    const department = (r.employer.departmentCode ?? '').split('.')[0] ?? '';
    const city = r.employer.provinceCode === r.provinceCode ? r.employer.regionCode : r.provinceCode;
    const endYear = Number(r.endDate.slice(0, 4));
    const month = endYear > r.year ? 12 : endYear < r.year ? 1 : Number(r.endDate.slice(5, 7));
    const key = [r.year, r.field, department, r.provinceCode, city].join('|');
    const member = `${key}|${r.personId}`;
    const prior = members.get(member);
    members.set(member, { key, month: Math.min(month, prior?.month ?? 12) });
  }
  const cells = new Map<string, ProgressCell>();
  for (const { key, month } of members.values()) {
    const [y, field, departmentCode, provinceCode, cityCode] = key.split('|') as [string, string, string, string, string];
    const cellKey = `${key}|${month}`;
    const cell = cells.get(cellKey) ?? { year: Number(y), field, departmentCode, provinceCode, cityCode, month, people: 0 };
    cell.people += 1;
    cells.set(cellKey, cell);
  }
  return sortCells([...cells.values()]);
}

/** One order for all three sources (the databases' collations need not agree with each other). */
function sortCells(cells: ProgressCell[]): ProgressCell[] {
  const order = (c: ProgressCell) => [c.year, c.field, c.departmentCode, c.provinceCode, c.cityCode, pad(c.month)].join('|');
  return [...cells].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

function randomRecord(): Rec {
  const person = pick(rng, people);
  // Mostly the person's own province's employers; sometimes one elsewhere (a cross-province record).
  const local = orgs.filter((o) => o.provinceCode === person.provinceCode);
  const employer = rng() < 0.85 ? pick(rng, local) : pick(rng, orgs);
  const endYear = rng() < 0.9 ? YEAR : YEAR + 1;
  return {
    id: uuidv7(), personId: person.id, employer, provinceCode: person.provinceCode, year: rng() < 0.9 ? YEAR : YEAR - 1,
    field: pick(rng, PLAN_FIELDS.slice(0, 4)), endDate: `${endYear}-${pad(1 + Math.floor(rng() * 12))}-20`, status: pick(rng, RECORD_STATUSES),
  };
}

async function insert(r: Rec): Promise<void> {
  records.set(r.id, r);
  await insertRecord(db, {
    id: r.id, provinceCode: r.provinceCode, personId: r.personId, employerId: r.employer.id, year: r.year, category: 'professional', form: 'training',
    title: '课程', providerId: null, providerName: '', startDate: `${r.endDate.slice(0, 8)}01`, endDate: r.endDate, hours: 8, field: r.field,
    source: 'employer_entered', status: r.status, providerRecordId: null, createdBy: null,
  });
}

async function expectRollUpEqualsRecount(): Promise<void> {
  for (const year of [YEAR - 1, YEAR]) {
    const rollUp = sortCells(await listProgress(db, year));
    expect(rollUp).toEqual(sortCells(await recountProgress(db, year)));
    expect(rollUp).toEqual(referenceCells(year));
    // The national marginals equal plan_progress summed per department and field, province or month.
    const marginals = new Map<string, number>();
    const add = (key: string, people: number) => marginals.set(key, (marginals.get(key) ?? 0) + people);
    for (const c of rollUp) {
      add(`${c.departmentCode}|field|${c.field}`, c.people);
      add(`${c.departmentCode}|province|${c.provinceCode}`, c.people);
      add(`${c.departmentCode}|month|${c.month}`, c.people);
    }
    const national = await listNationalProgress(db, year);
    expect(new Map(national.map((n) => [`${n.departmentCode}|${n.dim}|${n.key}`, n.people]))).toEqual(new Map([...marginals].filter(([, v]) => v !== 0)));
  }
}

beforeAll(async () => {
  db = await createDb();
  orgs = [
    await makeOrganisation(db, { regionCode: '330100', departmentCode: 'miit' }),
    await makeOrganisation(db, { regionCode: '330200', departmentCode: 'miit.330000' }),
    await makeOrganisation(db, { regionCode: '330000', departmentCode: null }),
    await makeOrganisation(db, { regionCode: '440100', departmentCode: 'moe.440000' }),
    await makeOrganisation(db, { regionCode: '440300', departmentCode: 'most' }),
  ];
  people = [];
  for (let i = 0; i < 30; i += 1) {
    const employer = orgs[i % orgs.length] as OrgWrite;
    people.push({ id: (await makePerson(db, employer)).id, provinceCode: employer.provinceCode });
  }
});
afterAll(() => db.close());

describe('the progress roll-up stays equal to a full recount', () => {
  it('after single inserts through the record repository', async () => {
    for (let i = 0; i < 150; i += 1) await insert(randomRecord());
    await expectRollUpEqualsRecount();
  });

  it('after a multi-row insert in one statement', async () => {
    const batch = Array.from({ length: 60 }, randomRecord);
    for (const r of batch) records.set(r.id, r);
    await db.query(
      `INSERT INTO learning_records (id, province_code, person_id, employer_id, year, category, form, title, start_date, end_date, hours, field, source, status)
       SELECT id, province_code, person_id, employer_id, year, 'public', 'online', '批量', end_date - 3, end_date, 2, field, 'provider_reported', status
         FROM unnest($1::uuid[], $2::char(6)[], $3::uuid[], $4::uuid[], $5::smallint[], $6::date[], $7::text[], $8::text[])
           AS b (id, province_code, person_id, employer_id, year, end_date, field, status)`,
      [batch.map((r) => r.id), batch.map((r) => r.provinceCode), batch.map((r) => r.personId), batch.map((r) => r.employer.id),
        batch.map((r) => r.year), batch.map((r) => r.endDate), batch.map((r) => r.field), batch.map((r) => r.status)],
    );
    await expectRollUpEqualsRecount();
  });

  it('an insert brings a member\'s first month forward, a later one leaves it, a COPY counts like an INSERT', async () => {
    const employer = orgs[1] as OrgWrite;
    const person = { id: (await makePerson(db, employer)).id, provinceCode: employer.provinceCode };
    const record = (field: PlanField, endDate: string): Rec => ({ id: uuidv7(), personId: person.id, employer, provinceCode: person.provinceCode, year: YEAR, field, endDate, status: 'approved' });
    const members = async () =>
      (await db.query<{ field: string; month: number }>('SELECT field, first_month AS month FROM plan_progress_members WHERE person_id = $1 ORDER BY field', [person.id]))
        .map((m) => `${m.field}:${m.month}`);
    await insert(record('digital_tech', `${YEAR}-05-10`));
    expect(await members()).toEqual(['digital_tech:5']);
    await insert(record('digital_tech', `${YEAR}-03-10`));
    expect(await members()).toEqual(['digital_tech:3']);
    await insert(record('digital_tech', `${YEAR}-08-10`));
    expect(await members()).toEqual(['digital_tech:3']);
    // The provider-reporting path: one COPY, an earlier month in the same cell and a new cell.
    const copied = [record('digital_tech', `${YEAR}-02-10`), record('biotech', `${YEAR}-09-01`)];
    for (const r of copied) records.set(r.id, r);
    await db.copyCsv(
      'learning_records',
      ['id', 'province_code', 'person_id', 'employer_id', 'year', 'category', 'form', 'title', 'start_date', 'end_date', 'hours', 'field', 'source', 'status'],
      copied.map((r) => [r.id, r.provinceCode, r.personId, r.employer.id, r.year, 'public', 'online', '复制', r.endDate, r.endDate, 2, r.field, 'provider_reported', r.status].join(',')).join('\n') + '\n',
    );
    expect(await members()).toEqual(['biotech:9', 'digital_tech:2']);
    await expectRollUpEqualsRecount();
  });
});

describe('the progress roll-up under changes', () => {
  it('after random status changes, field and date edits, employer changes and deletions', async () => {
    for (let round = 0; round < 8; round += 1) {
      const ids = [...records.keys()];
      for (let i = 0; i < 15; i += 1) {
        const id = pick(rng, ids);
        const r = records.get(id);
        if (!r) continue;
        const op = Math.floor(rng() * 5);
        if (op === 0) {
          r.status = pick(rng, RECORD_STATUSES);
          await setRecordStatus(db, id, { status: r.status, reason: null, by: uuidv7(), now: new Date() });
        } else if (op === 1) {
          r.field = pick(rng, PLAN_FIELDS.slice(0, 4));
          r.endDate = `${YEAR}-${pad(1 + Math.floor(rng() * 12))}-21`;
          await db.query('UPDATE learning_records SET field = $2, end_date = $3, start_date = $3 WHERE id = $1', [id, r.field, r.endDate]);
        } else if (op === 2) {
          r.employer = pick(rng, orgs);
          await db.query('UPDATE learning_records SET employer_id = $2 WHERE id = $1', [id, r.employer.id]);
        } else if (op === 3) {
          records.delete(id);
          await db.query('DELETE FROM learning_records WHERE id = $1', [id]);
        } else {
          await insert(randomRecord());
        }
      }
      // A set-based update touching many records at once.
      const status = pick(rng, RECORD_STATUSES);
      const field = pick(rng, PLAN_FIELDS.slice(0, 4));
      const touched = [...records.values()].filter((r) => r.field === field && r.year === YEAR);
      for (const r of touched) r.status = status;
      await db.query('UPDATE learning_records SET status = $1 WHERE field = $2 AND year = $3', [status, field, YEAR]);
      await expectRollUpEqualsRecount();
    }
  });

  it('after employers change department and city (the organisation, not the records, is edited)', async () => {
    const changes: [OrgWrite, string | null, string][] = [
      [orgs[0] as OrgWrite, 'moe', '330200'],
      [orgs[2] as OrgWrite, 'miit.330000', '330100'],
      [orgs[4] as OrgWrite, null, '440300'],
    ];
    const before = await listProgress(db, YEAR);
    for (const [org, departmentCode, regionCode] of changes) {
      org.departmentCode = departmentCode;
      org.regionCode = regionCode;
      await updateOrganisation(db, org, new Date());
    }
    expect(await listProgress(db, YEAR)).not.toEqual(before);
    await expectRollUpEqualsRecount();
  });

  it('inside a rolled-back transaction leaves the roll-up as it was', async () => {
    const before = await listProgress(db, YEAR);
    await expect(db.transaction(async (tx) => {
      await tx.query('DELETE FROM learning_records WHERE year = $1', [YEAR]);
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    expect(await listProgress(db, YEAR)).toEqual(before);
  });

  it('a rebuild from scratch gives the same table', async () => {
    const before = await listProgress(db, YEAR);
    expect(before.length).toBeGreaterThan(10);
    await db.transaction((tx) => rebuildProgress(tx, YEAR));
    expect(await listProgress(db, YEAR)).toEqual(before);
  });
});
