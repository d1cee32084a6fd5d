import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser, login } from '../support/app.ts';
import { makeOrganisation } from '../support/fixtures.ts';

let t: TestApp;
let ministry: Client;
let zhejiang: Client;
let guangdong: Client;
let provider: Client;
const courses: Record<string, string> = {};

/** A published course with one HTML chapter, through the provider's and the province's routes. */
async function publish(title: string, category: 'public' | 'professional'): Promise<string> {
  const orgId = (await t.db.query<{ id: string }>("SELECT id FROM organisations WHERE 'training_institution' = ANY(roles) LIMIT 1"))[0]?.id;
  const course = (await provider.post('/api/courses', { providerId: orgId, title, category, field: 'other', hours: 2, modality: 'online' })).json();
  await provider.post(`/api/courses/${course.id}/chapters`, { title: '第一章', kind: 'html', durationSeconds: 60, html: '<p>正文</p>' });
  await provider.post(`/api/courses/${course.id}/submit`);
  expect((await zhejiang.post(`/api/courses/${course.id}/review`, { decision: 'publish' })).json().status).toBe('published');
  return course.id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  const institute = await makeOrganisation(t.db, { regionCode: '330100', roles: ['training_institution'] });
  await createUser(t, 'ministry', [{ role: 'national_admin', scopeType: 'nation', scopeId: '000000' }]);
  await createUser(t, 'zj', [{ role: 'province_admin', scopeType: 'region', scopeId: '330000' }]);
  await createUser(t, 'gd', [{ role: 'province_admin', scopeType: 'region', scopeId: '440000' }]);
  await createUser(t, 'provider', [{ role: 'organisation_admin', scopeType: 'organisation', scopeId: institute.id }]);
  [ministry, zhejiang, guangdong, provider] = await Promise.all(['ministry', 'zj', 'gd', 'provider'].map((u) => login(t, u)));
  courses.security = await publish('网络安全意识', 'public');
  courses.ethics = await publish('职业道德修养', 'public');
  courses.local = await publish('浙江数字化改革', 'public');
  courses.pro = await publish('临床新技术', 'professional');
});
afterAll(() => t.close());

const view = (region: string, query = '') => t.app.inject({ method: 'GET', url: `/api/public/public-subjects/${region}/2026${query}` }).then((r) => r.json());

describe('the yearly public-subject catalogue', () => {
  it('the ministry publishes versions; only published public-subject courses, each once, under a known theme', async () => {
    const bad = await ministry.put('/api/public-subjects/000000/2026', { items: [{ theme: 'teamwork', courseId: courses.pro }, { theme: 'teamwork', courseId: courses.pro }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { code: string }) => d.code)).toEqual(['COURSE_CATALOGUE_COURSE_INVALID', 'COURSE_CATALOGUE_COURSE_INVALID', 'COURSE_CATALOGUE_DUPLICATE']);
    expect((await zhejiang.put('/api/public-subjects/000000/2026', { items: [] })).json().code).toBe('COURSE_CATALOGUE_OUTSIDE_SCOPE');
    const v1 = await ministry.put('/api/public-subjects/000000/2026', { items: [{ theme: 'cyber_security', courseId: courses.security }], note: '第一版' });
    expect(v1.json()).toMatchObject({ version: 1, items: [{ title: '网络安全意识', source: 'national', free: false }] });
    const v2 = await ministry.put('/api/public-subjects/000000/2026', { items: [{ theme: 'cyber_security', courseId: courses.security }, { theme: 'professional_ethics', courseId: courses.ethics }], note: '增补' });
    expect(v2.json().version).toBe(2);
    expect((await view('000000')).history.map((h: { version: number }) => h.version)).toEqual([2, 1]);
    expect((await view('000000', '?version=1')).items).toHaveLength(1);
  });

  it('a province adopts a national version and adds its own; its courses are free to its professionals', async () => {
    expect((await view('330000')).items.map((i: { free: boolean }) => i.free)).toEqual([false, false]);
    expect((await guangdong.put('/api/public-subjects/330000/2026', { items: [] })).json().code).toBe('COURSE_CATALOGUE_OUTSIDE_SCOPE');
    expect((await zhejiang.put('/api/public-subjects/330000/2026', { items: [], adoptsNationalVersion: 9 })).json().details[0].code).toBe('COURSE_CATALOGUE_VERSION_UNKNOWN');
    const adopted = (await zhejiang.put('/api/public-subjects/330000/2026', { items: [{ theme: 'digital_technology', courseId: courses.local }], adoptsNationalVersion: 1 })).json();
    expect(adopted.items.map((i: { title: string; source: string; free: boolean }) => [i.title, i.source, i.free])).toEqual([
      ['网络安全意识', 'national', true],
      ['浙江数字化改革', 'province', true],
    ]);
    // Guangdong has not adopted: it sees the latest national list, not free.
    expect((await view('440000')).items.map((i: { title: string; free: boolean }) => [i.title, i.free])).toEqual([['网络安全意识', false], ['职业道德修养', false]]);
    const rows = await t.db.query<{ action: string }>("SELECT action FROM audit_events WHERE entity = 'public_subject_catalogue' ORDER BY seq");
    expect(rows).toHaveLength(3);
  });
});
