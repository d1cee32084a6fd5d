import { describe, expect, it } from 'vitest';
import { canTransition, checkSplit, completionRate, expectedShare, isLate, trafficLight, type PlanStatus } from '../../src/modules/plans/rules.ts';
import { resolveDashboardScope, summarySubmitter } from '../../src/modules/plans/policy.ts';
import type { Grant } from '../../src/platform/auth/permissions.ts';

describe('plan status', () => {
  it.each([
    ['draft', 'published', true],
    ['published', 'closed', true],
    ['published', 'draft', true],
    ['draft', 'closed', false],
    ['closed', 'published', false],
    ['closed', 'draft', false],
    ['published', 'published', false],
  ] as [PlanStatus, PlanStatus, boolean][])('%s → %s is %s', (from, to, ok) => {
    expect(canTransition(from, to)).toBe(ok);
  });
});

describe('a split adds up', () => {
  const parent = [{ field: 'digital_tech' as const, departmentCode: 'miit', people: 67_000 }];
  it('accepts parts that add up exactly', () => {
    expect(checkSplit(parent, [
      { field: 'digital_tech', departmentCode: 'miit', regionCode: '330000', people: 40_000 },
      { field: 'digital_tech', departmentCode: 'miit', regionCode: '440000', people: 27_000 },
    ])).toEqual([]);
  });
  it('names expected and found when they do not', () => {
    expect(checkSplit(parent, [{ field: 'digital_tech', departmentCode: 'miit', regionCode: '330000', people: 66_999 }])).toEqual([
      { field: 'digital_tech', departmentCode: 'miit', expected: 67_000, found: 66_999 },
    ]);
  });
  it('refuses parts of a target the parent does not have', () => {
    expect(checkSplit(parent, [{ field: 'biotech', departmentCode: 'miit', regionCode: '330000', people: 1 }])).toEqual([
      { field: 'biotech', departmentCode: 'miit', expected: 0, found: 1 },
    ]);
  });
});

describe('progress lights', () => {
  it.each([
    [100, 50, 0.5, 'green'],
    [100, 40, 0.5, 'yellow'],
    [100, 39, 0.5, 'red'],
    [0, 10, 0.5, 'none'],
    [100, 100, 1, 'green'],
  ] as const)('target %i, actual %i at %f of the year is %s', (target, actual, share, light) => {
    expect(trafficLight(target, actual, share)).toBe(light);
  });
  it('rates in percent with one decimal', () => {
    expect(completionRate(120, 5)).toBe(4.2);
    expect(completionRate(0, 5)).toBeNull();
  });
  it('measures the year elapsed in China time', () => {
    expect(expectedShare(2025, new Date('2026-01-01T00:00:00Z'))).toBe(1);
    expect(expectedShare(2026, new Date('2025-12-31T15:59:00Z'))).toBe(0);
    expect(expectedShare(2026, new Date('2025-12-31T16:00:00Z'))).toBe(0);
    expect(expectedShare(2026, new Date('2026-07-02T12:00:00Z'))).toBeCloseTo(0.5, 2);
  });
});

describe('dashboard scope', () => {
  const nation: Grant = { role: 'national_admin', scopeType: 'nation', scopeId: '000000' };
  const zj: Grant = { role: 'province_admin', scopeType: 'region', scopeId: '330000' };
  const miit: Grant = { role: 'department_admin', scopeType: 'department', scopeId: 'miit' };
  const miitZj: Grant = { role: 'department_admin', scopeType: 'department', scopeId: 'miit.330000' };
  const org: Grant = { role: 'organisation_admin', scopeType: 'organisation', scopeId: 'x' };
  it.each([
    ['nation, default', [nation], {}, { regionCode: '000000', departmentCode: null }],
    ['nation, a city', [nation], { regionCode: '330100' }, { regionCode: '330100', departmentCode: null }],
    ['province, default', [zj], {}, { regionCode: '330000', departmentCode: null }],
    ['province, its city', [zj], { regionCode: '330100' }, { regionCode: '330100', departmentCode: null }],
    ['province, another province', [zj], { regionCode: '440000' }, null],
    ['province, the nation', [zj], { regionCode: '000000' }, null],
    ['department, default', [miit], {}, { regionCode: '000000', departmentCode: 'miit' }],
    ['department, another department', [miit], { departmentCode: 'cac' }, null],
    ['provincial office', [miitZj], {}, { regionCode: '330000', departmentCode: 'miit' }],
    ['provincial office, elsewhere', [miitZj], { regionCode: '440000' }, null],
    ['no plan.read', [org], {}, null],
  ] as const)('%s', (_, grants, request, expected) => {
    expect(resolveDashboardScope(grants as unknown as Grant[], request)).toEqual(expected);
  });
});

describe('work summaries', () => {
  it.each([
    ['2025-03-31', '2025-03-31T15:59:59Z', false],
    ['2025-03-31', '2025-03-31T16:00:00Z', true],
    ['2025-03-31', '2025-03-30T10:00:00Z', false],
  ])('due %s, submitted %s: late is %s', (due, at, late) => {
    expect(isLate(due, new Date(at))).toBe(late);
  });
  it.each([
    [[{ role: 'province_admin', scopeType: 'region', scopeId: '330000' }], { kind: 'province', code: '330000' }],
    [[{ role: 'province_admin', scopeType: 'region', scopeId: '330100' }], null],
    [[{ role: 'department_admin', scopeType: 'department', scopeId: 'miit' }], { kind: 'department', code: 'miit' }],
    [[{ role: 'department_admin', scopeType: 'department', scopeId: 'miit.330000' }], null],
    [[{ role: 'inspector', scopeType: 'region', scopeId: '330000' }], null],
  ])('%j submits as %j', (grants, expected) => {
    expect(summarySubmitter(grants as Grant[])).toEqual(expected);
  });
});
