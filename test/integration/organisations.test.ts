import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser, login } from '../support/app.ts';
import { makeOrganisation, makePerson, validCreditCode } from '../support/fixtures.ts';
import type { OrgWrite } from '../../src/modules/registry/organisations/repo.ts';

type OrgBody = {
  name: string;
  creditCode: string;
  regionCode: string;
  departmentCode: string | null;
  ownership: string;
  roles: string[];
  address: string;
  contactName: string;
  grassroots?: boolean;
};
type OrgView = Required<OrgBody> & {
  id: string;
  regionName: string;
  provinceCode: string;
  departmentName: string | null;
  status: 'active' | 'inactive';
  peopleCount: number;
  abilities: { edit: boolean; deactivate: boolean; activate: boolean };
};
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
type ErrorBody = { code: string; message: string; details: { code: string; path?: string; message: string }[] };
type AuditRow = { action: string; actorName: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null };

let t: TestApp;
let zj: Client;
let gd: Client;
let miit: Client;
let seq = 0;

const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** The same code with another (still well-formed) check character. */
function withWrongCheck(code: string): string {
  const next = CREDIT_CHARSET[(CREDIT_CHARSET.indexOf(code[17]) + 1) % CREDIT_CHARSET.length];
  return code.slice(0, 17) + next;
}

function orgBody(over: Partial<OrgBody> = {}): OrgBody {
  seq += 1;
  return {
    name: `测试单位${seq}号`, creditCode: validCreditCode('330100'), regionCode: '330100', departmentCode: null,
    ownership: 'private', roles: ['employer'], address: '杭州市西湖区文三路 1 号', contactName: '李四', ...over,
  };
}

async function createOrg(client: Client, over: Partial<OrgBody> = {}): Promise<OrgView> {
  const res = await client.post('/api/organisations', orgBody(over));
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  return res.json<OrgView>();
}

async function listNames(client: Client, query: Record<string, string>): Promise<string[]> {
  const res = await client.get(`/api/organisations?${new URLSearchParams(query).toString()}`);
  expect(res.statusCode).toBe(200);
  return res.json<Page<OrgView>>().items.map((o) => o.name).sort();
}

async function auditOf(entityId: string): Promise<AuditRow[]> {
  return t.db.query<AuditRow>(
    `SELECT action, actor_name AS "actorName", before, after FROM audit_events WHERE entity = 'organisation' AND entity_id = $1 ORDER BY seq`,
    [entityId],
  );
}

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t, 'zj', [{ role: 'province_admin', scopeType: 'region', scopeId: '330000' }]);
  await createUser(t, 'gd', [{ role: 'province_admin', scopeType: 'region', scopeId: '440000' }]);
  await createUser(t, 'miit', [{ role: 'department_admin', scopeType: 'department', scopeId: 'miit' }]);
  zj = await login(t, 'zj');
  gd = await login(t, 'gd');
  miit = await login(t, 'miit');
});
afterAll(() => t.close());

describe('creating an organisation', () => {
  it('creates a unit with a valid GB 32100 credit code and shows its region and province', async () => {
    const body = orgBody({ name: '杭州创建测试有限公司', departmentCode: 'miit.330000' });
    const res = await zj.post('/api/organisations', body);
    expect(res.statusCode).toBe(201);
    expect(res.json<OrgView>()).toMatchObject({
      ...body, regionName: '杭州市', provinceCode: '330000', departmentName: '浙江省经济和信息化厅',
      status: 'active', peopleCount: 0, abilities: { edit: true, deactivate: true, activate: false },
    });
    const again = await zj.get(`/api/organisations/${res.json<OrgView>().id}`);
    expect(again.json<OrgView>().creditCode).toBe(body.creditCode);
  });

  it('rejects a credit code whose check character is wrong, naming the field', async () => {
    const res = await zj.post('/api/organisations', orgBody({ creditCode: withWrongCheck(validCreditCode()) }));
    expect(res.statusCode).toBe(400);
    const error = res.json<ErrorBody>();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([expect.objectContaining({ path: '/creditCode', code: 'CREDIT_CODE_CHECK', message: '统一社会信用代码校验位错误' })]);
  });

  it.each([
    ['written exactly as registered', (code: string) => code],
    ['written in lower case', (code: string) => code.toLowerCase()],
  ])('refuses a credit code already registered (%s) with 409', async (_label, spell) => {
    const first = await createOrg(zj);
    const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM organisations');
    const res = await zj.post('/api/organisations', orgBody({ creditCode: spell(first.creditCode) }));
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().code).toBe('ORGANISATION_CREDIT_CODE_TAKEN');
    expect(res.json<ErrorBody>().details[0]).toMatchObject({ path: '/creditCode' });
    expect(await t.db.query('SELECT count(*)::int AS n FROM organisations')).toEqual(before);
  });

  it('refuses a province administrator placing a unit in another province (422 REGION_OUTSIDE_SCOPE)', async () => {
    const res = await zj.post('/api/organisations', orgBody({ regionCode: '440100', creditCode: validCreditCode('440100') }));
    expect(res.statusCode).toBe(422);
    expect(res.json<ErrorBody>()).toMatchObject({ code: 'REGION_OUTSIDE_SCOPE', details: [{ code: 'REGION_OUTSIDE_SCOPE', path: '/regionCode' }] });
  });

  it('refuses moving an own unit into another province', async () => {
    const own = await createOrg(zj);
    const body: OrgBody = { name: own.name, creditCode: own.creditCode, regionCode: '440100', departmentCode: null, ownership: own.ownership, roles: own.roles, address: '', contactName: '' };
    const res = await zj.put(`/api/organisations/${own.id}`, body);
    expect(res.statusCode).toBe(422);
    expect(res.json<ErrorBody>().code).toBe('REGION_OUTSIDE_SCOPE');
    expect((await zj.get(`/api/organisations/${own.id}`)).json<OrgView>().regionCode).toBe('330100');
  });

});

describe('the grassroots flag (是否基层单位)', () => {
  const stored = async (id: string) => (await t.db.query<{ grassroots: boolean }>('SELECT grassroots FROM organisations WHERE id = $1', [id]))[0].grassroots;

  it('is false when left out on create, and set when sent; list and detail show it', async () => {
    const plain = await createOrg(zj, { name: '基层标志默认单位' });
    expect(plain.grassroots).toBe(false);
    const unit = await createOrg(zj, { name: '基层标志乡镇卫生院', grassroots: true });
    expect(unit.grassroots).toBe(true);
    expect(await stored(unit.id)).toBe(true);
    expect((await zj.get(`/api/organisations/${unit.id}`)).json<OrgView>().grassroots).toBe(true);
    expect(await listNames(zj, { q: '基层标志' })).toHaveLength(2);
    const listed = (await zj.get(`/api/organisations?q=${encodeURIComponent('基层标志')}`)).json<Page<OrgView>>().items;
    expect(Object.fromEntries(listed.map((o) => [o.name, o.grassroots]))).toEqual({ 基层标志默认单位: false, 基层标志乡镇卫生院: true });
  });

  it('is replaced by a PUT like the other optional fields: sent true sets it, left out clears it, and each change is audited', async () => {
    const unit = await createOrg(zj, { name: '基层标志编辑单位' });
    const { id, name, creditCode, regionCode, departmentCode, ownership, roles, address, contactName } = unit;
    const body: OrgBody = { name, creditCode, regionCode, departmentCode, ownership, roles, address, contactName };
    const on = await zj.put(`/api/organisations/${id}`, { ...body, grassroots: true });
    expect(on.statusCode).toBe(200);
    expect(on.json<OrgView>().grassroots).toBe(true);
    const off = await zj.put(`/api/organisations/${id}`, body);
    expect(off.json<OrgView>().grassroots).toBe(false);
    expect(await stored(id)).toBe(false);
    const updates = (await auditOf(id)).filter((r) => r.action === 'organisation.updated');
    expect(updates.map((r) => [r.before?.grassroots, r.after?.grassroots])).toEqual([[false, true], [true, false]]);
  });

  it('is documented in the OpenAPI document: optional (default false) in the bodies, always in the answer', async () => {
    type Schema = { properties: Record<string, unknown>; required?: string[] };
    type Op = { requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, { content: Record<string, { schema: Schema }> }> };
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, Op>> }>();
    for (const [op, status] of [[doc.paths['/api/organisations'].post, '201'], [doc.paths['/api/organisations/{id}'].put, '200']] as const) {
      const input = op.requestBody?.content['application/json'].schema;
      expect(input?.properties.grassroots).toEqual({ type: 'boolean', default: false });
      expect(input?.required).not.toContain('grassroots');
      const output = op.responses[status].content['application/json'].schema;
      expect(output.properties.grassroots).toEqual({ type: 'boolean' });
      expect(output.required).toContain('grassroots');
    }
  });

  it.each([['a word', '是'], ['a number other than 0 and 1', 2], ['an object', {}]])('refuses %s instead of a boolean (400, naming the field) and changes nothing', async (_label, value) => {
    const unit = await createOrg(zj, { name: `基层标志校验${String(value)}`, grassroots: true });
    const res = await zj.put(`/api/organisations/${unit.id}`, { ...orgBody({ creditCode: unit.creditCode }), grassroots: value });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: '/grassroots', code: 'FIELD_INVALID' }] });
    expect(await stored(unit.id)).toBe(true);
  });
});

describe('non-public units and permissions', () => {
  it.each([['private', '民营企业'], ['foreign', '外资企业'], ['social_organisation', '社会组织']])(
    'creates and lists a non-public %s (%s) unit exactly like a public institution',
    async (ownership) => {
      const publicOrg = await createOrg(zj, { name: `公立对照${ownership}`, ownership: 'public_institution' });
      const other = await createOrg(zj, { name: `非公单位${ownership}`, ownership });
      expect(Object.keys(other).sort()).toEqual(Object.keys(publicOrg).sort());
      expect(other).toMatchObject({ ownership, status: publicOrg.status, abilities: publicOrg.abilities, provinceCode: '330000' });
      const listed = await zj.get(`/api/organisations?ownership=${ownership}&q=${encodeURIComponent(other.name)}`);
      expect(listed.json<Page<OrgView>>()).toMatchObject({ total: 1, items: [{ id: other.id }] });
      expect(listed.json<Page<OrgView>>().items[0]).toEqual((await zj.get(`/api/organisations/${other.id}`)).json());
      const options = await t.app.inject({ method: 'GET', url: `/api/organisations/options?q=${encodeURIComponent(other.name)}` });
      expect(options.json<{ items: { id: string }[] }>().items.map((o) => o.id)).toEqual([other.id]);
    },
  );

  it('answers 401 without a session and 403 to a department administrator', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/organisations', payload: orgBody() })).statusCode).toBe(401);
    const res = await miit.post('/api/organisations', orgBody({ departmentCode: 'miit.330000' }));
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().code).toBe('FORBIDDEN');
  });
});

describe('listing organisations', () => {
  beforeAll(async () => {
    await createOrg(zj, { name: '筛选甲民营', ownership: 'private', roles: ['employer'] });
    await createOrg(zj, { name: '筛选乙外资', ownership: 'foreign', roles: ['employer', 'training_institution'], regionCode: '330200' });
    await createOrg(zj, { name: '筛选丙社团', ownership: 'social_organisation', roles: ['training_institution'] });
    await createOrg(zj, { name: '筛选丁事业', ownership: 'public_institution', roles: ['employer', 'ce_base'] });
    await createOrg(zj, { name: '筛选戊国企', ownership: 'state_owned', roles: ['evaluation_institution'] });
    await createOrg(gd, { name: '筛选己广东', regionCode: '440100', creditCode: validCreditCode('440100') });
  });

  it.each<[string, Record<string, string>, string[]]>([
    ['q matches part of the name', { q: '筛选' }, ['筛选丁事业', '筛选丙社团', '筛选戊国企', '筛选乙外资', '筛选甲民营']],
    ['q matches the middle of a name', { q: '外资' }, ['筛选乙外资']],
    ['ownership keeps one kind', { q: '筛选', ownership: 'foreign' }, ['筛选乙外资']],
    ['role keeps units holding it among several', { q: '筛选', role: 'training_institution' }, ['筛选丙社团', '筛选乙外资']],
    ['ownership and role combine', { q: '筛选', role: 'employer', ownership: 'private' }, ['筛选甲民营']],
    ['regionCode keeps one city', { q: '筛选', regionCode: '330200' }, ['筛选乙外资']],
    ['nothing matches an unused role', { q: '筛选', role: 'seminar_host' }, []],
  ])('filters: %s', async (_title, query, expected) => {
    expect(await listNames(zj, query)).toEqual([...expected].sort());
  });

  it('pages through the list with total, page and pageSize', async () => {
    const q = `q=${encodeURIComponent('筛选')}`;
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const res = await zj.get(`/api/organisations?${q}&page=${page}&pageSize=2`);
      const body = res.json<Page<OrgView>>();
      expect(body).toMatchObject({ total: 5, page, pageSize: 2 });
      expect(body.items).toHaveLength(page === 3 ? 1 : 2);
      seen.push(...body.items.map((o) => o.name));
    }
    expect(new Set(seen).size).toBe(5);
    expect((await zj.get(`/api/organisations?${q}&page=4&pageSize=2`)).json<Page<OrgView>>()).toMatchObject({ total: 5, items: [] });
  });

  it('finds a unit by its exact credit code', async () => {
    const org = await createOrg(zj);
    const res = await zj.get(`/api/organisations?q=${org.creditCode.toLowerCase()}`);
    expect(res.json<Page<OrgView>>().items.map((o) => o.id)).toEqual([org.id]);
  });

  it('lists only the units of the caller province', async () => {
    expect(await listNames(gd, { q: '筛选' })).toEqual(['筛选己广东']);
    expect(await listNames(zj, { q: '广东' })).toEqual([]);
  });
});

describe('another province is out of scope', () => {
  let gdOrg: OrgWrite;
  beforeAll(async () => {
    gdOrg = await makeOrganisation(t.db, { regionCode: '440100', name: '广州范围测试' });
  });

  it.each([
    ['read', (c: Client, id: string) => c.get(`/api/organisations/${id}`)],
    ['edit', (c: Client, id: string) => c.put(`/api/organisations/${id}`, orgBody({ regionCode: '330100' }))],
    ['deactivate', (c: Client, id: string) => c.post(`/api/organisations/${id}/deactivate`)],
    ['activate', (c: Client, id: string) => c.post(`/api/organisations/${id}/activate`)],
  ])('answers 404 when a province administrator tries to %s a unit of another province', async (_verb, call) => {
    const res = await call(zj, gdOrg.id);
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>().code).toBe('ORGANISATION_NOT_FOUND');
    const stored = await t.db.query<{ name: string; status: string }>('SELECT name, status FROM organisations WHERE id = $1', [gdOrg.id]);
    expect(stored).toEqual([{ name: '广州范围测试', status: 'active' }]);
  });
});

describe('deactivating an organisation', () => {
  it('is refused while the unit has active people, and allowed once none remain', async () => {
    const org = await makeOrganisation(t.db, { regionCode: '330100', name: '停用测试单位' });
    const person = await makePerson(t.db, org);
    const refused = await zj.post(`/api/organisations/${org.id}/deactivate`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>()).toMatchObject({ code: 'ORGANISATION_HAS_ACTIVE_PEOPLE', message: '该单位仍有 1 名在册人员，不能停用' });
    expect((await zj.get(`/api/organisations/${org.id}`)).json<OrgView>()).toMatchObject({ status: 'active', peopleCount: 1 });
    expect(await auditOf(org.id)).toEqual([]);

    expect((await zj.post(`/api/people/${person.id}/deactivate`)).statusCode).toBe(200);
    const done = await zj.post(`/api/organisations/${org.id}/deactivate`);
    expect(done.statusCode).toBe(200);
    expect(done.json<OrgView>()).toMatchObject({ status: 'inactive', peopleCount: 0, abilities: { deactivate: false, activate: true } });
    const back = await zj.post(`/api/organisations/${org.id}/activate`);
    expect(back.json<OrgView>().status).toBe('active');
  });
});

describe('audit trail', () => {
  it('records create, update and deactivate with the actor and the changed values', async () => {
    const org = await createOrg(zj, { name: '审计测试单位' });
    const body: OrgBody = { name: '审计测试单位（更名）', creditCode: org.creditCode, regionCode: '330200', departmentCode: null, ownership: 'state_owned', roles: ['employer'], address: '', contactName: '', grassroots: true };
    expect((await zj.put(`/api/organisations/${org.id}`, body)).statusCode).toBe(200);
    expect((await zj.post(`/api/organisations/${org.id}/deactivate`)).statusCode).toBe(200);
    const rows = await auditOf(org.id);
    expect(rows.map((r) => r.action)).toEqual(['organisation.created', 'organisation.updated', 'organisation.deactivated']);
    expect(rows.every((r) => r.actorName === 'zj')).toBe(true);
    expect(rows[0].after).toMatchObject({ name: '审计测试单位', creditCode: org.creditCode, provinceCode: '330000', grassroots: false });
    expect(rows[1].before).toMatchObject({ name: '审计测试单位', regionCode: '330100', ownership: 'private', grassroots: false });
    expect(rows[1].after).toMatchObject({ name: '审计测试单位（更名）', regionCode: '330200', ownership: 'state_owned', grassroots: true });
    expect(rows[2]).toMatchObject({ before: { status: 'active' }, after: { status: 'inactive' } });
  });
});

describe('a department administrator', () => {
  const made: Record<string, OrgWrite> = {};
  beforeAll(async () => {
    for (const [key, departmentCode] of [['miitZj', 'miit.330000'], ['miitNational', 'miit'], ['mofZj', 'mof.330000'], ['none', null]] as const) {
      made[key] = await makeOrganisation(t.db, { name: `部门范围${key}`, departmentCode });
    }
  });

  it('sees the units of its department and its provincial counterparts only', async () => {
    expect(await listNames(miit, { q: '部门范围' })).toEqual(['部门范围miitNational', '部门范围miitZj']);
    const res = await miit.get(`/api/organisations/${made.miitZj.id}`);
    expect(res.json<OrgView>()).toMatchObject({ departmentCode: 'miit.330000', abilities: { edit: false, deactivate: false } });
  });

  it.each([['mofZj'], ['none']])('answers 404 for a unit outside its department (%s)', async (key) => {
    expect((await miit.get(`/api/organisations/${made[key].id}`)).statusCode).toBe(404);
  });

  it('may not edit or deactivate even the units it sees (403)', async () => {
    const id = made.miitZj.id;
    expect((await miit.put(`/api/organisations/${id}`, orgBody({ departmentCode: 'miit.330000' }))).statusCode).toBe(403);
    expect((await miit.post(`/api/organisations/${id}/deactivate`)).statusCode).toBe(403);
  });
});

describe('public organisation options', () => {
  beforeAll(async () => {
    await makeOrganisation(t.db, { name: '选项甲用人单位', regionCode: '330100', roles: ['employer', 'ce_base'] });
    const inactive = await makeOrganisation(t.db, { name: '选项乙已停用', regionCode: '330100' });
    await t.db.query(`UPDATE organisations SET status = 'inactive' WHERE id = $1`, [inactive.id]);
    await makeOrganisation(t.db, { name: '选项丙培训机构', regionCode: '330100', roles: ['training_institution'] });
    await makeOrganisation(t.db, { name: '选项丁宁波', regionCode: '330200' });
    await makeOrganisation(t.db, { name: '选项戊广州', regionCode: '440100' });
  });

  it('answers without a session with only the active employers of the region, and no other fields', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/organisations/options?regionCode=330100&role=employer' });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: Record<string, unknown>[] }>().items;
    const names = items.map((o) => String(o.name));
    expect(names).toContain('选项甲用人单位');
    for (const absent of ['选项乙已停用', '选项丙培训机构', '选项丁宁波', '选项戊广州']) expect(names).not.toContain(absent);
    expect(items.every((o) => o.regionCode === '330100')).toBe(true);
    expect(Object.keys(items[0]).sort()).toEqual(['id', 'name', 'regionCode']);
    const ids = items.map((o) => String(o.id));
    const stored = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM organisations WHERE id = ANY($1::uuid[]) AND status = 'active' AND 'employer' = ANY(roles)`,
      [ids],
    );
    expect(stored[0].n).toBe(ids.length);
  });

  it('narrows by name', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/organisations/options?regionCode=330000&role=employer&q=${encodeURIComponent('选项')}` });
    expect(res.json<{ items: { name: string }[] }>().items.map((o) => o.name).sort()).toEqual(['选项丁宁波', '选项甲用人单位']);
  });
});
