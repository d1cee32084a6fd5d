import type { Grant, Permission } from '../../platform/auth/permissions.ts';
import { SqlParams, scopeFilter } from '../../platform/auth/scope.ts';
import type { Executor } from '../../platform/db/executor.ts';
import type { PlanField } from '../learning/catalogue.ts';
import type { PlanStatus, Programme } from './rules.ts';

export type PlanRow = {
  id: string;
  year: number;
  programme: Programme;
  title: string;
  status: PlanStatus;
  version: number;
  createdAt: Date | string;
  updatedAt: Date | string;
  nationalPeople: number;
};

const PLAN_COLUMNS = `p.id, p.year, p.programme, p.title, p.status, p.version, p.created_at AS "createdAt", p.updated_at AS "updatedAt",
  coalesce((SELECT sum(people) FROM plan_targets t WHERE t.plan_id = p.id AND t.region_code = '000000'), 0)::bigint AS "nationalPeople"`;

export async function insertPlan(db: Executor, plan: { id: string; year: number; programme: Programme; title: string; createdBy: string | null }): Promise<void> {
  await db.query('INSERT INTO plans (id, year, programme, title, created_by) VALUES ($1, $2, $3, $4, $5)', [plan.id, plan.year, plan.programme, plan.title, plan.createdBy]);
}

/** Drafts are visible only with plan.manage; published and closed plans to every plan reader. */
export async function findPlan(db: Executor, id: string, includeDrafts: boolean): Promise<PlanRow | null> {
  const rows = await db.query<PlanRow>(`SELECT ${PLAN_COLUMNS} FROM plans p WHERE p.id = $1 AND ($2 OR p.status <> 'draft')`, [id, includeDrafts]);
  return rows[0] ?? null;
}

export async function findPlanForUpdate(tx: Executor, id: string): Promise<PlanRow | null> {
  const rows = await tx.query<PlanRow>(`SELECT ${PLAN_COLUMNS} FROM plans p WHERE p.id = $1 FOR UPDATE`, [id]);
  return rows[0] ?? null;
}

export async function listPlans(db: Executor, f: { year?: number; includeDrafts: boolean }): Promise<PlanRow[]> {
  return db.query<PlanRow>(
    `SELECT ${PLAN_COLUMNS} FROM plans p WHERE ($1::smallint IS NULL OR p.year = $1) AND ($2 OR p.status <> 'draft')
     ORDER BY p.year DESC, p.programme LIMIT 200`,
    [f.year ?? null, f.includeDrafts],
  );
}

export async function updatePlan(tx: Executor, id: string, set: { status?: PlanStatus; title?: string }): Promise<void> {
  await tx.query(
    `UPDATE plans SET status = coalesce($2, status), title = coalesce($3, title), version = version + 1, updated_at = now() WHERE id = $1`,
    [id, set.status ?? null, set.title ?? null],
  );
}

export type TargetRow = { regionCode: string; field: PlanField; departmentCode: string; people: number };

/** All targets of a plan (every level) are replaced: an import redefines the plan. */
export async function replaceTargets(tx: Executor, planId: string, targets: TargetRow[]): Promise<void> {
  await tx.query('DELETE FROM plan_targets WHERE plan_id = $1', [planId]);
  await insertTargets(tx, planId, targets);
}

export async function insertTargets(tx: Executor, planId: string, targets: TargetRow[]): Promise<void> {
  if (targets.length === 0) return;
  await tx.query(
    `INSERT INTO plan_targets (plan_id, region_code, field, department_code, people)
     SELECT $1, * FROM unnest($2::char(6)[], $3::text[], $4::text[], $5::bigint[])`,
    [planId, targets.map((t) => t.regionCode), targets.map((t) => t.field), targets.map((t) => t.departmentCode), targets.map((t) => t.people)],
  );
}

/** Remove the parts of a region's targets for these (field, department) pairs before a new split. */
export async function deleteChildTargets(tx: Executor, planId: string, parentCode: string, pairs: { field: string; departmentCode: string }[]): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `WITH d AS (
       DELETE FROM plan_targets t USING regions r, unnest($3::text[], $4::text[]) AS k (field, department_code)
       WHERE t.plan_id = $1 AND r.code = t.region_code AND r.parent_code = $2
         AND t.field = k.field AND t.department_code = k.department_code
       RETURNING 1)
     SELECT count(*)::int AS n FROM d`,
    [planId, parentCode, pairs.map((p) => p.field), pairs.map((p) => p.departmentCode)],
  );
  return rows[0]?.n ?? 0;
}

/** The scope of targets: the nation sees all, a province its own and its cities', a department its own. */
export function targetScope(grants: readonly Grant[], permission: Permission, params: SqlParams): string {
  return scopeFilter(grants, permission, { province: 'rg.province_code', region: 't.region_code', department: 't.department_code' }, params);
}

export async function listTargets(db: Executor, grants: readonly Grant[], planId: string, f: { regionCode?: string }): Promise<TargetRow[]> {
  const params = new SqlParams();
  const plan = params.add(planId);
  const where = [`t.plan_id = ${plan}`, targetScope(grants, 'plan.read', params)];
  if (f.regionCode) where.push(`t.region_code = ${params.add(f.regionCode)}`);
  return db.query<TargetRow>(
    `SELECT t.region_code AS "regionCode", t.field, t.department_code AS "departmentCode", t.people::bigint AS people
       FROM plan_targets t JOIN regions rg ON rg.code = t.region_code
      WHERE ${where.join(' AND ')} ORDER BY t.region_code, t.department_code, t.field LIMIT 100000`,
    params.values,
  );
}

export async function listRegionTargets(db: Executor, planId: string, regionCode: string): Promise<TargetRow[]> {
  return db.query<TargetRow>(
    `SELECT region_code AS "regionCode", field, department_code AS "departmentCode", people::bigint AS people
       FROM plan_targets WHERE plan_id = $1 AND region_code = $2`,
    [planId, regionCode],
  );
}

export async function findRegion(db: Executor, code: string): Promise<{ code: string; name: string; level: number; parentCode: string | null } | null> {
  const rows = await db.query<{ code: string; name: string; level: number; parentCode: string | null }>(
    'SELECT code, name, level, parent_code AS "parentCode" FROM regions WHERE code = $1',
    [code],
  );
  return rows[0] ?? null;
}

export async function appendHistory(tx: Executor, h: { planId: string; at: Date; actorId: string | null; actorName: string; action: string; summary: unknown }): Promise<void> {
  await tx.query(
    `INSERT INTO plan_history (plan_id, seq, at, actor_id, actor_name, action, summary)
     SELECT $1, coalesce(max(seq), 0) + 1, $2, $3, $4, $5, $6 FROM plan_history WHERE plan_id = $1`,
    [h.planId, h.at, h.actorId, h.actorName, h.action, JSON.stringify(h.summary)],
  );
}

export type HistoryRow = { seq: number; at: Date | string; actorName: string; action: string; summary: Record<string, unknown> };

export async function listHistory(db: Executor, planId: string): Promise<HistoryRow[]> {
  return db.query<HistoryRow>(
    'SELECT seq, at, actor_name AS "actorName", action, summary FROM plan_history WHERE plan_id = $1 ORDER BY seq DESC LIMIT 500',
    [planId],
  );
}

export async function insertImport(tx: Executor, i: { id: string; planId: string; sha256: string; format: string; unit: string; mapping: unknown; findings: unknown; people: number; createdBy: string | null }): Promise<void> {
  await tx.query(
    `INSERT INTO plan_imports (id, plan_id, sha256, format, unit, mapping, findings, people, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [i.id, i.planId, i.sha256, i.format, i.unit, JSON.stringify(i.mapping), JSON.stringify(i.findings), i.people, i.createdBy],
  );
}

export async function listNationalDepartments(db: Executor): Promise<{ code: string; name: string; shortName: string }[]> {
  return db.query(`SELECT code, name, short_name AS "shortName" FROM departments WHERE level = 'national' ORDER BY sort`);
}
