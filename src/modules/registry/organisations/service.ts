import { v7 as uuidv7 } from 'uuid';
import { hasPermission } from '../../../platform/auth/permissions.ts';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Ctx, requireActor } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { findDepartment } from '../departments/repo.ts';
import { findRegion } from '../regions/repo.ts';
import { type OrgFields, type OrgFieldsInput, validateOrgFields } from './fields.ts';
import * as repo from './repo.ts';
import { canPlaceOrganisation } from './policy.ts';

export function presentOrganisation(ctx: Ctx, row: repo.OrgRow) {
  const canWrite = hasPermission(requireActor(ctx).grants, 'organisation.write');
  return { ...row, abilities: { edit: canWrite, deactivate: canWrite && row.status === 'active', activate: canWrite && row.status === 'inactive' } };
}

function validated(input: OrgFieldsInput): OrgFields {
  const result = validateOrgFields(input);
  if (!result.ok) throw new AppError('VALIDATION_FAILED', {}, result.details);
  return result.value;
}

/** The region and department must exist, and the caller may only place units inside its scope. */
async function resolvePlacement(tx: Executor, ctx: Ctx, f: OrgFields): Promise<string> {
  const region = await findRegion(tx, f.regionCode);
  if (!region || region.level === 0 || !region.provinceCode) {
    throw new AppError('REGION_NOT_FOUND', { code: f.regionCode }, [{ code: 'REGION_NOT_FOUND', path: '/regionCode', params: { code: f.regionCode } }]);
  }
  if (f.departmentCode && !(await findDepartment(tx, f.departmentCode))) {
    throw new AppError('DEPARTMENT_NOT_FOUND', { code: f.departmentCode }, [{ code: 'DEPARTMENT_NOT_FOUND', path: '/departmentCode', params: { code: f.departmentCode } }]);
  }
  if (!canPlaceOrganisation(requireActor(ctx).grants, { provinceCode: region.provinceCode, regionCode: region.code })) {
    throw new AppError('REGION_OUTSIDE_SCOPE', {}, [{ code: 'REGION_OUTSIDE_SCOPE', path: '/regionCode' }]);
  }
  return region.provinceCode;
}

export type OrganisationQuery = { q?: string; regionCode?: string; ownership?: string; role?: string; status?: string };

/** A query shaped like a credit code searches by code; anything else by name. */
export function toOrgFilter(query: OrganisationQuery, limit: number, offset: number): repo.OrgFilter {
  const q = query.q?.trim();
  const creditCode = q && /^[0-9A-Z]{18}$/i.test(q) ? q.toUpperCase() : undefined;
  return { ...query, q, creditCode, limit, offset };
}

export async function listOrganisations(ctx: Ctx, query: OrganisationQuery & { page: number; pageSize: number }) {
  const filter = toOrgFilter(query, query.pageSize, (query.page - 1) * query.pageSize);
  const result = await repo.listOrganisationsInScope(ctx.db, requireActor(ctx).grants, filter);
  return { items: result.items.map((r) => presentOrganisation(ctx, r)), total: result.total, page: query.page, pageSize: query.pageSize };
}

export async function getOrganisation(ctx: Ctx, id: string) {
  const row = await repo.findOrganisationInScope(ctx.db, requireActor(ctx).grants, 'organisation.read', id);
  if (!row) throw new AppError('ORGANISATION_NOT_FOUND');
  return presentOrganisation(ctx, row);
}

async function assertCreditCodeFree(tx: Executor, code: string, ownId: string | null) {
  const rows = await tx.query<{ id: string }>('SELECT id FROM organisations WHERE credit_code = $1', [code]);
  if (rows[0] && rows[0].id !== ownId) {
    throw new AppError('ORGANISATION_CREDIT_CODE_TAKEN', { code }, [{ code: 'ORGANISATION_CREDIT_CODE_TAKEN', path: '/creditCode', params: { code } }]);
  }
}

export async function createOrganisation(ctx: Ctx, input: OrgFieldsInput) {
  const f = validated(input);
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    const provinceCode = await resolvePlacement(tx, ctx, f);
    await assertCreditCodeFree(tx, f.creditCode, null);
    const row = { ...f, id, provinceCode };
    await repo.insertOrganisation(tx, row);
    await recordAudit(tx, ctx, { action: 'organisation.created', entity: 'organisation', entityId: id, after: row });
  });
  return getOrganisation(ctx, id);
}

export async function updateOrganisation(ctx: Ctx, id: string, input: OrgFieldsInput) {
  const f = validated(input);
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findOrganisationInScope(tx, requireActor(ctx).grants, 'organisation.write', id);
    if (!before) throw new AppError('ORGANISATION_NOT_FOUND');
    const provinceCode = await resolvePlacement(tx, ctx, f);
    await assertCreditCodeFree(tx, f.creditCode, id);
    const row = { ...f, id, provinceCode };
    await repo.updateOrganisation(tx, row, ctx.now);
    const { peopleCount: _count, createdAt: _c, updatedAt: _u, ...beforeView } = before;
    await recordAudit(tx, ctx, { action: 'organisation.updated', entity: 'organisation', entityId: id, before: beforeView, after: row });
  });
  return getOrganisation(ctx, id);
}

/** Deactivating an employer that still has active people would orphan them: refuse it. */
export async function setOrganisationActive(ctx: Ctx, id: string, active: boolean) {
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findOrganisationInScope(tx, requireActor(ctx).grants, 'organisation.write', id);
    if (!before) throw new AppError('ORGANISATION_NOT_FOUND');
    if (!active && before.peopleCount > 0) throw new AppError('ORGANISATION_HAS_ACTIVE_PEOPLE', { count: before.peopleCount });
    const status = active ? 'active' : 'inactive';
    await repo.setOrganisationStatus(tx, id, status, ctx.now);
    await recordAudit(tx, ctx, { action: active ? 'organisation.activated' : 'organisation.deactivated', entity: 'organisation', entityId: id, before: { status: before.status }, after: { status } });
  });
  return getOrganisation(ctx, id);
}

export async function listOrganisationOptions(ctx: Ctx, query: { regionCode?: string; q?: string; role?: string }) {
  return { items: await repo.listOrganisationOptions(ctx.db, query) };
}
