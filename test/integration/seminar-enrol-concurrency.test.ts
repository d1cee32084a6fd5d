import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../support/app.ts';
import { makeOrganisation } from '../support/fixtures.ts';
import { flaggedCity, makeHost, makeProfessional, makePublishedSeminar } from '../support/seminars.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('no overselling under simultaneous enrolments', () => {
  it('100 concurrent enrolments (a fifth preferred) for 10 seats: exactly 10 seats held, the rest waiting, no server error', async () => {
    const host = await makeHost(t.db);
    const employer = await makeOrganisation(t.db);
    const city = await flaggedCity(t.db);
    const remote = await makeOrganisation(t.db, { regionCode: city, provinceCode: `${city.slice(0, 2)}0000` });
    const s = await makePublishedSeminar(t.db, host, { seats: 10 });
    const people = [];
    for (let i = 0; i < 100; i++) people.push(await makeProfessional(t, i % 5 === 0 ? remote : employer));
    const results = await Promise.all(people.map((p) => p.client.post(`/api/seminar-enrolment/seminars/${s.id}/enrol`)));
    expect(results.filter((r) => r.statusCode >= 500)).toEqual([]);
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    const outcomes = results.map((r) => r.json().outcome as string);
    expect(outcomes.filter((o) => o === 'enrolled')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 'waiting')).toHaveLength(90);
    const rows = await t.db.query<{ held: number; preferred: number; counter: number }>(
      `SELECT count(*) FILTER (WHERE status = 'enrolled')::int AS held, count(*) FILTER (WHERE status = 'enrolled' AND preferred)::int AS preferred,
              (SELECT seats_taken FROM seminar_enrolment_settings WHERE seminar_id = $1) AS counter
         FROM seminar_enrolments WHERE seminar_id = $1`,
      [s.id],
    );
    expect(rows[0]).toMatchObject({ held: 10, counter: 10 });
    // 20 % of 10 seats were held back for the 20 preferred applicants, whatever the arrival order.
    expect(rows[0]?.preferred).toBeGreaterThanOrEqual(2);

    // Concurrent withdrawals and enrolments: the seat count never exceeds the seats either.
    const holders = people.filter((_, i) => outcomes[i] === 'enrolled').slice(0, 3);
    const late = [];
    for (let i = 0; i < 10; i++) late.push(await makeProfessional(t, employer));
    const mixed = await Promise.all([
      ...holders.map((p) => p.client.post(`/api/seminar-enrolment/seminars/${s.id}/withdraw`)),
      ...late.map((p) => p.client.post(`/api/seminar-enrolment/seminars/${s.id}/enrol`)),
    ]);
    expect(mixed.filter((r) => r.statusCode !== 200).map((r) => r.body)).toEqual([]);
    const after = await t.db.query<{ held: number; counter: number }>(
      `SELECT count(*) FILTER (WHERE status = 'enrolled')::int AS held, (SELECT seats_taken FROM seminar_enrolment_settings WHERE seminar_id = $1) AS counter
         FROM seminar_enrolments WHERE seminar_id = $1`,
      [s.id],
    );
    expect(after[0]).toEqual({ held: 10, counter: 10 });
  });
});
