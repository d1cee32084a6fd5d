// Enumerations shared across modules; their labels live in the catalogs under the same key prefix.
import { isMessageKey, type Translate } from './i18n.ts';

export const ROLES = [
  'national_admin',
  'province_admin',
  'department_admin',
  'organisation_admin',
  'expert',
  'inspector',
  'professional',
] as const;
export type Role = (typeof ROLES)[number];

export const STATUSES = ['active', 'inactive', 'pending', 'rejected', 'disabled'] as const;
export type Status = (typeof STATUSES)[number];

export { SCOPE_TYPES, type ScopeType } from '../../../src/platform/auth/permissions.ts';

/** Label of an enumerated value; a value the server adds later shows as its raw text until catalogued. */
export function labelFor(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? t(key) : value;
}

// The server's own list (pure data), so that the UI never falls behind a new permission.
export { PERMISSIONS, type Permission } from '../../../src/platform/auth/permissions.ts';
