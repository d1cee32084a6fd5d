import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS_CENTS, checkBudget, checkDates, checkQuota, isBeforeDeadline } from '../../src/modules/seminars/rules.ts';

describe('the reference limits (财行〔2016〕540号 art. 9, class three)', () => {
  it('keep the comprehensive quota of 550 yuan per person per day: accommodation 340, meals 130, venue + materials + transport 50, other 30', () => {
    const { accommodation, meals, venue, materials, transport, other, teaching } = DEFAULT_LIMITS_CENTS;
    expect([accommodation, meals, venue + materials + transport, other]).toEqual([34_000, 13_000, 5_000, 3_000]);
    expect(accommodation + meals + venue + materials + transport + other).toBe(55_000);
    // Teachers' fees lie outside the quota: our per-person-day allowance for them.
    expect(teaching).toBe(12_000);
  });
});

describe('budget lines against the per-person-per-day limits', () => {
  it.each([
    // accommodation limit 340 yuan × 50 trainees × 5 days = 85,000 yuan
    ['exactly at the limit passes', 8_500_000, []],
    ['one fen over the limit names the category, limit and allowed sum', 8_500_001, [{ category: 'accommodation', limitCents: 34_000, allowedCents: 8_500_000, amountCents: 8_500_001 }]],
    ['zero passes', 0, []],
  ])('%s', (_title, amount, expected) => {
    expect(checkBudget([{ category: 'accommodation', amountCents: amount }], DEFAULT_LIMITS_CENTS, 50, 5)).toEqual(expected);
  });

  it('checks every line separately and reports each excess', () => {
    const problems = checkBudget([
      { category: 'meals', amountCents: 13_000 * 10 * 2 + 1 },
      { category: 'venue', amountCents: 2_000 * 10 * 2 },
      { category: 'other', amountCents: 3_000 * 10 * 2 + 100 },
    ], DEFAULT_LIMITS_CENTS, 10, 2);
    expect(problems.map((p) => p.category)).toEqual(['meals', 'other']);
  });

  it('a category without a limit for the year cannot be budgeted', () => {
    expect(checkBudget([{ category: 'transport', amountCents: 1 }], { meals: 100 }, 10, 2)).toEqual([{ category: 'transport', limitCents: null, allowedCents: 0, amountCents: 1 }]);
  });
});

describe('dates', () => {
  it.each([
    [2026, '2026-05-10', '2026-05-14', 5, null],
    [2026, '2026-05-10', '2026-05-14', 4, 'days_mismatch'],
    [2026, '2026-05-14', '2026-05-10', 5, 'end_before_start'],
    [2026, '2025-12-30', '2026-01-02', 4, 'year_mismatch'],
    [2026, '2026-02-27', '2026-03-02', 4, null],
  ] as const)('year %i, %s – %s, %i days → %s', (year, start, end, days, expected) => {
    expect(checkDates(year, start, end, days)).toBe(expected);
  });
});

describe('deadline', () => {
  it('allows submission at the deadline and refuses one millisecond later', () => {
    const deadline = new Date('2026-03-31T15:59:59.999Z');
    expect(isBeforeDeadline(deadline, new Date('2026-03-31T15:59:59.999Z'))).toBe(true);
    expect(isBeforeDeadline(deadline, new Date('2026-03-31T16:00:00.000Z'))).toBe(false);
  });
});

describe('selection within the quota', () => {
  const base = { maxSeminars: 3, maxCentralCents: 1_000_000 };
  it('passes when trainees per field, seminars and central funds are within the plan and the call', () => {
    expect(checkQuota({ ...base, targets: { biotech: 100 }, approved: [{ field: 'biotech', plannedTrainees: 60, centralCents: 500_000 }, { field: 'biotech', plannedTrainees: 40, centralCents: 0 }] })).toEqual([]);
  });
  it('reports the field whose trainees exceed its target', () => {
    expect(checkQuota({ ...base, targets: { biotech: 100 }, approved: [{ field: 'biotech', plannedTrainees: 101, centralCents: 0 }] })).toEqual([{ kind: 'field', field: 'biotech', target: 100, selected: 101 }]);
  });
  it('a field the plan has no target for has none to give', () => {
    expect(checkQuota({ ...base, targets: { biotech: 100 }, approved: [{ field: 'green', plannedTrainees: 1, centralCents: 0 }] })).toEqual([{ kind: 'field', field: 'green', target: 0, selected: 1 }]);
  });
  it('reports too many seminars and too much central money', () => {
    const approved = Array.from({ length: 4 }, () => ({ field: 'biotech' as const, plannedTrainees: 1, centralCents: 300_000 }));
    expect(checkQuota({ ...base, targets: { biotech: 100 }, approved })).toEqual([{ kind: 'seminars', max: 3, selected: 4 }, { kind: 'central', max: 1_000_000, selected: 1_200_000 }]);
  });
  it('says there is no plan rather than passing', () => {
    expect(checkQuota({ ...base, targets: null, approved: [] })).toEqual([{ kind: 'no_plan' }]);
  });
  it('no caps in the call means only the plan limits', () => {
    expect(checkQuota({ maxSeminars: null, maxCentralCents: null, targets: { biotech: 10 }, approved: [{ field: 'biotech', plannedTrainees: 10, centralCents: 9e9 }] })).toEqual([]);
  });
});
