export type PlanStatus = 'draft' | 'published' | 'closed';
export type Programme = 'capability' | 'advanced_seminar' | 'digital_engineer' | 'base';
export type Unit = 'person' | 'tenThousand';

export type Plan = {
  id: string;
  year: number;
  programme: Programme;
  title: string;
  status: PlanStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  nationalPeople: number;
  abilities: { edit: boolean; publish: boolean; close: boolean; reopen: boolean; split: boolean };
};

export type Target = { regionCode: string; field: string; departmentCode: string; people: number };

export type HistoryEntry = { seq: number; at: string; actorName: string; action: string; summary: Record<string, unknown> };

export type Finding = {
  code: string;
  severity: 'error' | 'warning' | 'info';
  row: number | null;
  column: number | null;
  columnHeader: string | null;
  label: string | null;
  expected: number | null;
  found: number | null;
  resolution: string | null;
  message: string;
};

export type RowAction = { kind: 'department'; code: string } | { kind: 'other' } | { kind: 'ignore' } | { kind: 'totals' };
export type ColumnAction = { kind: 'field'; field: string } | { kind: 'ignore' } | { kind: 'subtotal' };

export type ImportBody = {
  format: 'text' | 'xlsx';
  content: string;
  unit?: Unit;
  mapping?: { rows?: Record<string, RowAction>; columns?: Record<string, ColumnAction> };
  acceptMismatches?: boolean;
};

export type ImportResult = {
  dryRun: boolean;
  committed: boolean;
  unit: Unit;
  findings: Finding[];
  errors: number;
  warnings: number;
  rows: { row: number; label: string; role: string; departmentCode: string | null }[];
  columns: { column: number; header: string; role: string; field: string | null }[];
  totals: { people: number; statedPeople: number | null; byField: Record<string, number> };
  targets: { field: string; departmentCode: string; people: number }[];
};

export type Light = 'green' | 'yellow' | 'red' | 'none';
export type DashboardRow = { key: string; name: string; nameEn: string; target: number; actual: number; rate: number | null; light: Light };
export type Dashboard = {
  plan: { id: string; year: number; title: string; status: string };
  region: { code: string; name: string; level: number };
  departmentCode: string | null;
  path: { code: string; name: string }[];
  expectedShare: number;
  totals: DashboardRow;
  byField: DashboardRow[];
  byDepartment: DashboardRow[];
  byRegion: DashboardRow[];
  series: { month: number; actual: number; pace: number }[];
};
export type DashboardTable = 'field' | 'department' | 'region';

export type KeyFigures = { target: number; actual: number; fields: number };
export type Summary = { year: number; submitter: string; figures: KeyFigures; text: string; submittedAt: string; late: boolean; files: { idx: number; fileName: string; sizeBytes: number }[] };
export type OwnSummary = { year: number; submitter: string; kind: string; deadline: string | null; figures: KeyFigures; summary: Summary | null };
export type SummaryStatus = {
  year: number;
  deadline: string | null;
  submitted: number;
  total: number;
  items: { code: string; name: string; kind: string; submitted: boolean; late: boolean; submittedAt: string | null; figures: KeyFigures | null }[];
};
