import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { type Client, type TestApp, createTestApp, createUser, login } from '../support/app.ts';
import { makeOrganisation } from '../support/fixtures.ts';
import type { OrgWrite } from '../../src/modules/registry/organisations/repo.ts';

let t: TestApp;
let provider: OrgWrite;
let otherProvider: OrgWrite;
let employerOnly: OrgWrite;
let gdProvider: OrgWrite;
let providerAdmin: Client;
let employerAdmin: Client;
let zhejiang: Client;
let guangdong: Client;
let national: Client;

/** Requests signed with `Authorization: Bearer <key>` and nothing else (no cookie, no CSRF token). */
function withKey(key: string) {
  const headers = { authorization: `Bearer ${key}` };
  return {
    get: (url: string): Promise<LightMyRequestResponse> => t.app.inject({ method: 'GET', url, headers }),
    post: (url: string, body: unknown): Promise<LightMyRequestResponse> => t.app.inject({ method: 'POST', url, payload: body as string, headers }),
  };
}

async function createKey(client: Client, body: Record<string, unknown>): Promise<{ id: string; key: string; prefix: string }> {
  const res = await client.post('/api/learning/api-keys', body);
  if (res.statusCode !== 201) throw new Error(`key creation failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await t.db.query<{ action: string }>('SELECT action FROM audit_events WHERE entity = $1 AND entity_id = $2 ORDER BY seq', ['api_key', entityId]);
  return rows.map((r) => r.action);
}

const EMPTY_REPORT = { records: [] };

beforeAll(async () => {
  t = await createTestApp();
  provider = await makeOrganisation(t.db, { regionCode: '330100', roles: ['training_institution'] });
  otherProvider = await makeOrganisation(t.db, { regionCode: '330200', roles: ['employer', 'ce_base'] });
  employerOnly = await makeOrganisation(t.db, { regionCode: '330100', roles: ['employer'] });
  gdProvider = await makeOrganisation(t.db, { regionCode: '440100', roles: ['seminar_host'] });
  await createUser(t, 'provider.admin', [{ role: 'organisation_admin', scopeType: 'organisation', scopeId: provider.id }]);
  await createUser(t, 'employer.admin', [{ role: 'organisation_admin', scopeType: 'organisation', scopeId: employerOnly.id }]);
  await createUser(t, 'zj', [{ role: 'province_admin', scopeType: 'region', scopeId: '330000' }]);
  await createUser(t, 'gd', [{ role: 'province_admin', scopeType: 'region', scopeId: '440000' }]);
  await createUser(t, 'nation', [{ role: 'national_admin', scopeType: 'nation', scopeId: '000000' }]);
  [providerAdmin, employerAdmin, zhejiang, guangdong, national] = await Promise.all(['provider.admin', 'employer.admin', 'zj', 'gd', 'nation'].map((u) => login(t, u)));
});
afterAll(() => t.close());

describe('creating keys', () => {
  it('an organisation administrator of a provider creates a reporting key for its organisation, shown once', async () => {
    const res = await providerAdmin.post('/api/learning/api-keys', { name: '学时报送接口', purpose: 'report' });
    expect(res.statusCode).toBe(201);
    const { id, key, prefix } = res.json();
    expect(key).toMatch(/^zg_report_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(prefix)).toBe(true);
    const stored = await t.db.query<{ keyHash: Uint8Array; organisationId: string }>('SELECT key_hash AS "keyHash", organisation_id AS "organisationId" FROM api_keys WHERE id = $1', [id]);
    expect(stored[0]?.organisationId).toBe(provider.id);
    expect(Buffer.from(stored[0]?.keyHash ?? []).toString('latin1')).not.toContain(key.slice(10));
    const list = await providerAdmin.get('/api/learning/api-keys');
    expect(list.json().items).toEqual([expect.objectContaining({ id, prefix, purpose: 'report', organisationName: provider.name, revokedAt: null, abilities: { revoke: true } })]);
    expect(list.body).not.toContain(key);
    expect(await auditActions(id)).toEqual(['learning.apikey_created']);
  });

  it('an organisation administrator cannot create a key for another organisation (404)', async () => {
    const res = await providerAdmin.post('/api/learning/api-keys', { name: 'x', purpose: 'report', organisationId: otherProvider.id });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('ORGANISATION_NOT_FOUND');
  });

  it('an organisation without a provider role gets no reporting key (422)', async () => {
    const res = await employerAdmin.post('/api/learning/api-keys', { name: 'x', purpose: 'report' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('LEARNING_APIKEY_NOT_PROVIDER');
  });

  it('an organisation administrator cannot create a compliance key (403)', async () => {
    const res = await providerAdmin.post('/api/learning/api-keys', { name: 'x', purpose: 'compliance', regionCode: '330000' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('LEARNING_APIKEY_PURPOSE_FORBIDDEN');
  });

  it('a province administrator creates compliance keys for its province and cities, and reporting keys for its providers', async () => {
    expect((await zhejiang.post('/api/learning/api-keys', { name: '职称评审系统', purpose: 'compliance', regionCode: '330000' })).statusCode).toBe(201);
    expect((await zhejiang.post('/api/learning/api-keys', { name: '杭州职称评审', purpose: 'compliance', regionCode: '330100' })).statusCode).toBe(201);
    expect((await zhejiang.post('/api/learning/api-keys', { name: '宁波基地', purpose: 'report', organisationId: otherProvider.id })).statusCode).toBe(201);
    const outside = await zhejiang.post('/api/learning/api-keys', { name: 'x', purpose: 'compliance', regionCode: '440000' });
    expect([outside.statusCode, outside.json().code]).toEqual([404, 'LEARNING_APIKEY_REGION_OUTSIDE_SCOPE']);
    const nationwide = await zhejiang.post('/api/learning/api-keys', { name: 'x', purpose: 'compliance', regionCode: '000000' });
    expect(nationwide.statusCode).toBe(404);
    const gdOrg = await zhejiang.post('/api/learning/api-keys', { name: 'x', purpose: 'report', organisationId: gdProvider.id });
    expect([gdOrg.statusCode, gdOrg.json().code]).toEqual([404, 'ORGANISATION_NOT_FOUND']);
  });

  it('the national administrator may create a nationwide compliance key', async () => {
    const res = await national.post('/api/learning/api-keys', { name: '全国职称评审', purpose: 'compliance', regionCode: '000000' });
    expect(res.statusCode).toBe(201);
    expect(res.json().key).toMatch(/^zg_compliance_/);
  });

  it('refuses a body that mixes the two kinds of binding (400)', async () => {
    const res = await zhejiang.post('/api/learning/api-keys', { name: 'x', purpose: 'compliance', regionCode: '330000', organisationId: provider.id });
    expect([res.statusCode, res.json().details[0].path]).toEqual([400, '/organisationId']);
    const missing = await zhejiang.post('/api/learning/api-keys', { name: 'x', purpose: 'report' });
    expect([missing.statusCode, missing.json().details[0].code]).toEqual([400, 'FIELD_REQUIRED']);
  });

  it('lists keys by scope: the province sees its own, another province none of them', async () => {
    const zj = (await zhejiang.get('/api/learning/api-keys?pageSize=100')).json();
    expect(zj.items.map((k: { name: string }) => k.name).sort()).toEqual(['宁波基地', '学时报送接口', '杭州职称评审', '职称评审系统'].sort());
    expect((await guangdong.get('/api/learning/api-keys')).json().total).toBe(0);
    expect((await providerAdmin.get('/api/learning/api-keys')).json().items.map((k: { name: string }) => k.name)).toEqual(['学时报送接口']);
    expect((await national.get('/api/learning/api-keys?purpose=compliance')).json().total).toBe(3);
  });
});

describe('authenticating with a key', () => {
  let reportKey: { id: string; key: string };
  let complianceKey: { id: string; key: string };
  beforeAll(async () => {
    reportKey = await createKey(providerAdmin, { name: '报送', purpose: 'report' });
    complianceKey = await createKey(zhejiang, { name: '查询', purpose: 'compliance', regionCode: '330000' });
  });

  it('a reporting key reaches the reporting route without any CSRF token', async () => {
    const res = await withKey(reportKey.key).post('/api/learning/reports', EMPTY_REPORT);
    // Past authentication: the empty batch fails validation, not the guard.
    expect([res.statusCode, res.json().code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('a reporting key cannot query compliance, and a compliance key cannot report (403)', async () => {
    const query = await withKey(reportKey.key).get('/api/learning/compliance?idNumber=11010519491231002X&years=2026');
    expect([query.statusCode, query.json().code]).toEqual([403, 'FORBIDDEN']);
    const report = await withKey(complianceKey.key).post('/api/learning/reports', EMPTY_REPORT);
    expect([report.statusCode, report.json().code]).toEqual([403, 'FORBIDDEN']);
  });

  it('a key reaches nothing beyond its one permission, not even routes open to any signed-in account', async () => {
    for (const url of ['/api/learning/records', '/api/people', '/api/learning/api-keys', '/api/auth/me', '/api/learning/rules/330000/2026']) {
      const res = await withKey(reportKey.key).get(url);
      expect([url, res.statusCode]).toEqual([url, 403]);
    }
  });

  it('an unknown or malformed key is refused with 401 API_KEY_INVALID', async () => {
    for (const key of ['zg_report_' + 'A'.repeat(43), 'nonsense', '']) {
      const res = await withKey(key).post('/api/learning/reports', EMPTY_REPORT);
      expect([res.statusCode, res.json().code]).toEqual([401, 'API_KEY_INVALID']);
    }
  });

  it('a request carrying both a session cookie and a bearer key is refused', async () => {
    const res = await providerAdmin.request('POST', '/api/learning/reports', EMPTY_REPORT, { authorization: `Bearer ${reportKey.key}` });
    expect([res.statusCode, res.json().code]).toEqual([400, 'API_KEY_WITH_SESSION']);
    const get = await providerAdmin.get('/api/learning/api-keys', { authorization: `Bearer ${reportKey.key}` });
    expect(get.statusCode).toBe(400);
  });

  it('records when a key was last used, at most once a minute', async () => {
    const lastUsed = async () => (await t.db.query<{ at: Date | null }>('SELECT last_used_at AS at FROM api_keys WHERE id = $1', [reportKey.id]))[0]?.at;
    await withKey(reportKey.key).post('/api/learning/reports', EMPTY_REPORT);
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await withKey(reportKey.key).post('/api/learning/reports', EMPTY_REPORT);
    expect(await lastUsed()).toEqual(first);
    await t.db.query(`UPDATE api_keys SET last_used_at = last_used_at - interval '2 minutes' WHERE id = $1`, [reportKey.id]);
    await withKey(reportKey.key).post('/api/learning/reports', EMPTY_REPORT);
    expect((await lastUsed())?.getTime()).toBeGreaterThanOrEqual((first as Date).getTime());
  });

  it('a key of an organisation that was deactivated stops working', async () => {
    const key = await createKey(zhejiang, { name: '临时', purpose: 'report', organisationId: otherProvider.id });
    expect((await withKey(key.key).post('/api/learning/reports', EMPTY_REPORT)).statusCode).toBe(400);
    await t.db.query(`UPDATE organisations SET status = 'inactive' WHERE id = $1`, [otherProvider.id]);
    expect((await withKey(key.key).post('/api/learning/reports', EMPTY_REPORT)).statusCode).toBe(401);
    await t.db.query(`UPDATE organisations SET status = 'active' WHERE id = $1`, [otherProvider.id]);
  });
});

describe('revoking keys', () => {
  it('a revoked key is refused at once (401), and the revocation is audited', async () => {
    const { id, key } = await createKey(providerAdmin, { name: '将吊销', purpose: 'report' });
    expect((await withKey(key).post('/api/learning/reports', EMPTY_REPORT)).statusCode).toBe(400);
    const res = await providerAdmin.post(`/api/learning/api-keys/${id}/revoke`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, abilities: { revoke: false } });
    expect(res.json().revokedAt).not.toBeNull();
    const after = await withKey(key).post('/api/learning/reports', EMPTY_REPORT);
    expect([after.statusCode, after.json().code]).toEqual([401, 'API_KEY_INVALID']);
    expect(await auditActions(id)).toEqual(['learning.apikey_created', 'learning.apikey_revoked']);
    const again = await providerAdmin.post(`/api/learning/api-keys/${id}/revoke`);
    expect([again.statusCode, again.json().code]).toEqual([409, 'LEARNING_APIKEY_REVOKED']);
  });

  it('only within scope: another organisation or province does not find the key (404)', async () => {
    const { id } = await createKey(providerAdmin, { name: '他人不可吊销', purpose: 'report' });
    for (const client of [employerAdmin, guangdong]) {
      const res = await client.post(`/api/learning/api-keys/${id}/revoke`);
      expect([res.statusCode, res.json().code]).toEqual([404, 'LEARNING_APIKEY_NOT_FOUND']);
    }
    expect((await zhejiang.post(`/api/learning/api-keys/${id}/revoke`)).statusCode).toBe(200);
  });
});

describe('API roles are never an account\'s', () => {
  it('no administrator can grant them, and the grants table refuses them', async () => {
    for (const grant of [
      { role: 'api_reporter', scopeType: 'organisation', scopeId: provider.id },
      { role: 'api_linkage', scopeType: 'nation', scopeId: '000000' },
    ]) {
      const res = await national.post('/api/accounts', { username: `robot.${grant.role}`, displayName: 'robot', password: 'Robot#Passw0rd1', grants: [grant] });
      expect([res.statusCode, res.json().code]).toEqual([422, 'ACCOUNT_GRANT_INVALID']);
    }
    const account = (await t.db.query<{ id: string }>(`SELECT id FROM accounts WHERE username = 'nation'`))[0]?.id;
    await expect(t.db.query(`INSERT INTO grants (account_id, role, scope_type, scope_id) VALUES ($1, 'api_reporter', 'organisation', $2)`, [account, provider.id])).rejects.toThrow();
  });

  it('the national administrator\'s session holds no API permission', async () => {
    const res = await national.get('/api/learning/compliance?idNumber=11010519491231002X&years=2026');
    expect([res.statusCode, res.json().code]).toEqual([403, 'FORBIDDEN']);
    const report = await national.post('/api/learning/reports', EMPTY_REPORT);
    expect(report.statusCode).toBe(403);
  });
});
