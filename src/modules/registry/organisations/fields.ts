import { parseYesNo } from '../../../platform/files/cell-values.ts';
import type { ErrorDetail } from '../../../platform/http/errors.ts';
import { ORG_ROLES, ORG_ROLE_LABELS, OWNERSHIPS, OWNERSHIP_LABELS, type OrgRole, type Ownership, validateCreditCode } from './rules.ts';

export type OrgFieldsInput = {
  name: string;
  creditCode: string;
  regionCode: string;
  departmentCode?: string | null;
  ownership: string;
  roles: string[] | string;
  address?: string;
  contactName?: string;
  /** 是否基层单位: a boolean from the API, a yes/no cell from an import; absent means no. */
  grassroots?: boolean | string;
};

export type OrgFields = {
  name: string;
  creditCode: string;
  regionCode: string;
  departmentCode: string | null;
  ownership: Ownership;
  roles: OrgRole[];
  address: string;
  contactName: string;
  /** A grassroots unit (基层单位): its staff get the designated-region preference in seminar admission. */
  grassroots: boolean;
};

function matchLabel<K extends string>(value: string, keys: readonly K[], labels: Record<K, { zh: string; en: string }>): K | null {
  const v = value.trim();
  return keys.find((k) => k === v || labels[k].zh === v || labels[k].en.toLowerCase() === v.toLowerCase()) ?? null;
}

/** Ownership by key or label ('private', '民营企业'). */
export function parseOwnership(value: string): Ownership | null {
  return matchLabel(value, OWNERSHIPS, OWNERSHIP_LABELS);
}

/** Roles as an array, or as text separated by 、 ， , ; ； (as typed in a spreadsheet cell). */
export function parseRoles(value: string[] | string): { roles: OrgRole[]; unknown: string[] } {
  const parts = (Array.isArray(value) ? value : value.split(/[、,，;；|]/)).map((p) => p.trim()).filter(Boolean);
  const roles: OrgRole[] = [];
  const unknown: string[] = [];
  for (const part of parts) {
    const role = matchLabel(part, ORG_ROLES, ORG_ROLE_LABELS);
    if (role) {
      if (!roles.includes(role)) roles.push(role);
    } else unknown.push(part);
  }
  return { roles, unknown };
}

/** Validate an organisation's fields, collecting every problem with its field (pure). */
export function validateOrgFields(input: OrgFieldsInput): { ok: true; value: OrgFields } | { ok: false; details: ErrorDetail[] } {
  const details: ErrorDetail[] = [];
  const name = (input.name ?? '').trim();
  if (name.length < 2 || name.length > 100) details.push({ code: 'FIELD_INVALID', path: '/name', value: input.name, params: { column: 'name' } });
  const credit = validateCreditCode(input.creditCode ?? '');
  if (!credit.ok) details.push({ code: credit.reason, path: '/creditCode', value: input.creditCode });
  const regionCode = (input.regionCode ?? '').trim();
  if (!/^\d{6}$/.test(regionCode)) details.push({ code: 'REGION_NOT_FOUND', path: '/regionCode', value: regionCode, params: { code: regionCode } });
  const ownership = parseOwnership(input.ownership ?? '');
  if (!ownership) details.push({ code: 'IMPORT_VALUE_UNKNOWN', path: '/ownership', value: input.ownership });
  const { roles, unknown } = parseRoles(input.roles ?? []);
  if (unknown.length || roles.length === 0) details.push({ code: 'IMPORT_VALUE_UNKNOWN', path: '/roles', value: unknown.join('、') });
  const departmentCode = (input.departmentCode ?? '').trim() || null;
  const grassroots = parseYesNo(input.grassroots);
  if (grassroots === null) details.push({ code: 'IMPORT_YES_NO_INVALID', path: '/grassroots', value: String(input.grassroots) });
  if (details.length || !credit.ok || !ownership || grassroots === null) return { ok: false, details };
  return {
    ok: true,
    value: {
      name,
      creditCode: credit.code,
      regionCode,
      departmentCode,
      ownership,
      roles,
      address: (input.address ?? '').trim().slice(0, 200),
      contactName: (input.contactName ?? '').trim().slice(0, 50),
      grassroots,
    },
  };
}
