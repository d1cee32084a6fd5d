import { recordAudit } from '../../../platform/audit/record.ts';
import { type Ctx, requireActor } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { recomputeProvinceYear, type RulesRow } from '../compliance/repo.ts';
import { lockComplianceForRebuild, rebuildYear } from '../compliance/rebuild-repo.ts';
import { type ComplianceRules, NATIONAL_DEFAULT_RULES, type RulesPatch, resolveRules, validateRulesPatch } from '../rules.ts';
import { cachedRules, forgetRules } from './cache.ts';
import * as repo from './repo.ts';

export const NATION = '000000';

/** Effective rules per province for a year: national defaults, national patch, province patch. */
export async function resolveProvinceRules(db: Executor, provinceCodes: string[], year: number): Promise<Map<string, ComplianceRules>> {
  const patches = await repo.listLatestPatches(db, [NATION, ...provinceCodes], year);
  const national = patches.get(NATION)?.patch;
  const result = new Map<string, ComplianceRules>();
  for (const code of new Set(provinceCodes)) {
    const own = patches.get(code)?.patch;
    result.set(code, resolveRules(NATIONAL_DEFAULT_RULES, [national, own].filter((p): p is RulesPatch => p !== undefined)));
  }
  return result;
}

/** The same for one province, through a short-lived cache (rules/cache.ts): for hot paths only. */
export function resolveProvinceRulesCached(db: Executor, provinceCode: string, year: number): Promise<ComplianceRules | undefined> {
  return cachedRules(resolveProvinceRules, db, provinceCode, year);
}

/** The rule rows the compliance SQL needs for these (province, year) combinations. */
export async function rulesRowsFor(db: Executor, combos: { provinceCode: string; year: number }[]): Promise<RulesRow[]> {
  const byYear = new Map<number, Set<string>>();
  for (const c of combos) byYear.set(c.year, (byYear.get(c.year) ?? new Set()).add(c.provinceCode));
  const rows: RulesRow[] = [];
  for (const [year, provinces] of byYear) {
    const rules = await resolveProvinceRules(db, [...provinces], year);
    for (const [provinceCode, r] of rules) rows.push({ provinceCode, year, rules: r });
  }
  return rows;
}

function assertRulesScope(ctx: Ctx, regionCode: string): void {
  const grants = requireActor(ctx).grants;
  const allowed = grants.some(
    (g) => g.role === 'national_admin' || (g.role === 'province_admin' && g.scopeType === 'region' && g.scopeId === regionCode),
  );
  if (!allowed) throw new AppError('LEARNING_RULES_OUTSIDE_SCOPE');
}

/** The rules in force for a region and year, its own latest patch and its version history. */
export async function getRules(ctx: Ctx, regionCode: string, year: number) {
  const effective = regionCode === NATION
    ? resolveRules(NATIONAL_DEFAULT_RULES, [(await repo.listLatestPatches(ctx.db, [NATION], year)).get(NATION)?.patch].filter((p): p is RulesPatch => !!p))
    : (await resolveProvinceRules(ctx.db, [regionCode], year)).get(regionCode) as ComplianceRules;
  const versions = await repo.listVersions(ctx.db, regionCode, year);
  return { regionCode, year, effective, patch: versions[0]?.patch ?? {}, versions, defaults: NATIONAL_DEFAULT_RULES };
}

function validPatch(input: unknown): RulesPatch {
  const checked = validateRulesPatch(input);
  if (!checked.ok) {
    throw new AppError('VALIDATION_FAILED', {}, checked.details.map((d) => ({ code: d.code, path: d.path, params: { column: d.path } })));
  }
  return checked.value;
}

async function provincesForRegion(tx: Executor, regionCode: string): Promise<string[]> {
  if (regionCode !== NATION) return [regionCode];
  const rows = await tx.query<{ code: string }>('SELECT code FROM regions WHERE level = 1 ORDER BY code');
  return rows.map((r) => r.code.trim());
}

async function recomputeRegion(tx: Executor, regionCode: string, year: number): Promise<void> {
  const provinces = await provincesForRegion(tx, regionCode);
  const rules = await resolveProvinceRules(tx, provinces, year);
  const rows = [...rules].map(([provinceCode, r]) => ({ provinceCode, year, rules: r }));
  // National rules touch every province: one pass over the year beats one pass per province.
  if (regionCode === NATION) await rebuildYear(tx, rows, year);
  else for (const row of rows) await recomputeProvinceYear(tx, row);
}

/** Save a new version of a region's rules for a year; everyone affected is recomputed at once. */
export async function saveRules(ctx: Ctx, input: { regionCode: string; year: number; patch: unknown; note: string }) {
  assertRulesScope(ctx, input.regionCode);
  const patch = validPatch(input.patch);
  const version = await ctx.db.transaction(async (tx) => {
    const v = await repo.insertVersion(tx, { regionCode: input.regionCode, year: input.year, patch, note: input.note, createdBy: requireActor(ctx).accountId });
    await recomputeRegion(tx, input.regionCode, input.year);
    await recordAudit(tx, ctx, { action: 'learning.rules_saved', entity: 'learning_rules', entityId: `${input.regionCode}/${input.year}/${v}`, after: { patch, note: input.note } });
    return v;
  });
  forgetRules();
  return { ...(await getRules(ctx, input.regionCode, input.year)), savedVersion: version };
}

class PreviewRollback extends Error {}

/**
 * How many people a rules change would affect: the change is applied and recomputed inside a
 * transaction that is then rolled back, so the preview uses the very same computation.
 */
export async function previewRules(ctx: Ctx, input: { regionCode: string; year: number; patch: unknown }) {
  assertRulesScope(ctx, input.regionCode);
  const patch = validPatch(input.patch);
  let result = { people: 0, compliantBefore: 0, compliantAfter: 0, becomeCompliant: 0, becomeNonCompliant: 0 };
  const provinceFilter = input.regionCode === NATION ? 'TRUE' : 'province_code = $2';
  const params = input.regionCode === NATION ? [input.year] : [input.year, input.regionCode];
  await ctx.db
    .transaction(async (tx) => {
      // A national change rebuilds the year, which swaps the year's partition at the end: its
      // lock is taken before this transaction first reads the table (rebuild-repo.ts).
      if (input.regionCode === NATION) await lockComplianceForRebuild(tx);
      // Utility statements take no parameters: create first, then fill.
      await tx.exec('CREATE TEMP TABLE rules_preview (person_id uuid PRIMARY KEY, compliant boolean NOT NULL) ON COMMIT DROP');
      await tx.query(`INSERT INTO rules_preview SELECT person_id, compliant FROM learning_compliance WHERE year = $1 AND ${provinceFilter}`, params);
      await repo.insertVersion(tx, { regionCode: input.regionCode, year: input.year, patch, note: 'preview', createdBy: null });
      await recomputeRegion(tx, input.regionCode, input.year);
      const rows = await tx.query<typeof result>(
        `SELECT count(*)::int AS people,
                count(*) FILTER (WHERE b.compliant)::int AS "compliantBefore",
                count(*) FILTER (WHERE c.compliant)::int AS "compliantAfter",
                count(*) FILTER (WHERE c.compliant AND NOT COALESCE(b.compliant, false))::int AS "becomeCompliant",
                count(*) FILTER (WHERE NOT c.compliant AND COALESCE(b.compliant, false))::int AS "becomeNonCompliant"
           FROM learning_compliance c LEFT JOIN rules_preview b ON b.person_id = c.person_id
          WHERE c.year = $1 AND ${provinceFilter.replace('province_code', 'c.province_code')}`,
        params,
      );
      result = rows[0] ?? result;
      throw new PreviewRollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof PreviewRollback)) throw error;
    });
  return result;
}
