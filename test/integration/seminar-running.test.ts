import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgWrite } from '../../src/modules/registry/organisations/repo.ts';
import { type Client, type TestApp, createTestApp } from '../support/app.ts';
import { makeOrganisation } from '../support/fixtures.ts';
import { type SeminarFixture, makeHost, makeProfessional, makePublishedSeminar, must, signInHostAdmin } from '../support/seminars.ts';

const P = '/api/seminar-enrolment';
let t: TestApp;
let host: OrgWrite;
let hostAdmin: Client;
let s: SeminarFixture;
type Trainee = Awaited<ReturnType<typeof makeProfessional>>;
let a: Trainee;
let b: Trainee;
let c: Trainee;
let d: Trainee;
let dates: string[];

/** yyyy-mm-dd, `n` days from today (UTC). */
function dayFromToday(n: number): string {
  const x = new Date();
  x.setUTCDate(x.getUTCDate() + n);
  return x.toISOString().slice(0, 10);
}

async function admitAll(): Promise<void> {
  const list = (await hostAdmin.get(`${P}/hosted/${s.id}/enrolees`)).json().items as { id: string; status: string }[];
  for (const e of list.filter((x) => x.status === 'enrolled')) expect((await hostAdmin.post(`${P}/hosted/${s.id}/enrolees/${e.id}/admit`)).statusCode).toBe(200);
}

async function countRecords(personId: string): Promise<number> {
  return must((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM learning_records WHERE person_id = $1 AND source = 'seminar'`, [personId]))[0]).n;
}

beforeAll(async () => {
  t = await createTestApp();
  host = await makeHost(t.db);
  hostAdmin = await signInHostAdmin(t, host);
  const employer: OrgWrite = await makeOrganisation(t.db);
  // Four seats, no preferred applicant: 20 % holds one back, so the fourth ordinary applicant waits.
  s = await makePublishedSeminar(t.db, host, { seats: 4, days: 5, hoursTenths: 400, budget: { accommodation: 1_000_000, teaching: 500_000 } });
  [a, b, c, d] = [await makeProfessional(t, employer), await makeProfessional(t, employer), await makeProfessional(t, employer), await makeProfessional(t, employer)];
  for (const p of [a, b, c, d]) await p.client.post(`${P}/seminars/${s.id}/enrol`);
  await admitAll();
});
afterAll(() => t.close());

describe('before the seminar ends', () => {
  it('refuses to close, and to rate, before the seminar has begun', async () => {
    const res = await hostAdmin.post(`${P}/hosted/${s.id}/close`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('SEMINAR_NOT_ENDED');
    expect((await a.client.post(`${P}/seminars/${s.id}/rating`, { scores: { content: 5, teachers: 5, organisation: 5, facilities: 5 } })).json().code).toBe('SEMINAR_RATING_NOT_ALLOWED');
  });
});

describe('running: attendance and expenses', () => {
  beforeAll(async () => {
    // The seminar took place: Monday to Friday of a week that ended 30 days or more ago.
    const end = new Date(`${dayFromToday(-30)}T00:00:00Z`);
    while (end.getUTCDay() !== 5) end.setUTCDate(end.getUTCDate() - 1);
    const start = new Date(end);
    start.setUTCDate(start.getUTCDate() - 4);
    await t.db.query('UPDATE seminars SET start_date = $2, end_date = $3, year = $4 WHERE id = $1', [s.id, start.toISOString().slice(0, 10), end.toISOString().slice(0, 10), end.getUTCFullYear()]);
    s = { ...s, startDate: start.toISOString().slice(0, 10), endDate: end.toISOString().slice(0, 10) };
  });

  it('marks attendance per trainee per day for admitted trainees only, on the seminar dates only', async () => {
    const grid = (await hostAdmin.get(`${P}/hosted/${s.id}/attendance`)).json();
    dates = grid.dates as string[];
    expect(dates).toHaveLength(5);
    expect((grid.trainees as { personId: string }[]).map((x) => x.personId).sort()).toEqual([a.personId, b.personId, c.personId].sort());
    const marks = [
      ...dates.map((day) => ({ personId: a.personId, day, present: true })),
      ...dates.map((day, i) => ({ personId: b.personId, day, present: i !== 0 })),
      ...dates.map((day, i) => ({ personId: c.personId, day, present: i < 3 })),
    ];
    const res = await hostAdmin.put(`${P}/hosted/${s.id}/attendance`, { marks });
    expect(res.statusCode).toBe(200);
    expect((res.json().trainees as { personId: string; presentDays: number }[]).map((x) => [x.personId, x.presentDays]).sort()).toEqual(
      [[a.personId, 5], [b.personId, 4], [c.personId, 3]].sort(),
    );
    const outside = await hostAdmin.put(`${P}/hosted/${s.id}/attendance`, { marks: [{ personId: a.personId, day: dayFromToday(1), present: true }] });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().code).toBe('SEMINAR_ATTENDANCE_INVALID');
    const waiting = await hostAdmin.put(`${P}/hosted/${s.id}/attendance`, { marks: [{ personId: d.personId, day: must(dates[0]), present: true }] });
    expect(waiting.json().code).toBe('SEMINAR_ATTENDANCE_INVALID');
  });

  it('records expenses against the budget lines with the execution rate by line and in total', async () => {
    const first = await hostAdmin.post(`${P}/hosted/${s.id}/expenses`, { category: 'accommodation', amountCents: 600_000, spentOn: s.endDate, note: '住宿费' });
    expect(first.statusCode).toBe(201);
    const body = (await hostAdmin.post(`${P}/hosted/${s.id}/expenses`, { category: 'venue', amountCents: 100_000, spentOn: s.endDate })).json();
    expect(body.lines).toEqual([
      { category: 'accommodation', budgetCents: 1_000_000, spentCents: 600_000, rate: 60 },
      { category: 'teaching', budgetCents: 500_000, spentCents: 0, rate: 0 },
      { category: 'venue', budgetCents: 0, spentCents: 100_000, rate: null },
    ]);
    expect(body.total).toEqual({ budgetCents: 1_500_000, spentCents: 700_000, rate: 46.7 });
    expect(body.expenses).toHaveLength(2);
    const bad = await hostAdmin.post(`${P}/hosted/${s.id}/expenses`, { category: 'meals', amountCents: 1, spentOn: '2001-01-01' });
    expect(bad.json().code).toBe('SEMINAR_EXPENSE_INVALID');
    expect((await hostAdmin.post(`${P}/hosted/${s.id}/expenses`, { category: 'gifts', amountCents: 1, spentOn: s.endDate })).statusCode).toBe(400);
  });

  it('lets admitted trainees rate once the seminar has begun, once; not the waiting list', async () => {
    const scores = { content: 5, teachers: 4, organisation: 5, facilities: 4 };
    expect((await a.client.post(`${P}/seminars/${s.id}/rating`, { scores, comment: '收获很大' })).statusCode).toBe(201);
    expect((await a.client.post(`${P}/seminars/${s.id}/rating`, { scores })).json().code).toBe('SEMINAR_RATING_EXISTS');
    expect((await d.client.post(`${P}/seminars/${s.id}/rating`, { scores })).statusCode).toBe(403);
    expect((await b.client.post(`${P}/seminars/${s.id}/rating`, { scores: { ...scores, content: 6 } })).statusCode).toBe(400);
    expect((await b.client.post(`${P}/seminars/${s.id}/rating`, { scores: { content: 3, teachers: 3, organisation: 3, facilities: 3 } })).statusCode).toBe(201);
  });
});

describe('closing: completion writes approved learning records exactly once', () => {
  it('the report cannot be submitted before closing', async () => {
    expect((await hostAdmin.post(`${P}/hosted/${s.id}/report`, { narrative: '总结' })).json().code).toBe('SEMINAR_NOT_CLOSED');
  });

  it('closes: completers (≥ 80 % of days) get one approved seminar record each; compliance is current', async () => {
    const res = await hostAdmin.post(`${P}/hosted/${s.id}/close`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ admitted: 3, completed: 2, recordsWritten: 2 });
    const records = await t.db.query<{ personId: string; source: string; form: string; category: string; hours: number; field: string; providerId: string; status: string }>(
      `SELECT person_id AS "personId", source, form, category, hours, field, provider_id AS "providerId", status FROM learning_records WHERE source = 'seminar' ORDER BY person_id`,
    );
    expect(records.map((r) => r.personId).sort()).toEqual([a.personId, b.personId].sort());
    expect(records[0]).toMatchObject({ source: 'seminar', form: 'advanced_seminar', category: 'professional', hours: 40, field: 'digital_tech', providerId: host.id, status: 'approved' });
    const compliance = await t.db.query<{ professionalHours: number }>('SELECT professional_hours AS "professionalHours" FROM learning_compliance WHERE person_id = $1', [a.personId]);
    expect(compliance[0]?.professionalHours).toBe(40);
    expect(await countRecords(c.personId)).toBe(0);
    const notices = (await a.client.get(`${P}/mine`)).json();
    expect(notices.items[0]).toMatchObject({ status: 'admitted', completed: true, closed: true });
    expect(notices.notices[0].kind).toBe('completed');
  });

  it('closing again, or twice at once, writes nothing more', async () => {
    const again = await hostAdmin.post(`${P}/hosted/${s.id}/close`);
    expect(again.json()).toMatchObject({ completed: 2, recordsWritten: 0 });
    const both = await Promise.all([hostAdmin.post(`${P}/hosted/${s.id}/close`), hostAdmin.post(`${P}/hosted/${s.id}/close`)]);
    expect(both.map((r) => r.json().recordsWritten)).toEqual([0, 0]);
    expect(await countRecords(a.personId)).toBe(1);
    expect(await countRecords(b.personId)).toBe(1);
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_events WHERE entity = 'seminar' AND entity_id = $1 AND action = 'seminar.close'`, [s.id]);
    expect(audit).toHaveLength(1);
    expect((await hostAdmin.put(`${P}/hosted/${s.id}/attendance`, { marks: [{ personId: c.personId, day: must(dates[4]), present: true }] })).json().code).toBe('SEMINAR_ALREADY_CLOSED');
  });

  it('pre-fills the summary report; a report after end date + 10 working days is late; submitted once', async () => {
    const draft = (await hostAdmin.get(`${P}/hosted/${s.id}/report`)).json();
    expect(draft).toMatchObject({ submitted: false, late: true, closed: true });
    expect(draft.figures).toEqual({
      enrolled: 4, admitted: 3, completed: 2, waiting: 1, days: 5, attendanceRate: 80, budgetCents: 1_500_000, spentCents: 700_000, executionRate: 46.7,
      satisfaction: 3.75, ratings: 2,
    });
    const res = await hostAdmin.post(`${P}/hosted/${s.id}/report`, { narrative: '本期研修班圆满完成。' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ submitted: true, late: true, narrative: '本期研修班圆满完成。', figures: { completed: 2 } });
    expect((await hostAdmin.post(`${P}/hosted/${s.id}/report`, { narrative: 'again' })).json().code).toBe('SEMINAR_REPORT_EXISTS');
    const row = await t.db.query<{ late: boolean }>('SELECT late FROM seminar_reports WHERE seminar_id = $1', [s.id]);
    expect(row[0]?.late).toBe(true);
  });
});
