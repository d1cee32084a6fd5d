import { parseYesNo } from '../../../platform/files/cell-values.ts';
import type { ErrorDetail } from '../../../platform/http/errors.ts';
import { TITLE_LEVELS, TITLE_LEVEL_LABELS, type TitleLevel, maskIdNumber, parseCitizenId, parseMobilePhone } from './rules.ts';

/** Raw person fields as typed in a form or read from one row of an import file. */
export type PersonFieldsInput = {
  idNumber: string;
  name: string;
  regionCode: string;
  titleSeries?: string;
  titleLevel?: string;
  specialty?: string;
  phone?: string;
  /** 是否担任管理岗位: a boolean from the API, a yes/no cell from an import; absent means no. */
  managementPost?: boolean | string;
};

export type PersonFields = {
  idNumber: string;
  name: string;
  gender: 'M' | 'F';
  birthDate: string;
  regionCode: string;
  titleSeries: string;
  titleLevel: TitleLevel;
  specialty: string;
  phone: string | null;
  /** Holds a management post (管理岗位): qualifies for seminar enrolment below an intermediate title (DOMAIN §6.3). */
  managementPost: boolean;
};

const NAME_PATTERN = /^[\p{Script=Han}A-Za-z·•.\s]{1,50}$/u;

/** Accept the key or either label ('intermediate', '中级', 'Intermediate'); empty means none. */
export function parseTitleLevel(raw: string | undefined): TitleLevel | null {
  const value = (raw ?? '').trim();
  if (value === '') return 'none';
  for (const level of TITLE_LEVELS) {
    const label = TITLE_LEVEL_LABELS[level];
    if (value === level || value === label.zh || value.toLowerCase() === label.en.toLowerCase()) return level;
  }
  return null;
}

/** Validate every field and collect all problems, each naming its field (pure, no I/O). */
export function validatePersonFields(input: PersonFieldsInput, now: Date): { ok: true; value: PersonFields } | { ok: false; details: ErrorDetail[] } {
  const details: ErrorDetail[] = [];
  const id = parseCitizenId(input.idNumber ?? '', now);
  // Even a wrong ID number is personal data: reports echo it masked.
  if (!id.ok) details.push({ code: id.reason, path: '/idNumber', value: maskIdNumber((input.idNumber ?? '').trim()) });
  const name = (input.name ?? '').trim();
  if (!NAME_PATTERN.test(name)) details.push({ code: 'FIELD_INVALID', path: '/name', value: input.name, params: { column: 'name' } });
  const regionCode = (input.regionCode ?? '').trim();
  if (!/^\d{6}$/.test(regionCode)) details.push({ code: 'REGION_NOT_FOUND', path: '/regionCode', value: regionCode, params: { code: regionCode } });
  const titleLevel = parseTitleLevel(input.titleLevel);
  if (!titleLevel) details.push({ code: 'IMPORT_VALUE_UNKNOWN', path: '/titleLevel', value: input.titleLevel });
  let phone: string | null = null;
  if (input.phone && input.phone.trim() !== '') {
    const parsed = parseMobilePhone(input.phone);
    if (parsed.ok) phone = parsed.phone;
    else details.push({ code: 'PHONE_INVALID', path: '/phone', value: input.phone });
  }
  const managementPost = parseYesNo(input.managementPost);
  if (managementPost === null) details.push({ code: 'IMPORT_YES_NO_INVALID', path: '/managementPost', value: String(input.managementPost) });
  if (details.length || !id.ok || !titleLevel || managementPost === null) return { ok: false, details };
  return {
    ok: true,
    value: {
      idNumber: id.idNumber,
      name,
      gender: id.gender,
      birthDate: id.birthDate,
      regionCode,
      titleSeries: (input.titleSeries ?? '').trim().slice(0, 50),
      titleLevel,
      specialty: (input.specialty ?? '').trim().slice(0, 100),
      phone,
      managementPost,
    },
  };
}
