import type { Grant } from '../../../shared/auth.tsx';

/** The viewer's own level of a plan: a province's code, else the nation; a department's code if any. */
export function planLevel(grants: readonly Grant[]): { regionCode: string; departmentCode: string | null } {
  const region = grants.find((g) => g.scopeType === 'region' && /^\d{2}0000$/.test(g.scopeId) && g.scopeId !== '000000');
  if (grants.some((g) => g.scopeType === 'nation')) return { regionCode: '000000', departmentCode: null };
  if (region) return { regionCode: region.scopeId, departmentCode: null };
  const department = grants.find((g) => g.scopeType === 'department');
  if (department) {
    const [code = '', province] = department.scopeId.split('.');
    return { regionCode: province ?? '000000', departmentCode: code };
  }
  return { regionCode: '000000', departmentCode: null };
}
