import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgWrite } from '../../src/modules/registry/organisations/repo.ts';
import { type Client, type TestApp, createTestApp } from '../support/app.ts';
import { makeOrganisation, validCitizenId } from '../support/fixtures.ts';
import { makeHost, makePublishedSeminar, signIn } from '../support/seminars.ts';

// The registry's two seminar inputs, set only through the registry's own API, change what
// seminar enrolment decides (eligibility, DOMAIN §6.3; designated-region preference).
let t: TestApp;
let admin: Client;
let employer: OrgWrite;

const ENROL = (seminarId: string) => `/api/seminar-enrolment/seminars/${seminarId}/enrol`;

async function createPerson(over: Record<string, unknown>): Promise<{ id: string; client: Client }> {
  const res = await admin.post('/api/people', { idNumber: validCitizenId('330102'), name: '研修报名人', regionCode: '330100', employerId: employer.id, ...over });
  expect(res.statusCode).toBe(201);
  const id = res.json<{ id: string }>().id;
  const client = await signIn(t, { username: `p${id.slice(-12)}`, personId: id, grants: [{ role: 'professional', scopeType: 'organisation', scopeId: employer.id }] });
  return { id, client };
}

beforeAll(async () => {
  t = await createTestApp();
  employer = await makeOrganisation(t.db, { regionCode: '330100', name: '报名测试单位' });
  admin = await signIn(t, { username: 'zj', grants: [{ role: 'province_admin', scopeType: 'region', scopeId: '330000' }] });
});
afterAll(() => t.close());

describe('registry flags as seminar inputs', () => {
  it('a junior professional is refused until the registry records a management post, then enrols', async () => {
    const s = await makePublishedSeminar(t.db, await makeHost(t.db));
    const person = await createPerson({ titleLevel: 'junior' });
    const refused = await person.client.post(ENROL(s.id));
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'SEMINAR_ENROL_INELIGIBLE' });

    const edited = await admin.put(`/api/people/${person.id}`, { name: '研修报名人', regionCode: '330100', employerId: employer.id, titleLevel: 'junior', managementPost: true });
    expect(edited.json()).toMatchObject({ titleLevel: 'junior', managementPost: true });
    const enrolled = await person.client.post(ENROL(s.id));
    expect(enrolled.statusCode).toBe(200);
    expect(enrolled.json()).toMatchObject({ outcome: 'enrolled', preferenceReasons: [] });
  });

  it('marking the employer a grassroots unit in the registry gives its staff the preference', async () => {
    const s = await makePublishedSeminar(t.db, await makeHost(t.db));
    const before = await createPerson({ titleLevel: 'intermediate' });
    expect((await before.client.post(ENROL(s.id))).json()).toMatchObject({ outcome: 'enrolled', preferenceReasons: [] });

    const org = (await admin.get(`/api/organisations/${employer.id}`)).json<Record<string, unknown>>();
    const body = Object.fromEntries(['name', 'creditCode', 'regionCode', 'departmentCode', 'ownership', 'roles', 'address', 'contactName'].map((k) => [k, org[k]]));
    const marked = await admin.put(`/api/organisations/${employer.id}`, { ...body, grassroots: true });
    expect(marked.json()).toMatchObject({ grassroots: true });
    const after = await createPerson({ titleLevel: 'intermediate' });
    const res = await after.client.post(ENROL(s.id));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'enrolled', preferenceReasons: ['grassroots'] });
  });
});
