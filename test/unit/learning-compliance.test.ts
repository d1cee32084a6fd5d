import { describe, it, expect } from 'vitest';
import type { Category, LearningForm, RecordStatus } from '../../src/modules/learning/catalogue.ts';
import { capFormParts, computeCompliance, type CountedRecord } from '../../src/modules/learning/compliance.ts';
import { NATIONAL_DEFAULT_RULES as NATIONAL, resolveRules } from '../../src/modules/learning/rules.ts';

const HUNAN = resolveRules(NATIONAL, [{ minPublicHours: 30 }]);
const ONLINE_CAP_30 = resolveRules(NATIONAL, [{ formCaps: { online: 30 } }]);
const DAILY_CAP_6 = resolveRules(NATIONAL, [{ dailyCap: 6 }]);

// One-day approved record unless said otherwise; the daily cap is off in most rule sets below.
function rec(hours: number, category: Category, form: LearningForm = 'training', status: RecordStatus = 'approved', days = 1): CountedRecord {
  const end = `2024-03-${String(days).padStart(2, '0')}`;
  return { category, form, hours, startDate: '2024-03-01', endDate: end, status };
}

describe('computeCompliance — requirements', () => {
  it('requires 90 hours, 60 of them professional, by default (Order No. 25 Art. 8)', () => {
    const r = computeCompliance(2024, [], NATIONAL);
    expect([r.requiredTotal, r.requiredProfessional, r.requiredPublic]).toEqual([90, 60, 0]);
    expect(r.shortfalls).toEqual([{ kind: 'total', hours: 90 }, { kind: 'professional', hours: 60 }]);
    expect(r.compliant).toBe(false);
  });

  it.each([
    ['meets the national rules', NATIONAL, true, []],
    ['falls 10 public hours short under Hunan (公需 ≥ 30)', HUNAN, false, [{ kind: 'public', hours: 10 }]],
  ])('70 professional + 20 public %s', (_title, rules, compliant, shortfalls) => {
    const r = computeCompliance(2024, [rec(70, 'professional'), rec(20, 'public')], rules);
    expect(r.requiredPublic).toBe(rules.minPublicHours ?? 0);
    expect([r.totalHours, r.compliant, r.shortfalls]).toEqual([90, compliant, shortfalls]);
  });
});

describe('computeCompliance — counting', () => {
  it.each([
    ['only approved and confirmed records count', NATIONAL,
      [rec(10, 'professional', 'training', 'approved'), rec(20, 'professional', 'training', 'confirmed'),
        rec(40, 'professional', 'training', 'submitted'), rec(80, 'professional', 'training', 'rejected')],
      { total: 30, professional: 30, public: 0, byForm: { training: 30 } }],
    ['an online cap of 30 counts 50 online hours as 30', ONLINE_CAP_30,
      [rec(50, 'professional', 'online'), rec(60, 'professional', 'training')],
      { total: 90, professional: 90, public: 0, byForm: { online: 30, training: 60 } }],
    ['a cap does not touch forms it does not name', ONLINE_CAP_30,
      [rec(25, 'public', 'online'), rec(100, 'professional', 'conference')],
      { total: 125, professional: 100, public: 25, byForm: { online: 25, conference: 100 } }],
    ['a capped form keeps its public/professional proportion (30 + 20 → 18 + 12)', ONLINE_CAP_30,
      [rec(30, 'public', 'online'), rec(20, 'professional', 'online')],
      { total: 30, professional: 12, public: 18, byForm: { online: 30 } }],
    ['the capped split rounds the public part and gives the rest to professional (10 + 20 → 3.3 + 6.7)',
      resolveRules(NATIONAL, [{ formCaps: { online: 10 } }]),
      [rec(10, 'public', 'online'), rec(20, 'professional', 'online')],
      { total: 10, professional: 6.7, public: 3.3, byForm: { online: 10 } }],
    ['an exact half goes to the public part (0.1 + 0.1 capped at 0.1)', resolveRules(NATIONAL, [{ formCaps: { online: 0.1 } }]),
      [rec(0.1, 'public', 'online'), rec(0.1, 'professional', 'online')],
      { total: 0.1, professional: 0, public: 0.1, byForm: { online: 0.1 } }],
    ['a daily cap of 6 counts a 2-day 20-hour record as 12', DAILY_CAP_6,
      [rec(20, 'professional', 'training', 'approved', 2)],
      { total: 12, professional: 12, public: 0, byForm: { training: 12 } }],
    ['the daily cap applies per record before the form cap', resolveRules(DAILY_CAP_6, [{ formCaps: { training: 15 } }]),
      [rec(20, 'professional', 'training', 'approved', 2), rec(20, 'public', 'training', 'approved', 1)],
      { total: 15, professional: 10, public: 5, byForm: { training: 15 } }],
    ['tenths add up without float drift (0.1 + 0.2 = 0.3)', NATIONAL,
      [rec(0.1, 'public'), rec(0.2, 'public')],
      { total: 0.3, professional: 0, public: 0.3, byForm: { training: 0.3 } }],
  ])('%s', (_title, rules, records, expected) => {
    const r = computeCompliance(2024, records, rules);
    expect({ total: r.totalHours, professional: r.professionalHours, public: r.publicHours, byForm: r.byForm }).toEqual(expected);
  });

  it.each([
    [{ public: 300, professional: 200 }, 300, { public: 180, professional: 120 }],
    [{ public: 100, professional: 200 }, 100, { public: 33, professional: 67 }],
    [{ public: 200, professional: 100 }, 100, { public: 67, professional: 33 }],
    [{ public: 0, professional: 500 }, 300, { public: 0, professional: 300 }],
    [{ public: 10, professional: 10 }, 20, { public: 10, professional: 10 }],
    [{ public: 10, professional: 10 }, undefined, { public: 10, professional: 10 }],
  ])('capFormParts(%j, cap %s tenths) → %j', (parts, cap, expected) => {
    expect(capFormParts(parts, cap)).toEqual(expected);
  });
});

describe('computeCompliance — explanation', () => {
  it.each([
    ['compliant', NATIONAL, [rec(64, 'professional'), rec(32, 'public')],
      '已达标：共 96.0 学时（专业科目 64.0，公需科目 32.0）',
      'Compliant: 96.0 hours (64.0 professional, 32.0 public)'],
    ['professional short only', NATIONAL, [rec(47.5, 'professional'), rec(50, 'public')],
      '未达标：还差 12.5 专业科目学时',
      'Not compliant: 12.5 professional hours short'],
    ['every requirement short (Hunan)', HUNAN, [rec(50, 'professional'), rec(10, 'public')],
      '未达标：还差 30.0 学时；还差 10.0 专业科目学时；还差 20.0 公需科目学时',
      'Not compliant: 30.0 hours short; 10.0 professional hours short; 20.0 public hours short'],
    ['nothing counted', NATIONAL, [rec(95, 'professional', 'training', 'submitted')],
      '未达标：还差 90.0 学时；还差 60.0 专业科目学时',
      'Not compliant: 90.0 hours short; 60.0 professional hours short'],
  ])('%s', (_title, rules, records, zh, en) => {
    expect(computeCompliance(2024, records, rules).explanation).toEqual({ zh, en });
  });

  it('returns the full result for a Chengdu-like year', () => {
    const chengdu = resolveRules(NATIONAL, [{ minPublicHours: 30, dailyCap: 6, formCaps: { online: 30 } }]);
    const records = [rec(30, 'public', 'online', 'approved', 5), rec(12, 'professional', 'online', 'approved', 2), rec(60, 'professional', 'training', 'confirmed', 10)];
    expect(computeCompliance(2025, records, chengdu)).toEqual({
      year: 2025,
      totalHours: 90,
      publicHours: 21.4,
      professionalHours: 68.6,
      byForm: { online: 30, training: 60 },
      requiredTotal: 90,
      requiredProfessional: 60,
      requiredPublic: 30,
      compliant: false,
      shortfalls: [{ kind: 'public', hours: 8.6 }],
      explanation: { zh: '未达标：还差 8.6 公需科目学时', en: 'Not compliant: 8.6 public hours short' },
    });
  });
});
