import { compactVerify, importJWK } from 'jose';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser, login, testPii, testSigner } from '../support/app.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { makeOrganisation, makePerson } from '../support/fixtures.ts';
import { extractProofToken } from '../../src/modules/credentials/index.ts';
import { multipartFile } from '../support/multipart.ts';

let t: TestApp;
let person: Awaited<ReturnType<typeof makePerson>>;
let other: Awaited<ReturnType<typeof makePerson>>;
let employerName: string;
let me: Client;
let employer: Client;
let pdf: Buffer;
let token: string;
let proofId: string;
let signature: string;

const record = (over: Record<string, unknown> = {}) => ({
  year: 2026, category: 'professional', form: 'training', title: '新技术研修', providerName: '浙江大学',
  startDate: '2026-03-01', endDate: '2026-03-10', hours: 40, field: 'next_gen_it', ...over,
});

const multipart = (data: Buffer, fileName = 'proof.pdf', contentType = 'application/pdf') => multipartFile(data, fileName, contentType);

const checkFile = (data: Buffer, contentType?: string) => t.app.inject({ method: 'POST', url: '/api/verify/proofs', ...multipart(data, 'proof.pdf', contentType) });
const openPage = (id: string, sig: string) => t.app.inject({ method: 'GET', url: `/verify/proof/${id}/${sig}` });
const checkLink = (id: string, sig: string) => t.app.inject({ method: 'GET', url: `/api/verify/proofs/${id}/${sig}` });
const verdictOf = (res: LightMyRequestResponse) => /data-testid="verify-verdict" data-genuine="(true|false)"/.exec(res.body)?.[1];

/** Replace the character at `index` of `text` by another base64url character. */
function changeCharAt(text: string, index: number): string {
  return text.slice(0, index) + (text[index] === 'A' ? 'B' : 'A') + text.slice(index + 1);
}

beforeAll(async () => {
  t = await createTestApp();
  const org = await makeOrganisation(t.db, { regionCode: '330100', name: '杭州<测试>医院' });
  employerName = org.name;
  person = await makePerson(t.db, org, { name: '证明甲' });
  other = await makePerson(t.db, org, { name: '证明乙' });
  await createUser(t, 'proof.me', [{ role: 'professional', scopeType: 'organisation', scopeId: org.id }], person.id);
  await createUser(t, 'proof.other', [{ role: 'professional', scopeType: 'organisation', scopeId: org.id }], other.id);
  await createUser(t, 'proof.employer', [{ role: 'organisation_admin', scopeType: 'organisation', scopeId: org.id }]);
  me = await login(t, 'proof.me');
  employer = await login(t, 'proof.employer');
  const declared = (await me.post('/api/me/learning/records', record())).json();
  await employer.post(`/api/learning/records/${declared.id}/review`, { decision: 'approve' });
  await employer.post('/api/learning/records', { ...record({ category: 'public', title: '公需课', hours: 32.5, startDate: '2026-05-01', endDate: '2026-05-06' }), personId: person.id });
});
afterAll(() => t.close());

describe('issuing a proof of hours', () => {
  it('answers a PDF named by the years, whose embedded token verifies to the person’s compliance', async () => {
    const res = await me.post('/api/me/learning/proofs', { years: [2026, 2025] });
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="learning-proof-2025-2026.pdf"; filename*=UTF-8''${encodeURIComponent('学时证明-2025-2026.pdf')}`);
    pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    token = extractProofToken(pdf) ?? '';
    const verified = await testSigner.verify(token);
    expect(verified.ok).toBe(true);
    const statement = (verified as { payload: Record<string, unknown> }).payload;
    proofId = statement.proofId as string;
    signature = token.split('.')[2] as string;
    expect(res.headers['x-proof-id']).toBe(proofId);

    const compliance = (await me.get('/api/me/learning/compliance?from=2025&to=2026')).json().items as Record<string, unknown>[];
    const pick = ({ year, totalHours, publicHours, professionalHours, requiredTotal, compliant }: Record<string, unknown>) => ({ year, totalHours, publicHours, professionalHours, requiredTotal, compliant });
    expect(statement).toMatchObject({
      type: 'learning-hours-proof',
      issuer: '浙江省人力资源和社会保障厅',
      person: { name: '证明甲', idNumberMasked: person.idNumberMasked, employerName },
      years: compliance.map(pick),
    });
    expect(statement.years).toEqual([
      { year: 2025, totalHours: 0, publicHours: 0, professionalHours: 0, requiredTotal: 90, compliant: false },
      { year: 2026, totalHours: 72.5, publicHours: 32.5, professionalHours: 40, requiredTotal: 90, compliant: false },
    ]);
  });

  it('prints the short verification URL (id and signature segment) in the PDF', () => {
    expect(pdf.toString('latin1')).toContain(`/URI (http://localhost:80/verify/proof/${proofId}/${signature})`);
    expect(signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
  });

  it('prints ZHIGENG_PUBLIC_URL instead of the request’s origin when it is configured', async () => {
    const publicUrl = loadConfig({ ZHIGENG_PUBLIC_URL: 'https://ce.example.gov.cn/' }).publicUrl;
    expect(publicUrl).toBe('https://ce.example.gov.cn');
    const app = await buildApp({ db: t.db, pii: testPii, signer: testSigner, publicUrl, logLevel: 'silent' });
    try {
      const client = await login({ app, db: t.db, close: async () => undefined }, 'proof.me');
      const issued = (await client.post('/api/me/learning/proofs', { years: [2026] })).rawPayload;
      const id = (JSON.parse(Buffer.from((extractProofToken(issued) ?? '').split('.')[1] ?? '', 'base64url').toString('utf8')) as { proofId: string }).proofId;
      expect(issued.toString('latin1')).toContain(`/URI (https://ce.example.gov.cn/verify/proof/${id}/`);
    } finally {
      await app.close();
    }
  });

  it('registers the proof and audits the issue in the same transaction', async () => {
    const rows = await t.db.query<{ personId: string; years: number[]; kid: string; token: string; revokedAt: Date | null }>(
      'SELECT person_id AS "personId", years, kid, token, revoked_at AS "revokedAt" FROM learning_proofs WHERE id = $1',
      [proofId],
    );
    expect(rows).toEqual([{ personId: person.id, years: [2025, 2026], kid: testSigner.kid, token, revokedAt: null }]);
    const audit = await t.db.query<{ actorName: string; entity: string; after: Record<string, unknown> }>(
      `SELECT actor_name AS "actorName", entity, after FROM audit_events WHERE action = 'learning.proof_issued' AND entity_id = $1`,
      [proofId],
    );
    expect(audit).toEqual([{ actorName: 'proof.me', entity: 'learning_proof', after: { personId: person.id, years: [2025, 2026], compliant: [false, false], kid: testSigner.kid } }]);
  });

});

describe('who may obtain a proof, and for which years', () => {
  it('proves only the caller’s own person: another professional gets their own name, staff and strangers get nothing', async () => {
    const mine = await login(t, 'proof.other');
    const res = await mine.post('/api/me/learning/proofs', { years: [2026] });
    expect(res.statusCode).toBe(201);
    const payload = (await testSigner.verify(extractProofToken(res.rawPayload) ?? '')) as { ok: true; payload: { person: { name: string } } };
    expect(payload.payload.person.name).toBe('证明乙');
    expect((await mine.post('/api/me/learning/proofs', { years: [2026], personId: person.id })).json().code).toBe('VALIDATION_FAILED');
    const staff = await employer.post('/api/me/learning/proofs', { years: [2026] });
    expect([staff.statusCode, staff.json().code]).toEqual([403, 'FORBIDDEN']);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/me/learning/proofs', payload: { years: [2026] } });
    expect(anonymous.statusCode).toBe(401);
  });

  it.each([
    ['a year that has not begun', { years: [2027] }, 422, 'CREDENTIALS_YEAR_IN_FUTURE'],
    ['no year', { years: [] }, 400, 'VALIDATION_FAILED'],
    ['eleven years', { years: [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026] }, 400, 'VALIDATION_FAILED'],
    ['a year twice', { years: [2026, 2026] }, 400, 'VALIDATION_FAILED'],
  ])('refuses %s', async (_label, body, status, code) => {
    const res = await me.post('/api/me/learning/proofs', body);
    expect([res.statusCode, res.json().code]).toEqual([status, code]);
  });
});

describe('the public verification page', () => {
  it('says genuine, without a session, and shows what the proof states with the ID masked and values escaped', async () => {
    const res = await openPage(proofId, signature);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(verdictOf(res)).toBe('true');
    for (const text of ['真实有效', 'Genuine', '证明甲', person.idNumberMasked, '杭州&lt;测试&gt;医院', '72.5', '32.5', '浙江省人力资源和社会保障厅', proofId]) expect(res.body).toContain(text);
    expect(res.body).not.toContain(person.idNumber);
    expect(res.body).not.toContain('<script');
    expect(res.body.indexOf('真实有效')).toBeLessThan(res.body.indexOf('Genuine'));
  });

  it('says not genuine for a signature with one character changed, an unknown id or a malformed link', async () => {
    for (const res of [await openPage(proofId, changeCharAt(signature, 10)), await openPage('0190a5c4-0000-7000-8000-000000000001', signature), await openPage('not-a-uuid', 'x')]) {
      expect(res.statusCode).toBe(200);
      expect(verdictOf(res)).toBe('false');
      expect(res.body).toContain('验证失败：证明无效或已被篡改');
      expect(res.body).not.toContain('证明甲');
    }
  });

  it('answers machines with JSON: the statement when genuine, a reason otherwise', async () => {
    const genuine = (await checkLink(proofId, signature)).json();
    expect(genuine).toEqual({ genuine: true, statement: (await testSigner.verify(token) as { payload: unknown }).payload });
    expect((await checkLink(proofId, changeCharAt(signature, 0))).json()).toEqual({ genuine: false, reason: 'not_found' });
  });

  it('publishes the public key, with which the embedded token verifies offline', async () => {
    const jwks = (await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json() as { keys: { kid: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual([testSigner.kid]);
    const key = await importJWK(jwks.keys[0] as Parameters<typeof importJWK>[0], 'EdDSA');
    const { payload } = await compactVerify(token, key);
    expect(JSON.parse(new TextDecoder().decode(payload)).proofId).toBe(proofId);
  });
});

describe('checking a proof PDF', () => {
  it('finds the downloaded PDF genuine', async () => {
    const res = await checkFile(pdf);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ genuine: true, statement: { proofId, person: { name: '证明甲' } } });
  });

  it('finds a PDF whose embedded token has one byte changed not genuine', async () => {
    const at = pdf.indexOf(token) + token.indexOf('.') + 20; // inside the signed payload
    const tampered = Buffer.from(pdf);
    tampered[at] = tampered[at] === 0x41 ? 0x42 : 0x41;
    expect(extractProofToken(tampered)).not.toBe(token);
    const res = (await checkFile(tampered)).json();
    expect(res.genuine).toBe(false);
    expect(['bad_signature', 'malformed']).toContain(res.reason);
  });

  it('reports a PDF without a token, and refuses a file that is not a PDF', async () => {
    expect((await checkFile(Buffer.from('%PDF-1.7\n%%EOF\n'))).json()).toEqual({ genuine: false, reason: 'no_token' });
    const notPdf = await checkFile(Buffer.from('hello'), 'text/plain');
    expect([notPdf.statusCode, notPdf.json().code]).toEqual([422, 'CREDENTIALS_NOT_A_PDF']);
  });
});

describe('a stored proof that no longer holds', () => {
  it('says not genuine when the registered token was altered in the database', async () => {
    const [head, payload] = token.split('.') as [string, string];
    const forged = `${head}.${changeCharAt(payload, 30)}.${signature}`;
    await t.db.query('UPDATE learning_proofs SET token = $2 WHERE id = $1', [proofId, forged]);
    try {
      expect(verdictOf(await openPage(proofId, signature))).toBe('false');
      expect(['bad_signature', 'malformed']).toContain((await checkLink(proofId, signature)).json().reason);
    } finally {
      await t.db.query('UPDATE learning_proofs SET token = $2 WHERE id = $1', [proofId, token]);
    }
  });

  it('says revoked once the proof is revoked, on the page, in JSON and for the PDF', async () => {
    await t.db.query('UPDATE learning_proofs SET revoked_at = now() WHERE id = $1', [proofId]);
    const page = await openPage(proofId, signature);
    expect(verdictOf(page)).toBe('false');
    expect(page.body).toContain('验证失败：证明已撤销');
    expect(page.body).toContain('revoked');
    expect((await checkLink(proofId, signature)).json()).toEqual({ genuine: false, reason: 'revoked' });
    expect((await checkFile(pdf)).json()).toEqual({ genuine: false, reason: 'revoked' });
  });
});

describe('limits', () => {
  it('rate-limits PDF checks to 20 a minute per client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await checkFile(Buffer.from('hello'), 'text/plain')).statusCode);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(20);
  });
});
