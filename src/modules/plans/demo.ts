import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../../platform/context.ts';
import { PROJECT_ROOT } from '../../platform/paths.ts';
import { importPlanTable } from './import/service.ts';
import type { PlanField } from '../learning/catalogue.ts';
import { createPlan, setPlanStatus, splitTargets } from './service.ts';

// Read from the source tree: the server also runs from a bundle in dist/.
const SEED_TABLE = path.join(PROJECT_ROOT, 'src/modules/plans/data/plan-2023.txt');
const DEMO_YEAR = 2025;

/** Split `total` over `parts` as evenly as whole people allow (the first parts take the remainder). */
function splitEvenly(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => base + (i < total - base * parts ? 1 : 0));
}

/**
 * A demo plan for 2025 (the year of the demo's learning records), built from the seed's 2023
 * table through the real import (合计 → 其他, mismatches accepted), published, and split evenly
 * to the provinces so that the dashboard and the map have figures. Loaded once.
 */
export async function loadDemoPlans(ctx: Ctx): Promise<string | null> {
  const existing = await ctx.db.query('SELECT 1 FROM plans LIMIT 1');
  if (existing.length) return null;
  const plan = await createPlan(ctx, { year: DEMO_YEAR, programme: 'capability', title: `${DEMO_YEAR}年专业技术人员能力提升项目计划（演示：按2023年计划表）` });
  const content = readFileSync(SEED_TABLE, 'utf8');
  await importPlanTable(ctx, plan.id, { format: 'text', content, mapping: { rows: { 合计: { kind: 'other' } } }, acceptMismatches: true }, false);
  const published = await setPlanStatus(ctx, plan.id, { status: 'published', version: plan.version + 1 });
  const targets = await ctx.db.query<{ field: PlanField; departmentCode: string; people: string }>(
    `SELECT field, department_code AS "departmentCode", people FROM plan_targets WHERE plan_id = $1 AND region_code = '000000'`,
    [plan.id],
  );
  const provinces = (await ctx.db.query<{ code: string }>(`SELECT trim(code) AS code FROM regions WHERE level = 1 AND code < '710000' ORDER BY code`)).map((r) => r.code);
  const parts = targets.flatMap((t) => splitEvenly(Number(t.people), provinces.length).map((people, i) => ({
    field: t.field, departmentCode: t.departmentCode, regionCode: provinces[i] as string, people,
  })));
  await splitTargets(ctx, plan.id, { parentRegion: '000000', version: published.version, parts });
  return plan.id;
}
