import type { Ctx } from '../../../platform/context.ts';
import { listDepartments as listDepartmentRows } from './repo.ts';

export async function listDepartments(ctx: Ctx, filter: { level?: string; regionCode?: string }) {
  return { items: await listDepartmentRows(ctx.db, filter) };
}
