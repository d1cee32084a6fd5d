import { v7 as uuidv7 } from 'uuid';
import type { Database, Executor } from '../../src/platform/db/executor.ts';
import type { OrgWrite } from '../../src/modules/registry/organisations/repo.ts';
import { insertAccount, insertGrants, insertSession } from '../../src/modules/registry/accounts/repo.ts';
import { newSessionToken } from '../../src/modules/registry/accounts/session.ts';
import type { TestApp, Client } from './app.ts';
import { makeOrganisation, makePerson } from './fixtures.ts';

/** A host organisation (role seminar_host) in a city, Hangzhou by default. */
export function makeHost(db: Database, over: Partial<OrgWrite> = {}): Promise<OrgWrite> {
  return makeOrganisation(db, { roles: ['seminar_host', 'employer'], ownership: 'public_institution', ...over });
}

export type SeminarFixture = { id: string; hostId: string; seats: number; startDate: string; endDate: string; days: number };

/**
 * An approved seminar on the published list, as the application half leaves it (inserted here by
 * SQL: the application API is not part of this half). Budget lines by category (fen).
 */
export async function makePublishedSeminar(
  db: Executor,
  host: OrgWrite,
  over: { seats?: number; startDate?: string; endDate?: string; days?: number; hoursTenths?: number; publishedAt?: Date; budget?: Record<string, number>; year?: number } = {},
): Promise<SeminarFixture> {
  const id = uuidv7();
  const startDate = over.startDate ?? '2099-06-01';
  const endDate = over.endDate ?? '2099-06-05';
  const days = over.days ?? 5;
  const seats = over.seats ?? 10;
  await db.query(
    `INSERT INTO seminars (id, year, host_id, province_code, department_code, title, field, topics, start_date, end_date, days, place, planned_trainees,
                           hours_tenths, funding, status, central_approved_cents, published_at)
     VALUES ($1, $2, $3, $4, 'mohrss', $5, 'digital_tech', '{数据要素}', $6, $7, $8, '杭州', $9, $10, 'central', 'approved', 300000000, $11)`,
    [id, over.year ?? Number(startDate.slice(0, 4)), host.id, host.provinceCode, `高级研修班${id.slice(-6)}`, startDate, endDate, days, seats, over.hoursTenths ?? 400,
      over.publishedAt ?? new Date('2026-01-01T00:00:00Z')],
  );
  for (const [category, amount] of Object.entries(over.budget ?? { accommodation: 1_000_000, teaching: 500_000 })) {
    await db.query('INSERT INTO seminar_budget_lines (seminar_id, category, amount_cents) VALUES ($1, $2, $3)', [id, category, amount]);
  }
  return { id, hostId: host.id, seats, startDate, endDate, days };
}

/** A signed-in client without the argon2 round (the session row is written directly). */
export async function signIn(t: TestApp, input: { username: string; personId?: string; grants: { role: string; scopeType: string; scopeId: string }[] }): Promise<Client> {
  const accountId = uuidv7();
  await insertAccount(t.db, {
    id: accountId, username: input.username, displayName: input.username, passwordHash: 'not-a-hash', kind: input.personId ? 'professional' : 'staff',
    personId: input.personId ?? null, status: 'active', mustChangePassword: false,
  });
  await insertGrants(t.db, accountId, input.grants as Parameters<typeof insertGrants>[2]);
  const s = newSessionToken();
  await insertSession(t.db, { tokenHash: s.tokenHash, accountId, csrfToken: s.csrfToken, expiresAt: new Date(Date.now() + 3600_000), ip: '', userAgent: '' });
  const cookie = `zg_session=${s.token}`;
  const request = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: method as 'GET', url, payload: body as string | undefined, headers: { cookie, 'x-csrf-token': s.csrfToken, ...headers } });
  return {
    request,
    get: (url, headers) => request('GET', url, undefined, headers),
    post: (url, body, headers) => request('POST', url, body, headers),
    put: (url, body) => request('PUT', url, body),
    cookie,
    csrfToken: s.csrfToken,
  };
}

/** A professional employed by `employer`, signed in; title level and management post as given. */
export async function makeProfessional(
  t: TestApp,
  employer: OrgWrite,
  over: { titleLevel?: string; managementPost?: boolean } = {},
): Promise<{ personId: string; name: string; client: Client }> {
  const person = await makePerson(t.db, employer);
  await t.db.query('UPDATE people SET title_level = $2, management_post = $3 WHERE id = $1', [person.id, over.titleLevel ?? 'intermediate', over.managementPost ?? false]);
  const client = await signIn(t, { username: `p${person.id.slice(-12)}`, personId: person.id, grants: [{ role: 'professional', scopeType: 'organisation', scopeId: employer.id }] });
  return { personId: person.id, name: person.name, client };
}

/** The host's organisation administrator, signed in. */
export function signInHostAdmin(t: TestApp, host: OrgWrite, username = `host${host.id.slice(-8)}`): Promise<Client> {
  return signIn(t, { username, grants: [{ role: 'organisation_admin', scopeType: 'organisation', scopeId: host.id }] });
}

/** A city with a designated-region flag (from the reference data), for preferred applicants. */
export async function flaggedCity(db: Executor, flag = 'ethnic_autonomous'): Promise<string> {
  const rows = await db.query<{ code: string }>(
    `SELECT r.code FROM region_flags f JOIN regions r ON r.code = f.region_code WHERE f.flag = $1 AND r.level = 2 ORDER BY r.code LIMIT 1`,
    [flag],
  );
  if (!rows[0]) throw new Error(`no city flagged ${flag}`);
  return rows[0].code;
}

/** The value, or a failed test when it is missing (lint forbids the `!` assertion). */
export function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`expected a ${what}`);
  return value;
}
