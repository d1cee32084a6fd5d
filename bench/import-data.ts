// Synthetic input for the people-import benchmark: ~50 employers with valid credit codes in
// Zhejiang and Guangdong, and N people with valid citizen IDs in the import template's format.
import { v7 as uuidv7 } from 'uuid';
import type { PiiCipher } from '../src/platform/crypto/pii.ts';
import type { Executor } from '../src/platform/db/executor.ts';
import { headerLabel } from '../src/platform/files/table-file.ts';
import { buildDemoOrganisations, encodeOrganisationsCsv } from '../src/modules/registry/demo.ts';
import { ORG_COLUMNS, type OrgWrite } from '../src/modules/registry/organisations/repo.ts';
import { validatePersonFields } from '../src/modules/registry/people/fields.ts';
import { PERSON_IMPORT_COLUMNS, encodePeopleCsv } from '../src/modules/registry/people/import.ts';
import type { PersonWrite } from '../src/modules/registry/people/repo.ts';
import { TITLE_LEVELS, TITLE_LEVEL_LABELS } from '../src/modules/registry/people/rules.ts';
import { sealPerson } from '../src/modules/registry/people/service.ts';
import { type Rng, generateChineseName, generateCitizenId, generateMobile } from '../src/modules/registry/synthetic.ts';

export const BENCH_PROVINCES = ['330000', '440000'] as const;

const TITLE_SERIES = ['工程技术', '卫生技术', '高等学校教师', '经济', '会计', '农业技术'];
const SPECIALTIES = ['软件工程', '临床医学', '电气工程', '环境工程', '会计学', '数据科学', '机械设计'];

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

type City = { code: string; name: string };

export type Employers = { orgs: OrgWrite[]; citiesByProvince: Map<string, City[]> };

/** Create `count` active employers, half in each province, written with one COPY. */
export async function createEmployers(db: Executor, rng: Rng, count = 50): Promise<Employers> {
  const citiesByProvince = new Map<string, City[]>();
  const orgs: OrgWrite[] = [];
  const perProvince = Math.ceil(count / BENCH_PROVINCES.length);
  for (const province of BENCH_PROVINCES) {
    const cities = await db.query<City>('SELECT code, name FROM regions WHERE parent_code = $1 ORDER BY code', [province]);
    if (cities.length === 0) throw new Error(`no cities under ${province}: reference data missing?`);
    citiesByProvince.set(province, cities);
    orgs.push(...buildDemoOrganisations(rng, province, cities, perProvince));
  }
  await db.copyCsv('organisations', ORG_COLUMNS, encodeOrganisationsCsv(orgs));
  return { orgs, citiesByProvince };
}

/** One row of the import file, before any checking. */
export type ImportRow = {
  idNumber: string;
  name: string;
  regionCode: string;
  employer: OrgWrite;
  titleSeries: string;
  titleLevel: string;
  specialty: string;
  phone: string;
};

/** `count` people with distinct valid IDs; each lives in a city of its employer's province. */
export function buildImportRows(rng: Rng, employers: Employers, count: number): ImportRow[] {
  const used = new Set<string>();
  const rows: ImportRow[] = [];
  while (rows.length < count) {
    const employer = employers.orgs[rows.length % employers.orgs.length];
    const cities = employers.citiesByProvince.get(employer.provinceCode) ?? [];
    const city = pick(rng, cities);
    const idNumber = generateCitizenId(rng, { addressCode: `${city.code.slice(0, 4)}02`, birthYearFrom: 1962, birthYearTo: 2000 });
    if (used.has(idNumber)) continue;
    used.add(idNumber);
    const level = pick(rng, TITLE_LEVELS);
    rows.push({
      idNumber,
      name: generateChineseName(rng),
      regionCode: city.code,
      employer,
      titleSeries: level === 'none' ? '' : pick(rng, TITLE_SERIES),
      titleLevel: TITLE_LEVEL_LABELS[level].zh,
      specialty: pick(rng, SPECIALTIES),
      phone: generateMobile(rng),
    });
  }
  return rows;
}

function cell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The file a user would upload: UTF-8 CSV with the template's bilingual headers. */
export function encodeImportCsv(rows: readonly ImportRow[]): Buffer {
  const header = PERSON_IMPORT_COLUMNS.map(headerLabel).map(cell).join(',');
  const lines = rows.map((r) =>
    [r.idNumber, r.name, r.regionCode, r.employer.creditCode, r.titleSeries, r.titleLevel, r.specialty, r.phone].map(cell).join(','),
  );
  return Buffer.from(`${header}\n${lines.join('\n')}\n`, 'utf8');
}

/** The same people validated and sealed (encrypted, hashed, masked) as the import would write them. */
export function sealRows(pii: PiiCipher, rows: readonly ImportRow[], now: Date): PersonWrite[] {
  return rows.map((r) => {
    const checked = validatePersonFields(r, now);
    if (!checked.ok) throw new Error(`generated row is invalid: ${JSON.stringify(checked.details)}`);
    return sealPerson(pii, uuidv7(), checked.value, { provinceCode: r.employer.provinceCode, employerId: r.employer.id });
  });
}

/** COPY-ready CSV of sealed rows (the baseline's input, built outside its timing). */
export function encodeSealedCsv(people: PersonWrite[]): string {
  return encodePeopleCsv(people);
}
