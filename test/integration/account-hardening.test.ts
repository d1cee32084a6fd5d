import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, TEST_PASSWORD, createTestApp, createUser, login } from '../support/app.ts';
import { makeOrganisation, makePerson } from '../support/fixtures.ts';
import type { OrgWrite } from '../../src/modules/registry/organisations/repo.ts';

let t: TestApp;
let org: OrgWrite;

beforeAll(async () => {
  t = await createTestApp();
  org = await makeOrganisation(t.db, { regionCode: '330100' });
  await createUser(t, 'zj.admin', [{ role: 'province_admin', scopeType: 'region', scopeId: '330000' }]);
});
afterAll(() => t.close());

describe('a temporary password must be changed before anything else', () => {
  it('allows only me, password change and sign-out until the password is changed', async () => {
    const person = await makePerson(t.db, org);
    const accountId = await createUser(t, 'worker', [{ role: 'organisation_admin', scopeType: 'organisation', scopeId: org.id }]);
    await t.db.query('UPDATE accounts SET must_change_password = true WHERE id = $1', [accountId]);
    const client = await login(t, 'worker');
    expect((await client.get('/api/auth/me')).json().me.mustChangePassword).toBe(true);
    const blocked = await client.get(`/api/people/${person.id}`);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await client.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Brand#New2026' });
    expect(changed.statusCode).toBe(204);
    expect((await client.get(`/api/people/${person.id}`)).statusCode).toBe(200);
  });

  it('ends the other sessions of the account when its password changes', async () => {
    await createUser(t, 'twice', [{ role: 'province_admin', scopeType: 'region', scopeId: '330000' }]);
    const first = await login(t, 'twice');
    const second = await login(t, 'twice');
    expect((await first.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Other#Pass2026' })).statusCode).toBe(204);
    expect((await first.get('/api/auth/me')).statusCode).toBe(200);
    expect((await second.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('editing a person without re-typing masked data', () => {
  it('keeps the ID number and phone when the update leaves them out', async () => {
    const person = await makePerson(t.db, org, { name: '原名' });
    const admin = await login(t, 'zj.admin');
    const res = await admin.put(`/api/people/${person.id}`, { name: '新名', regionCode: '330100', employerId: org.id, titleLevel: 'senior' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '新名', titleLevel: 'senior', idNumberMasked: person.idNumberMasked, phoneMasked: '138****8000' });
    expect((await admin.get(`/api/people/${person.id}/id-number`)).json().idNumber).toBe(person.idNumber);
  });

  it('clears the phone only when an empty phone is sent', async () => {
    const person = await makePerson(t.db, org);
    const admin = await login(t, 'zj.admin');
    const res = await admin.put(`/api/people/${person.id}`, { name: person.name, regionCode: '330100', employerId: org.id, titleLevel: 'none', phone: '' });
    expect(res.json().phoneMasked).toBe('');
  });
});
