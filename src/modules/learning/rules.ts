// Pure hour-recognition rules for learning records (学时认定). No I/O and no clock access:
// callers pass `now`. Provinces differ (DOMAIN.md §3.1), so the rules are data: a national default
// plus patches, resolved in order.

import { LEARNING_FORMS, isOneOf, type LearningForm } from './catalogue.ts';

export type LookbackLevel = 'junior' | 'intermediate' | 'deputy_senior' | 'senior';

export type Conversion = { key: string; zh: string; en: string; form: LearningForm; hours: number };

export type ComplianceRules = {
  /** Yearly total, Order No. 25 Art. 8: at least 90 学时. */
  minTotalHours: number;
  /** Share of minTotalHours that must be professional subjects; Art. 8 says "generally 2/3". */
  minProfessionalShare: number;
  /** Public-subject minimum, e.g. 30 in Hunan and Chengdu (DOMAIN.md §3.1); null = none. */
  minPublicHours: number | null;
  /** Yearly cap of credited hours per form, e.g. { online: 30 } (Chengdu, §3.1). */
  formCaps: Partial<Record<LearningForm, number>>;
  /** Most 学时 one record may credit per calendar day of its span, e.g. 6 (Chengdu, Suqian). */
  dailyCap: number | null;
  /** Minutes of timed study per 学时, e.g. 45 (Chengdu, §3.1). */
  minutesPerCreditHour: number;
  /** Fixed hours for non-course activities (折算, §3.2). */
  conversions: Conversion[];
  /** Last day (China calendar) to enter a year's records; yearOffset 1 = the following year. */
  entryDeadline: { yearOffset: 0 | 1; month: number; day: number };
  /** Accept entries after the deadline (Chengdu: no late registration). */
  acceptLateEntries: boolean;
  /** Accept a record whose dates span two calendar years (Chengdu: no cross-year registration). */
  acceptCrossYear: boolean;
  /** Forms that need the province's confirmation after employer approval. */
  confirmForms: LearningForm[];
  /** Years of records a title review looks back on (Hunan 2025, §3.3). */
  lookbackYears: Record<LookbackLevel, number>;
};

export type RulesPatch = Partial<ComplianceRules>;

export const NATIONAL_DEFAULT_RULES: ComplianceRules = {
  minTotalHours: 90,
  minProfessionalShare: 2 / 3,
  minPublicHours: null,
  formCaps: {},
  dailyCap: null,
  minutesPerCreditHour: 45,
  // DOMAIN.md §3.2 Table A (360docs "继续教育活动与学时折算参考标准"); paper entries are added to the
  // conference's own hours.
  conversions: [
    { key: 'degree_course', zh: '学历（学位）教育每通过一门课程', en: 'Degree course passed', form: 'academic_study', hours: 15 },
    { key: 'conference_national', zh: '参加全国性学术会议', en: 'National academic conference', form: 'conference', hours: 12 },
    { key: 'conference_national_paper', zh: '全国性学术会议交流论文（2000字以内）', en: 'Paper at a national conference (up to 2,000 characters)', form: 'conference', hours: 6 },
    { key: 'conference_national_paper_long', zh: '全国性学术会议交流论文（2000字以上）', en: 'Paper at a national conference (over 2,000 characters)', form: 'conference', hours: 8 },
    { key: 'conference_provincial', zh: '参加省级学术会议', en: 'Provincial academic conference', form: 'conference', hours: 8 },
    { key: 'conference_provincial_paper', zh: '省级学术会议交流论文（2000字以内）', en: 'Paper at a provincial conference (up to 2,000 characters)', form: 'conference', hours: 4 },
    { key: 'conference_provincial_paper_long', zh: '省级学术会议交流论文（2000字以上）', en: 'Paper at a provincial conference (over 2,000 characters)', form: 'conference', hours: 6 },
    { key: 'project_national_lead', zh: '国家级项目主要完成人第一名（每年）', en: 'National project, first main contributor (per year)', form: 'project', hours: 64 },
    { key: 'project_provincial_lead', zh: '省级项目主要完成人第一名（每年）', en: 'Provincial project, first main contributor (per year)', form: 'project', hours: 56 },
  ],
  entryDeadline: { yearOffset: 0, month: 12, day: 31 },
  acceptLateEntries: false,
  acceptCrossYear: false,
  confirmForms: [],
  // Hunan 2025 (§3.3): senior 5, intermediate 4; junior and deputy senior are not documented, so
  // junior takes one year less than intermediate and deputy senior the senior window.
  lookbackYears: { junior: 3, intermediate: 4, deputy_senior: 5, senior: 5 },
};

/** Applies patches in order (later wins). formCaps merge key by key; every other field is replaced whole. */
export function resolveRules(national: ComplianceRules, patches: RulesPatch[]): ComplianceRules {
  let rules = national;
  for (const patch of patches) {
    rules = { ...rules, ...patch, formCaps: { ...rules.formCaps, ...patch.formCaps } };
  }
  return rules;
}

// ---------------------------------------------------------------------------------------------
// Patch validation. Codes: LEARNING_RULE_INVALID (wrong type or out of range),
// LEARNING_RULE_UNKNOWN_FIELD, LEARNING_RULE_UNKNOWN_FORM.

export type RuleIssue = { path: string; code: string };
type Check = (value: unknown, path: string, out: RuleIssue[]) => void;

const MAX_HOURS = 1000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const oneDecimal = (v: number): boolean => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9;

function invalid(out: RuleIssue[], path: string): void {
  out.push({ path, code: 'LEARNING_RULE_INVALID' });
}

function rangeCheck(min: number, max: number, opts: { integer?: boolean; oneDecimal?: boolean; exclusiveMin?: boolean } = {}): Check {
  return (v, path, out) => {
    const ok =
      isFiniteNumber(v) &&
      (opts.exclusiveMin ? v > min : v >= min) &&
      v <= max &&
      (!opts.integer || Number.isInteger(v)) &&
      (!opts.oneDecimal || oneDecimal(v));
    if (!ok) invalid(out, path);
  };
}

const nullable = (check: Check): Check => (v, path, out) => {
  if (v !== null) check(v, path, out);
};

const hours = rangeCheck(0, MAX_HOURS, { oneDecimal: true });
// A daily cap of 0 would discard every record; "no cap" is null.
const dailyHours = rangeCheck(0, MAX_HOURS, { oneDecimal: true, exclusiveMin: true });
const boolean: Check = (v, path, out) => {
  if (typeof v !== 'boolean') invalid(out, path);
};
const text = (max: number): Check => (v, path, out) => {
  if (typeof v !== 'string' || v.trim() === '' || v.length > max) invalid(out, path);
};

function form(v: unknown, path: string, out: RuleIssue[]): void {
  if (typeof v !== 'string') invalid(out, path);
  else if (!isOneOf(LEARNING_FORMS, v)) out.push({ path, code: 'LEARNING_RULE_UNKNOWN_FORM' });
}

/** Checks an object's fields against `checks`; missing required fields and unknown ones are issues. */
function objectOf(checks: Record<string, Check>, required: boolean): Check {
  return (v, path, out) => {
    if (!isRecord(v)) return invalid(out, path);
    for (const [key, value] of Object.entries(v)) {
      const at = `${path}.${key}`;
      if (Object.hasOwn(checks, key)) checks[key](value, at, out);
      else out.push({ path: at, code: 'LEARNING_RULE_UNKNOWN_FIELD' });
    }
    if (required) for (const key of Object.keys(checks)) if (!Object.hasOwn(v, key)) invalid(out, `${path}.${key}`);
  };
}

function formCaps(v: unknown, path: string, out: RuleIssue[]): void {
  if (!isRecord(v)) return invalid(out, path);
  for (const [key, value] of Object.entries(v)) {
    if (isOneOf(LEARNING_FORMS, key)) hours(value, `${path}.${key}`, out);
    else out.push({ path: `${path}.${key}`, code: 'LEARNING_RULE_UNKNOWN_FORM' });
  }
}

function listOf(item: Check, uniqueBy?: (v: unknown) => unknown): Check {
  return (v, path, out) => {
    if (!Array.isArray(v) || v.length > 100) return invalid(out, path);
    const seen = new Set<unknown>();
    v.forEach((value, i) => {
      item(value, `${path}[${i}]`, out);
      const id = uniqueBy ? uniqueBy(value) : value;
      if (seen.has(id)) invalid(out, `${path}[${i}]`);
      seen.add(id);
    });
  };
}

// Deadlines must exist every year, so 29 February is refused (checked against a common year).
const deadlineFields = objectOf(
  {
    yearOffset: (x, p, o) => (x === 0 || x === 1 ? undefined : invalid(o, p)),
    month: rangeCheck(1, 12, { integer: true }),
    day: rangeCheck(1, 31, { integer: true }),
  },
  true,
);
const deadline: Check = (v, path, out) => {
  const before = out.length;
  deadlineFields(v, path, out);
  if (out.length === before && isRecord(v) && Number(v.day) > new Date(Date.UTC(2023, Number(v.month), 0)).getUTCDate()) {
    invalid(out, `${path}.day`);
  }
};

const lookback = rangeCheck(1, 10, { integer: true });

const FIELD_CHECKS: Record<keyof ComplianceRules, Check> = {
  minTotalHours: hours,
  minProfessionalShare: rangeCheck(0, 1),
  minPublicHours: nullable(hours),
  formCaps,
  dailyCap: nullable(dailyHours),
  minutesPerCreditHour: rangeCheck(1, 120, { integer: true }),
  conversions: listOf(
    objectOf({ key: (x, p, o) => (typeof x === 'string' && /^[a-z][a-z0-9_]{0,63}$/.test(x) ? undefined : invalid(o, p)), zh: text(200), en: text(200), form, hours }, true),
    (c) => (isRecord(c) ? c.key : c),
  ),
  entryDeadline: deadline,
  acceptLateEntries: boolean,
  acceptCrossYear: boolean,
  confirmForms: listOf(form),
  lookbackYears: objectOf({ junior: lookback, intermediate: lookback, deputy_senior: lookback, senior: lookback }, true),
};

/** Validates a provincial or regional patch (e.g. from an admin form or a seeded rules file). */
export function validateRulesPatch(input: unknown): { ok: true; value: RulesPatch } | { ok: false; details: RuleIssue[] } {
  const details: RuleIssue[] = [];
  if (!isRecord(input)) return { ok: false, details: [{ path: '', code: 'LEARNING_RULE_INVALID' }] };
  for (const [key, value] of Object.entries(input)) {
    if (Object.hasOwn(FIELD_CHECKS, key)) FIELD_CHECKS[key as keyof ComplianceRules](value, key, details);
    else details.push({ path: key, code: 'LEARNING_RULE_UNKNOWN_FIELD' });
  }
  return details.length === 0 ? { ok: true, value: structuredClone(input) as RulesPatch } : { ok: false, details };
}

// ---------------------------------------------------------------------------------------------
// Record rules. Hours travel as numbers with one decimal but are computed in tenths (integers).

/** Hours → integer tenths of an hour; input beyond one decimal is rounded half up. */
export const toTenths = (h: number): number => Math.round(h * 10);

const DAY_MS = 24 * 60 * 60 * 1000;
// One time zone, no DST: "today" and deadlines follow the China calendar, not the server's clock zone.
const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

function parseDay(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === date ? t / DAY_MS : null;
}

/** Calendar days from startDate to endDate inclusive; at least 1 (malformed spans are checkRecordDates' job). */
export function spanDays(startDate: string, endDate: string): number {
  const start = parseDay(startDate);
  const end = parseDay(endDate);
  return start === null || end === null ? 1 : Math.max(1, end - start + 1);
}

/** Hours a single record credits: its hours, at most dailyCap × days of its span (§3.1 Chengdu, Suqian). */
export function creditedHours(record: { hours: number; startDate: string; endDate: string }, rules: ComplianceRules): number {
  const claimed = toTenths(record.hours);
  if (rules.dailyCap === null) return claimed / 10;
  return Math.min(claimed, toTenths(rules.dailyCap) * spanDays(record.startDate, record.endDate)) / 10;
}

export type DateProblem =
  | 'LEARNING_DATE_INVALID'
  | 'LEARNING_END_BEFORE_START'
  | 'LEARNING_OUTSIDE_YEAR'
  | 'LEARNING_FUTURE_DATE'
  | 'LEARNING_PAST_DEADLINE';

function chinaToday(now: Date): string {
  return new Date(now.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Problems with a record's dates for the year it is entered under; empty when acceptable. */
export function checkRecordDates(record: { year: number; startDate: string; endDate: string }, rules: ComplianceRules, now: Date): DateProblem[] {
  const { year, startDate, endDate } = record;
  if (parseDay(startDate) === null || parseDay(endDate) === null) return ['LEARNING_DATE_INVALID'];
  const problems: DateProblem[] = [];
  if (endDate < startDate) problems.push('LEARNING_END_BEFORE_START');
  const startYear = Number(startDate.slice(0, 4));
  const endYear = Number(endDate.slice(0, 4));
  const within = startYear === year && endYear === year;
  // Cross-year means spanning two calendar years, one of which is the record's year.
  const crossYear = rules.acceptCrossYear && (startYear === year || endYear === year) && Math.abs(endYear - startYear) <= 1;
  if (!within && !crossYear) problems.push('LEARNING_OUTSIDE_YEAR');
  const today = chinaToday(now);
  if ((endDate > startDate ? endDate : startDate) > today) problems.push('LEARNING_FUTURE_DATE');
  const { yearOffset, month, day } = rules.entryDeadline;
  const lastDay = `${year + yearOffset}-${pad2(month)}-${pad2(day)}`;
  if (!rules.acceptLateEntries && today > lastDay) problems.push('LEARNING_PAST_DEADLINE');
  return problems;
}

export type HoursProblem = 'LEARNING_HOURS_INVALID' | 'LEARNING_HOURS_NOT_POSITIVE' | 'LEARNING_HOURS_TOO_MANY' | 'LEARNING_HOURS_PRECISION';

/** A record's claimed hours: more than 0, at most 1000, at most one decimal. */
export function checkHours(hours: number): HoursProblem | null {
  if (!Number.isFinite(hours)) return 'LEARNING_HOURS_INVALID';
  if (hours <= 0) return 'LEARNING_HOURS_NOT_POSITIVE';
  if (hours > MAX_HOURS) return 'LEARNING_HOURS_TOO_MANY';
  if (!oneDecimal(hours)) return 'LEARNING_HOURS_PRECISION';
  return null;
}

/** Timed study → 学时, floored to one decimal so partial tenths are never credited (§3.1 Chengdu, 45 min). */
export function timedMinutesToHours(minutes: number, rules: ComplianceRules): number {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError('timedMinutesToHours expects minutes ≥ 0');
  return Math.floor((minutes * 10) / rules.minutesPerCreditHour) / 10;
}

/** The years whose records a title review in reviewYear checks, oldest first (Hunan 2025: senior → 2020–2024, §3.3). */
export function titleReviewYears(level: LookbackLevel, rules: ComplianceRules, reviewYear: number): number[] {
  const n = rules.lookbackYears[level];
  return Array.from({ length: n }, (_, i) => reviewYear - n + i);
}
