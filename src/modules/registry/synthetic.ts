// Deterministic generators for demo data and benchmarks. Everything is derived from a seeded PRNG
// so a given seed always rebuilds the same data set, and every generated code passes validation.

import { computeIdCheckDigit } from './people/rules.ts';
import { computeCreditCodeCheck, computeOrgCodeCheck } from './organisations/rules.ts';

export type Rng = () => number;

/** mulberry32: tiny, fast, and good enough for synthetic data (not for anything security-related). */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomInt(rng: Rng, min: number, maxInclusive: number): number {
  return min + Math.floor(rng() * (maxInclusive - min + 1));
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function assertDivisionCode(code: string, what: string): void {
  if (!/^\d{6}$/.test(code)) throw new RangeError(`${what} must be 6 digits, got '${code}'`);
}

export type CitizenIdOptions = {
  /** 6-digit GB/T 2260 code; callers choose it so generated people match their organisations. */
  addressCode: string;
  birthYearFrom?: number;
  birthYearTo?: number;
  gender?: 'M' | 'F';
}

// Default span covers the working-age population that continuing education targets.
const DEFAULT_BIRTH_YEAR_FROM = 1960;
const DEFAULT_BIRTH_YEAR_TO = 2000;

export function generateCitizenId(rng: Rng, opts: CitizenIdOptions): string {
  assertDivisionCode(opts.addressCode, 'addressCode');
  const from = opts.birthYearFrom ?? DEFAULT_BIRTH_YEAR_FROM;
  const to = opts.birthYearTo ?? DEFAULT_BIRTH_YEAR_TO;
  if (from > to) throw new RangeError('birthYearFrom must not exceed birthYearTo');

  const year = randomInt(rng, from, to);
  const month = randomInt(rng, 1, 12);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = randomInt(rng, 1, daysInMonth);

  const gender = opts.gender ?? (rng() < 0.5 ? 'M' : 'F');
  // The 17th digit carries gender (odd male, even female); the two before it are free.
  const sequence = randomInt(rng, 0, 99);
  const genderDigit = randomInt(rng, 0, 4) * 2 + (gender === 'M' ? 1 : 0);

  const first17 = `${opts.addressCode}${pad(year, 4)}${pad(month, 2)}${pad(day, 2)}${pad(sequence, 2)}${genderDigit}`;
  return first17 + computeIdCheckDigit(first17);
}

// Common registration-authority + organisation-type pairs (9x = market regulator, 1x = government
// bodies, 5x = civil affairs); keeps demo data looking like real registrations.
const CREDIT_CODE_PREFIXES = ['91', '91', '91', '92', '93', '11', '12', '13', '51', '52', '53'] as const;
// Organisation codes are mostly digits; letters are limited to those also valid in credit codes.
const ORG_CODE_CHARS: readonly string[] = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];
const ORG_CODE_DIGITS: readonly string[] = [...'0123456789'];

export function generateCreditCode(rng: Rng, divisionCode: string): string {
  assertDivisionCode(divisionCode, 'divisionCode');
  let org = '';
  for (let i = 0; i < 8; i++) {
    // Roughly one position in ten is a letter, mirroring real organisation codes.
    org += rng() < 0.1 ? pick(rng, ORG_CODE_CHARS) : pick(rng, ORG_CODE_DIGITS);
  }
  const first17 = `${pick(rng, CREDIT_CODE_PREFIXES)}${divisionCode}${org}${computeOrgCodeCheck(org)}`;
  return first17 + computeCreditCodeCheck(first17);
}

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭',
  '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾',
  '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡', '余', '杜', '叶', '程', '苏', '魏', '吕', '丁',
] as const;

const GIVEN_NAME_CHARS = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明',
  '超', '秀', '霞', '平', '刚', '桂', '英', '华', '建', '国', '文', '辉', '玲', '红', '宇', '浩',
  '晨', '欣', '怡', '婷', '雪', '琳', '佳', '鑫', '博', '俊', '志', '海', '波', '峰', '丹', '萍',
  '鹏', '飞', '慧', '颖', '嘉', '思', '雨', '子', '睿', '泽', '宁', '晓', '春', '梅', '亮', '斌',
] as const;

/** Surname plus one or two given-name characters (2–3 characters in total). */
export function generateChineseName(rng: Rng): string {
  const surname = pick(rng, SURNAMES);
  const givenLength = rng() < 0.35 ? 1 : 2;
  let given = '';
  for (let i = 0; i < givenLength; i++) given += pick(rng, GIVEN_NAME_CHARS);
  return surname + given;
}

// Real mainland number-block prefixes, so generated numbers look plausible to reviewers.
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '147', '150', '151',
  '152', '153', '155', '156', '157', '158', '159', '166', '173', '175', '176', '177', '178',
  '180', '181', '182', '183', '184', '185', '186', '187', '188', '189', '191', '198', '199',
] as const;

export function generateMobile(rng: Rng): string {
  return pick(rng, MOBILE_PREFIXES) + pad(randomInt(rng, 0, 99_999_999), 8);
}
