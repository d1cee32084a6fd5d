import { requireActor, type Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { writeTable } from '../../../platform/files/table-writer.ts';
import { PLAN_FIELDS, PLAN_FIELD_LABELS } from '../../learning/catalogue.ts';
import { resolveDashboardScope } from '../policy.ts';
import { type Light, completionRate, expectedShare, trafficLight } from '../rules.ts';
import { getPlan } from '../service.ts';
import * as repo from './dashboard-repo.ts';

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

function toMap(rows: repo.Grouped[]): Map<string, number> {
  return new Map(rows.map((r) => [r.key, r.people]));
}

function row(key: string, name: string, nameEn: string, target: number, actual: number, expected: number): DashboardRow {
  return { key, name, nameEn, target, actual, rate: completionRate(target, actual), light: trafficLight(target, actual, expected) };
}

/**
 * Plan versus actual for the caller's scope at one region (nation, a province or a city):
 * targets from the plan, actual people from the maintained roll-up (never a recount).
 */
export async function getDashboard(ctx: Ctx, planId: string, request: { regionCode?: string; departmentCode?: string }): Promise<Dashboard> {
  const scope = resolveDashboardScope(requireActor(ctx).grants, request);
  if (!scope) throw new AppError('PLAN_DASHBOARD_OUTSIDE_SCOPE');
  const plan = await getPlan(ctx, planId);
  const path = await repo.listRegionPath(ctx.db, scope.regionCode);
  const region = path[path.length - 1];
  if (!region) throw new AppError('NOT_FOUND');
  const slice: repo.Slice = { regionCode: region.code, level: region.level, departmentCode: scope.departmentCode };
  const expected = expectedShare(plan.year, ctx.now);
  const [fieldTargets, deptTargets, childTargets, sums, children, names] = await Promise.all([
    repo.sumTargets(ctx.db, planId, slice, 'self', 'field'),
    repo.sumTargets(ctx.db, planId, slice, 'self', 'department_code'),
    region.level < 2 ? repo.sumTargets(ctx.db, planId, slice, 'children', 'region_code') : Promise.resolve([]),
    repo.sumProgress(ctx.db, plan.year, slice),
    region.level < 2 ? repo.listChildRegions(ctx.db, region.code) : Promise.resolve([]),
    repo.listDepartmentNames(ctx.db),
  ]);
  const { field: fieldActual, department: deptActual, child: childActual, month: monthly } = sums;
  const ft = toMap(fieldTargets);
  const fa = toMap(fieldActual);
  const byField = PLAN_FIELDS.map((f) => row(f, PLAN_FIELD_LABELS[f].zh, PLAN_FIELD_LABELS[f].en, ft.get(f) ?? 0, fa.get(f) ?? 0, expected));
  const dt = toMap(deptTargets);
  const da = toMap(deptActual);
  const deptKeys = [...new Set([...dt.keys(), ...da.keys()])].sort();
  const byDepartment = deptKeys.map((d) => row(d, names.get(d)?.zh ?? '其他', names.get(d)?.en ?? 'Other', dt.get(d) ?? 0, da.get(d) ?? 0, expected));
  const ct = toMap(childTargets);
  const ca = toMap(childActual);
  const byRegion = children.map((c) => row(c.code, c.name, c.code, ct.get(c.code) ?? 0, ca.get(c.code) ?? 0, expected));
  // Employers registered at the province itself, not in one of its cities.
  const own = region.level === 1 ? (ca.get(region.code) ?? 0) : 0;
  if (own > 0) byRegion.push(row(region.code, `${region.name}（省本级）`, `${region.code} (province level)`, 0, own, expected));
  const target = byField.reduce((s, r) => s + r.target, 0);
  const actual = byField.reduce((s, r) => s + r.actual, 0);
  const perMonth = toMap(monthly);
  let cumulative = 0;
  const series = Array.from({ length: 12 }, (_, i) => {
    cumulative += perMonth.get(String(i + 1)) ?? 0;
    return { month: i + 1, actual: cumulative, pace: Math.round((target * (i + 1)) / 12) };
  });
  return {
    plan: { id: plan.id, year: plan.year, title: plan.title, status: plan.status },
    region: { code: region.code, name: region.name, level: region.level },
    departmentCode: scope.departmentCode,
    path: path.map((p) => ({ code: p.code, name: p.name })),
    expectedShare: Math.round(expected * 1000) / 1000,
    totals: row('total', '合计', 'Total', target, actual, expected),
    byField,
    byDepartment,
    byRegion,
    series,
  };
}

export type ExportTable = 'field' | 'department' | 'region';

const LIGHT_LABELS: Record<Light, string> = { green: '绿 green', yellow: '黄 yellow', red: '红 red', none: '—' };

/** The table the page shows, as Excel, in the unit the page shows (人 or 万人). */
export async function exportDashboard(ctx: Ctx, planId: string, request: { regionCode?: string; departmentCode?: string }, table: ExportTable, unit: 'person' | 'tenThousand') {
  const d = await getDashboard(ctx, planId, request);
  const rows = table === 'field' ? d.byField : table === 'department' ? d.byDepartment : d.byRegion;
  const divisor = unit === 'tenThousand' ? 10_000 : 1;
  const unitLabel = unit === 'tenThousand' ? '万人' : '人';
  const headers = [
    table === 'field' ? '领域 Field' : table === 'department' ? '部门 Department' : '地区 Region',
    `目标 Target (${unitLabel})`, `完成 Actual (${unitLabel})`, '完成率 Rate (%)', '状态 Status',
  ];
  const fmt = (n: number) => (divisor === 1 ? n : Math.round((n / divisor) * 10_000) / 10_000);
  const body = [...rows, d.totals].map((r) => [r.name, fmt(r.target), fmt(r.actual), r.rate ?? '', LIGHT_LABELS[r.light]]);
  return writeTable('xlsx', headers, body, `${d.plan.year} ${d.region.name}`.slice(0, 31));
}
