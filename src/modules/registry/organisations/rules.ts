// Pure validation rules and enumerations for organisations in the registry.

export type CreditCodeFailure = 'CREDIT_CODE_FORMAT' | 'CREDIT_CODE_CHECK' | 'CREDIT_CODE_ORG_CHECK';

export type CreditCodeResult =
  | {
      ok: true;
      /** Normalised (trimmed, upper-case) 18-character code. */
      code: string;
      /** Positions 3–8: GB/T 2260 division of the registering authority. */
      divisionCode: string;
    }
  | { ok: false; reason: CreditCodeFailure };

// GB 32100-2015 alphabet: digits plus capitals without I, O, S, V, Z (easily confused glyphs).
// A character's value is its index here, so J is 18, not 19.
const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

// GB 11714 predates GB 32100 and values letters by plain alphabet position (A=10 … Z=35),
// so the embedded organisation code must not reuse CREDIT_CHARSET values.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** GB 32100 check character for the first 17 characters. Throws on characters outside the charset. */
export function computeCreditCodeCheck(first17: string): string {
  if (first17.length !== 17) throw new RangeError('computeCreditCodeCheck expects 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CHARSET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`invalid credit-code character '${first17[i]}'`);
    sum += value * CREDIT_WEIGHTS[i];
  }
  const check = 31 - (sum % 31);
  return CREDIT_CHARSET[check === 31 ? 0 : check];
}

/** GB 11714 check character ('0'–'9' or 'X') for the first 8 characters of an organisation code. */
export function computeOrgCodeCheck(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) {
    throw new RangeError('computeOrgCodeCheck expects 8 digits or capital letters');
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(first8[i], 36) * ORG_WEIGHTS[i];
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/** Validates a unified social credit code, including the organisation code embedded at positions 9–17. */
export function validateCreditCode(raw: string): CreditCodeResult {
  const code = raw.trim().toUpperCase();
  if (!CREDIT_CODE_PATTERN.test(code)) return { ok: false, reason: 'CREDIT_CODE_FORMAT' };
  if (computeCreditCodeCheck(code.slice(0, 17)) !== code[17]) {
    return { ok: false, reason: 'CREDIT_CODE_CHECK' };
  }
  // Checked after the outer check so a single typo is reported as the more general failure.
  if (computeOrgCodeCheck(code.slice(8, 16)) !== code[16]) {
    return { ok: false, reason: 'CREDIT_CODE_ORG_CHECK' };
  }
  return { ok: true, code, divisionCode: code.slice(2, 8) };
}

export const OWNERSHIPS = [
  'public_institution',
  'state_owned',
  'private',
  'foreign',
  'social_organisation',
  'government',
] as const;

export type Ownership = (typeof OWNERSHIPS)[number];

export const OWNERSHIP_LABELS: Record<Ownership, { zh: string; en: string }> = {
  public_institution: { zh: '事业单位', en: 'Public institution' },
  state_owned: { zh: '国有企业', en: 'State-owned enterprise' },
  private: { zh: '民营企业', en: 'Private enterprise' },
  foreign: { zh: '外资企业', en: 'Foreign-funded enterprise' },
  social_organisation: { zh: '社会组织', en: 'Social organisation' },
  government: { zh: '机关', en: 'Government agency' },
};

// One organisation may hold several roles (e.g. an employer that is also a CE base).
export const ORG_ROLES = [
  'employer',
  'training_institution',
  'evaluation_institution',
  'ce_base',
  'seminar_host',
] as const;

export type OrgRole = (typeof ORG_ROLES)[number];

export const ORG_ROLE_LABELS: Record<OrgRole, { zh: string; en: string }> = {
  employer: { zh: '用人单位', en: 'Employer' },
  training_institution: { zh: '培训机构', en: 'Training institution' },
  evaluation_institution: { zh: '评价机构', en: 'Evaluation institution' },
  ce_base: { zh: '继续教育基地', en: 'Continuing-education base' },
  seminar_host: { zh: '研修承办单位', en: 'Seminar host' },
};
