import { describe, expect, it } from 'vitest';
import { chinaDate, daysLate, executionRate } from '../../src/modules/seminars/oversight/rules.ts';

describe('report due dates', () => {
  it('counts days late in China time, until submission or today', () => {
    expect(daysLate('2026-06-26', new Date('2026-06-26T15:59:00Z'), new Date('2026-07-30T00:00:00Z'))).toBe(0); // 23:59 Beijing on the due date
    expect(daysLate('2026-06-26', new Date('2026-06-26T16:00:00Z'), new Date('2026-07-30T00:00:00Z'))).toBe(1); // 00:00 Beijing the next day
    expect(daysLate('2026-06-26', null, new Date('2026-07-01T02:00:00Z'))).toBe(5);
    expect(daysLate('2026-06-26', null, new Date('2026-06-20T02:00:00Z'))).toBe(0);
    expect(chinaDate(new Date('2026-06-26T16:30:00Z'))).toBe('2026-06-27');
  });
});

describe('execution rate', () => {
  it('is spent over budget in percent with one decimal, null without a budget', () => {
    expect(executionRate(0, 100)).toBe(0);
    expect(executionRate(2, 3)).toBe(66.7);
    expect(executionRate(150, 100)).toBe(150);
    expect(executionRate(5, 0)).toBeNull();
  });
});
