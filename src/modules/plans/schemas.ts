import { Type } from 'typebox';
import { DateTime, RegionCode, Uuid } from '../../platform/http/schemas.ts';
import { PLAN_FIELDS } from '../learning/catalogue.ts';
import { PLAN_STATUSES, PROGRAMMES } from './rules.ts';

const lit = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

export const PlanYear = Type.Integer({ minimum: 2000, maximum: 2100 });
export const Field = lit(PLAN_FIELDS);
export const Programme = lit(PROGRAMMES);
export const PlanStatus = lit(PLAN_STATUSES);
/** '' is 其他 (figures the table gave no department). */
export const DepartmentCode = Type.String({ pattern: '^([a-z]+)?$', maxLength: 30 });
export const People = Type.Integer({ minimum: 0, maximum: 100_000_000 });

export const PlanBody = Type.Object({ year: PlanYear, programme: Programme, title: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
export const PlanStatusBody = Type.Object({ status: PlanStatus, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const Abilities = Type.Object({ edit: Type.Boolean(), publish: Type.Boolean(), close: Type.Boolean(), reopen: Type.Boolean(), split: Type.Boolean() });

export const PlanResponse = Type.Object({
  id: Type.String(),
  year: Type.Integer(),
  programme: Type.String(),
  title: Type.String(),
  status: Type.String(),
  version: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
  nationalPeople: Type.Integer(),
  abilities: Abilities,
});
export const PlanList = Type.Object({ items: Type.Array(PlanResponse) });
export const PlansQuery = Type.Object({ year: Type.Optional(PlanYear) }, { additionalProperties: false });

export const Target = Type.Object({ regionCode: Type.String(), field: Type.String(), departmentCode: Type.String(), people: Type.Integer() });
export const TargetsQuery = Type.Object({ regionCode: Type.Optional(RegionCode) }, { additionalProperties: false });
export const TargetList = Type.Object({ items: Type.Array(Target) });

export const History = Type.Object({
  items: Type.Array(Type.Object({ seq: Type.Integer(), at: DateTime, actorName: Type.String(), action: Type.String(), summary: Type.Record(Type.String(), Type.Unknown()) })),
});

const RowAction = Type.Union([
  Type.Object({ kind: Type.Literal('department'), code: Type.String({ pattern: '^[a-z]+$', maxLength: 30 }) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Union([Type.Literal('other'), Type.Literal('ignore'), Type.Literal('totals')]) }, { additionalProperties: false }),
]);
const ColumnAction = Type.Union([
  Type.Object({ kind: Type.Literal('field'), field: Field }, { additionalProperties: false }),
  Type.Object({ kind: Type.Union([Type.Literal('ignore'), Type.Literal('subtotal')]) }, { additionalProperties: false }),
]);

export const ImportBody = Type.Object({
  /** 'text': the tab-separated form as pasted or saved; 'xlsx': the workbook in base64. */
  format: Type.Union([Type.Literal('text'), Type.Literal('xlsx')]),
  content: Type.String({ minLength: 1, maxLength: 4_000_000 }),
  /** Unit of the figures; by default what the table says ("单位：万人"), else 万人. */
  unit: Type.Optional(Type.Union([Type.Literal('person'), Type.Literal('tenThousand')])),
  mapping: Type.Optional(Type.Object({
    rows: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), RowAction, { maxProperties: 200 })),
    columns: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), ColumnAction, { maxProperties: 50 })),
  }, { additionalProperties: false })),
  /** The administrator has seen the sums that disagree and saves the cells as they are. */
  acceptMismatches: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export const ImportQuery = Type.Object({ dryRun: Type.Boolean({ default: false }) }, { additionalProperties: false });

const Finding = Type.Object({
  code: Type.String(),
  severity: Type.String(),
  row: Type.Union([Type.Integer(), Type.Null()]),
  column: Type.Union([Type.Integer(), Type.Null()]),
  columnHeader: Type.Union([Type.String(), Type.Null()]),
  label: Type.Union([Type.String(), Type.Null()]),
  expected: Type.Union([Type.Integer(), Type.Null()]),
  found: Type.Union([Type.Integer(), Type.Null()]),
  resolution: Type.Union([Type.String(), Type.Null()]),
  message: Type.String(),
});

export const ImportResponse = Type.Object({
  dryRun: Type.Boolean(),
  committed: Type.Boolean(),
  unit: Type.String(),
  findings: Type.Array(Finding),
  errors: Type.Integer(),
  warnings: Type.Integer(),
  rows: Type.Array(Type.Object({ row: Type.Integer(), label: Type.String(), role: Type.String(), departmentCode: Type.Union([Type.String(), Type.Null()]) })),
  columns: Type.Array(Type.Object({ column: Type.Integer(), header: Type.String(), role: Type.String(), field: Type.Union([Type.String(), Type.Null()]) })),
  totals: Type.Object({ people: Type.Integer(), statedPeople: Type.Union([Type.Integer(), Type.Null()]), byField: Type.Record(Type.String(), Type.Integer()) }),
  targets: Type.Array(Type.Object({ field: Type.String(), departmentCode: Type.String(), people: Type.Integer() })),
});

export const SplitBody = Type.Object({
  parentRegion: RegionCode,
  version: Type.Integer({ minimum: 1 }),
  parts: Type.Array(Type.Object({ field: Field, departmentCode: DepartmentCode, regionCode: RegionCode, people: People }, { additionalProperties: false }), { maxItems: 20_000 }),
}, { additionalProperties: false });
export const SplitResponse = Type.Object({ parentRegion: Type.String(), replaced: Type.Integer(), stored: Type.Integer() });

export const PlanIdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const DashboardQuery = Type.Object({
  regionCode: Type.Optional(RegionCode),
  departmentCode: Type.Optional(Type.String({ pattern: '^[a-z]*$', maxLength: 30 })),
}, { additionalProperties: false });
export const DashboardExportQuery = Type.Object({
  regionCode: Type.Optional(RegionCode),
  departmentCode: Type.Optional(Type.String({ pattern: '^[a-z]*$', maxLength: 30 })),
  table: Type.Union([Type.Literal('field'), Type.Literal('department'), Type.Literal('region')], { default: 'field' }),
  unit: Type.Union([Type.Literal('person'), Type.Literal('tenThousand')], { default: 'person' }),
}, { additionalProperties: false });

const DashboardRow = Type.Object({
  key: Type.String(), name: Type.String(), nameEn: Type.String(), target: Type.Integer(), actual: Type.Integer(),
  rate: Type.Union([Type.Number(), Type.Null()]), light: Type.String(),
});
export const DashboardResponse = Type.Object({
  plan: Type.Object({ id: Type.String(), year: Type.Integer(), title: Type.String(), status: Type.String() }),
  region: Type.Object({ code: Type.String(), name: Type.String(), level: Type.Integer() }),
  departmentCode: Type.Union([Type.String(), Type.Null()]),
  path: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  expectedShare: Type.Number(),
  totals: DashboardRow,
  byField: Type.Array(DashboardRow),
  byDepartment: Type.Array(DashboardRow),
  byRegion: Type.Array(DashboardRow),
  series: Type.Array(Type.Object({ month: Type.Integer(), actual: Type.Integer(), pace: Type.Integer() })),
});
