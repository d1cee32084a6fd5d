// The SQL scope filter and its in-memory twin inScope (used on cached rows) must agree on
// every person for every kind of grant; and the person read cache must never outlive a write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grant, Permission } from '../../src/platform/auth/permissions.ts';
import { SqlParams, inScope, scopeFilter } from '../../src/platform/auth/scope.ts';
import { PERSON_SCOPE, findPersonWithScopeValues } from '../../src/modules/registry/people/repo.ts';
import { type Client, type TestApp, createTestApp, createUser, login } from '../support/app.ts';
import { makeOrganisation, makePerson } from '../support/fixtures.ts';

let t: TestApp;
const people: string[] = [];
const orgs: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const placements = [
    { regionCode: '330100', departmentCode: 'miit' },
    { regionCode: '330200', departmentCode: 'miit.330000' },
    { regionCode: '330100', departmentCode: null },
    { regionCode: '440100', departmentCode: 'moe' },
    { regionCode: '440300', departmentCode: 'moe.440000' },
  ];
  for (const p of placements) {
    const org = await makeOrganisation(t.db, p);
    orgs.push(org.id);
    for (let i = 0; i < 2; i += 1) people.push((await makePerson(t.db, org)).id);
  }
});
afterAll(() => t.close());

const grantSets = (): Grant[][] => [
  [{ role: 'national_admin', scopeType: 'nation', scopeId: 'CN' }],
  [{ role: 'province_admin', scopeType: 'region', scopeId: '330000' }],
  [{ role: 'province_admin', scopeType: 'region', scopeId: '440000' }],
  [{ role: 'inspector', scopeType: 'region', scopeId: '330200' }],
  [{ role: 'department_admin', scopeType: 'department', scopeId: 'miit' }],
  [{ role: 'department_admin', scopeType: 'department', scopeId: 'miit.330000' }],
  [{ role: 'department_admin', scopeType: 'department', scopeId: 'mo' }],
  [{ role: 'organisation_admin', scopeType: 'organisation', scopeId: orgs[0] as string }],
  [
    { role: 'organisation_admin', scopeType: 'organisation', scopeId: orgs[3] as string },
    { role: 'department_admin', scopeType: 'department', scopeId: 'miit' },
  ],
  [{ role: 'expert', scopeType: 'nation', scopeId: 'CN' }],
  [],
];

describe('inScope is the twin of scopeFilter', () => {
  for (const permission of ['person.read', 'person.write'] as Permission[]) {
    it(`agrees on every person for every grant set (${permission})`, async () => {
      let admitted = 0;
      for (const grants of grantSets()) {
        const params = new SqlParams();
        const where = scopeFilter(grants, permission, PERSON_SCOPE, params);
        const rows = await t.db.query<{ id: string }>(
          `SELECT p.id FROM people p JOIN organisations o ON o.id = p.employer_id WHERE ${where}`,
          params.values,
        );
        const bySql = new Set(rows.map((r) => r.id));
        for (const id of people) {
          const found = await findPersonWithScopeValues(t.db, id);
          if (!found) throw new Error(`person ${id} not found`);
          expect(inScope(grants, permission, found.scope), `${JSON.stringify(grants)} ${id}`).toBe(bySql.has(id));
          if (bySql.has(id)) admitted += 1;
        }
      }
      // The grant sets admit some people and refuse others: the comparison is not vacuous.
      expect(admitted).toBeGreaterThan(10);
      expect(admitted).toBeLessThan(people.length * grantSets().length);
    });
  }
});

describe('the person read cache', () => {
  let admin: Client;
  beforeAll(async () => {
    await createUser(t, 'zj.cache', [{ role: 'province_admin', scopeType: 'region', scopeId: '330000' }]);
    admin = await login(t, 'zj.cache');
  });

  it('shows a change at once after an update, a deactivation and an employer rename', async () => {
    const id = people[0] as string;
    expect((await admin.get(`/api/people/${id}`)).json().status).toBe('active');
    const deactivated = await admin.post(`/api/people/${id}/deactivate`);
    expect(deactivated.statusCode).toBe(200);
    expect((await admin.get(`/api/people/${id}`)).json().status).toBe('inactive');

    const before = (await admin.get(`/api/people/${id}`)).json();
    const org = (await admin.get(`/api/organisations/${before.employerId}`)).json();
    const renamed = await admin.put(`/api/organisations/${before.employerId}`, {
      name: '改名后的单位', creditCode: org.creditCode, regionCode: org.regionCode, departmentCode: org.departmentCode,
      ownership: org.ownership, roles: org.roles, address: org.address, contactName: org.contactName,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await admin.get(`/api/people/${id}`)).json().employerName).toBe('改名后的单位');
  });

  it('still checks scope on a cached row', async () => {
    const id = people[6] as string; // Guangdong
    await createUser(t, 'gd.cache', [{ role: 'province_admin', scopeType: 'region', scopeId: '440000' }]);
    const gd = await login(t, 'gd.cache');
    expect((await gd.get(`/api/people/${id}`)).statusCode).toBe(200); // now cached
    expect((await admin.get(`/api/people/${id}`)).statusCode).toBe(404);
  });
});
