import { describe, it, expect } from 'vitest';
import {
  ORG_ROLES,
  ORG_ROLE_LABELS,
  OWNERSHIPS,
  OWNERSHIP_LABELS,
  computeCreditCodeCheck,
  computeOrgCodeCheck,
  validateCreditCode,
} from '../../src/modules/registry/organisations/rules.ts';

describe('computeCreditCodeCheck (GB 32100, modulus 31)', () => {
  // Expected characters computed by hand from the GB 32100 weights, independently of the implementation.
  it.each([
    ['91310110666007217', 'T'],
    ['91110108551385082', 'Q'],
    ['12100000400010398', 'P'],
    ['9111000071093123X', 'X'],
    ['91440300MA5F0G2B8', 'A'],
    ['52330106MA28X1K5A', 'W'],
    ['91310110666007209', '0'], // Σ mod 31 = 0, so 31 − 0 = 31 wraps to 0
  ])('gives %s the check character %s', (first17, expected) => {
    expect(computeCreditCodeCheck(first17)).toBe(expected);
  });

  it.each([['9131011066600721'], ['91310110666007217T'], ['9131011066600721I'], ['9131011066600721o']])(
    'rejects %j because it is not 17 characters from the GB 32100 charset',
    (input) => {
      expect(() => computeCreditCodeCheck(input)).toThrow(RangeError);
    },
  );
});

describe('computeOrgCodeCheck (GB 11714, modulus 11)', () => {
  it.each([
    ['66600721', '7'],
    ['55138508', '2'],
    ['40001039', '8'],
    ['71093123', 'X'], // 11 − (Σ mod 11) = 10 → X
    ['MA5F0G2B', '6'], // letters valued A=10 … Z=35, not by credit-code charset position
  ])('gives %s the check character %s', (first8, expected) => {
    expect(computeOrgCodeCheck(first8)).toBe(expected);
  });

  it('maps a remainder of 0 (11 − 0 = 11) to the character 0', () => {
    // 00000000 weighs to 0, so the check is 11 → '0'.
    expect(computeOrgCodeCheck('00000000')).toBe('0');
  });

  it.each([['6660072'], ['666007211'], ['6660072a'], ['6660072-']])(
    'rejects %j because it is not 8 digits or capitals',
    (input) => {
      expect(() => computeOrgCodeCheck(input)).toThrow(RangeError);
    },
  );
});

describe('validateCreditCode accepts valid codes', () => {
  it.each([
    ['91310110666007217T', '91310110666007217T', '310110'],
    ['91110108551385082Q', '91110108551385082Q', '110108'],
    ['12100000400010398P', '12100000400010398P', '100000'],
    ['913101106660072090', '913101106660072090', '310110'],
    ['9111000071093123XX', '9111000071093123XX', '110000'],
    ['91310110666007217t', '91310110666007217T', '310110'],
    ['  91310110666007217T\t', '91310110666007217T', '310110'],
  ])('%j → %s (division %s)', (raw, code, divisionCode) => {
    expect(validateCreditCode(raw)).toEqual({ ok: true, code, divisionCode });
  });
});

describe('validateCreditCode rejects invalid codes with a specific reason', () => {
  it.each([
    ['an empty string', '', 'CREDIT_CODE_FORMAT'],
    ['17 characters', '91310110666007217', 'CREDIT_CODE_FORMAT'],
    ['19 characters', '91310110666007217T0', 'CREDIT_CODE_FORMAT'],
    ['the excluded letter I', '91310110666007217I', 'CREDIT_CODE_FORMAT'],
    ['the excluded letter O', '9131011066600O217T', 'CREDIT_CODE_FORMAT'],
    ['the excluded letter S', 'S1310110666007217T', 'CREDIT_CODE_FORMAT'],
    ['the excluded letter V', '91310110666V07217T', 'CREDIT_CODE_FORMAT'],
    ['the excluded letter Z', '91310110666007217Z', 'CREDIT_CODE_FORMAT'],
    ['a letter in the division code', '9131A110666007217T', 'CREDIT_CODE_FORMAT'],
    ['a hyphen', '91310110-66600721T', 'CREDIT_CODE_FORMAT'],
    ['a wrong check character', '91310110666007217A', 'CREDIT_CODE_CHECK'],
    ['check 0 where T is expected', '913101106660072170', 'CREDIT_CODE_CHECK'],
    ['a single changed body digit', '91310110666007218T', 'CREDIT_CODE_CHECK'],
    ['an embedded organisation code with a wrong check', '91440300MA5F0G2B8A', 'CREDIT_CODE_ORG_CHECK'],
    ['an embedded organisation code checked by a letter', '52330106MA28X1K5AW', 'CREDIT_CODE_ORG_CHECK'],
  ])('rejects %s as %s', (_label, raw, reason) => {
    expect(validateCreditCode(raw)).toEqual({ ok: false, reason });
  });
});

describe('organisation enumerations', () => {
  it.each([
    ['public_institution', '事业单位'],
    ['state_owned', '国有企业'],
    ['private', '民营企业'],
    ['foreign', '外资企业'],
    ['social_organisation', '社会组织'],
    ['government', '机关'],
  ] as const)('ownership %s is labelled %s in Chinese', (ownership, zh) => {
    expect(OWNERSHIPS).toContain(ownership);
    expect(OWNERSHIP_LABELS[ownership].zh).toBe(zh);
    expect(OWNERSHIP_LABELS[ownership].en.length).toBeGreaterThan(0);
  });

  it.each([
    ['employer', '用人单位'],
    ['training_institution', '培训机构'],
    ['evaluation_institution', '评价机构'],
    ['ce_base', '继续教育基地'],
    ['seminar_host', '研修承办单位'],
  ] as const)('organisation role %s is labelled %s in Chinese', (role, zh) => {
    expect(ORG_ROLES).toContain(role);
    expect(ORG_ROLE_LABELS[role].zh).toBe(zh);
    expect(ORG_ROLE_LABELS[role].en.length).toBeGreaterThan(0);
  });

  it('labels exactly the listed ownerships and roles', () => {
    expect(Object.keys(OWNERSHIP_LABELS).sort()).toEqual([...OWNERSHIPS].sort());
    expect(Object.keys(ORG_ROLE_LABELS).sort()).toEqual([...ORG_ROLES].sort());
  });
});
