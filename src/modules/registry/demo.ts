import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { createBootstrapAccount } from './accounts/bootstrap.ts';
import { generatePassword } from './accounts/passwords.ts';
import { type OrgWrite, ORG_COLUMNS } from './organisations/repo.ts';
import { OWNERSHIPS, type Ownership } from './organisations/rules.ts';
import { encodePeopleCsv } from './people/import.ts';
import { PERSON_COLUMNS, type PersonWrite } from './people/repo.ts';
import { TITLE_LEVELS } from './people/rules.ts';
import { sealPerson } from './people/service.ts';
import { type Rng, createRng, generateChineseName, generateCitizenId, generateCreditCode, generateMobile } from './synthetic.ts';
import { csvField } from '../../platform/files/row-issues.ts';

export const DEMO_PROVINCES = [
  { code: '330000', key: 'zj' },
  { code: '440000', key: 'gd' },
] as const;

const ORG_PATTERNS: { suffix: string; ownership: Ownership; roles: string[]; department: string | null }[] = [
  { suffix: '人民医院', ownership: 'public_institution', roles: ['employer'], department: null },
  { suffix: '软件科技有限公司', ownership: 'private', roles: ['employer'], department: 'miit' },
  { suffix: '电子信息集团有限公司', ownership: 'state_owned', roles: ['employer', 'seminar_host'], department: 'miit' },
  { suffix: '职业技术学院', ownership: 'public_institution', roles: ['employer', 'training_institution', 'ce_base'], department: 'moe' },
  { suffix: '工程咨询协会', ownership: 'social_organisation', roles: ['employer', 'evaluation_institution'], department: null },
  { suffix: '新能源技术有限公司', ownership: 'foreign', roles: ['employer'], department: 'nea' },
  { suffix: '生态环境监测中心', ownership: 'public_institution', roles: ['employer'], department: 'mee' },
  { suffix: '应急管理培训中心', ownership: 'government', roles: ['employer', 'training_institution'], department: 'mem' },
];
const TITLE_SERIES = ['工程技术', '卫生技术', '高等学校教师', '经济', '会计', '农业技术', '自然科学研究'];
const SPECIALTIES = ['软件工程', '临床医学', '电气工程', '环境工程', '会计学', '数据科学', '机械设计', '应急管理'];

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

type City = { code: string; name: string };

async function listCities(tx: Executor, provinceCode: string): Promise<City[]> {
  return tx.query<City>(`SELECT code, name FROM regions WHERE parent_code = $1 ORDER BY code`, [provinceCode]);
}

/** Organisations spread over a province's cities, every one with a valid credit code. */
export function buildDemoOrganisations(rng: Rng, provinceCode: string, cities: City[], count: number): OrgWrite[] {
  return Array.from({ length: count }, (_, i) => {
    const city = cities[i % cities.length] as City;
    const pattern = ORG_PATTERNS[i % ORG_PATTERNS.length] as (typeof ORG_PATTERNS)[number];
    const cityShort = city.name.replace(/(市|地区|自治州|盟)$/, '');
    return {
      id: uuidv7(),
      name: `${cityShort}${i < cities.length ? '' : `第${Math.floor(i / cities.length) + 1}`}${pattern.suffix}`,
      creditCode: generateCreditCode(rng, city.code),
      regionCode: city.code,
      provinceCode,
      departmentCode: pattern.department ? `${pattern.department}.${provinceCode}` : null,
      ownership: OWNERSHIPS.includes(pattern.ownership) ? pattern.ownership : 'private',
      roles: pattern.roles,
      address: `${city.name}示范路 ${i + 1} 号`,
      contactName: generateChineseName(rng),
      grassroots: false,
    };
  });
}

export function encodeOrganisationsCsv(orgs: OrgWrite[]): string {
  return `${orgs
    .map((o) => [o.id, csvField(o.name), o.creditCode, o.regionCode, o.provinceCode, o.departmentCode ?? '', o.ownership, csvField(`{${o.roles.join(',')}}`), csvField(o.address), csvField(o.contactName), o.grassroots ? 't' : 'f'].join(','))
    .join('\n')}\n`;
}

/** Synthetic people working for the given employers, with valid IDs born in their region. */
export function buildDemoPeople(ctx: Ctx, rng: Rng, employers: OrgWrite[], count: number): PersonWrite[] {
  const used = new Set<string>();
  const people: PersonWrite[] = [];
  while (people.length < count) {
    const employer = employers[people.length % employers.length] as OrgWrite;
    const idNumber = generateCitizenId(rng, { addressCode: `${employer.regionCode.slice(0, 4)}02`, birthYearFrom: 1962, birthYearTo: 2000 });
    if (used.has(idNumber)) continue;
    used.add(idNumber);
    const gender = Number(idNumber[16]) % 2 === 1 ? 'M' : 'F';
    const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
    const level = pick(rng, TITLE_LEVELS);
    people.push(
      sealPerson(
        ctx.pii,
        uuidv7(),
        {
          idNumber, name: generateChineseName(rng), gender, birthDate, regionCode: employer.regionCode,
          titleSeries: level === 'none' ? '' : pick(rng, TITLE_SERIES), titleLevel: level, specialty: pick(rng, SPECIALTIES), phone: generateMobile(rng),
          managementPost: false,
        },
        { provinceCode: employer.provinceCode, employerId: employer.id },
      ),
    );
  }
  return people;
}

export type DemoResult = { password: string; generatedPassword: boolean };

/**
 * Demo data for a first start: two fully populated provinces (Zhejiang, Guangdong) with about
 * 50 organisations and 1,000 people each, and one account per role. Idempotent: it runs only
 * when the database has no organisations yet.
 */
export async function loadDemoData(ctx: Ctx, options: { password?: string; orgsPerProvince?: number; peoplePerProvince?: number }): Promise<DemoResult | null> {
  const password = options.password ?? generatePassword();
  const orgCount = options.orgsPerProvince ?? 50;
  const peopleCount = options.peoplePerProvince ?? 1000;
  return ctx.db.transaction(async (tx) => {
    const existing = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM organisations');
    if ((existing[0]?.n ?? 0) > 0) return null;
    const rng = createRng(20230414);
    const orgsByProvince = new Map<string, OrgWrite[]>();
    const allPeople: PersonWrite[] = [];
    for (const province of DEMO_PROVINCES) {
      const orgs = buildDemoOrganisations(rng, province.code, await listCities(tx, province.code), orgCount);
      orgsByProvince.set(province.code, orgs);
      allPeople.push(...buildDemoPeople(ctx, rng, orgs, peopleCount));
    }
    const allOrgs = [...orgsByProvince.values()].flat();
    await tx.copyCsv('organisations', ORG_COLUMNS, encodeOrganisationsCsv(allOrgs));
    await tx.copyCsv('people', PERSON_COLUMNS, encodePeopleCsv(allPeople));
    await recordAudit(tx, ctx, { action: 'demo.loaded', entity: 'demo', entityId: 'demo', after: { organisations: allOrgs.length, people: allPeople.length } });
    const zjOrg = (orgsByProvince.get('330000') as OrgWrite[])[0] as OrgWrite;
    const demoPerson = allPeople.find((p) => p.employerId === zjOrg.id) as PersonWrite;
    const accounts = [
      { username: 'province.zj', displayName: '浙江省人社厅管理员', grants: [{ role: 'province_admin', scopeType: 'region', scopeId: '330000' }] },
      { username: 'province.gd', displayName: '广东省人社厅管理员', grants: [{ role: 'province_admin', scopeType: 'region', scopeId: '440000' }] },
      { username: 'dept.miit', displayName: '工业和信息化部管理员', grants: [{ role: 'department_admin', scopeType: 'department', scopeId: 'miit' }] },
      { username: 'org.demo', displayName: `${zjOrg.name}管理员`, grants: [{ role: 'organisation_admin', scopeType: 'organisation', scopeId: zjOrg.id }] },
      { username: 'expert.demo', displayName: '评审专家（示例）', grants: [{ role: 'expert', scopeType: 'nation', scopeId: '000000' }] },
      { username: 'inspector.demo', displayName: '检查人员（示例）', grants: [{ role: 'inspector', scopeType: 'region', scopeId: '330000' }] },
      { username: 'person.demo', displayName: demoPerson.name, personId: demoPerson.id, grants: [{ role: 'professional', scopeType: 'organisation', scopeId: zjOrg.id }] },
    ] as const;
    for (const a of accounts) {
      await createBootstrapAccount(tx, ctx, { ...a, grants: [...a.grants], password });
    }
    return { password, generatedPassword: options.password === undefined };
  });
}
