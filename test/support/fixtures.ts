import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../src/platform/db/executor.ts';
import { type OrgWrite, insertOrganisation } from '../../src/modules/registry/organisations/repo.ts';
import { createRng, generateChineseName, generateCitizenId, generateCreditCode } from '../../src/modules/registry/synthetic.ts';
import { insertPerson } from '../../src/modules/registry/people/repo.ts';
import { sealPerson } from '../../src/modules/registry/people/service.ts';
import { createPiiCipher } from '../../src/platform/crypto/pii.ts';
import { createTestDatabase } from './db.ts';

const pii = createPiiCipher(Buffer.alloc(32, 7));
const rng = createRng(42);

export const createDb = createTestDatabase;

/** Factory: an active organisation in a city (defaults: an employer in Hangzhou). */
export async function makeOrganisation(db: Database, over: Partial<OrgWrite> = {}): Promise<OrgWrite> {
  const regionCode = over.regionCode ?? '330100';
  const org: OrgWrite = {
    id: uuidv7(),
    name: `测试单位${Math.floor(rng() * 1e6)}`,
    creditCode: generateCreditCode(rng, regionCode),
    regionCode,
    provinceCode: `${regionCode.slice(0, 2)}0000`,
    departmentCode: null,
    ownership: 'private',
    roles: ['employer'],
    address: '',
    contactName: '',
    grassroots: false,
    ...over,
  };
  await insertOrganisation(db, org);
  return org;
}

/** Factory: a person employed by `employer`, with a valid generated citizen ID. */
export async function makePerson(db: Database, employer: OrgWrite, over: { name?: string; idNumber?: string; managementPost?: boolean } = {}) {
  const idNumber = over.idNumber ?? generateCitizenId(rng, { addressCode: `${employer.regionCode.slice(0, 4)}02` });
  const id = uuidv7();
  const sealed = sealPerson(pii, id, {
    idNumber,
    name: over.name ?? generateChineseName(rng),
    gender: Number(idNumber[16]) % 2 === 1 ? 'M' : 'F',
    birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
    regionCode: employer.regionCode,
    titleSeries: '',
    titleLevel: 'intermediate',
    specialty: '',
    phone: '13800138000',
    managementPost: over.managementPost ?? false,
  }, { provinceCode: employer.provinceCode, employerId: employer.id });
  await insertPerson(db, sealed);
  return { id, idNumber, name: sealed.name, idNumberMasked: sealed.idNumberMasked };
}

export function validCreditCode(regionCode = '330100'): string {
  return generateCreditCode(rng, regionCode);
}

export function validCitizenId(addressCode = '330102'): string {
  return generateCitizenId(rng, { addressCode });
}
