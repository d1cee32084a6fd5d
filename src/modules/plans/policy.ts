// Who sees which part of the plan dashboard (pure; STYLE.md 26).
import { type Grant, grantsWith } from '../../platform/auth/permissions.ts';

export type DashboardScope = { regionCode: string; departmentCode: string | null };

/**
 * The dashboard view a caller may open: the nation sees everything; a province its own
 * province and its cities; a department its own department's figures everywhere. Returns
 * null when the requested view lies outside every grant (the route answers 404).
 */
export function resolveDashboardScope(grants: readonly Grant[], request: { regionCode?: string; departmentCode?: string }): DashboardScope | null {
  const readers = grantsWith(grants, 'plan.read');
  for (const g of readers) {
    if (g.scopeType === 'nation') return { regionCode: request.regionCode ?? '000000', departmentCode: request.departmentCode ?? null };
  }
  for (const g of readers) {
    if (g.scopeType === 'region') {
      const region = request.regionCode ?? g.scopeId;
      const inside = region === g.scopeId || (g.scopeId.endsWith('0000') && region.slice(0, 2) === g.scopeId.slice(0, 2));
      if (inside) return { regionCode: region, departmentCode: request.departmentCode ?? null };
    }
    if (g.scopeType === 'department') {
      // A provincial office ('miit.330000') sees its department's figures in its province only.
      const [department = '', province] = g.scopeId.split('.');
      if (request.departmentCode && request.departmentCode !== department) continue;
      const region = request.regionCode ?? province ?? '000000';
      if (province && region.slice(0, 2) !== province.slice(0, 2)) continue;
      return { regionCode: region, departmentCode: department };
    }
  }
  return null;
}

/** The node a caller submits a work summary for: its province, or its national department. */
export function summarySubmitter(grants: readonly Grant[]): { kind: 'province' | 'department'; code: string } | null {
  for (const g of grantsWith(grants, 'plan.summary.submit')) {
    if (g.scopeType === 'region' && /^\d{2}0000$/.test(g.scopeId) && g.scopeId !== '000000') return { kind: 'province', code: g.scopeId };
    if (g.scopeType === 'department' && /^[a-z]+$/.test(g.scopeId)) return { kind: 'department', code: g.scopeId };
  }
  return null;
}
