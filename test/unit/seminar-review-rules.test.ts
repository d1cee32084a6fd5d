import { describe, expect, it } from 'vitest';
import {
  type DrawApplication, type DrawExpert, aggregateScores, checkScores, drawReviewers, loadCap, pickReplacement, rankByScore, seededRandom, weightedTotalTenths,
} from '../../src/modules/seminars/review/rules.ts';

const id = (prefix: string, i: number) => `${prefix}-${String(i).padStart(3, '0')}`;
const apps: DrawApplication[] = Array.from({ length: 10 }, (_, i) => ({ id: id('app', i), field: i % 2 ? 'biotech' : 'green', hostId: id('org', i % 4) }));
const experts: DrawExpert[] = Array.from({ length: 8 }, (_, i) => ({
  id: id('exp', i), fields: i < 4 ? ['biotech'] : ['green'], organisationId: id('org', i % 5), conflicts: i === 0 ? [id('org', 1)] : [],
}));

describe('the seeded PRNG', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = seededRandom('2026-draw');
    const b = seededRandom('2026-draw');
    const c = seededRandom('2026-other');
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect([c(), c(), c()]).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('drawing reviewers', () => {
  it('is reproducible: the same seed and inputs give identical assignments, in whatever order the inputs come', () => {
    const first = drawReviewers(apps, experts, 3, 'seed-42');
    const again = drawReviewers([...apps].reverse(), [...experts].reverse(), 3, 'seed-42');
    expect(first.ok).toBe(true);
    expect(again).toEqual(first);
  });

  it('a different seed gives a different draw', () => {
    const a = drawReviewers(apps, experts, 3, 'seed-42');
    const b = drawReviewers(apps, experts, 3, 'seed-43');
    expect(a.ok && b.ok && a.assignments).not.toEqual(b.ok && b.assignments);
  });

  it('gives each application n distinct reviewers, never from its organisation or with a declared conflict', () => {
    const result = drawReviewers(apps, experts, 3, 'seed-42');
    if (!result.ok) throw new Error('draw failed');
    for (const a of apps) {
      const mine = result.assignments.filter((x) => x.seminarId === a.id).map((x) => x.expertId);
      expect(new Set(mine).size).toBe(3);
      for (const expertId of mine) {
        const e = experts.find((x) => x.id === expertId) as DrawExpert;
        expect(e.organisationId).not.toBe(a.hostId);
        expect(e.conflicts).not.toContain(a.hostId);
      }
    }
  });

  it('balances the load: nobody gets more than ceil(total / experts)', () => {
    const result = drawReviewers(apps, experts, 3, 'seed-7');
    if (!result.ok) throw new Error('draw failed');
    expect(result.cap).toBe(Math.ceil(30 / 8));
    const load = new Map<string, number>();
    for (const a of result.assignments) load.set(a.expertId, (load.get(a.expertId) ?? 0) + 1);
    expect(Math.max(...load.values())).toBeLessThanOrEqual(4);
  });

  it('finds a complete draw under the cap for every one of 100 seeds, even when capacity is tight (30 reviews, 32 slots)', () => {
    for (let s = 0; s < 100; s++) {
      const result = drawReviewers(apps, experts, 3, `seed-${s}`);
      expect(result.ok, `seed-${s}`).toBe(true);
      if (!result.ok) continue;
      expect(result.assignments).toHaveLength(30);
      const load = new Map<string, number>();
      for (const a of result.assignments) load.set(a.expertId, (load.get(a.expertId) ?? 0) + 1);
      expect(Math.max(...load.values())).toBeLessThanOrEqual(result.cap);
    }
  });

  it('prefers experts of the application\'s field and falls back to other fields only when too few are qualified', () => {
    const few: DrawExpert[] = [
      { id: 'e1', fields: ['biotech'], organisationId: null, conflicts: [] },
      { id: 'e2', fields: ['green'], organisationId: null, conflicts: [] },
      { id: 'e3', fields: ['green'], organisationId: null, conflicts: [] },
    ];
    const result = drawReviewers([{ id: 'a', field: 'biotech', hostId: 'h' }], few, 2, 's');
    if (!result.ok) throw new Error('draw failed');
    expect(result.assignments.find((x) => x.expertId === 'e1')?.fallback).toBe(false);
    expect(result.assignments.filter((x) => x.fallback)).toHaveLength(1);
  });

  it('reports the infeasible case clearly and assigns nothing', () => {
    const two: DrawExpert[] = [
      { id: 'e1', fields: ['biotech'], organisationId: 'h', conflicts: [] },
      { id: 'e2', fields: ['biotech'], organisationId: null, conflicts: ['h'] },
      { id: 'e3', fields: ['biotech'], organisationId: null, conflicts: [] },
    ];
    expect(drawReviewers([{ id: 'a', field: 'biotech', hostId: 'h' }], two, 2, 's')).toEqual({ ok: false, cap: 1, shortages: [{ seminarId: 'a', eligible: 1, needed: 2, reason: 'too_few_eligible' }] });
  });

  it('computes the cap from applications × n over the pool', () => {
    expect(loadCap(10, 3, 8)).toBe(4);
    expect(loadCap(8, 3, 8)).toBe(3);
    expect(loadCap(1, 3, 0)).toBe(0);
  });

  it('replaces a conflicted reviewer reproducibly with an eligible, qualified, least-loaded expert', () => {
    const app = apps[1] as DrawApplication; // biotech, host org-001
    const load = new Map([['exp-001', 3], ['exp-002', 0], ['exp-003', 0]]);
    const one = pickReplacement(app, experts, ['exp-002'], load, 'seed');
    const two = pickReplacement(app, experts, ['exp-002'], load, 'seed');
    expect(one?.id).toBe(two?.id);
    expect(one?.id).toBe('exp-003'); // exp-000 has a conflict with org-001, exp-001 is of org-001
    expect(pickReplacement(app, experts.slice(0, 2), [], load, 'seed')).toBeNull();
  });
});

describe('scores', () => {
  const criteria = [{ code: 'a', weight: 60 }, { code: 'b', weight: 40 }];
  it('weights the criteria into a total in tenths', () => {
    expect(weightedTotalTenths(criteria, { a: 90, b: 70 })).toBe(820);
    expect(weightedTotalTenths(criteria, { a: 85, b: 86 })).toBe(854);
  });
  it('finds missing, unknown and out-of-range scores', () => {
    expect(checkScores(criteria, { a: 90 })).toEqual(['b']);
    expect(checkScores(criteria, { a: 101, b: 5, c: 3 })).toEqual(['a', 'c']);
    expect(checkScores(criteria, { a: 0, b: 100 })).toEqual([]);
  });
});

describe('aggregation with outlier handling', () => {
  it.each([
    ['five scores: drop the highest and the lowest', [900, 300, 800, 850, 820], 823, [300, 900]],
    ['four scores: drop the highest and the lowest', [800, 700, 900, 600], 750, [600, 900]],
    ['three scores: one far from the median is dropped', [850, 860, 500], 855, [500]],
    ['three scores within 15 points of the median: all used', [700, 800, 850], 783, []],
    ['two scores: plain mean', [700, 801], 751, []],
    ['one score: itself', [640], 640, []],
  ])('%s', (_title, totals, score, dropped) => {
    const result = aggregateScores(totals);
    expect(result.scoreTenths).toBe(score);
    expect(result.dropped).toEqual(dropped);
  });
  it('no scores: no result', () => {
    expect(aggregateScores([]).scoreTenths).toBeNull();
  });
  it('ranks highest first, equal scores share a rank, unscored last without rank', () => {
    const ranked = rankByScore([{ id: 'a', scoreTenths: 700 }, { id: 'b', scoreTenths: 900 }, { id: 'c', scoreTenths: null }, { id: 'd', scoreTenths: 700 }]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([['b', 1], ['a', 2], ['d', 2], ['c', null]]);
  });
});
