import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgWrite } from '../../src/modules/registry/organisations/repo.ts';
import { type Client, type TestApp, createTestApp } from '../support/app.ts';
import { makeOrganisation } from '../support/fixtures.ts';
import { makeHost, makeProfessional, makePublishedSeminar, must, signIn, signInHostAdmin } from '../support/seminars.ts';

const P = '/api/seminar-enrolment';
type Notice = { id: string; seminarId: string; kind: string; readAt: string | null };
type Mine = { items: { seminarId: string; unreadNotices: number }[]; notices: Notice[]; unreadNotices: number };
type Trainee = Awaited<ReturnType<typeof makeProfessional>>;

let t: TestApp;
let host: OrgWrite;
let hostAdmin: Client;
let employer: OrgWrite;

async function auditRows(action: string, entityId: string) {
  return t.db.query<{ entity: string; after: { noticeIds?: string[] } | null }>(
    'SELECT entity, after FROM audit_events WHERE action = $1 AND entity_id = $2 ORDER BY seq', [action, entityId],
  );
}

async function mine(p: Trainee): Promise<Mine> {
  const res = await p.client.get(`${P}/mine`);
  expect(res.statusCode).toBe(200);
  return res.json() as Mine;
}

/** A trainee enrolled in two seminars: admitted to the first, declined by the second — two notices. */
async function traineeWithTwoNotices(): Promise<{ p: Trainee; admittedIn: string; declinedBy: string }> {
  const p = await makeProfessional(t, employer);
  const [a, b] = [await makePublishedSeminar(t.db, host), await makePublishedSeminar(t.db, host)];
  for (const s of [a, b]) expect((await p.client.post(`${P}/seminars/${s.id}/enrol`)).json().outcome).toBe('enrolled');
  const enrolmentIn = async (seminarId: string) => must(
    ((await hostAdmin.get(`${P}/hosted/${seminarId}/enrolees`)).json().items as { id: string; personId: string }[]).find((e) => e.personId === p.personId),
  ).id;
  expect((await hostAdmin.post(`${P}/hosted/${a.id}/enrolees/${await enrolmentIn(a.id)}/admit`)).statusCode).toBe(200);
  expect((await hostAdmin.post(`${P}/hosted/${b.id}/enrolees/${await enrolmentIn(b.id)}/decline`)).statusCode).toBe(200);
  return { p, admittedIn: a.id, declinedBy: b.id };
}

beforeAll(async () => {
  t = await createTestApp();
  host = await makeHost(t.db);
  hostAdmin = await signInHostAdmin(t, host);
  employer = await makeOrganisation(t.db);
});
afterAll(() => t.close());

describe('unread counts', () => {
  it('GET /mine counts unread notices in all and per seminar', async () => {
    const { p, admittedIn, declinedBy } = await traineeWithTwoNotices();
    const m = await mine(p);
    expect(m.unreadNotices).toBe(2);
    expect(m.notices.map((n) => [n.seminarId, n.kind, n.readAt])).toEqual(expect.arrayContaining([[admittedIn, 'admitted', null], [declinedBy, 'declined', null]]));
    expect(Object.fromEntries(m.items.map((i) => [i.seminarId, i.unreadNotices]))).toEqual({ [admittedIn]: 1, [declinedBy]: 1 });
  });
});

describe('marking one notice read', () => {
  it('marks it read once, lowers the counts and audits the change; marking it again changes nothing', async () => {
    const { p, admittedIn, declinedBy } = await traineeWithTwoNotices();
    const notice = must((await mine(p)).notices.find((n) => n.kind === 'admitted'));
    const res = await p.client.post(`${P}/notices/${notice.id}/read`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ marked: 1, unreadNotices: 1 });
    const m = await mine(p);
    expect(m.unreadNotices).toBe(1);
    expect(must(m.notices.find((n) => n.id === notice.id)).readAt).not.toBeNull();
    expect(must(m.notices.find((n) => n.kind === 'declined')).readAt).toBeNull();
    expect(Object.fromEntries(m.items.map((i) => [i.seminarId, i.unreadNotices]))).toEqual({ [admittedIn]: 0, [declinedBy]: 1 });
    const again = await p.client.post(`${P}/notices/${notice.id}/read`);
    expect(again.json()).toEqual({ marked: 0, unreadNotices: 1 });
    expect((await auditRows('seminar.notice_read', notice.id)).map((r) => r.entity)).toEqual(['seminar_notice']);
  });

  it('another person cannot mark it: 404 in Chinese and English, the notice stays unread, nothing is audited', async () => {
    const { p } = await traineeWithTwoNotices();
    const other = await makeProfessional(t, employer);
    const notice = must((await mine(p)).notices[0]);
    const zh = await other.client.post(`${P}/notices/${notice.id}/read`);
    expect(zh.statusCode).toBe(404);
    expect(zh.json()).toMatchObject({ code: 'SEMINAR_NOTICE_NOT_FOUND', message: '找不到该通知' });
    const en = await other.client.post(`${P}/notices/${notice.id}/read`, undefined, { 'accept-language': 'en' });
    expect(en.json().message).toBe('Notice not found');
    expect((await other.client.post(`${P}/notices/read`)).json()).toEqual({ marked: 0, unreadNotices: 0 });
    const m = await mine(p);
    expect(m.unreadNotices).toBe(2);
    expect(must(m.notices.find((n) => n.id === notice.id)).readAt).toBeNull();
    expect(await auditRows('seminar.notice_read', notice.id)).toEqual([]);
    expect(await auditRows('seminar.notices_read', other.personId)).toEqual([]);
  });
});

describe('marking all notices read', () => {
  it('marks only the caller\'s unread notices, in one audit event naming them; a second call marks nothing', async () => {
    const { p } = await traineeWithTwoNotices();
    const bystander = await traineeWithTwoNotices();
    const ids = (await mine(p)).notices.map((n) => n.id).sort();
    const res = await p.client.post(`${P}/notices/read`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ marked: 2, unreadNotices: 0 });
    const m = await mine(p);
    expect(m.unreadNotices).toBe(0);
    expect(m.notices.every((n) => n.readAt !== null)).toBe(true);
    expect(m.items.every((i) => i.unreadNotices === 0)).toBe(true);
    expect((await mine(bystander.p)).unreadNotices).toBe(2);
    expect((await p.client.post(`${P}/notices/read`)).json()).toEqual({ marked: 0, unreadNotices: 0 });
    const events = await auditRows('seminar.notices_read', p.personId);
    expect(events).toHaveLength(1);
    expect(must(events[0])).toMatchObject({ entity: 'person', after: { noticeIds: ids } });
  });
});

describe('access', () => {
  it('401 without a session, 403 for a host administrator and for staff without a person, 400 for a malformed id', async () => {
    const id = '0190a5c4-0000-7000-8000-000000000001';
    expect((await t.app.inject({ method: 'POST', url: `${P}/notices/${id}/read` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: `${P}/notices/read` })).statusCode).toBe(401);
    expect((await hostAdmin.post(`${P}/notices/read`)).statusCode).toBe(403);
    const nation = await signIn(t, { username: 'notices.nation', grants: [{ role: 'national_admin', scopeType: 'nation', scopeId: '000000' }] });
    const staff = await nation.post(`${P}/notices/${id}/read`);
    expect(staff.statusCode).toBe(403);
    expect(staff.json().code).toBe('SEMINAR_ENROL_NOT_A_PROFESSIONAL');
    const p = await makeProfessional(t, employer);
    expect((await p.client.post(`${P}/notices/not-a-uuid/read`)).statusCode).toBe(400);
    expect((await p.client.post(`${P}/notices/${id}/read`)).json().code).toBe('SEMINAR_NOTICE_NOT_FOUND');
  });
});
