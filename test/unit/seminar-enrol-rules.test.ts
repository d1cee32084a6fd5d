import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ENROLMENT_RULES, type Applicant, type SeatState, canTakeSeat, checkEligibility, enrolmentWindow, executionRate, isCompleted,
  isReportLate, isValidWindow, orderWaitingList, pickPromotions, preferenceReasons, reservedSeats, rulesSource, satisfaction, seminarDates, windowState,
} from '../../src/modules/seminars/enrolment/rules.ts';

const base: Applicant = { titleLevel: 'intermediate', managementPost: false, active: true, regionFlags: [], employerGrassroots: false };
const rule = DEFAULT_ENROLMENT_RULES.eligibility;

describe('eligibility (default: intermediate title or higher, or a management post)', () => {
  it.each([
    ['none', false, false],
    ['junior', false, false],
    ['junior', true, true],
    ['none', true, true],
    ['intermediate', false, true],
    ['deputy_senior', false, true],
    ['senior', false, true],
  ] as const)('title %s, management post %s → eligible %s', (titleLevel, managementPost, eligible) => {
    expect(checkEligibility(rule, { ...base, titleLevel, managementPost }).eligible).toBe(eligible);
  });

  it('names the rule that failed', () => {
    expect(checkEligibility(rule, { ...base, titleLevel: 'junior' })).toEqual({ eligible: false, reason: 'title_or_post' });
    expect(checkEligibility({ minTitleLevel: 'senior', managementPostQualifies: false }, { ...base, managementPost: true })).toEqual({ eligible: false, reason: 'title' });
    expect(checkEligibility(rule, { ...base, active: false })).toEqual({ eligible: false, reason: 'inactive' });
  });
});

describe('designated-region preference', () => {
  it('collects the region flags and the grassroots employer, in a fixed order', () => {
    expect(preferenceReasons({ regionFlags: ['border', 'old_revolutionary'], employerGrassroots: true })).toEqual(['old_revolutionary', 'border', 'grassroots']);
    expect(preferenceReasons({ regionFlags: [], employerGrassroots: false })).toEqual([]);
  });
});

describe('seats: 20 % held for preferred applicants while the window is open', () => {
  const s = (over: Partial<SeatState>): SeatState => ({ seats: 10, taken: 0, takenPreferred: 0, reservedSharePct: 20, windowClosed: false, ...over });
  it.each([
    [10, 20, 2], [5, 20, 1], [1, 20, 1], [50, 20, 10], [10, 0, 0], [3, 50, 2],
  ])('%i seats at %i %% → %i reserved (rounded up)', (seats, pct, reserved) => {
    expect(reservedSeats(seats, pct)).toBe(reserved);
  });
  it.each([
    ['ordinary applicant, 8 of 10 taken, none by preferred', { taken: 8 }, false, false],
    ['ordinary applicant, 7 of 10 taken', { taken: 7 }, false, true],
    ['ordinary applicant, 8 taken of which 1 preferred', { taken: 8, takenPreferred: 1 }, false, true],
    ['ordinary applicant, 9 taken of which 2 preferred', { taken: 9, takenPreferred: 2 }, false, true],
    ['preferred applicant, 9 of 10 taken', { taken: 9 }, true, true],
    ['preferred applicant, full', { taken: 10 }, true, false],
    ['ordinary applicant after the window closed, 9 taken', { taken: 9, windowClosed: true }, false, true],
    ['nobody beyond the seats, window closed', { taken: 10, windowClosed: true }, false, false],
  ] as const)('%s → seat %s', (_title, over, preferred, expected) => {
    expect(canTakeSeat(s(over), preferred)).toBe(expected);
  });

  it('orders the waiting list preferred first, then by time of enrolment', () => {
    const t = (m: number) => new Date(Date.UTC(2026, 0, 1, 0, m));
    const list = [
      { id: 'a', preferred: false, enrolledAt: t(1) },
      { id: 'b', preferred: true, enrolledAt: t(5) },
      { id: 'c', preferred: false, enrolledAt: t(0) },
      { id: 'd', preferred: true, enrolledAt: t(2) },
    ];
    expect(orderWaitingList(list).map((w) => w.id)).toEqual(['d', 'b', 'c', 'a']);
  });

  it('promotes only preferred applicants into a held-back seat, anyone once the window closed', () => {
    const t = new Date();
    const waiting = [{ id: 'x', preferred: false, enrolledAt: t }, { id: 'y', preferred: true, enrolledAt: new Date(t.getTime() + 1) }];
    expect(pickPromotions(s({ taken: 8 }), waiting).map((w) => w.id)).toEqual(['y']);
    expect(pickPromotions(s({ taken: 9 }), [waiting[0] as (typeof waiting)[0]])).toEqual([]);
    expect(pickPromotions(s({ taken: 8, windowClosed: true }), waiting).map((w) => w.id)).toEqual(['y', 'x']);
  });
});

describe('the enrolment window', () => {
  const publishedAt = new Date('2026-03-01T02:00:00Z');
  it('opens at publication unless the host set a later time; closes by default the day before the start (China time)', () => {
    const w = enrolmentWindow({ publishedAt, startDate: '2026-06-10', opensAt: null, closesAt: null });
    expect(w.opensAt).toEqual(publishedAt);
    expect(w.closesAt.toISOString()).toBe('2026-06-08T16:00:00.000Z');
    expect(enrolmentWindow({ publishedAt, startDate: '2026-06-10', opensAt: new Date('2026-01-01T00:00:00Z'), closesAt: null }).opensAt).toEqual(publishedAt);
    expect(windowState(w, new Date('2026-02-28T00:00:00Z'))).toBe('not_open');
    expect(windowState(w, new Date('2026-05-01T00:00:00Z'))).toBe('open');
    expect(windowState(w, new Date('2026-06-08T16:00:00Z'))).toBe('closed');
  });
  it('refuses a host window closing after the first day begins or before it opens', () => {
    expect(isValidWindow(null, new Date('2026-06-09T16:00:00Z'), '2026-06-10')).toBe(true);
    expect(isValidWindow(null, new Date('2026-06-10T00:00:00Z'), '2026-06-10')).toBe(false);
    expect(isValidWindow(new Date('2026-06-01T00:00:00Z'), new Date('2026-05-01T00:00:00Z'), '2026-06-10')).toBe(false);
  });
});

describe('completion, report deadline, figures', () => {
  it.each([[4, 5, 80, true], [3, 5, 80, false], [5, 5, 100, true], [4, 5, 100, false], [0, 0, 80, false]])('%i of %i days at %i %% → %s', (present, days, pct, done) => {
    expect(isCompleted(present, days, pct)).toBe(done);
  });
  it('is late only after the due day in China time', () => {
    expect(isReportLate('2026-06-19', new Date('2026-06-19T15:59:00Z'))).toBe(false);
    expect(isReportLate('2026-06-19', new Date('2026-06-19T16:00:00Z'))).toBe(true);
  });
  it('lists the seminar dates, rates execution and satisfaction', () => {
    expect(seminarDates('2026-06-29', '2026-07-02')).toEqual(['2026-06-29', '2026-06-30', '2026-07-01', '2026-07-02']);
    expect(executionRate(75_000n, 100_000n)).toBe(75);
    expect(executionRate(1, 3)).toBe(33.3);
    expect(executionRate(5, 0)).toBeNull();
    expect(satisfaction([{ content: 5, teachers: 4, organisation: 5, facilities: 4 }, { content: 3, teachers: 3, organisation: 3, facilities: 3 }])).toBe(3.75);
    expect(satisfaction([])).toBeNull();
  });
});

describe('where a year\'s rules come from', () => {
  it.each([
    [2026, 2026, 'own'],
    [2026, 2024, 'inherited'],
    [2026, null, 'default'],
  ] as const)('year %i with the row of %s → %s', (year, fromYear, expected) => {
    expect(rulesSource(year, fromYear)).toBe(expected);
  });
});
