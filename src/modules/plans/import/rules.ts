// Pure checks of a plan matrix (fields × departments) read from a tab-separated text or a sheet.
// No I/O: the caller passes the rows as read, the department catalogue and the administrator's
// decisions, and gets back findings, the targets that would be stored and the totals computed.
import { PLAN_FIELDS, PLAN_FIELD_LABELS, type PlanField } from '../../learning/catalogue.ts';

/** Units a table may be written in; figures are stored as whole people. */
export type PlanUnit = 'person' | 'tenThousand';
export const UNIT_PEOPLE: Record<PlanUnit, number> = { person: 1, tenThousand: 10_000 };

/** One row as the user sees it: its line (text) or row number (sheet), cells left to right. */
export type SourceRow = { line: number; cells: string[] };

export type DepartmentRef = { code: string; name: string; shortName: string };

/** What the administrator decided for a row label that is not a department, or a column. */
export type RowAction = { kind: 'department'; code: string } | { kind: 'other' } | { kind: 'ignore' } | { kind: 'totals' };
export type ColumnAction = { kind: 'field'; field: PlanField } | { kind: 'ignore' } | { kind: 'subtotal' };
export type ImportMapping = { rows?: Record<string, RowAction>; columns?: Record<string, ColumnAction> };

export type FindingCode =
  | 'PLAN_IMPORT_NO_HEADER'
  | 'PLAN_IMPORT_ROW_SUM'
  | 'PLAN_IMPORT_COLUMN_SUM'
  | 'PLAN_IMPORT_UNKNOWN_ROW'
  | 'PLAN_IMPORT_EMPTY_ROW'
  | 'PLAN_IMPORT_UNKNOWN_COLUMN'
  | 'PLAN_IMPORT_BAD_NUMBER'
  | 'PLAN_IMPORT_TOTALS_ROW'
  | 'PLAN_IMPORT_NO_TOTALS_ROW'
  | 'PLAN_IMPORT_DUPLICATE_ROW'
  | 'PLAN_IMPORT_UNKNOWN_DEPARTMENT';

/**
 * error: must be resolved (by a mapping) before a commit; warning: the figures disagree and the
 * administrator must accept them explicitly; info: reported, nothing to decide.
 */
export type Severity = 'error' | 'warning' | 'info';

export type Finding = {
  code: FindingCode;
  severity: Severity;
  /** Line (text) or row number (sheet) as the user sees it; null for the table as a whole. */
  row: number | null;
  /** Column number (1 = the label column) and its header. */
  column: number | null;
  columnHeader: string | null;
  label: string | null;
  /** People (whole persons); null when the finding is not about a figure. */
  expected: number | null;
  found: number | null;
  /** The administrator's decision that settles this finding, if any. */
  resolution: string | null;
};

export type ColumnRole = { index: number; header: string; role: 'field' | 'subtotal' | 'ignore' | 'unknown'; field: PlanField | null };
export type RowRole = {
  line: number;
  label: string;
  role: 'department' | 'other' | 'totals' | 'ignore' | 'unknown';
  departmentCode: string | null;
  /** People per column index (null: empty cell). */
  values: (number | null)[];
};

export type TargetCell = { field: PlanField; departmentCode: string; people: number };

export type Analysis = {
  unit: PlanUnit;
  headerLine: number | null;
  columns: ColumnRole[];
  rows: RowRole[];
  findings: Finding[];
  /** What a commit stores: people per field × department ('' = 其他 / not a department). */
  targets: TargetCell[];
  totals: { byField: Record<PlanField, number>; people: number; statedPeople: number | null };
  errors: number;
  warnings: number;
};

const TOTAL_LABELS = new Set(['合计', '总计', '总合计', '全国合计', 'total', 'totals']);
// Words that stand in the corner cell of such a table (领域 across, 涉及部门 down): a row carrying
// one of them and figures is a candidate for the totals row whose label was lost.
const CORNER_LABELS = new Set(['涉及部门', '部门', '主管部门', '行业主管部门', '领域', 'department', 'departments']);
const SUBTOTAL_HEADERS = new Set(['小计', '合计', '总计', 'subtotal', 'total']);

/** Remove blanks, full-width brackets and case so that labels compare as people read them. */
export function normaliseLabel(text: string): string {
  return text.replace(/（/g, '(').replace(/）/g, ')').replace(/[\s\u3000]/g, '').toLowerCase();
}

/** The tab-separated text form: rows are lines with a tab; a line "单位：万人" sets the unit. */
export function parseTabText(text: string): { rows: SourceRow[]; unit: PlanUnit | null } {
  const rows: SourceRow[] = [];
  let unit: PlanUnit | null = null;
  text.split(/\r?\n/).forEach((raw, index) => {
    const unitMatch = /单位[:：]\s*(万人|人)/.exec(raw);
    if (unitMatch && !raw.includes('\t')) unit = unitMatch[1] === '万人' ? 'tenThousand' : 'person';
    if (raw.includes('\t')) rows.push({ line: index + 1, cells: raw.split('\t').map((c) => c.trim()) });
  });
  return { rows, unit };
}

/** Unit named in the rows above a sheet's header ("单位：万人"), if any. */
export function findUnit(rows: SourceRow[]): PlanUnit | null {
  for (const row of rows) {
    const match = /单位[:：]\s*(万人|人)/.exec(row.cells.join(' '));
    if (match) return match[1] === '万人' ? 'tenThousand' : 'person';
  }
  return null;
}

/**
 * A figure as whole people, exactly (decimal arithmetic on the digits, never floats):
 * '5.1' 万人 → 51,000. Empty, '-' and '—' are empty cells. Finer than one person → error.
 */
export function parsePeople(text: string, unit: PlanUnit): number | null | 'invalid' {
  let t = text.replace(/[\s,，]/g, '');
  if (t === '' || t === '-' || t === '—' || t === '/') return null;
  // Excel may hand over 0.30000000000000004 for a typed 0.3.
  if (/^\d+\.\d{7,}$/.test(t)) t = String(Number(Number(t).toFixed(6)));
  const match = /^(\d+)(?:\.(\d+))?$/.exec(t);
  if (!match) return 'invalid';
  const [, whole = '0', fraction = ''] = match;
  const scale = unit === 'tenThousand' ? 4 : 0;
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > scale) return 'invalid';
  return Number(whole + trimmed.padEnd(scale, '0'));
}

/** Decimal places written in a figure: the precision the table claims for it. */
function decimals(text: string): number {
  const match = /\.(\d+)$/.exec(text.replace(/[\s,，]/g, ''));
  return match?.[1]?.length ?? 0;
}

/**
 * The 万人 rounding: a stated figure with d decimals stands for everything that rounds to it, so
 * a computed sum agrees when it lies less than half a unit of its last place away.
 */
export function agreesWithStated(computed: number, stated: number, statedText: string, unit: PlanUnit): boolean {
  const placeUnit = UNIT_PEOPLE[unit] / 10 ** decimals(statedText);
  return Math.abs(computed - stated) * 2 < Math.max(placeUnit, 1);
}

function matchField(header: string): PlanField | null {
  const h = normaliseLabel(header);
  return PLAN_FIELDS.find((f) => [f, PLAN_FIELD_LABELS[f].zh, PLAN_FIELD_LABELS[f].en].some((n) => normaliseLabel(n) === h)) ?? null;
}

/** The header is the row naming the most fields (at least one). */
function findHeader(rows: SourceRow[]): number {
  let best = -1;
  let bestCount = 0;
  rows.forEach((r, i) => {
    const count = r.cells.filter((c) => matchField(c) !== null).length;
    if (count > bestCount) [best, bestCount] = [i, count];
  });
  return best;
}

export type AnalyseInput = { rows: SourceRow[]; unit: PlanUnit; departments: DepartmentRef[]; mapping?: ImportMapping };

/** Read, classify and check a plan matrix. The caller stores `targets` only when `errors` is 0. */
export function analysePlanTable(input: AnalyseInput): Analysis {
  const { unit, departments } = input;
  const mapping = input.mapping ?? {};
  const findings: Finding[] = [];
  const headerIndex = findHeader(input.rows);
  if (headerIndex < 0) {
    findings.push(finding('PLAN_IMPORT_NO_HEADER', 'error', { row: input.rows[0]?.line ?? null }));
    return summarise(unit, null, [], [], findings, departments);
  }
  const headerRow = input.rows[headerIndex] as SourceRow;
  const columns = classifyColumns(headerRow, mapping, findings);
  const dataRows = input.rows.slice(headerIndex + 1).filter((r) => r.cells.some((c) => c !== ''));
  const parsed = dataRows.map((r) => parseRow(r, columns, unit, findings));
  const rows = classifyRows(parsed, dataRows, columns, departments, mapping, findings);
  checkSums(rows, dataRows, columns, unit, findings);
  return summarise(unit, headerRow.line, columns, rows, findings, departments);
}

function classifyColumns(header: SourceRow, mapping: ImportMapping, findings: Finding[]): ColumnRole[] {
  const columns: ColumnRole[] = [];
  header.cells.forEach((text, index) => {
    if (index === 0) return;
    const action = mapping.columns?.[text];
    const field = matchField(text);
    if (action) {
      const role = action.kind === 'field' ? 'field' : action.kind;
      columns.push({ index, header: text, role, field: action.kind === 'field' ? action.field : null });
    } else if (field) columns.push({ index, header: text, role: 'field', field });
    else if (SUBTOTAL_HEADERS.has(normaliseLabel(text))) columns.push({ index, header: text, role: 'subtotal', field: null });
    else if (text === '') columns.push({ index, header: text, role: 'ignore', field: null });
    else columns.push({ index, header: text, role: 'unknown', field: null });
  });
  const seen = new Set<PlanField>();
  for (const c of columns) {
    if (c.field && seen.has(c.field)) c.role = 'unknown';
    if (c.field) seen.add(c.field);
    if (!mapping.columns?.[c.header] && c.role === 'unknown') {
      findings.push(finding('PLAN_IMPORT_UNKNOWN_COLUMN', 'error', { row: header.line, column: c.index + 1, columnHeader: c.header }));
    } else if (mapping.columns?.[c.header] && !matchField(c.header) && !SUBTOTAL_HEADERS.has(normaliseLabel(c.header))) {
      findings.push(finding('PLAN_IMPORT_UNKNOWN_COLUMN', 'info', { row: header.line, column: c.index + 1, columnHeader: c.header, resolution: describeColumnAction(mapping.columns[c.header] as ColumnAction) }));
    }
  }
  return columns;
}

function parseRow(row: SourceRow, columns: ColumnRole[], unit: PlanUnit, findings: Finding[]): (number | null)[] {
  const values: (number | null)[] = [];
  for (const c of columns) {
    const text = row.cells[c.index] ?? '';
    const value = parsePeople(text, unit);
    if (value === 'invalid') {
      if (c.role !== 'ignore') {
        findings.push(finding('PLAN_IMPORT_BAD_NUMBER', 'error', { row: row.line, column: c.index + 1, columnHeader: c.header, label: row.cells[0] ?? '' }));
      }
      values[c.index] = null;
    } else values[c.index] = value;
  }
  return values;
}

function matchDepartment(label: string, departments: DepartmentRef[]): DepartmentRef | null {
  const l = normaliseLabel(label);
  return departments.find((d) => [d.code, d.name, d.shortName].some((n) => normaliseLabel(n) === l)) ?? null;
}

function figureSum(values: (number | null)[], columns: ColumnRole[]): number {
  return columns.filter((c) => c.role === 'field' || c.role === 'unknown').reduce((s, c) => s + (values[c.index] ?? 0), 0);
}

function hasFigures(values: (number | null)[], columns: ColumnRole[]): boolean {
  return columns.some((c) => c.role !== 'ignore' && values[c.index] !== null && values[c.index] !== undefined);
}

/**
 * The totals row: a row the administrator marked, else among the rows labelled 合计/总计 or
 * with a corner word (涉及部门), the one whose figures best equal the sum of all other rows.
 */
function pickTotalsRow(parsed: (number | null)[][], labels: string[], columns: ColumnRole[], mapping: ImportMapping): number {
  const marked = labels.findIndex((l) => mapping.rows?.[l]?.kind === 'totals');
  if (marked >= 0) return marked;
  const candidates = labels
    .map((l, i) => ({ i, l: normaliseLabel(l) }))
    .filter(({ l, i }) => (TOTAL_LABELS.has(l) || CORNER_LABELS.has(l)) && !mapping.rows?.[labels[i] ?? ''] && hasFigures(parsed[i] ?? [], columns));
  let best = -1;
  let bestScore = -1;
  for (const { i } of candidates) {
    const row = parsed[i] ?? [];
    let score = 0;
    for (const c of columns) {
      if (c.role === 'ignore') continue;
      const others = parsed.reduce((s, r, j) => (j === i ? s : s + (r[c.index] ?? 0)), 0);
      if ((row[c.index] ?? 0) === others) score += 1;
    }
    if (score > bestScore) [best, bestScore] = [i, score];
  }
  return best;
}

function classifyRows(
  parsed: (number | null)[][],
  source: SourceRow[],
  columns: ColumnRole[],
  departments: DepartmentRef[],
  mapping: ImportMapping,
  findings: Finding[],
): RowRole[] {
  const labels = source.map((r) => r.cells[0] ?? '');
  const totalsIndex = pickTotalsRow(parsed, labels, columns, mapping);
  const seen = new Map<string, number>();
  return source.map((r, i) => {
    const label = labels[i] ?? '';
    const values = parsed[i] ?? [];
    const action = mapping.rows?.[label];
    const base = { line: r.line, label, values, departmentCode: null as string | null };
    if (i === totalsIndex) {
      if (!TOTAL_LABELS.has(normaliseLabel(label))) findings.push(finding('PLAN_IMPORT_TOTALS_ROW', 'info', { row: r.line, label }));
      return { ...base, role: 'totals' };
    }
    const department = matchDepartment(label, departments);
    const filled = hasFigures(values, columns);
    let row: RowRole;
    if (action) row = resolveRow(base, action, filled, departments, findings);
    else if (department) row = { ...base, role: 'department', departmentCode: department.code };
    else {
      // A label that is not a department: with figures it must be decided; without, it is noise.
      findings.push(finding('PLAN_IMPORT_UNKNOWN_ROW', filled ? 'error' : 'info', { row: r.line, label, found: filled ? figureSum(values, columns) : null }));
      row = { ...base, role: filled ? 'unknown' : 'ignore' };
    }
    if (department && !action && !filled) findings.push(finding('PLAN_IMPORT_EMPTY_ROW', 'info', { row: r.line, label }));
    if (row.role === 'department' && row.departmentCode && !action) {
      const earlier = seen.get(row.departmentCode);
      if (earlier !== undefined) findings.push(finding('PLAN_IMPORT_DUPLICATE_ROW', 'warning', { row: r.line, label, expected: null, found: earlier }));
      seen.set(row.departmentCode, r.line);
    }
    return row;
  });
}

function resolveRow(
  base: Omit<RowRole, 'role'>,
  action: RowAction,
  filled: boolean,
  departments: DepartmentRef[],
  findings: Finding[],
): RowRole {
  const isDepartment = matchDepartment(base.label, departments) !== null;
  if (action.kind === 'department' && !departments.some((d) => d.code === action.code)) {
    findings.push(finding('PLAN_IMPORT_UNKNOWN_DEPARTMENT', 'error', { row: base.line, label: base.label, resolution: action.code }));
    return { ...base, role: 'unknown' };
  }
  if (!isDepartment) {
    findings.push(finding('PLAN_IMPORT_UNKNOWN_ROW', 'info', { row: base.line, label: base.label, resolution: describeRowAction(action), found: filled ? sumValues(base.values) : null }));
  }
  if (action.kind === 'department') return { ...base, role: 'department', departmentCode: action.code };
  if (action.kind === 'other') return { ...base, role: 'other', departmentCode: '' };
  return { ...base, role: action.kind };
}

function sumValues(values: (number | null)[]): number {
  return values.reduce<number>((s, v) => s + (v ?? 0), 0);
}

function checkSums(rows: RowRole[], source: SourceRow[], columns: ColumnRole[], unit: PlanUnit, findings: Finding[]): void {
  const subtotal = columns.find((c) => c.role === 'subtotal');
  rows.forEach((row, i) => {
    if (!subtotal || row.role === 'ignore' || row.role === 'totals') return;
    const stated = row.values[subtotal.index];
    const computed = figureSum(row.values, columns);
    if (stated === null || stated === undefined) return;
    const text = source[i]?.cells[subtotal.index] ?? '';
    if (!agreesWithStated(computed, stated, text, unit)) {
      findings.push(finding('PLAN_IMPORT_ROW_SUM', 'warning', { row: row.line, column: subtotal.index + 1, columnHeader: subtotal.header, label: row.label, expected: stated, found: computed }));
    }
  });
  const totalsIndex = rows.findIndex((r) => r.role === 'totals');
  const totals = rows[totalsIndex];
  if (!totals) {
    findings.push(finding('PLAN_IMPORT_NO_TOTALS_ROW', 'info', {}));
    return;
  }
  for (const c of columns) {
    if (c.role === 'ignore') continue;
    const stated = totals.values[c.index];
    const computed = rows.reduce((s, r) => (r.role === 'totals' || r.role === 'ignore' ? s : s + (r.values[c.index] ?? 0)), 0);
    if (stated === null || stated === undefined) {
      if (computed === 0) continue;
    }
    const text = source[totalsIndex]?.cells[c.index] ?? '';
    if (!agreesWithStated(computed, stated ?? 0, text, unit)) {
      findings.push(finding('PLAN_IMPORT_COLUMN_SUM', 'warning', { row: totals.line, column: c.index + 1, columnHeader: c.header, label: totals.label, expected: stated ?? 0, found: computed }));
    }
  }
}

function summarise(unit: PlanUnit, headerLine: number | null, columns: ColumnRole[], rows: RowRole[], findings: Finding[], _d: DepartmentRef[]): Analysis {
  const byField = Object.fromEntries(PLAN_FIELDS.map((f) => [f, 0])) as Record<PlanField, number>;
  const cells = new Map<string, TargetCell>();
  for (const row of rows) {
    if (row.role !== 'department' && row.role !== 'other') continue;
    for (const c of columns) {
      const value = row.values[c.index];
      if (c.role !== 'field' || !c.field || !value) continue;
      byField[c.field] += value;
      const key = `${c.field}|${row.departmentCode ?? ''}`;
      const cell = cells.get(key) ?? { field: c.field, departmentCode: row.departmentCode ?? '', people: 0 };
      cell.people += value;
      cells.set(key, cell);
    }
  }
  const totalsRow = rows.find((r) => r.role === 'totals');
  const subtotal = columns.find((c) => c.role === 'subtotal');
  const stated = totalsRow && subtotal ? (totalsRow.values[subtotal.index] ?? null) : null;
  findings.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return {
    unit,
    headerLine,
    columns,
    rows,
    findings,
    targets: [...cells.values()],
    totals: { byField, people: Object.values(byField).reduce((s, v) => s + v, 0), statedPeople: stated },
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}

function describeRowAction(action: RowAction): string {
  return action.kind === 'department' ? `department:${action.code}` : action.kind;
}

function describeColumnAction(action: ColumnAction): string {
  return action.kind === 'field' ? `field:${action.field}` : action.kind;
}

function finding(code: FindingCode, severity: Severity, at: Partial<Omit<Finding, 'code' | 'severity'>>): Finding {
  return { code, severity, row: null, column: null, columnHeader: null, label: null, expected: null, found: null, resolution: null, ...at };
}
