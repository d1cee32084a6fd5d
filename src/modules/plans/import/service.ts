import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { type Ctx, requireActor } from '../../../platform/context.ts';
import { AppError, describe } from '../../../platform/http/errors.ts';
import { readTable } from '../../../platform/files/table-file.ts';
import * as repo from '../repo.ts';
import { lockPlan, recordPlanChange } from '../service.ts';
import { type Analysis, type ImportMapping, type PlanUnit, type SourceRow, analysePlanTable, findUnit, parseTabText } from './rules.ts';

export type ImportInput = {
  format: 'text' | 'xlsx';
  content: string;
  unit?: PlanUnit;
  mapping?: ImportMapping;
  acceptMismatches?: boolean;
};

const MAX_ROWS = 500;

/** The rows of the upload as the user sees them (line numbers of the text, row numbers of the sheet). */
async function readRows(input: ImportInput): Promise<{ rows: SourceRow[]; unit: PlanUnit | null; bytes: Buffer }> {
  if (input.format === 'text') {
    const parsed = parseTabText(input.content);
    return { ...parsed, bytes: Buffer.from(input.content, 'utf8') };
  }
  const bytes = Buffer.from(input.content, 'base64');
  if (bytes.subarray(0, 4).toString('hex') !== '504b0304') throw new AppError('PLAN_IMPORT_UNREADABLE', { reason: 'not an .xlsx workbook' });
  const table = await readTable(bytes, MAX_ROWS);
  const rows: SourceRow[] = [{ line: 1, cells: table.headers.map((h) => h.trim()) }];
  table.rows.forEach((r, i) => rows.push({ line: table.numbers[i] ?? i + 2, cells: r.map((c) => c.trim()) }));
  return { rows, unit: findUnit(rows), bytes };
}

function presentAnalysis(ctx: Ctx, a: Analysis, dryRun: boolean, committed: boolean) {
  return {
    dryRun,
    committed,
    unit: a.unit,
    findings: a.findings.map((f) => ({
      ...f,
      message: describe(f.code, ctx.locale, Object.fromEntries(Object.entries(f).filter(([, v]) => v !== null)) as Record<string, string | number>),
    })),
    errors: a.errors,
    warnings: a.warnings,
    rows: a.rows.map((r) => ({ row: r.line, label: r.label, role: r.role, departmentCode: r.departmentCode })),
    columns: a.columns.map((c) => ({ column: c.index + 1, header: c.header, role: c.role, field: c.field })),
    totals: a.totals,
    targets: a.targets,
  };
}

/**
 * Check a plan matrix and, unless `dryRun`, replace the draft plan's targets with it in one
 * transaction. Errors (unknown labels or columns, bad figures) must be mapped first; sums that
 * disagree must be accepted explicitly. The findings are returned either way.
 */
export async function importPlanTable(ctx: Ctx, planId: string, input: ImportInput, dryRun: boolean) {
  const actor = requireActor(ctx);
  const { rows, unit: statedUnit, bytes } = await readRows(input);
  const departments = await repo.listNationalDepartments(ctx.db);
  const unit = input.unit ?? statedUnit ?? 'tenThousand';
  const analysis = analysePlanTable({ rows, unit, departments, mapping: input.mapping });
  if (dryRun) {
    const plan = await repo.findPlan(ctx.db, planId, true);
    if (!plan) throw new AppError('PLAN_NOT_FOUND');
    return presentAnalysis(ctx, analysis, true, false);
  }
  const blocking = analysis.findings.filter((f) => f.severity === 'error');
  if (blocking.length) throw new AppError('PLAN_IMPORT_UNRESOLVED', { count: blocking.length }, blocking.map(toDetail));
  const mismatches = analysis.findings.filter((f) => f.severity === 'warning');
  if (mismatches.length && !input.acceptMismatches) {
    throw new AppError('PLAN_IMPORT_MISMATCHES_NOT_ACCEPTED', { count: mismatches.length }, mismatches.map(toDetail));
  }
  await ctx.db.transaction(async (tx) => {
    const plan = await lockPlan(tx, planId, null);
    if (plan.status !== 'draft') throw new AppError('PLAN_NOT_EDITABLE');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await repo.replaceTargets(tx, planId, analysis.targets.map((t) => ({ ...t, regionCode: '000000' })));
    await repo.insertImport(tx, {
      id: uuidv7(), planId, sha256, format: input.format, unit, mapping: input.mapping ?? {}, findings: analysis.findings,
      people: analysis.totals.people, createdBy: actor.kind === 'system' ? null : actor.accountId,
    });
    await repo.updatePlan(tx, planId, {});
    await recordPlanChange(tx, ctx, planId, 'plan.import', { nationalPeople: Number(plan.nationalPeople) }, { nationalPeople: analysis.totals.people, sha256 }, {
      sha256, format: input.format, unit, people: analysis.totals.people, findings: analysis.findings.length, acceptedMismatches: mismatches.length, mapping: input.mapping ?? {},
    });
  });
  return presentAnalysis(ctx, analysis, false, true);
}

function toDetail(f: Analysis['findings'][number]) {
  return {
    code: f.code,
    row: f.row ?? undefined,
    column: f.columnHeader ?? (f.column === null ? undefined : String(f.column)),
    value: f.label ?? undefined,
    params: Object.fromEntries(Object.entries(f).filter(([k, v]) => v !== null && k !== 'code' && k !== 'severity')) as Record<string, string | number>,
  };
}
