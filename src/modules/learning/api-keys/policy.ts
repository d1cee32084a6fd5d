// Who may hold which API key, and what a key may do. Pure: no I/O.
import type { Grant } from '../../../platform/auth/permissions.ts';

// 'xapi': an external learning record store reading the xAPI statements of a region (courses module).
export const KEY_PURPOSES = ['report', 'compliance', 'xapi'] as const;
export type KeyPurpose = (typeof KEY_PURPOSES)[number];

/** Organisation roles that deliver continuing education and so may report completions (DOMAIN.md §2). */
export const PROVIDER_ROLES = ['training_institution', 'ce_base', 'seminar_host', 'evaluation_institution'] as const;

export const NATION_CODE = '000000';

/** A report key needs an active organisation holding at least one provider role. */
export function isProvider(org: { roles: readonly string[]; status: string }): boolean {
  return org.status === 'active' && org.roles.some((r) => (PROVIDER_ROLES as readonly string[]).includes(r));
}

/**
 * May these grants create keys of `purpose` at all? Report keys: any holder of
 * `learning.apikey.manage` (the scope query then limits the organisation). Compliance keys
 * answer questions about people by ID number, and xAPI keys read a region's learning events, so
 * only the nation and the provinces hand them out.
 */
export function mayCreateKey(grants: readonly Grant[], purpose: KeyPurpose): boolean {
  if (purpose === 'report') return grants.some((g) => g.role === 'national_admin' || g.role === 'province_admin' || g.role === 'organisation_admin');
  return grants.some((g) => g.role === 'national_admin' || g.role === 'province_admin');
}

/** The one grant an API key acts under: its organisation for reporting, its region (or nation) for queries. */
export function keyGrant(key: { purpose: KeyPurpose; organisationId: string | null; regionCode: string | null }): Grant {
  if (key.purpose === 'report') return { role: 'api_reporter', scopeType: 'organisation', scopeId: key.organisationId ?? '' };
  const region = key.regionCode ?? '';
  const role = key.purpose === 'xapi' ? 'api_lrs' : 'api_linkage';
  return region === NATION_CODE ? { role, scopeType: 'nation', scopeId: NATION_CODE } : { role, scopeType: 'region', scopeId: region };
}

/** `zg_<purpose>_<43 base64url characters>`: 32 random bytes. */
export const KEY_PATTERN = /^zg_(report|compliance|xapi)_[A-Za-z0-9_-]{43}$/;

/** What lists show of a key: enough to recognise it, never enough to use it. */
export function keyPrefix(key: string, purpose: KeyPurpose): string {
  return key.slice(0, `zg_${purpose}_`.length + 6);
}

export function keyAbilities(key: { revokedAt: Date | string | null }): { revoke: boolean } {
  return { revoke: key.revokedAt === null };
}
