// One reported row: columns, parsing and the problems it can have. Pure: no I/O, `now` passed in.
import type { ColumnSpec } from '../../../platform/files/table-file.ts';
import type { ErrorDetail } from '../../../platform/http/errors.ts';
// The registry's citizen-ID rules are pure; the registry's index does not re-export them yet.
import { maskIdNumber, parseCitizenId } from '../../registry/public-rules.ts';
import {
  CATEGORIES, CATEGORY_LABELS, type Category, LEARNING_FORMS, LEARNING_FORM_LABELS, type LearningForm, PLAN_FIELDS, PLAN_FIELD_LABELS,
  type PlanField, parseLabel,
} from '../catalogue.ts';
import { checkHours } from '../rules.ts';

/** Rows per batch (JSON or file): larger deliveries are split by the provider. */
export const MAX_REPORT_ROWS = 10_000;

export type ReportField = 'idNumber' | 'name' | 'year' | 'category' | 'form' | 'hours' | 'startDate' | 'endDate' | 'title' | 'field' | 'providerRecordId';

/** The columns of a report, by Chinese or English header (files) or by key (JSON). */
export const REPORT_COLUMNS: readonly ColumnSpec<ReportField>[] = [
  { key: 'idNumber', zh: '身份证号码', en: 'ID number', required: true, example: '11010519491231002X' },
  { key: 'name', zh: '姓名', en: 'Name', required: true, example: '张三' },
  { key: 'year', zh: '年度', en: 'Year', required: true, example: '2026' },
  { key: 'category', zh: '科目类别', en: 'Category', required: true, example: '专业科目' },
  { key: 'form', zh: '学习形式', en: 'Form', required: true, example: '培训班' },
  { key: 'hours', zh: '学时', en: 'Hours', required: true, example: '24' },
  { key: 'startDate', zh: '开始日期', en: 'Start date', required: true, example: '2026-03-01' },
  { key: 'endDate', zh: '结束日期', en: 'End date', required: true, example: '2026-03-04' },
  { key: 'title', zh: '课程名称', en: 'Course title', required: true, example: '数字技术应用研修班' },
  { key: 'field', zh: '领域', en: 'Field', required: true, example: '数字技术' },
  { key: 'providerRecordId', zh: '机构记录编号', en: 'Provider record id', required: true, example: 'PX-2026-000123' },
];

export const REPORT_FIELDS: readonly ReportField[] = REPORT_COLUMNS.map((c) => c.key);

export type RawReportRow = Partial<Record<ReportField, string>>;

export type ReportRow = {
  idNumber: string;
  name: string;
  year: number;
  category: Category;
  form: LearningForm;
  hours: number;
  startDate: string;
  endDate: string;
  title: string;
  field: PlanField;
  providerRecordId: string;
};

/** A problem of one row; `column` is the field's key ('hours'), the same for JSON and files. */
export type RowProblem = Omit<ErrorDetail, 'row'> & { column: ReportField };

const MAX_LENGTH: Partial<Record<ReportField, number>> = { name: 50, title: 200, providerRecordId: 100 };

/** '2026-3-1', '2026/03/01' → '2026-03-01'; anything else is returned as typed (and fails later). */
export function normaliseDate(value: string): string {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  return m ? `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}` : value;
}

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === value;
}

/** Names match regardless of spaces and of how the middle dot of a transcribed name is typed. */
export function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').replace(/[·•・.‧]/g, '·');
  return norm(a) === norm(b);
}

/** Memoise a pure function of one string: a batch repeats its labels and dates over thousands of rows. */
function memo<T>(fn: (v: string) => T, max = 10_000): (v: string) => T {
  const cache = new Map<string, T>();
  return (v) => {
    if (cache.has(v)) return cache.get(v) as T;
    const result = fn(v);
    if (cache.size < max) cache.set(v, result);
    return result;
  };
}

const trimmed = (raw: RawReportRow, f: ReportField) => (raw[f] ?? '').trim();

/**
 * A parser for the rows of one batch: each row's shape and the rules that need no database
 * (hours); the dates follow under the person's own rules. Labels and dates are looked up once
 * per distinct value.
 */
export function createReportRowParser(now: Date): (raw: RawReportRow) => { ok: true; value: ReportRow } | { ok: false; problems: RowProblem[] } {
  const category = memo((v) => parseLabel(v, CATEGORIES, CATEGORY_LABELS));
  const form = memo((v) => parseLabel(v, LEARNING_FORMS, LEARNING_FORM_LABELS));
  const field = memo((v) => parseLabel(v, PLAN_FIELDS, PLAN_FIELD_LABELS));
  const date = memo((v) => {
    const normalised = normaliseDate(v);
    return isRealDate(normalised) ? normalised : null;
  });
  return (raw) => {
    const v = {} as Record<ReportField, string>;
    const problems: RowProblem[] = [];
    for (const f of REPORT_FIELDS) {
      v[f] = trimmed(raw, f);
      if (v[f] === '') problems.push({ column: f, code: 'FIELD_REQUIRED', params: { column: f } });
      else if (v[f].length > (MAX_LENGTH[f] ?? 100)) problems.push({ column: f, code: 'FIELD_INVALID', params: { column: f } });
    }
    if (problems.length) return { ok: false, problems };
    const id = parseCitizenId(v.idNumber, now);
    // Even a wrong ID number is personal data: it is echoed masked.
    if (!id.ok) problems.push({ column: 'idNumber', code: id.reason, value: maskIdNumber(v.idNumber) });
    const year = /^\d{4}$/.test(v.year) ? Number(v.year) : NaN;
    if (!(year >= 1990 && year <= 2100)) problems.push({ column: 'year', code: 'FIELD_INVALID', value: v.year, params: { column: 'year' } });
    const keys = { category: category(v.category), form: form(v.form), field: field(v.field) };
    for (const column of ['category', 'form', 'field'] as const) {
      if (!keys[column]) problems.push({ column, code: 'LEARNING_REPORT_VALUE_UNKNOWN', value: v[column].slice(0, 100), params: { column } });
    }
    const hours = /^\d+(\.\d+)?$/.test(v.hours) ? Number(v.hours) : NaN;
    const hoursProblem = checkHours(hours);
    if (hoursProblem) problems.push({ column: 'hours', code: hoursProblem, value: v.hours });
    const startDate = date(v.startDate);
    const endDate = date(v.endDate);
    if (!startDate) problems.push({ column: 'startDate', code: 'LEARNING_DATE_INVALID', value: v.startDate });
    if (!endDate) problems.push({ column: 'endDate', code: 'LEARNING_DATE_INVALID', value: v.endDate });
    if (problems.length || !id.ok || !keys.category || !keys.form || !keys.field || !startDate || !endDate) return { ok: false, problems };
    return {
      ok: true,
      value: { idNumber: id.idNumber, name: v.name, year, category: keys.category, form: keys.form, hours, startDate, endDate, title: v.title, field: keys.field, providerRecordId: v.providerRecordId },
    };
  };
}

/** The column a date problem from `checkRecordDates` belongs to. */
export function dateProblemColumn(code: string): ReportField {
  return code === 'LEARNING_OUTSIDE_YEAR' || code === 'LEARNING_PAST_DEADLINE' ? 'year' : 'endDate';
}

/** Problems of a batch, each at a row; counts every problem and every rejected row. */
export class ReportIssues {
  readonly details: ErrorDetail[] = [];
  readonly rejectedRows = new Set<number>();

  add(row: number, problems: RowProblem[]): void {
    for (const p of problems) this.details.push({ row, ...p });
    if (problems.length) this.rejectedRows.add(row);
  }

  /** Ordered by row, then in the order found within a row. */
  sorted(): ErrorDetail[] {
    return [...this.details].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  }
}
