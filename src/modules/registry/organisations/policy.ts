import { type Grant, grantsWith } from '../../../platform/auth/permissions.ts';

/** May these grants create or move an organisation into this region? (pure) */
export function canPlaceOrganisation(grants: readonly Grant[], place: { provinceCode: string; regionCode: string }): boolean {
  return grantsWith(grants, 'organisation.write').some((g) => {
    if (g.scopeType === 'nation') return true;
    if (g.scopeType !== 'region') return false;
    return g.scopeId.endsWith('0000') ? g.scopeId === place.provinceCode : g.scopeId === place.regionCode;
  });
}
