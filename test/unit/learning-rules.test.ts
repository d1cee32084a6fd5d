import { describe, it, expect } from 'vitest';
import {
  LEARNING_FORMS,
  LEARNING_FORM_LABELS,
  PLAN_FIELDS,
  PLAN_FIELD_LABELS,
  RECORD_STATUSES,
  RECORD_STATUS_LABELS,
  parseLabel,
} from '../../src/modules/learning/catalogue.ts';
import {
  NATIONAL_DEFAULT_RULES as NATIONAL,
  checkHours,
  checkRecordDates,
  creditedHours,
  resolveRules,
  timedMinutesToHours,
  titleReviewYears,
  validateRulesPatch,
  type ComplianceRules,
  type LookbackLevel,
} from '../../src/modules/learning/rules.ts';

const CAP6 = resolveRules(NATIONAL, [{ dailyCap: 6 }]);
// Late entries allowed, so date cases test only the rule they name.
const OPEN = resolveRules(NATIONAL, [{ acceptLateEntries: true }]);
const OPEN_CROSS = resolveRules(OPEN, [{ acceptCrossYear: true }]);
const GUANGDONG_LIKE = resolveRules(NATIONAL, [{ entryDeadline: { yearOffset: 1, month: 4, day: 30 } }]);

describe('catalogue', () => {
  it('lists the fifteen plan fields in the order of the 2023 plan table', () => {
    // Header row of the seed's 附件 table, copied verbatim.
    const header = '新一代信息技术 生物技术 新能源 新材料 高端装备 新能源汽车 绿色环保 航空航天 海洋装备 数字技术 知识产权 网络安全 应急管理 乡村振兴 其他';
    expect(PLAN_FIELDS.map((f) => PLAN_FIELD_LABELS[f].zh).join(' ')).toBe(header);
  });

  it.each([
    ['online', 'online', LEARNING_FORMS, LEARNING_FORM_LABELS],
    ['远程教育（网络学习）', 'online', LEARNING_FORMS, LEARNING_FORM_LABELS],
    ['远程教育(网络学习)', 'online', LEARNING_FORMS, LEARNING_FORM_LABELS],
    ['distance education (ONLINE learning)', 'online', LEARNING_FORMS, LEARNING_FORM_LABELS],
    ['研修班', 'training', LEARNING_FORMS, LEARNING_FORM_LABELS],
    ['  考试 ', 'exam', LEARNING_FORMS, LEARNING_FORM_LABELS],
    ['访问', 'conference', LEARNING_FORMS, LEARNING_FORM_LABELS],
    ['访问学者', 'research_visit', LEARNING_FORMS, LEARNING_FORM_LABELS],
    ['webinar', null, LEARNING_FORMS, LEARNING_FORM_LABELS],
    ['新能源', 'new_energy', PLAN_FIELDS, PLAN_FIELD_LABELS],
    ['新能源汽车', 'new_energy_vehicles', PLAN_FIELDS, PLAN_FIELD_LABELS],
    ['Confirmed by province', 'confirmed', RECORD_STATUSES, RECORD_STATUS_LABELS],
    ['', null, RECORD_STATUSES, RECORD_STATUS_LABELS],
  ] as const)('parseLabel(%j) → %s', (value, expected, keys, labels) => {
    expect(parseLabel(value, keys as readonly string[], labels as Record<string, { zh: string; en: string }>)).toBe(expected);
  });

  it('gives every form label alternative to exactly one form, so imports are unambiguous', () => {
    const alternatives = LEARNING_FORMS.flatMap((f) => LEARNING_FORM_LABELS[f].zh.split('/'));
    expect(new Set(alternatives).size).toBe(alternatives.length);
  });
});

describe('creditedHours caps a record at dailyCap × days of its inclusive span', () => {
  it.each([
    ['20 h over 2 days, cap 6', CAP6, 20, '2024-03-04', '2024-03-05', 12],
    ['20 h over 2 days, no cap', NATIONAL, 20, '2024-03-04', '2024-03-05', 20],
    ['5 h in 1 day, cap 6', CAP6, 5, '2024-03-04', '2024-03-04', 5],
    ['10 h in 1 day, cap 6', CAP6, 10, '2024-03-04', '2024-03-04', 6],
    ['30 h over 28 Feb–1 Mar of a leap year (3 days)', CAP6, 30, '2024-02-28', '2024-03-01', 18],
    ['30 h over 28 Feb–1 Mar of a common year (2 days)', CAP6, 30, '2023-02-28', '2023-03-01', 12],
    ['7.5 h over 3 days, cap 2.5', resolveRules(NATIONAL, [{ dailyCap: 2.5 }]), 7.5, '2024-01-01', '2024-01-03', 7.5],
    ['10 h with end before start counts as 1 day', CAP6, 10, '2024-03-05', '2024-03-04', 6],
  ])('%s → %d', (_title, rules, hours, startDate, endDate, expected) => {
    expect(creditedHours({ hours, startDate, endDate }, rules)).toBe(expected);
  });
});

describe('checkRecordDates (China calendar, UTC+8)', () => {
  const rec = (year: number, startDate: string, endDate: string) => ({ year, startDate, endDate });
  it.each([
    ['a record inside its year', OPEN, rec(2024, '2024-03-01', '2024-03-02'), '2025-06-01T00:00:00Z', []],
    ['a malformed date', OPEN, rec(2024, '2024-02-30', '2024-03-02'), '2025-06-01T00:00:00Z', ['LEARNING_DATE_INVALID']],
    ['end before start', OPEN, rec(2024, '2024-03-02', '2024-03-01'), '2025-06-01T00:00:00Z', ['LEARNING_END_BEFORE_START']],
    ['dates in another year', OPEN, rec(2024, '2023-05-01', '2023-05-02'), '2025-06-01T00:00:00Z', ['LEARNING_OUTSIDE_YEAR']],
    ['a cross-year record when not accepted', OPEN, rec(2024, '2024-12-30', '2025-01-02'), '2025-06-01T00:00:00Z', ['LEARNING_OUTSIDE_YEAR']],
    ['a cross-year record under the year it starts in', OPEN_CROSS, rec(2024, '2024-12-30', '2025-01-02'), '2025-06-01T00:00:00Z', []],
    ['a cross-year record under the year it ends in', OPEN_CROSS, rec(2025, '2024-12-30', '2025-01-02'), '2025-06-01T00:00:00Z', []],
    ['a cross-year record under a year it only passes by', OPEN_CROSS, rec(2023, '2024-12-30', '2025-01-02'), '2025-06-01T00:00:00Z', ['LEARNING_OUTSIDE_YEAR']],
    ['a record spanning three years', OPEN_CROSS, rec(2023, '2023-12-30', '2025-01-02'), '2025-06-01T00:00:00Z', ['LEARNING_OUTSIDE_YEAR']],
    // 2024-12-31T15:59:59Z is 23:59:59 on 31 Dec in China; 16:00Z is already 1 Jan.
    ['ending 1 Jan while China is still on 31 Dec', OPEN, rec(2025, '2025-01-01', '2025-01-01'), '2024-12-31T15:59:59Z', ['LEARNING_FUTURE_DATE']],
    ['ending 1 Jan once China has reached 1 Jan (server still on 31 Dec UTC)', OPEN, rec(2025, '2025-01-01', '2025-01-01'), '2024-12-31T16:00:00Z', []],
    ['entered at 23:59:59 on 31 Dec China time (national deadline)', NATIONAL, rec(2024, '2024-06-01', '2024-06-01'), '2024-12-31T15:59:59Z', []],
    ['entered at 00:00 on 1 Jan China time (national deadline)', NATIONAL, rec(2024, '2024-06-01', '2024-06-01'), '2024-12-31T16:00:00Z', ['LEARNING_PAST_DEADLINE']],
    ['entered late when late entries are accepted', OPEN, rec(2024, '2024-06-01', '2024-06-01'), '2026-01-01T00:00:00Z', []],
    ['entered on 30 Apr next year, deadline 30 Apr', GUANGDONG_LIKE, rec(2024, '2024-06-01', '2024-06-01'), '2025-04-30T15:59:59Z', []],
    ['entered on 1 May next year, deadline 30 Apr', GUANGDONG_LIKE, rec(2024, '2024-06-01', '2024-06-01'), '2025-04-30T16:00:00Z', ['LEARNING_PAST_DEADLINE']],
    ['everything wrong at once', NATIONAL, rec(2023, '2026-02-01', '2026-01-01'), '2025-01-01T00:00:00Z', ['LEARNING_END_BEFORE_START', 'LEARNING_OUTSIDE_YEAR', 'LEARNING_FUTURE_DATE', 'LEARNING_PAST_DEADLINE']],
  ] as [string, ComplianceRules, ReturnType<typeof rec>, string, string[]][])('%s → %j', (_title, rules, record, now, expected) => {
    expect(checkRecordDates(record, rules, new Date(now))).toEqual(expected);
  });
});

describe('checkHours', () => {
  it.each([
    [1, null],
    [0.1, null],
    [0.3, null],
    [1000, null],
    [12.5, null],
    [0, 'LEARNING_HOURS_NOT_POSITIVE'],
    [-2, 'LEARNING_HOURS_NOT_POSITIVE'],
    [1000.1, 'LEARNING_HOURS_TOO_MANY'],
    [2.25, 'LEARNING_HOURS_PRECISION'],
    [Number.NaN, 'LEARNING_HOURS_INVALID'],
    [Number.POSITIVE_INFINITY, 'LEARNING_HOURS_INVALID'],
  ])('%d → %s', (hours, expected) => {
    expect(checkHours(hours)).toBe(expected);
  });
});

describe('timedMinutesToHours floors to one decimal', () => {
  it.each([
    [45, 45, 1],
    [90, 45, 2],
    [100, 45, 2.2],
    [44, 45, 0.9],
    [4.5, 45, 0.1],
    [0, 45, 0],
    [100, 50, 2],
    [149, 50, 2.9],
  ])('%d min at %d min a 学时 → %d', (minutes, minutesPerCreditHour, expected) => {
    expect(timedMinutesToHours(minutes, resolveRules(NATIONAL, [{ minutesPerCreditHour }]))).toBe(expected);
  });

  it('refuses negative minutes', () => {
    expect(() => timedMinutesToHours(-1, NATIONAL)).toThrow(RangeError);
  });
});

describe('titleReviewYears (Hunan 2025, DOMAIN.md §3.3)', () => {
  it.each([
    ['senior', 2025, [2020, 2021, 2022, 2023, 2024], NATIONAL],
    ['deputy_senior', 2025, [2020, 2021, 2022, 2023, 2024], NATIONAL],
    ['intermediate', 2025, [2021, 2022, 2023, 2024], NATIONAL],
    ['junior', 2025, [2022, 2023, 2024], NATIONAL],
    ['senior (patched to 3 years)', 2030, [2027, 2028, 2029], resolveRules(NATIONAL, [{ lookbackYears: { junior: 1, intermediate: 2, deputy_senior: 3, senior: 3 } }])],
  ] as const)('%s, review in %d → %j', (title, year, expected, rules) => {
    const level = title.split(' ')[0] as LookbackLevel;
    expect(titleReviewYears(level, rules, year)).toEqual(expected);
  });
});

describe('resolveRules', () => {
  it.each([
    ['no patches keep the national rules', [], (r: ComplianceRules) => r, NATIONAL],
    ['a later patch wins', [{ minPublicHours: 30 }, { minPublicHours: 20 }], (r: ComplianceRules) => r.minPublicHours, 20],
    ['a patch without the field keeps the earlier value', [{ minPublicHours: 30 }, { dailyCap: 6 }], (r: ComplianceRules) => [r.minPublicHours, r.dailyCap], [30, 6]],
    ['formCaps merge key by key', [{ formCaps: { online: 30 } }, { formCaps: { conference: 24 } }], (r: ComplianceRules) => r.formCaps, { online: 30, conference: 24 }],
    ['a later cap for the same form wins', [{ formCaps: { online: 30 } }, { formCaps: { online: 40 } }], (r: ComplianceRules) => r.formCaps, { online: 40 }],
    ['lists are replaced, not appended', [{ confirmForms: ['online'] }, { confirmForms: ['exam'] }], (r: ComplianceRules) => r.confirmForms, ['exam']],
  ] as [string, ComplianceRules[], (r: ComplianceRules) => unknown, unknown][])('%s', (_title, patches, pick, expected) => {
    expect(pick(resolveRules(NATIONAL, patches))).toEqual(expected);
  });

  it('leaves the national rules untouched', () => {
    const before = structuredClone(NATIONAL);
    resolveRules(NATIONAL, [{ formCaps: { online: 30 } }, { minTotalHours: 72 }]);
    expect(NATIONAL).toEqual(before);
  });

  it('defaults to 90 hours, 2/3 professional, 45 minutes a 学时 and Table A conversions (DOMAIN.md §2, §3.2)', () => {
    expect([NATIONAL.minTotalHours, NATIONAL.minProfessionalShare, NATIONAL.minutesPerCreditHour]).toEqual([90, 2 / 3, 45]);
    expect(NATIONAL.conversions.find((c) => c.key === 'conference_national')?.hours).toBe(12);
    expect(validateRulesPatch(NATIONAL)).toEqual({ ok: true, value: NATIONAL });
  });
});

describe('validateRulesPatch', () => {
  const INVALID = 'LEARNING_RULE_INVALID';
  const FORM = 'LEARNING_RULE_UNKNOWN_FORM';
  const conversion = { key: 'x', zh: '某', en: 'X', form: 'conference', hours: 4 };
  it.each([
    ['not an object', null, [['', INVALID]]],
    ['an array', [], [['', INVALID]]],
    ['an unknown field', { minHours: 90 }, [['minHours', 'LEARNING_RULE_UNKNOWN_FIELD']]],
    ['negative hours', { minTotalHours: -1 }, [['minTotalHours', INVALID]]],
    ['more than 1000 hours', { minTotalHours: 1000.1 }, [['minTotalHours', INVALID]]],
    ['two decimals', { minTotalHours: 90.25 }, [['minTotalHours', INVALID]]],
    ['a share above 1', { minProfessionalShare: 1.5 }, [['minProfessionalShare', INVALID]]],
    ['hours as text', { minPublicHours: '30' }, [['minPublicHours', INVALID]]],
    ['a form cap out of range', { formCaps: { online: 2000 } }, [['formCaps.online', INVALID]]],
    ['a cap for an unknown form', { formCaps: { webinar: 10 } }, [['formCaps.webinar', FORM]]],
    ['a daily cap of 0', { dailyCap: 0 }, [['dailyCap', INVALID]]],
    ['0 minutes a 学时', { minutesPerCreditHour: 0 }, [['minutesPerCreditHour', INVALID]]],
    ['121 minutes a 学时', { minutesPerCreditHour: 121 }, [['minutesPerCreditHour', INVALID]]],
    ['fractional minutes', { minutesPerCreditHour: 45.5 }, [['minutesPerCreditHour', INVALID]]],
    ['a deadline two years on', { entryDeadline: { yearOffset: 2, month: 4, day: 30 } }, [['entryDeadline.yearOffset', INVALID]]],
    ['month 13', { entryDeadline: { yearOffset: 1, month: 13, day: 1 } }, [['entryDeadline.month', INVALID]]],
    ['31 April', { entryDeadline: { yearOffset: 1, month: 4, day: 31 } }, [['entryDeadline.day', INVALID]]],
    ['day 40', { entryDeadline: { yearOffset: 1, month: 4, day: 40 } }, [['entryDeadline.day', INVALID]]],
    ['29 February (not every year has it)', { entryDeadline: { yearOffset: 1, month: 2, day: 29 } }, [['entryDeadline.day', INVALID]]],
    ['a deadline without its day', { entryDeadline: { yearOffset: 1, month: 4 } }, [['entryDeadline.day', INVALID]]],
    ['a boolean as text', { acceptCrossYear: 'yes' }, [['acceptCrossYear', INVALID]]],
    ['an unknown form to confirm', { confirmForms: ['online', 'cinema'] }, [['confirmForms[1]', FORM]]],
    ['a form listed twice', { confirmForms: ['online', 'online'] }, [['confirmForms[1]', INVALID]]],
    ['a conversion with negative hours', { conversions: [{ ...conversion, hours: -1 }] }, [['conversions[0].hours', INVALID]]],
    ['a conversion with an unknown form and no en', { conversions: [{ key: 'x', zh: '某', form: 'film', hours: 4 }] }, [['conversions[0].form', FORM], ['conversions[0].en', INVALID]]],
    ['two conversions with one key', { conversions: [conversion, conversion] }, [['conversions[1]', INVALID]]],
    ['a look-back of 11 years', { lookbackYears: { junior: 3, intermediate: 4, deputy_senior: 5, senior: 11 } }, [['lookbackYears.senior', INVALID]]],
    ['a look-back of 0 years', { lookbackYears: { junior: 0, intermediate: 4, deputy_senior: 5, senior: 5 } }, [['lookbackYears.junior', INVALID]]],
    ['an incomplete look-back', { lookbackYears: { senior: 5, intermediate: 4 } }, [['lookbackYears.junior', INVALID], ['lookbackYears.deputy_senior', INVALID]]],
    ['several fields wrong', { minTotalHours: 2000, dailyCap: -1 }, [['minTotalHours', INVALID], ['dailyCap', INVALID]]],
  ])('rejects %s', (_title, input, expected) => {
    expect(validateRulesPatch(input)).toEqual({ ok: false, details: expected.map(([path, code]) => ({ path, code })) });
  });

  it.each([
    ['an empty patch', {}],
    ['Hunan: 30 public hours', { minPublicHours: 30 }],
    ['Chengdu: public 30, 6 a day, online 30 a year, 45 minutes, no late or cross-year entries', {
      minPublicHours: 30, dailyCap: 6, formCaps: { online: 30 }, minutesPerCreditHour: 45,
      entryDeadline: { yearOffset: 0, month: 12, day: 31 }, acceptLateEntries: false, acceptCrossYear: false,
    }],
    ['Guangdong-like deadline 30 April next year', { entryDeadline: { yearOffset: 1, month: 4, day: 30 } }],
    ['no public minimum and no daily cap', { minPublicHours: null, dailyCap: null }],
  ])('accepts %s, returning a copy', (_title, input) => {
    const result = validateRulesPatch(input);
    expect(result).toEqual({ ok: true, value: input });
    expect(result.ok && result.value).not.toBe(input);
  });
});
