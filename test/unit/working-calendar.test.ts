import { describe, expect, it } from 'vitest';
import { addWorkingDays, checkYear, isWorkingDay, lookAheadEnd } from '../../src/modules/calendar/rules.ts';

// National Day 2025: 1–8 October off, Sunday 28 September and Saturday 11 October worked.
const NATIONAL_DAY_2025 = new Map<string, boolean>([
  ['2025-09-28', true],
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => [`2025-10-${d}`, false] as [string, boolean]),
  ['2025-10-11', true],
]);

describe('working days', () => {
  it('are Monday to Friday when the calendar lists nothing', () => {
    expect(isWorkingDay('2026-06-05')).toBe(true); // Friday
    expect(isWorkingDay('2026-06-06')).toBe(false); // Saturday
    expect(addWorkingDays('2026-06-05', 10)).toBe('2026-06-19');
    expect(addWorkingDays('2026-06-07', 10)).toBe('2026-06-19');
    expect(addWorkingDays('2026-06-03', 1)).toBe('2026-06-04');
    expect(addWorkingDays('2026-06-03', 0)).toBe('2026-06-03');
  });

  it.each([
    ['2026-06-12', 10, '2026-06-26'], // Friday + 10 working days = Friday two weeks later
    ['2026-06-10', 10, '2026-06-24'],
    ['2026-06-13', 1, '2026-06-15'], // Saturday + 1 = Monday
    ['2026-12-28', 5, '2027-01-04'],
  ])('%s + %i working days = %s', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it('skip public holidays on weekdays and count adjusted working weekends', () => {
    expect(isWorkingDay('2025-10-01', NATIONAL_DAY_2025)).toBe(false); // a Wednesday off
    expect(isWorkingDay('2025-09-28', NATIONAL_DAY_2025)).toBe(true); // a Sunday worked
    // A class ending Friday 26 September: Sun 28, Mon 29, Tue 30 September, then Thu 9, Fri 10,
    // Sat 11 (worked), Mon 13, Tue 14, Wed 15, Thu 16 October.
    expect(addWorkingDays('2025-09-26', 10, NATIONAL_DAY_2025)).toBe('2025-10-16');
    // Without the calendar the same deadline would fall a week earlier.
    expect(addWorkingDays('2025-09-26', 10)).toBe('2025-10-10');
  });

  it('look far enough ahead for the longest holiday', () => {
    expect(lookAheadEnd('2025-09-26', 10) >= '2025-10-16').toBe(true);
  });
});

describe('a year of the calendar', () => {
  it('is accepted when each entry is a holiday or a working weekend of that year, once', () => {
    expect(checkYear(2025, [{ day: '2025-10-01', working: false, name: '国庆节' }, { day: '2025-10-04', working: false, name: '国庆节' }, { day: '2025-10-11', working: true, name: '国庆节调休上班' }])).toEqual([]);
  });

  it('points at the entries that are outside the year, repeated, or say what the weekday rule says', () => {
    expect(checkYear(2025, [
      { day: '2026-01-01', working: false, name: '元旦' },
      { day: '2025-05-01', working: false, name: '劳动节' },
      { day: '2025-05-01', working: false, name: '劳动节' },
      { day: '2025-05-06', working: true, name: '上班' },
    ])).toEqual([
      { index: 0, field: 'day', code: 'CALENDAR_DAY_OUTSIDE_YEAR' },
      { index: 2, field: 'day', code: 'CALENDAR_DAY_DUPLICATE' },
      { index: 3, field: 'working', code: 'CALENDAR_DAY_REDUNDANT' },
    ]);
  });
});
