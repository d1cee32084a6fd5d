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

export const SCOPE_TYPES = ['nation', 'region', 'department', 'organisation'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

/** Label of an enumerated value; a value the server adds later shows as its raw text until catalogued. */
export function labelFor(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? t(key) : value;
}

export const PERMISSIONS = [
  'region.manage',
  'organisation.read',
  'organisation.write',
  'organisation.import',
  'person.read',
  'person.write',
  'person.import',
  'person.idNumber.read',
  'account.read',
  'account.review',
  'account.resetPassword',
  'account.manage',
  'audit.read',
  'self.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
