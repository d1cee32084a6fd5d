import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser, login } from '../support/app.ts';
import { makeOrganisation, makePerson, validCitizenId } from '../support/fixtures.ts';
import type { OrgWrite } from '../../src/modules/registry/organisations/repo.ts';

let t: TestApp;
let zj: Client;
let gd: Client;
let zjOrg: OrgWrite;
let zjPerson: Awaited<ReturnType<typeof makePerson>>;
let gdPerson: Awaited<ReturnType<typeof makePerson>>;

beforeAll(async () => {
  t = await createTestApp();
  zjOrg = await makeOrganisation(t.db, { regionCode: '330100' });
  const gdOrg = await makeOrganisation(t.db, { regionCode: '440100' });
  zjPerson = await makePerson(t.db, zjOrg, { name: '张浙江' });
  gdPerson = await makePerson(t.db, gdOrg, { name: '李广东' });
  await createUser(t, 'zj', [{ role: 'province_admin', scopeType: 'region', scopeId: '330000' }]);
  await createUser(t, 'gd', [{ role: 'province_admin', scopeType: 'region', scopeId: '440000' }]);
  zj = await login(t, 'zj');
  gd = await login(t, 'gd');
});
afterAll(() => t.close());

describe('people are scoped to the caller province', () => {
  it('lists only the people of the own province', async () => {
    const res = await zj.get('/api/people');
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((p: { name: string }) => p.name);
    expect(names).toContain('张浙江');
    expect(names).not.toContain('李广东');
  });

  it('answers 404 for a person of another province, on read, reveal and write', async () => {
    expect((await gd.get(`/api/people/${zjPerson.id}`)).statusCode).toBe(404);
    expect((await gd.get(`/api/people/${zjPerson.id}/id-number`)).statusCode).toBe(404);
    const put = await gd.put(`/api/people/${zjPerson.id}`, {
      idNumber: zjPerson.idNumber, name: '改名', regionCode: '330100', employerId: zjOrg.id, titleLevel: 'none',
    });
    expect(put.statusCode).toBe(404);
    expect((await gd.post(`/api/people/${zjPerson.id}/deactivate`)).statusCode).toBe(404);
    expect((await zj.get(`/api/people/${gdPerson.id}`)).statusCode).toBe(404);
  });

  it('finds a person by exact citizen ID through the keyed hash', async () => {
    const res = await zj.get(`/api/people?q=${zjPerson.idNumber}`);
    expect(res.json().items.map((p: { id: string }) => p.id)).toEqual([zjPerson.id]);
    expect((await gd.get(`/api/people?q=${zjPerson.idNumber}`)).json().total).toBe(0);
  });
});

describe('personal data is masked', () => {
  it('shows the ID number masked in lists and details', async () => {
    const res = await zj.get(`/api/people/${zjPerson.id}`);
    expect(res.json().idNumberMasked).toBe(`${zjPerson.idNumber.slice(0, 4)}**********${zjPerson.idNumber.slice(-4)}`);
    expect(res.body).not.toContain(zjPerson.idNumber);
    expect(res.json().phoneMasked).toBe('138****8000');
  });

  it('reveals the full ID only on request and audits the look', async () => {
    const res = await zj.get(`/api/people/${zjPerson.id}/id-number`);
    expect(res.json().idNumber).toBe(zjPerson.idNumber);
    const audit = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'person.id_number_revealed' AND entity_id = $1`,
      [zjPerson.id],
    );
    expect(audit[0]?.n).toBe(1);
  });

  it('stores the ID number encrypted, never in plain text', async () => {
    const rows = await t.db.query<{ enc: Uint8Array }>('SELECT id_number_enc AS enc FROM people WHERE id = $1', [zjPerson.id]);
    expect(Buffer.from(rows[0]?.enc ?? []).toString('latin1')).not.toContain(zjPerson.idNumber);
  });
});

describe('person validation', () => {
  const body = (idNumber: string) => ({ idNumber, name: '王五', regionCode: '330100', employerId: zjOrg.id, titleLevel: 'intermediate' });

  it('rejects a wrong check digit with a Chinese message naming the field', async () => {
    const good = validCitizenId('330102');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await zj.post('/api/people', body(bad));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().details[0]).toMatchObject({ path: '/idNumber', code: 'ID_CHECK_DIGIT', message: '身份证号码校验位错误' });
  });

  it('answers in English when asked', async () => {
    const good = validCitizenId('330102');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await zj.post('/api/people', body(bad), { 'accept-language': 'en' });
    expect(res.json().details[0].message).toBe('The check digit of the citizen ID is wrong');
  });

  it('creates a valid person with gender and birth date from the ID, and audits it', async () => {
    const idNumber = validCitizenId('330102');
    const res = await zj.post('/api/people', body(idNumber));
    expect(res.statusCode).toBe(201);
    expect(res.json().birthDate).toBe(`${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`);
    expect(res.json().gender).toBe(Number(idNumber[16]) % 2 ? 'M' : 'F');
    const audit = await t.db.query<{ after: { idNumberMasked: string } }>(`SELECT after FROM audit_events WHERE action = 'person.created' AND entity_id = $1`, [res.json().id]);
    expect(audit[0]?.after.idNumberMasked).toBe(res.json().idNumberMasked);
    expect(JSON.stringify(audit)).not.toContain(idNumber);
    const again = await zj.post('/api/people', body(idNumber));
    expect(again.json().code).toBe('PERSON_ID_TAKEN');
  });

  it('refuses an employer outside the caller scope as not found', async () => {
    const gdOrg = await makeOrganisation(t.db, { regionCode: '440300' });
    const res = await zj.post('/api/people', { ...body(validCitizenId()), employerId: gdOrg.id });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('ORGANISATION_NOT_FOUND');
  });

  it('rejects unknown fields instead of dropping them', async () => {
    const res = await zj.post('/api/people', { ...body(validCitizenId()), salary: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].code).toBe('FIELD_UNKNOWN');
  });
});

describe('the management post flag (是否担任管理岗位)', () => {
  const body = (over: Record<string, unknown> = {}) => ({ idNumber: validCitizenId('330102'), name: '赵管理', regionCode: '330100', employerId: zjOrg.id, titleLevel: 'junior', ...over });
  const audits = (id: string) =>
    t.db.query<{ action: string; before: { managementPost?: boolean } | null; after: { managementPost?: boolean } | null }>(
      `SELECT action, before, after FROM audit_events WHERE entity = 'person' AND entity_id = $1 ORDER BY seq`,
      [id],
    );
  const stored = async (id: string) => (await t.db.query<{ m: boolean }>('SELECT management_post AS m FROM people WHERE id = $1', [id]))[0].m;

  it('is false when left out on create, and set when sent; detail and list show it; the creation is audited with it', async () => {
    const plain = await zj.post('/api/people', body());
    expect(plain.statusCode).toBe(201);
    expect(plain.json().managementPost).toBe(false);
    const manager = await zj.post('/api/people', body({ managementPost: true }));
    expect(manager.json().managementPost).toBe(true);
    const id = manager.json().id as string;
    expect(await stored(id)).toBe(true);
    expect((await zj.get(`/api/people/${id}`)).json().managementPost).toBe(true);
    const listed = (await zj.get(`/api/people?employerId=${zjOrg.id}&titleLevel=junior`)).json().items as { id: string; managementPost: boolean }[];
    expect(listed.find((p) => p.id === id)?.managementPost).toBe(true);
    expect((await audits(id))[0]).toMatchObject({ action: 'person.created', after: { managementPost: true } });
  });

  it('is replaced by a PUT like the other optional fields: sent true sets it, left out clears it, and each change is audited', async () => {
    const created = await zj.post('/api/people', body());
    const id = created.json().id as string;
    const edit = { name: '赵管理', regionCode: '330100', employerId: zjOrg.id, titleLevel: 'junior' };
    const on = await zj.put(`/api/people/${id}`, { ...edit, managementPost: true });
    expect(on.statusCode).toBe(200);
    expect(on.json().managementPost).toBe(true);
    expect((await zj.get(`/api/people/${id}`)).json().managementPost).toBe(true);
    const off = await zj.put(`/api/people/${id}`, edit);
    expect(off.json().managementPost).toBe(false);
    expect(await stored(id)).toBe(false);
    const updates = (await audits(id)).filter((r) => r.action === 'person.updated');
    expect(updates.map((r) => [r.before?.managementPost, r.after?.managementPost])).toEqual([[false, true], [true, false]]);
  });

  it('is documented in the OpenAPI document: optional (default false) in the bodies, always in the answer', async () => {
    type Schema = { properties: Record<string, unknown>; required?: string[] };
    type Op = { requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, { content: Record<string, { schema: Schema }> }> };
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, Op>> }>();
    for (const [op, status] of [[doc.paths['/api/people'].post, '201'], [doc.paths['/api/people/{id}'].put, '200']] as const) {
      const input = op.requestBody?.content['application/json'].schema;
      expect(input?.properties.managementPost).toEqual({ type: 'boolean', default: false });
      expect(input?.required).not.toContain('managementPost');
      const output = op.responses[status].content['application/json'].schema;
      expect(output.properties.managementPost).toEqual({ type: 'boolean' });
      expect(output.required).toContain('managementPost');
    }
  });

  it.each([['a word', '是'], ['a number other than 0 and 1', 2], ['an object', {}]])('refuses %s instead of a boolean (400, naming the field)', async (_label, value) => {
    const res = await zj.post('/api/people', body({ managementPost: value }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: '/managementPost', code: 'FIELD_INVALID' }] });
  });
});

describe('authentication, CSRF and permissions', () => {
  it('answers 401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/people' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_REQUIRED');
  });

  it('refuses a state change without the CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/people/${zjPerson.id}/deactivate`, headers: { cookie: zj.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_INVALID');
  });

  it('answers 403 to a role without the permission', async () => {
    await createUser(t, 'expert1', [{ role: 'expert', scopeType: 'nation', scopeId: '000000' }]);
    const expert = await login(t, 'expert1');
    const res = await expert.get('/api/people');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });
});
