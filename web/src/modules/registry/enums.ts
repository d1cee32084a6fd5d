// Registry enumerations, as the server declares them (organisations/rules.ts, people/rules.ts).
export const OWNERSHIPS = [
  'public_institution',
  'state_owned',
  'private',
  'foreign',
  'social_organisation',
  'government',
] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

export const ORG_ROLES = ['employer', 'training_institution', 'evaluation_institution', 'ce_base', 'seminar_host'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const TITLE_LEVELS = ['none', 'junior', 'intermediate', 'deputy_senior', 'senior'] as const;
export type TitleLevel = (typeof TITLE_LEVELS)[number];

export const REGION_FLAGS = ['border', 'ethnic_autonomous', 'old_revolutionary'] as const;
export type RegionFlag = (typeof REGION_FLAGS)[number];

export const RECORD_STATUSES = ['active', 'inactive'] as const;
export const ACCOUNT_STATUSES = ['pending', 'active', 'rejected', 'disabled'] as const;
