import { describe, it, expect } from 'vitest';
import {
  TITLE_LEVELS,
  TITLE_LEVEL_LABELS,
  computeIdCheckDigit,
  maskIdNumber,
  maskPhone,
  parseCitizenId,
  parseMobilePhone,
} from '../../src/modules/registry/people/rules.ts';

const NOW = new Date('2025-06-15T00:00:00Z');

// Fixtures for date/region cases need a correct check digit so that only the field under test fails;
// computeIdCheckDigit itself is pinned to hand-computed values below.
const withCheck = (first17: string): string => first17 + computeIdCheckDigit(first17);

describe('computeIdCheckDigit (ISO 7064 MOD 11-2)', () => {
  // Expected characters computed by hand from the GB 11643 weights, independently of the implementation.
  it.each([
    ['11010519491231002', 'X'],
    ['33010619900101123', 'X'],
    ['44030420000229001', '4'],
    ['11010519491231001', '1'],
    ['33010619900307002', '2'],
    ['51010219850615234', '9'],
    ['44030480010112345', '6'],
  ])('gives %s the check character %s', (first17, expected) => {
    expect(computeIdCheckDigit(first17)).toBe(expected);
  });

  it.each([['1101051949123100'], ['110105194912310021'], ['1101051949123100X'], ['']])(
    'rejects %j because it is not exactly 17 digits',
    (input) => {
      expect(() => computeIdCheckDigit(input)).toThrow(RangeError);
    },
  );
});

describe('parseCitizenId accepts valid IDs', () => {
  it.each([
    ['11010519491231002X', '11010519491231002X', 'F', '1949-12-31', '110000', '110105'],
    ['33010619900101123X', '33010619900101123X', 'M', '1990-01-01', '330000', '330106'],
    ['440304200002290014', '440304200002290014', 'M', '2000-02-29', '440000', '440304'],
    ['510102198506152349', '510102198506152349', 'F', '1985-06-15', '510000', '510102'],
    ['11010519491231002x', '11010519491231002X', 'F', '1949-12-31', '110000', '110105'],
    ['  11010519491231002X\n', '11010519491231002X', 'F', '1949-12-31', '110000', '110105'],
    ['130103850101222', '13010319850101222X', 'F', '1985-01-01', '130000', '130103'],
    ['330106900101123', '33010619900101123X', 'M', '1990-01-01', '330000', '330106'],
  ])('%j → %s (%s, born %s, province %s)', (raw, idNumber, gender, birthDate, provinceCode, addressCode) => {
    expect(parseCitizenId(raw, NOW)).toEqual({
      ok: true,
      idNumber,
      gender,
      birthDate,
      provinceCode,
      addressCode,
    });
  });

  it.each(['71', '81', '82', '65', '11'])('accepts province prefix %s', (prefix) => {
    expect(parseCitizenId(withCheck(`${prefix}010119800101001`), NOW).ok).toBe(true);
  });

  it('accepts someone born on the current China calendar day even while it is still yesterday in UTC', () => {
    const lateEveningUtc = new Date('2025-06-14T20:00:00Z'); // 04:00 on 15 June in Beijing
    expect(parseCitizenId(withCheck('11010520250615001'), lateEveningUtc).ok).toBe(true);
  });

  it('accepts the earliest allowed birth date, 1900-01-01', () => {
    expect(parseCitizenId(withCheck('11010519000101001'), NOW).ok).toBe(true);
  });
});

describe('parseCitizenId rejects invalid IDs with a specific reason', () => {
  it.each([
    ['an empty string', '', 'ID_LENGTH'],
    ['17 characters', '11010519491231002', 'ID_LENGTH'],
    ['16 characters', '1101051949123100', 'ID_LENGTH'],
    ['19 characters', '11010519491231002X0', 'ID_LENGTH'],
    ['a letter in the body', '1101051949A231002X', 'ID_FORMAT'],
    ['an X not in the last position', '11010519491231X021', 'ID_FORMAT'],
    ['a check character other than a digit or X', '11010519491231002Y', 'ID_FORMAT'],
    ['an X in a 15-digit legacy ID', '13010385010122X', 'ID_FORMAT'],
    ['inner spaces', '110105 19491231002', 'ID_FORMAT'],
    ['province code 99', withCheck('99010519491231002'), 'ID_REGION'],
    ['province code 00', withCheck('00010519491231002'), 'ID_REGION'],
    ['province code 10', withCheck('10010519491231002'), 'ID_REGION'],
    ['province code 99 in a legacy ID', '990105850101222', 'ID_REGION'],
    ['30 February', withCheck('11010519900230001'), 'ID_BIRTH_DATE'],
    ['29 February in a non-leap year', withCheck('11010520230229001'), 'ID_BIRTH_DATE'],
    ['29 February 1900 (century, not leap)', withCheck('11010519000229001'), 'ID_BIRTH_DATE'],
    ['month 13', withCheck('11010519901301001'), 'ID_BIRTH_DATE'],
    ['month 00', withCheck('11010519900001001'), 'ID_BIRTH_DATE'],
    ['day 00', withCheck('11010519900100001'), 'ID_BIRTH_DATE'],
    ['31 April', withCheck('11010519900431001'), 'ID_BIRTH_DATE'],
    ['a birth date before 1900', withCheck('11010518991231001'), 'ID_BIRTH_DATE'],
    ['a birth date tomorrow', withCheck('11010520250616001'), 'ID_BIRTH_DATE'],
    ['a birth date next century', withCheck('11010521000101001'), 'ID_BIRTH_DATE'],
    ['an impossible date in a legacy ID', '130103850230222', 'ID_BIRTH_DATE'],
    ['check digit 1 instead of X', '110105194912310021', 'ID_CHECK_DIGIT'],
    ['check digit X instead of 4', '44030420000229001X', 'ID_CHECK_DIGIT'],
    ['transposed sequence digits', '11010519491231020X', 'ID_CHECK_DIGIT'],
  ])('rejects %s as %s', (_label, raw, reason) => {
    expect(parseCitizenId(raw, NOW)).toEqual({ ok: false, reason });
  });

  it('judges "future" against the supplied clock, not the real one', () => {
    const id = withCheck('11010520250616001');
    expect(parseCitizenId(id, NOW)).toEqual({ ok: false, reason: 'ID_BIRTH_DATE' });
    expect(parseCitizenId(id, new Date('2025-06-16T00:00:00Z')).ok).toBe(true);
  });
});

describe('maskIdNumber', () => {
  it.each([
    ['330106199001011234', '3301**********1234'],
    ['11010519491231002X', '1101**********002X'],
    ['130103850101222', '1301*******1222'],
    ['123456789', '1234*6789'],
    ['12345678', '********'],
    ['123', '***'],
    ['', ''],
  ])('masks %j as %j', (input, expected) => {
    expect(maskIdNumber(input)).toBe(expected);
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['12345678', '123*5678'],
    ['1234567', '*******'],
    ['123', '***'],
    ['', ''],
  ])('masks %j as %j', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });
});

describe('parseMobilePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    [' 138 1234 5678 ', '13812345678'],
    ['19912345678', '19912345678'],
  ])('accepts %j as %s', (raw, phone) => {
    expect(parseMobilePhone(raw)).toEqual({ ok: true, phone });
  });

  it.each([
    ['a number starting 12', '12812345678'],
    ['a number starting 10', '10812345678'],
    ['10 digits', '1381234567'],
    ['12 digits', '138123456789'],
    ['a landline', '02112345678'],
    ['a foreign country code', '+4413812345678'],
    ['letters', '1381234567a'],
    ['an empty string', ''],
  ])('rejects %s', (_label, raw) => {
    expect(parseMobilePhone(raw)).toEqual({ ok: false });
  });
});

describe('title levels', () => {
  it('are ordered from no title up to senior', () => {
    expect(TITLE_LEVELS).toEqual(['none', 'junior', 'intermediate', 'deputy_senior', 'senior']);
  });

  it.each([
    ['none', '无', 'None'],
    ['junior', '初级', 'Junior'],
    ['intermediate', '中级', 'Intermediate'],
    ['deputy_senior', '副高级', 'Deputy senior'],
    ['senior', '正高级', 'Senior'],
  ] as const)('label %s as %s / %s', (level, zh, en) => {
    expect(TITLE_LEVEL_LABELS[level]).toEqual({ zh, en });
  });
});
