import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoEnrolments } from '../../src/modules/seminars/index.ts';
import { type TestApp, createTestApp, systemContext } from '../support/app.ts';
import { makeOrganisation, makePerson } from '../support/fixtures.ts';
import { makeHost, makePublishedSeminar } from '../support/seminars.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo enrolments', () => {
  it('enrols eligible people into a published seminar beyond its seats, admits half the seat holders, once', async () => {
    const host = await makeHost(t.db);
    const employer = await makeOrganisation(t.db);
    for (let i = 0; i < 8; i++) await makePerson(t.db, employer);
    const s = await makePublishedSeminar(t.db, host, { seats: 4 });
    expect(await loadDemoEnrolments(systemContext(t.db))).toBe(7);
    const rows = await t.db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM seminar_enrolments WHERE seminar_id = $1 GROUP BY status ORDER BY status', [s.id]);
    expect(rows).toEqual([{ status: 'admitted', n: 2 }, { status: 'enrolled', n: 1 }, { status: 'waiting', n: 4 }]);
    expect(await loadDemoEnrolments(systemContext(t.db))).toBe(0);
  });
});
