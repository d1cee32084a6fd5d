/**
 * Roles and the permissions each carries. A grant pairs a role with a scope node; the
 * permission says what, the scope says over whom (see scope.ts). Pure data, no I/O.
 */
export const ROLES = [
  'national_admin',
  'province_admin',
  'department_admin',
  'organisation_admin',
  'expert',
  'inspector',
  'professional',
  // Held only by API keys (never by an account: canGrant refuses them, the grants table's CHECK
  // leaves them out): a provider's reporting key and a title-review system's linkage key.
  'api_reporter',
  'api_linkage',
  // An external learning record store's key: reads the xAPI statements of its region (courses).
  'api_lrs',
] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_TYPES = ['nation', 'region', 'department', 'organisation'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

export type Grant = { role: Role; scopeType: ScopeType; scopeId: string };

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
  'learning.record.read',
  'learning.record.enter',
  'learning.record.review',
  'learning.record.confirm',
  'learning.rules.manage',
  'learning.compliance.read',
  'learning.apikey.manage',
  'learning.self',
  'learning.report',
  'learning.report.upload',
  'learning.compliance.query',
  // Courses (issue 4): read the catalogue in scope with drafts, write one's own institution's
  // courses, publish or send back, study, read the xAPI statements of one's scope, and keep the
  // yearly public-subject catalogue (the ministry's, or a province's adoption of it).
  'course.read',
  'course.write',
  'course.review',
  'course.learn',
  'course.xapi.read',
  'course.catalogue.manage',
  'plan.read',
  'plan.manage',
  'plan.split',
  'plan.summary.submit',
  // Advanced seminars (issue 6): read in scope; a host applies and runs its seminars; the
  // competent department pre-reviews; an expert scores what is assigned; the ministry manages
  // the call, the expert pool, the draw, selection and publication; oversight views; enrol.
  'seminar.read',
  'seminar.apply',
  'seminar.host',
  'seminar.prereview',
  'seminar.review',
  'seminar.manage',
  'seminar.oversight',
  'seminar.enrol',
  // The working-day calendar (public holidays, adjusted working days): the ministry keeps it.
  'calendar.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Permissions only API keys carry: no signed-in person reports for a provider or queries by ID number. */
export const API_ONLY_PERMISSIONS: readonly Permission[] = ['learning.report', 'learning.compliance.query'];

/** Roles an API key holds and an account never does. */
export const API_ROLES: readonly Role[] = ['api_reporter', 'api_linkage', 'api_lrs'];

const ADMIN_BASE: Permission[] = [
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
  'audit.read',
  'learning.record.read',
  'learning.compliance.read',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  national_admin: PERMISSIONS.filter((p) => !API_ONLY_PERMISSIONS.includes(p)),
  province_admin: [
    ...ADMIN_BASE, 'account.manage', 'learning.record.confirm', 'learning.rules.manage', 'learning.apikey.manage',
    'course.read', 'course.review', 'course.xapi.read', 'course.catalogue.manage',
    'plan.read', 'plan.split', 'plan.summary.submit',
    'seminar.read', 'seminar.oversight',
  ],
  // Industry departments oversee the people of their sector but do not edit employers' data.
  department_admin: [
    'organisation.read', 'person.read', 'account.read', 'learning.record.read', 'learning.compliance.read',
    'plan.read', 'plan.split', 'plan.summary.submit',
    'seminar.read', 'seminar.prereview', 'seminar.oversight',
  ],
  organisation_admin: [
    ...ADMIN_BASE.filter((p) => p !== 'organisation.write' && p !== 'organisation.import'),
    'learning.record.enter',
    'learning.record.review',
    'learning.apikey.manage',
    // A provider's own staff upload report files signed in (the organisation must hold a provider role).
    'learning.report.upload',
    // Only takes effect for a training institution or CE base (the courses service checks the roles).
    'course.read',
    'course.write',
    // Only takes effect for a seminar host (the seminars service checks the organisation's roles).
    'seminar.read',
    'seminar.apply',
    'seminar.host',
  ],
  expert: ['self.read', 'seminar.review'],
  inspector: ['organisation.read', 'person.read', 'learning.record.read', 'learning.compliance.read', 'course.read', 'plan.read',
    'seminar.read', 'seminar.oversight'],
  professional: ['self.read', 'learning.self', 'course.learn', 'seminar.enrol'],
  api_reporter: ['learning.report'],
  api_linkage: ['learning.compliance.query'],
  api_lrs: ['course.xapi.read'],
};

/** Which scope types a role may be granted on, so that a grant cannot be nonsense. */
export const ROLE_SCOPES: Record<Role, readonly ScopeType[]> = {
  national_admin: ['nation'],
  province_admin: ['region'],
  department_admin: ['department'],
  organisation_admin: ['organisation'],
  expert: ['nation', 'region', 'department'],
  inspector: ['nation', 'region'],
  professional: ['organisation'],
  api_reporter: ['organisation'],
  api_linkage: ['nation', 'region'],
  api_lrs: ['nation', 'region'],
};

export function hasPermission(grants: readonly Grant[], permission: Permission): boolean {
  return grants.some((g) => ROLE_PERMISSIONS[g.role].includes(permission));
}

export function grantsWith(grants: readonly Grant[], permission: Permission): Grant[] {
  return grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(permission));
}

export function listPermissions(grants: readonly Grant[]): Permission[] {
  return PERMISSIONS.filter((p) => hasPermission(grants, p));
}
