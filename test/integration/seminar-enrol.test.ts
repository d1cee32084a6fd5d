import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgWrite } from '../../src/modules/registry/organisations/repo.ts';
import { type Client, type TestApp, createTestApp } from '../support/app.ts';
import { makeOrganisation } from '../support/fixtures.ts';
import { flaggedCity, makeHost, must, makeProfessional, makePublishedSeminar, signIn, signInHostAdmin } from '../support/seminars.ts';

let t: TestApp;
let host: OrgWrite;
let hostAdmin: Client;
let employer: OrgWrite;
let remoteEmployer: OrgWrite;
let grassroots: OrgWrite;

const P = '/api/seminar-enrolment';

async function auditActions(entity: string, entityId: string): Promise<string[]> {
  const rows = await t.db.query<{ action: string }>('SELECT action FROM audit_events WHERE entity = $1 AND entity_id = $2 ORDER BY seq', [entity, entityId]);
  return rows.map((r) => r.action);
}

beforeAll(async () => {
  t = await createTestApp();
  host = await makeHost(t.db);
  hostAdmin = await signInHostAdmin(t, host);
  employer = await makeOrganisation(t.db);
  const city = await flaggedCity(t.db);
  remoteEmployer = await makeOrganisation(t.db, { regionCode: city, provinceCode: `${city.slice(0, 2)}0000` });
  grassroots = await makeOrganisation(t.db);
  await t.db.query('UPDATE organisations SET grassroots = true WHERE id = $1', [grassroots.id]);
});
afterAll(() => t.close());

describe('eligibility and enrolment', () => {
  it('shows an open seminar with the caller eligibility, enrols once, refuses a duplicate, audits', async () => {
    const s = await makePublishedSeminar(t.db, host);
    const p = await makeProfessional(t, employer);
    const open = await p.client.get(`${P}/open`);
    expect(open.statusCode).toBe(200);
    const item = (open.json().items as { id: string; eligibility: { eligible: boolean }; window: { state: string }; preferenceReasons: string[]; abilities: { enrol: boolean } }[]).find((i) => i.id === s.id);
    expect(item).toMatchObject({ eligibility: { eligible: true }, window: { state: 'open' }, preferenceReasons: [], abilities: { enrol: true } });
    const res = await p.client.post(`${P}/seminars/${s.id}/enrol`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'enrolled', seatsLeft: s.seats - 1, myEnrolment: { status: 'enrolled' }, abilities: { enrol: false, withdraw: true } });
    const again = await p.client.post(`${P}/seminars/${s.id}/enrol`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SEMINAR_ENROL_DUPLICATE');
    expect(await auditActions('seminar_enrolment', res.json().myEnrolment.id)).toEqual(['seminar.enrol']);
  });

  it('refuses a junior title without a management post, with the reason in Chinese and English; a management post qualifies', async () => {
    const s = await makePublishedSeminar(t.db, host);
    const junior = await makeProfessional(t, employer, { titleLevel: 'junior' });
    const zh = await junior.client.post(`${P}/seminars/${s.id}/enrol`);
    expect(zh.statusCode).toBe(422);
    expect(zh.json().code).toBe('SEMINAR_ENROL_INELIGIBLE');
    expect(zh.json().message).toBe('不符合报名条件：须具有中级及以上职称或担任管理岗位');
    const en = await junior.client.post(`${P}/seminars/${s.id}/enrol`, undefined, { 'accept-language': 'en' });
    expect(en.json().message).toBe('Not eligible: an intermediate or higher title, or a management post, is required');
    const page = await junior.client.get(`${P}/seminars/${s.id}`);
    expect(page.json().eligibility).toMatchObject({ eligible: false, reason: 'title_or_post' });
    const manager = await makeProfessional(t, employer, { titleLevel: 'none', managementPost: true });
    expect((await manager.client.post(`${P}/seminars/${s.id}/enrol`)).json().outcome).toBe('enrolled');
  });

  it('reads the eligibility rule of the year as data: without the management-post clause a manager is refused', async () => {
    await t.db.query(
      `INSERT INTO seminar_enrolment_rules (year, eligibility, reserved_share_pct, completion_min_pct, report_due_working_days)
       VALUES (2100, '{"minTitleLevel":"deputy_senior","managementPostQualifies":false}', 20, 80, 10)`,
    );
    const s = await makePublishedSeminar(t.db, host, { startDate: '2100-06-01', endDate: '2100-06-03', days: 3 });
    const manager = await makeProfessional(t, employer, { titleLevel: 'intermediate', managementPost: true });
    const res = await manager.client.post(`${P}/seminars/${s.id}/enrol`);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('SEMINAR_ENROL_INELIGIBLE');
    const senior = await makeProfessional(t, employer, { titleLevel: 'senior' });
    expect((await senior.client.post(`${P}/seminars/${s.id}/enrol`)).json().outcome).toBe('enrolled');
  });

});

describe('window and publication', () => {
  it('refuses before the window opens and after it closes, and a staff account without a person', async () => {
    const s = await makePublishedSeminar(t.db, host);
    const future = await hostAdmin.request('PUT', `${P}/hosted/${s.id}/window`, { opensAt: '2099-01-01T00:00:00Z', closesAt: '2099-05-01T00:00:00Z' });
    expect(future.statusCode).toBe(200);
    expect(future.json().window.state).toBe('not_open');
    const p = await makeProfessional(t, employer);
    const early = await p.client.post(`${P}/seminars/${s.id}/enrol`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('SEMINAR_ENROL_WINDOW_CLOSED');
    const bad = await hostAdmin.request('PUT', `${P}/hosted/${s.id}/window`, { opensAt: null, closesAt: '2099-06-02T00:00:00Z' });
    expect(bad.statusCode).toBe(422);
    await hostAdmin.request('PUT', `${P}/hosted/${s.id}/window`, { opensAt: null, closesAt: '2026-01-02T00:00:00Z' });
    expect((await p.client.post(`${P}/seminars/${s.id}/enrol`)).json().code).toBe('SEMINAR_ENROL_WINDOW_CLOSED');
    expect(await auditActions('seminar', s.id)).toEqual(['seminar.enrolment_window', 'seminar.enrolment_window']);
  });

  it('does not show unpublished seminars', async () => {
    const s = await makePublishedSeminar(t.db, host);
    await t.db.query('UPDATE seminars SET published_at = NULL WHERE id = $1', [s.id]);
    const p = await makeProfessional(t, employer);
    expect((await p.client.post(`${P}/seminars/${s.id}/enrol`)).statusCode).toBe(404);
  });
});

describe('designated-region preference, waiting list and admission', () => {
  it('holds 20 % of seats for preferred applicants, orders the waiting list preferred-first, moves it up on withdrawal', async () => {
    const s = await makePublishedSeminar(t.db, host, { seats: 5 });
    const plain = [];
    for (let i = 0; i < 6; i++) plain.push(await makeProfessional(t, employer));
    const outcomes = [];
    for (const p of plain) outcomes.push((await p.client.post(`${P}/seminars/${s.id}/enrol`)).json().outcome as string);
    // 5 seats, ceil(20 %) = 1 held back: four ordinary applicants get seats, the next two wait.
    expect(outcomes).toEqual(['enrolled', 'enrolled', 'enrolled', 'enrolled', 'waiting', 'waiting']);
    const remote = await makeProfessional(t, remoteEmployer);
    const r1 = (await remote.client.post(`${P}/seminars/${s.id}/enrol`)).json();
    expect(r1.outcome).toBe('enrolled');
    expect(r1.preferenceReasons).toContain('ethnic_autonomous');
    const local = await makeProfessional(t, grassroots);
    const r2 = (await local.client.post(`${P}/seminars/${s.id}/enrol`)).json();
    expect(r2).toMatchObject({ outcome: 'waiting', preferenceReasons: ['grassroots'], myEnrolment: { position: 1 } });
    expect((await must(plain[4]).client.get(`${P}/seminars/${s.id}`)).json().myEnrolment.position).toBe(2);

    const list = (await hostAdmin.get(`${P}/hosted/${s.id}/enrolees`)).json().items as { personId: string; status: string; position: number | null; preferred: boolean; idNumberMasked: string }[];
    expect(list.filter((e) => e.status === 'waiting').map((e) => [e.personId, e.position])).toEqual([[local.personId, 1], [must(plain[4]).personId, 2], [must(plain[5]).personId, 3]]);
    expect(must(list[0]).idNumberMasked).toMatch(/\*{4}/);

    // A seat holder withdraws: the preferred applicant first in line moves up in the same transaction.
    const w = await must(plain[0]).client.post(`${P}/seminars/${s.id}/withdraw`);
    expect(w.statusCode).toBe(200);
    expect(w.json().myEnrolment).toBeNull();
    const mine = (await local.client.get(`${P}/mine`)).json();
    expect(mine.items[0]).toMatchObject({ seminarId: s.id, status: 'enrolled' });
    expect(mine.notices.map((n: { kind: string }) => n.kind)).toEqual(['seat_offered']);
    const seats = await t.db.query<{ n: number }>('SELECT seats_taken AS n FROM seminar_enrolment_settings WHERE seminar_id = $1', [s.id]);
    expect(must(seats[0]).n).toBe(5);
    // Re-enrolling after a withdrawal joins the end of the queue.
    expect((await must(plain[0]).client.post(`${P}/seminars/${s.id}/enrol`)).json()).toMatchObject({ outcome: 'waiting', myEnrolment: { position: 3 } });
  });

  it('after the window closes the held-back seat goes to the next ordinary applicant (fill)', async () => {
    const s = await makePublishedSeminar(t.db, host, { seats: 2, budget: {} });
    const a = await makeProfessional(t, employer);
    const b = await makeProfessional(t, employer);
    expect((await a.client.post(`${P}/seminars/${s.id}/enrol`)).json().outcome).toBe('enrolled');
    expect((await b.client.post(`${P}/seminars/${s.id}/enrol`)).json().outcome).toBe('waiting');
    expect((await hostAdmin.post(`${P}/hosted/${s.id}/fill`)).json().moved).toBe(0);
    await t.db.query(`UPDATE seminar_enrolment_settings SET closes_at = now() - interval '1 minute' WHERE seminar_id = $1`, [s.id]);
    expect((await hostAdmin.post(`${P}/hosted/${s.id}/fill`)).json().moved).toBe(1);
    expect((await b.client.get(`${P}/mine`)).json().items[0].status).toBe('enrolled');
  });

});

describe('admission', () => {
  it('the host admits a seat holder: the trainee sees a notice, the trail an event; declines free the seat', async () => {
    const s = await makePublishedSeminar(t.db, host, { seats: 1 });
    // One seat, held for preferred applicants while the window is open: both are preferred here.
    const a = await makeProfessional(t, grassroots);
    const b = await makeProfessional(t, remoteEmployer);
    await b.client.post(`${P}/seminars/${s.id}/enrol`);
    const aRes = await a.client.post(`${P}/seminars/${s.id}/enrol`);
    expect(aRes.json().outcome).toBe('waiting');
    const list = (await hostAdmin.get(`${P}/hosted/${s.id}/enrolees`)).json().items as { id: string; personId: string; abilities: { admit: boolean } }[];
    const bRow = must(list.find((e) => e.personId === b.personId));
    expect(bRow.abilities.admit).toBe(true);
    const admitted = await hostAdmin.post(`${P}/hosted/${s.id}/enrolees/${bRow.id}/admit`);
    expect(admitted.statusCode).toBe(200);
    expect((await hostAdmin.post(`${P}/hosted/${s.id}/enrolees/${bRow.id}/admit`)).json().code).toBe('SEMINAR_ENROL_NOT_ADMITTABLE');
    const mine = (await b.client.get(`${P}/mine`)).json();
    expect(mine.items[0]).toMatchObject({ status: 'admitted' });
    expect(mine.notices[0]).toMatchObject({ kind: 'admitted', seminarId: s.id });
    expect(await auditActions('seminar_enrolment', bRow.id)).toEqual(['seminar.enrol', 'seminar.admit']);
    // An admitted trainee may still withdraw before the start: the waiting applicant moves up.
    await b.client.post(`${P}/seminars/${s.id}/withdraw`);
    expect((await a.client.get(`${P}/mine`)).json().items[0].status).toBe('enrolled');
    const aRow = must(((await hostAdmin.get(`${P}/hosted/${s.id}/enrolees`)).json().items as { id: string; personId: string }[]).find((e) => e.personId === a.personId));
    expect((await hostAdmin.post(`${P}/hosted/${s.id}/enrolees/${aRow.id}/decline`)).statusCode).toBe(200);
    expect((await a.client.get(`${P}/mine`)).json().notices[0].kind).toBe('declined');
  });
});

describe('access', () => {
  it('401 without a session, 403 for the wrong role, 404 for another host and for a host without the seminar_host role', async () => {
    const s = await makePublishedSeminar(t.db, host);
    expect((await t.app.inject({ method: 'GET', url: `${P}/open` })).statusCode).toBe(401);
    const p = await makeProfessional(t, employer);
    expect((await p.client.get(`${P}/hosted/${s.id}/enrolees`)).statusCode).toBe(403);
    expect((await hostAdmin.get(`${P}/open`)).statusCode).toBe(403);
    const other = await makeHost(t.db);
    const otherAdmin = await signInHostAdmin(t, other);
    expect((await otherAdmin.get(`${P}/hosted/${s.id}/enrolees`)).json().code).toBe('SEMINAR_ENROL_NOT_HOST');
    const plainOrg = await makeOrganisation(t.db);
    const s2 = await makePublishedSeminar(t.db, plainOrg);
    const plainAdmin = await signIn(t, { username: 'plain.admin', grants: [{ role: 'organisation_admin', scopeType: 'organisation', scopeId: plainOrg.id }] });
    expect((await plainAdmin.get(`${P}/hosted/${s2.id}`)).statusCode).toBe(404);
    expect((await hostAdmin.get(`${P}/hosted`)).json().items.map((i: { id: string }) => i.id)).toContain(s.id);
  });
});

describe('rules of the year as data', () => {
  it('the ministry sets a year\'s rules (audited); they apply to that year and later ones; others may read, not write', async () => {
    const nation = await signIn(t, { username: 'sem.nation', grants: [{ role: 'national_admin', scopeType: 'nation', scopeId: '000000' }] });
    expect((await nation.get(`${P}/rules/2097`)).json()).toEqual({
      year: 2097, eligibility: { minTitleLevel: 'intermediate', managementPostQualifies: true }, reservedSharePct: 20, completionMinPct: 80, reportDueWorkingDays: 10,
      source: 'default', fromYear: null,
    });
    const body = { eligibility: { minTitleLevel: 'junior', managementPostQualifies: false }, reservedSharePct: 50, completionMinPct: 90, reportDueWorkingDays: 15 };
    const res = await nation.put(`${P}/rules/2097`, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ year: 2097, ...body, source: 'own', fromYear: 2097 });
    expect((await hostAdmin.put(`${P}/rules/2097`, body)).statusCode).toBe(403);
    expect((await hostAdmin.get(`${P}/rules/2097`)).json().reservedSharePct).toBe(50);
    expect((await nation.put(`${P}/rules/2097`, { ...body, reservedSharePct: 101 })).statusCode).toBe(400);
    expect(await auditActions('seminar_enrolment_rules', '2097')).toEqual(['seminar.enrolment_rules']);
    // A junior title now qualifies for a 2097 seminar, and half of 2 seats is held for preferred applicants.
    const s = await makePublishedSeminar(t.db, host, { seats: 2, startDate: '2097-06-01', endDate: '2097-06-03', days: 3 });
    const [a, b] = [await makeProfessional(t, employer, { titleLevel: 'junior' }), await makeProfessional(t, employer)];
    expect((await a.client.post(`${P}/seminars/${s.id}/enrol`)).json().outcome).toBe('enrolled');
    expect((await b.client.post(`${P}/seminars/${s.id}/enrol`)).json().outcome).toBe('waiting');
    expect((await hostAdmin.get(`${P}/hosted/${s.id}`)).json().rules).toMatchObject({ minTitleLevel: 'junior', reservedSharePct: 50, completionMinPct: 90 });
  });

  it('says where a year\'s rules come from: its own row, inherited from the latest earlier year, or the defaults; audits the year\'s own before', async () => {
    const nation = await signIn(t, { username: 'sem.nation.src', grants: [{ role: 'national_admin', scopeType: 'nation', scopeId: '000000' }] });
    const body = { eligibility: { minTitleLevel: 'senior', managementPostQualifies: true }, reservedSharePct: 10, completionMinPct: 70, reportDueWorkingDays: 20 };
    expect((await nation.get(`${P}/rules/2090`)).json()).toMatchObject({ source: 'default', fromYear: null, reservedSharePct: 20 });
    expect((await nation.put(`${P}/rules/2090`, body)).json()).toMatchObject({ source: 'own', fromYear: 2090 });
    expect((await nation.get(`${P}/rules/2092`)).json()).toEqual({ year: 2092, ...body, source: 'inherited', fromYear: 2090 });
    expect((await nation.get(`${P}/rules/2089`)).json()).toMatchObject({ source: 'default', fromYear: null });
    // Saving 2092 (inheriting) records no before; saving it again records the first save.
    await nation.put(`${P}/rules/2092`, { ...body, reportDueWorkingDays: 15 });
    await nation.put(`${P}/rules/2092`, { ...body, reportDueWorkingDays: 12 });
    const events = await t.db.query<{ before: { reportDueWorkingDays: number } | null }>(
      `SELECT before FROM audit_events WHERE entity = 'seminar_enrolment_rules' AND entity_id = '2092' ORDER BY seq`,
    );
    expect(events.map((e) => e.before?.reportDueWorkingDays ?? null)).toEqual([null, 15]);
    expect((await nation.get(`${P}/rules/2092`)).json()).toMatchObject({ source: 'own', reportDueWorkingDays: 12 });
    // Refusals carry the bilingual message and name the field.
    const bad = await nation.put(`${P}/rules/2092`, { ...body, completionMinPct: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '请求数据不符合要求', details: [{ path: '/completionMinPct' }] });
    const badEn = await nation.request('PUT', `${P}/rules/2092`, { ...body, reportDueWorkingDays: 61 }, { 'accept-language': 'en' });
    expect(badEn.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: 'The request is not valid', details: [{ path: '/reportDueWorkingDays' }] });
  });
});
