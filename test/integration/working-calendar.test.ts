import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser, login } from '../support/app.ts';
import { workingDaysAfter } from '../../src/modules/calendar/index.ts';

let t: TestApp;
let ministry: Client;
let province: Client;

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t, 'cal.nation', [{ role: 'national_admin', scopeType: 'nation', scopeId: '000000' }]);
  await createUser(t, 'cal.zj', [{ role: 'province_admin', scopeType: 'region', scopeId: '330000' }]);
  ministry = await login(t, 'cal.nation');
  province = await login(t, 'cal.zj');
});
afterAll(async () => {
  await t.close();
});

describe('the working-day calendar', () => {
  it('holds the published holidays of 2025 and 2026, readable without signing in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/calendar/2026' });
    expect(res.statusCode).toBe(200);
    const days = res.json().days as { day: string; working: boolean; name: string }[];
    expect(days.find((d) => d.day === '2026-10-01')).toMatchObject({ working: false, name: '国庆节' });
    expect(days.find((d) => d.day === '2026-10-10')).toMatchObject({ working: true });
    expect(days.filter((d) => d.name === '春节')).toHaveLength(9);
  });

  it('counts deadlines by it: 10 working days after a class ending before National Day', async () => {
    // Friday 26 September 2025: 1–8 October off, Sunday 28 September and Saturday 11 October worked.
    expect(await workingDaysAfter(t.db, '2025-09-26', 10)).toBe('2025-10-16');
    // A year the calendar does not list yet counts Monday to Friday.
    expect(await workingDaysAfter(t.db, '2030-06-07', 10)).toBe('2030-06-21');
  });

  it('the ministry keeps a year (audited, all or nothing); a province may not', async () => {
    const days = [
      { day: '2030-01-01', working: false, name: '元旦' },
      { day: '2030-06-07', working: false, name: '端午节' },
      { day: '2030-06-09', working: true, name: '端午节调休上班' },
    ];
    expect((await province.put('/api/calendar/2030', { days })).statusCode).toBe(403);
    const saved = await ministry.put('/api/calendar/2030', { days });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().days.map((d: { day: string }) => d.day)).toEqual(['2030-01-01', '2030-06-07', '2030-06-09']);
    // Friday 7 June is now off and Sunday 9 June worked: the same deadline moves.
    expect(await workingDaysAfter(t.db, '2030-06-06', 10)).toBe('2030-06-20');
    const audit = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_events WHERE action = 'calendar.year_set' AND entity_id = '2030'");
    expect(audit[0]?.n).toBe(1);
  });

  it('refuses a year with bad entries, naming each, in Chinese and English, and keeps the year as it was', async () => {
    const bad = { days: [{ day: '2031-01-01', working: false, name: '元旦' }, { day: '2030-06-11', working: true, name: '上班' }] };
    const zh = await ministry.put('/api/calendar/2030', bad);
    expect(zh.statusCode).toBe(422);
    expect(zh.json()).toMatchObject({ code: 'CALENDAR_INVALID' });
    expect(zh.json().details.map((d: { path: string; code: string }) => [d.path, d.code])).toEqual([
      ['/days/0/day', 'CALENDAR_DAY_OUTSIDE_YEAR'],
      ['/days/1/working', 'CALENDAR_DAY_REDUNDANT'],
    ]);
    expect(zh.json().details[0].message).toContain('2030');
    const en = await ministry.request('PUT', '/api/calendar/2030', bad, { 'accept-language': 'en' });
    expect(en.json().message).toContain('nothing was saved');
    expect((await ministry.put('/api/calendar/2030', { days: [{ day: 'not-a-date', working: false, name: 'x' }] })).statusCode).toBe(400);
    const kept = await t.app.inject({ method: 'GET', url: '/api/public/calendar/2030' });
    expect(kept.json().days).toHaveLength(3);
  });
});
