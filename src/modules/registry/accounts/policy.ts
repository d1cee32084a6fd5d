import { API_ROLES, type Grant, ROLE_SCOPES, hasPermission } from '../../../platform/auth/permissions.ts';

/**
 * May `actor` hand out `grant`? A national administrator may grant anything; a province
 * administrator only roles below its own, on nodes inside its province. `orgProvince` and
 * `deptProvince` are the province of the organisation or department the grant names.
 */
export function canGrant(
  actorGrants: readonly Grant[],
  grant: Grant,
  target: { regionProvince?: string | null; orgProvince?: string | null; deptProvince?: string | null },
): boolean {
  // API roles belong to API keys alone, whoever asks.
  if (API_ROLES.includes(grant.role)) return false;
  if (!ROLE_SCOPES[grant.role].includes(grant.scopeType)) return false;
  if (actorGrants.some((g) => g.role === 'national_admin')) return true;
  if (!hasPermission(actorGrants, 'account.manage')) return false;
  if (grant.role === 'national_admin' || grant.scopeType === 'nation') return false;
  const provinces = actorGrants.filter((g) => g.role === 'province_admin').map((g) => g.scopeId);
  const targetProvince =
    grant.scopeType === 'region' ? target.regionProvince : grant.scopeType === 'organisation' ? target.orgProvince : target.deptProvince;
  if (grant.role === 'province_admin' && grant.scopeType === 'region' && grant.scopeId.endsWith('0000')) return false;
  return targetProvince != null && provinces.includes(targetProvince);
}
