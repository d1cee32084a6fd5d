// Child process: the full Zhigeng app on a fresh database with ROUNDS published advanced seminars
// of SEATS seats, PEOPLE eligible professionals (a fifth in a designated region) each signed in,
// and the host's administrator signed in — for the enrolment benchmark (bench/seminar-enrolment.ts).
// Usage: node --import tsx bench/server-seminars.ts --engine pg|pglite [--db-url URL] --people N --seats N --rounds N
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../src/platform/db/executor.ts';
import { openPglite } from '../src/platform/db/pglite.ts';
import { openPostgres } from '../src/platform/db/postgres.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { insertAccount, insertGrants, insertSession } from '../src/modules/registry/accounts/repo.ts';
import { newSessionToken } from '../src/modules/registry/accounts/session.ts';
import { type OrgWrite, insertOrganisation } from '../src/modules/registry/organisations/repo.ts';
import { insertPerson } from '../src/modules/registry/people/repo.ts';
import { sealPerson } from '../src/modules/registry/people/service.ts';
import { createRng, generateChineseName, generateCitizenId, generateCreditCode } from '../src/modules/registry/synthetic.ts';
import type { Grant } from '../src/platform/auth/permissions.ts';
import { benchPii, prepareSchema } from './db.ts';
import { announce, argValue, listenInRange, onStop } from './serve.ts';

const engine = argValue('engine');
const dbUrl = argValue('db-url');
const PEOPLE = Number(argValue('people') ?? 500);
const SEATS = Number(argValue('seats') ?? 50);
const ROUNDS = Number(argValue('rounds') ?? 3);
if ((engine !== 'pg' && engine !== 'pglite') || (engine === 'pg' && !dbUrl)) {
  console.error('usage: server-seminars.ts --engine pg|pglite [--db-url URL] --people N --seats N --rounds N');
  process.exit(2);
}

const db: Database = engine === 'pg' ? await openPostgres(dbUrl as string, { max: 20 }) : await openPglite();
const pii = benchPii();
const rng = createRng(2026);
await prepareSchema(db);

async function organisation(regionCode: string, roles: string[]): Promise<OrgWrite> {
  const org: OrgWrite = {
    id: uuidv7(), name: `基准单位${Math.floor(rng() * 1e6)}`, creditCode: generateCreditCode(rng, regionCode), regionCode, provinceCode: `${regionCode.slice(0, 2)}0000`,
    departmentCode: null, ownership: 'public_institution', roles, address: '', contactName: '', grassroots: false,
  };
  await insertOrganisation(db, org);
  return org;
}

/** A session written directly (the login's argon2 round is not what this benchmark measures). */
async function session(username: string, grants: Grant[], personId: string | null): Promise<{ cookie: string; csrf: string }> {
  const accountId = uuidv7();
  await insertAccount(db, { id: accountId, username, displayName: username, passwordHash: 'bench', kind: personId ? 'professional' : 'staff', personId, status: 'active', mustChangePassword: false });
  await insertGrants(db, accountId, grants);
  const s = newSessionToken();
  await insertSession(db, { tokenHash: s.tokenHash, accountId, csrfToken: s.csrfToken, expiresAt: new Date(Date.now() + 6 * 3600_000), ip: '', userAgent: '' });
  return { cookie: `zg_session=${s.token}`, csrf: s.csrfToken };
}

const flagged = (await db.query<{ code: string }>(`SELECT r.code FROM region_flags f JOIN regions r ON r.code = f.region_code WHERE r.level = 2 ORDER BY r.code LIMIT 1`))[0]?.code ?? '150100';
const host = await organisation('330100', ['seminar_host', 'employer']);
const employers = [await organisation('330100', ['employer']), await organisation(flagged, ['employer'])];
const seminars: string[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const id = uuidv7();
  await db.query(
    `INSERT INTO seminars (id, year, host_id, province_code, department_code, title, field, start_date, end_date, days, place, planned_trainees, hours_tenths, funding, status, published_at)
     VALUES ($1, 2099, $2, '330000', 'mohrss', $3, 'digital_tech', '2099-06-01', '2099-06-05', 5, '杭州', $4, 400, 'self', 'approved', '2026-01-01')`,
    [id, host.id, `基准高级研修班 ${r + 1}`, SEATS],
  );
  seminars.push(id);
}
const sessions: { cookie: string; csrf: string }[] = [];
for (let i = 0; i < PEOPLE; i++) {
  const employer = employers[i % 5 === 0 ? 1 : 0] as OrgWrite;
  const idNumber = generateCitizenId(rng, { addressCode: `${employer.regionCode.slice(0, 4)}02` });
  const id = uuidv7();
  await insertPerson(db, sealPerson(pii, id, {
    idNumber, name: generateChineseName(rng), gender: Number(idNumber[16]) % 2 === 1 ? 'M' : 'F',
    birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`, regionCode: employer.regionCode,
    titleSeries: '', titleLevel: 'intermediate', specialty: '', phone: '13800138000', managementPost: false,
  }, { provinceCode: employer.provinceCode, employerId: employer.id }));
  sessions.push(await session(`bench.trainee.${i}`, [{ role: 'professional', scopeType: 'organisation', scopeId: employer.id }], id));
}
const hostSession = await session('bench.host', [{ role: 'organisation_admin', scopeType: 'organisation', scopeId: host.id }], null);

const app = await buildApp({ db, pii, logLevel: 'silent' });
const port = await listenInRange(app, Number(argValue('port-from') ?? 3300));
onStop(async () => {
  await app.close();
  await db.close();
});
announce({ port, seminars, sessions, host: hostSession });
