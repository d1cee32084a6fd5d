import { recordAudit } from '../../../platform/audit/record.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { type RegionRecord, findRegion, listAllRegions, listRegionsByParent, replaceRegionFlags } from './repo.ts';
import { buildRegionTree } from './rules.ts';

export async function listChildRegions(ctx: Ctx, parentCode: string) {
  return { items: await listRegionsByParent(ctx.db, parentCode) };
}

export async function getRegionTree(ctx: Ctx) {
  return { items: buildRegionTree(await listAllRegions(ctx.db)) };
}

/** Special-region flags (old revolutionary, border, ethnic) are kept by administrators as data. */
export async function setRegionFlags(ctx: Ctx, code: string, flags: string[]) {
  return ctx.db.transaction(async (tx) => {
    const before = await findRegion(tx, code);
    if (!before) throw new AppError('REGION_NOT_FOUND', { code });
    await replaceRegionFlags(tx, code, flags, `set by ${ctx.actor?.username ?? 'system'}`);
    await recordAudit(tx, ctx, { action: 'region.flags_set', entity: 'region', entityId: code, before: { flags: before.flags }, after: { flags } });
    return (await findRegion(tx, code)) as RegionRecord;
  });
}
