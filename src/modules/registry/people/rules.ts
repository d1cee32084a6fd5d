// Pure validation and formatting rules for people in the registry.
// No I/O and no clock access: callers pass `now` so results are reproducible in tests and imports.

export type IdCheckFailure =
  | 'ID_LENGTH'
  | 'ID_FORMAT'
  | 'ID_REGION'
  | 'ID_BIRTH_DATE'
  | 'ID_CHECK_DIGIT';

export type CitizenIdResult =
  | {
      ok: true;
      /** Normalised 18-character form (legacy 15-digit IDs are upgraded). */
      idNumber: string;
      gender: 'M' | 'F';
      /** YYYY-MM-DD */
      birthDate: string;
      /** Province-level division code, 6 digits, e.g. '330000'. */
      provinceCode: string;
      /** The 6-digit address code exactly as written in the ID. */
      addressCode: string;
    }
  | { ok: false; reason: IdCheckFailure };

// GB 11643-1999 weights for positions 1–17, ISO 7064 MOD 11-2.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARS = '10X98765432';

// Province-level prefixes of GB/T 2260 (incl. 71/81/82 used on residence permits).
const PROVINCE_PREFIXES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64',
  '65', '71', '81', '82',
]);

// Birth dates before this are implausible for living professionals and usually typos.
const EARLIEST_BIRTH_DATE = '1900-01-01';

// China has a single time zone with no DST; judging "future" on the China calendar avoids
// rejecting someone born today merely because the server clock runs in UTC.
const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Computes the GB 11643 check character for the first 17 digits. Throws on malformed input. */
export function computeIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError('computeIdCheckDigit expects exactly 17 digits');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11];
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the following month is the last day of `month`, leap years included.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

function chinaCalendarDate(now: Date): string {
  return new Date(now.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Parses and validates a mainland citizen ID (18-digit, or legacy 15-digit which is upgraded).
 * Checks run cheapest-first so the reason reported is the most fundamental problem.
 */
export function parseCitizenId(raw: string, now: Date): CitizenIdResult {
  const trimmed = raw.trim().toUpperCase();
  if (trimmed.length !== 15 && trimmed.length !== 18) return { ok: false, reason: 'ID_LENGTH' };

  const legacy = trimmed.length === 15;
  if (legacy ? !/^\d{15}$/.test(trimmed) : !/^\d{17}[\dX]$/.test(trimmed)) {
    return { ok: false, reason: 'ID_FORMAT' };
  }

  // Legacy IDs were only issued to people born in the 1900s, so the century is fixed.
  const first17 = legacy ? `${trimmed.slice(0, 6)}19${trimmed.slice(6, 15)}` : trimmed.slice(0, 17);

  const addressCode = first17.slice(0, 6);
  const provincePrefix = addressCode.slice(0, 2);
  if (!PROVINCE_PREFIXES.has(provincePrefix)) return { ok: false, reason: 'ID_REGION' };

  const year = Number(first17.slice(6, 10));
  const month = Number(first17.slice(10, 12));
  const day = Number(first17.slice(12, 14));
  const birthDate = `${first17.slice(6, 10)}-${first17.slice(10, 12)}-${first17.slice(12, 14)}`;
  if (
    !isRealDate(year, month, day) ||
    birthDate < EARLIEST_BIRTH_DATE ||
    birthDate > chinaCalendarDate(now)
  ) {
    return { ok: false, reason: 'ID_BIRTH_DATE' };
  }

  const check = computeIdCheckDigit(first17);
  if (!legacy && trimmed[17] !== check) return { ok: false, reason: 'ID_CHECK_DIGIT' };

  return {
    ok: true,
    idNumber: first17 + check,
    gender: Number(first17[16]) % 2 === 1 ? 'M' : 'F',
    birthDate,
    provinceCode: `${provincePrefix}0000`,
    addressCode,
  };
}

/** '330106199001011234' → '3301**********1234'. Strings too short to keep anything hidden are fully masked. */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** '13812345678' → '138****5678'. Strings too short to keep anything hidden are fully masked. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

/** Accepts a mainland mobile number with an optional +86/86 prefix; spaces and dashes are ignored. */
export function parseMobilePhone(raw: string): { ok: true; phone: string } | { ok: false } {
  const compact = raw.replace(/[\s-]/g, '');
  const match = /^(?:\+?86)?(1[3-9]\d{9})$/.exec(compact);
  return match ? { ok: true, phone: match[1] } : { ok: false };
}

// Ordered lowest to highest so index comparisons express "at least this level".
export const TITLE_LEVELS = ['none', 'junior', 'intermediate', 'deputy_senior', 'senior'] as const;

export type TitleLevel = (typeof TITLE_LEVELS)[number];

export const TITLE_LEVEL_LABELS: Record<TitleLevel, { zh: string; en: string }> = {
  none: { zh: '无', en: 'None' },
  junior: { zh: '初级', en: 'Junior' },
  intermediate: { zh: '中级', en: 'Intermediate' },
  deputy_senior: { zh: '副高级', en: 'Deputy senior' },
  senior: { zh: '正高级', en: 'Senior' },
};
