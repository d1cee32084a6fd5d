import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { type Client, type TestApp, createTestApp, createUser, login } from '../support/app.ts';
import { makeOrganisation, makePerson, validCitizenId } from '../support/fixtures.ts';

type Person = Awaited<ReturnType<typeof makePerson>>;

let t: TestApp;
let hangzhou: Person;
let ningbo: Person;
let guangzhou: Person;
let zj: Client;
const keys: Record<'report' | 'province' | 'city' | 'nation', { id: string; key: string }> = {} as never;

const ask = (key: string, query: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
  t.app.inject({ method: 'GET', url: `/api/learning/compliance?${query}`, headers: { authorization: `Bearer ${key}`, ...headers } });

const record = (p: Person, over: Record<string, unknown>) => ({
  idNumber: p.idNumber, name: p.name, year: 2026, category: 'professional', form: 'training', hours: 60,
  startDate: '2026-03-01', endDate: '2026-03-10', title: '专业技术研修', field: 'digital_tech', providerRecordId: 'x', ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  const provider = await makeOrganisation(t.db, { regionCode: '330100', roles: ['training_institution'] });
  const hzEmployer = await makeOrganisation(t.db, { regionCode: '330100' });
  const nbEmployer = await makeOrganisation(t.db, { regionCode: '330200' });
  const gzEmployer = await makeOrganisation(t.db, { regionCode: '440100' });
  hangzhou = await makePerson(t.db, hzEmployer, { name: '杭州人' });
  ningbo = await makePerson(t.db, nbEmployer, { name: '宁波人' });
  guangzhou = await makePerson(t.db, gzEmployer, { name: '广州人' });
  await createUser(t, 'provider.admin', [{ role: 'organisation_admin', scopeType: 'organisation', scopeId: provider.id }]);
  await createUser(t, 'zj', [{ role: 'province_admin', scopeType: 'region', scopeId: '330000' }]);
  await createUser(t, 'nation', [{ role: 'national_admin', scopeType: 'nation', scopeId: '000000' }]);
  const providerAdmin = await login(t, 'provider.admin');
  zj = await login(t, 'zj');
  const nation = await login(t, 'nation');
  const create = async (client: Client, body: Record<string, unknown>) => (await client.post('/api/learning/api-keys', body)).json() as { id: string; key: string };
  keys.report = await create(providerAdmin, { name: '报送', purpose: 'report' });
  keys.province = await create(zj, { name: '浙江职称评审', purpose: 'compliance', regionCode: '330000' });
  keys.city = await create(zj, { name: '杭州职称评审', purpose: 'compliance', regionCode: '330100' });
  keys.nation = await create(nation, { name: '全国', purpose: 'compliance', regionCode: '000000' });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/learning/reports',
    headers: { authorization: `Bearer ${keys.report.key}` },
    payload: {
      records: [
        record(hangzhou, { providerRecordId: 'H-1' }),
        record(hangzhou, { providerRecordId: 'H-2', category: 'public', hours: 30 }),
        record(hangzhou, { providerRecordId: 'H-3', year: 2025, startDate: '2025-05-01', endDate: '2025-05-03', hours: 20 }),
      ],
    },
  });
  // 2025 is past its deadline for new entries, and all_or_nothing writes none of the batch.
  expect(res.json().details).toEqual([expect.objectContaining({ row: 3, code: 'LEARNING_PAST_DEADLINE' })]);
  const ok = await t.app.inject({
    method: 'POST',
    url: '/api/learning/reports',
    headers: { authorization: `Bearer ${keys.report.key}` },
    payload: { records: [record(hangzhou, { providerRecordId: 'H-1' }), record(hangzhou, { providerRecordId: 'H-2', category: 'public', hours: 30 })] },
  });
  expect(ok.json()).toMatchObject({ created: 2 });
});
afterAll(() => t.close());

describe('GET /api/learning/compliance', () => {
  it('answers per year with the ID number masked', async () => {
    const res = await ask(keys.province.key, `idNumber=${hangzhou.idNumber}&years=2025-2026`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.person).toEqual({ name: '杭州人', idNumberMasked: hangzhou.idNumberMasked });
    expect(body.person.idNumberMasked).not.toBe(hangzhou.idNumber);
    expect(body.years).toEqual([
      expect.objectContaining({ year: 2025, totalHours: 0, compliant: false, requiredTotal: 90 }),
      expect.objectContaining({ year: 2026, totalHours: 90, professionalHours: 60, publicHours: 30, compliant: true }),
    ]);
    expect(body.years[0].explanation.zh).toBe('未达标：还差 90.0 学时；还差 60.0 专业科目学时');
    expect(body.years[1].explanation.zh).toBe('已达标：共 90.0 学时（专业科目 60.0，公需科目 30.0）');
    expect(res.body).not.toContain(hangzhou.idNumber);
  });

  it('audits each query with the key as actor', async () => {
    const count = async () => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'learning.compliance_queried'`))[0]?.n ?? 0;
    const before = await count();
    await ask(keys.province.key, `idNumber=${hangzhou.idNumber}&years=2026`);
    expect(await count()).toBe(before + 1);
    const last = (await t.db.query<{ entity: string; entityId: string; actorId: string; after: { years: string } }>(
      `SELECT entity, entity_id AS "entityId", actor_id AS "actorId", after FROM audit_events WHERE action = 'learning.compliance_queried' ORDER BY seq DESC LIMIT 1`,
    ))[0];
    expect(last).toMatchObject({ entity: 'person', entityId: hangzhou.id, actorId: keys.province.id, after: { years: '2026' } });
  });

});

describe('GET /api/learning/compliance: scope and refusals', () => {
  it('a person outside the key\'s region reads exactly like an unknown ID number (404), and is not audited', async () => {
    const outside = await ask(keys.province.key, `idNumber=${guangzhou.idNumber}&years=2026`);
    const unknown = await ask(keys.province.key, `idNumber=${validCitizenId('330106')}&years=2026`);
    expect([outside.statusCode, outside.json().code]).toEqual([404, 'PERSON_NOT_FOUND']);
    expect([unknown.statusCode, unknown.json().code, unknown.json().message]).toEqual([404, 'PERSON_NOT_FOUND', outside.json().message]);
    const audited = await t.db.query(`SELECT 1 FROM audit_events WHERE action = 'learning.compliance_queried' AND entity_id = $1`, [guangzhou.id]);
    expect(audited).toHaveLength(0);
  });

  it('a city key sees its city only; a nationwide key sees everyone', async () => {
    expect((await ask(keys.city.key, `idNumber=${hangzhou.idNumber}&years=2026`)).statusCode).toBe(200);
    expect((await ask(keys.city.key, `idNumber=${ningbo.idNumber}&years=2026`)).statusCode).toBe(404);
    expect((await ask(keys.province.key, `idNumber=${ningbo.idNumber}&years=2026`)).statusCode).toBe(200);
    const gz = await ask(keys.nation.key, `idNumber=${guangzhou.idNumber}&years=2026`);
    expect(gz.json().years[0]).toMatchObject({ year: 2026, totalHours: 0, compliant: false });
  });

  it('refuses malformed questions: a bad ID number, a reversed range, more than 20 years', async () => {
    const bad = await ask(keys.province.key, `idNumber=${hangzhou.idNumber.slice(0, 17)}${hangzhou.idNumber[17] === '0' ? '1' : '0'}&years=2026`);
    expect([bad.statusCode, bad.json().details[0]]).toEqual([400, expect.objectContaining({ code: 'ID_CHECK_DIGIT', path: '/idNumber' })]);
    for (const years of ['2026-2025', '2000-2020', '26', '2026-']) {
      const res = await ask(keys.province.key, `idNumber=${hangzhou.idNumber}&years=${years}`);
      expect([years, res.statusCode, res.json().code]).toEqual([years, 400, 'VALIDATION_FAILED']);
    }
    expect((await ask(keys.province.key, `idNumber=${hangzhou.idNumber}&years=2007-2026`)).statusCode).toBe(200);
  });

  it('is for compliance keys only: a reporting key and a signed-in administrator get 403, nobody gets in without a key', async () => {
    expect((await ask(keys.report.key, `idNumber=${hangzhou.idNumber}&years=2026`)).statusCode).toBe(403);
    expect((await zj.get(`/api/learning/compliance?idNumber=${hangzhou.idNumber}&years=2026`)).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/learning/compliance?idNumber=${hangzhou.idNumber}&years=2026` });
    expect([anonymous.statusCode, anonymous.json().code]).toEqual([401, 'AUTH_REQUIRED']);
  });

  it('stops answering once the key is revoked', async () => {
    expect((await zj.post(`/api/learning/api-keys/${keys.city.id}/revoke`)).statusCode).toBe(200);
    const res = await ask(keys.city.key, `idNumber=${hangzhou.idNumber}&years=2026`);
    expect([res.statusCode, res.json().code]).toEqual([401, 'API_KEY_INVALID']);
  });
});
