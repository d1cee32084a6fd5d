import { createHash, timingSafeEqual } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit/record.ts';
import { type Ctx, requireActor } from '../../platform/context.ts';
import type { Signer } from '../../platform/crypto/signing.ts';
import { AppError } from '../../platform/http/errors.ts';
import { complianceOfPerson } from '../learning/index.ts';
import { findPersonInScope } from '../registry/index.ts';
import { extractProofToken, renderLearningProof } from './proof-pdf.ts';
import * as repo from './repo.ts';
import { buildCourseCertificateStatement, buildLearningProofStatement, type CourseCertificateInput, type SignedStatement, signatureOf } from './statement.ts';
import { renderCourseCertificate } from './certificate-pdf.ts';

/** Why a proof is not genuine (the public API's `reason`). */
export type ProofFailure = 'not_found' | 'revoked' | 'no_token' | 'malformed' | 'unknown_key' | 'bad_signature';
export type ProofVerdict = { genuine: true; statement: SignedStatement } | { genuine: false; reason: ProofFailure };

export type IssuedProof = { proofId: string; pdf: Buffer; fileName: string; asciiFileName: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEGMENT = /^[A-Za-z0-9_-]{1,256}$/;

/** Hours are certified by the calendar year in China, whatever the server's time zone. */
function chinaYear(now: Date): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
}

/** `学时证明-2024-2026.pdf` for the span of the years proven, with an ASCII twin for old clients. */
function proofFileNames(years: number[]): { fileName: string; asciiFileName: string } {
  const first = Math.min(...years);
  const last = Math.max(...years);
  const span = first === last ? String(first) : `${first}-${last}`;
  return { fileName: `学时证明-${span}.pdf`, asciiFileName: `learning-proof-${span}.pdf` };
}

/**
 * Issue the signed-in professional's proof of hours (学时证明) for `years`: each year's
 * compliance as the learning module keeps it, signed with the instance's key, registered (so
 * it can be checked and revoked) and audited, then rendered as a PDF whose QR code leads to
 * `baseUrl`/verify/proof/<id>/<signature>. Only one's own person can be proven: the person is
 * the account's, never a parameter.
 */
export async function issueLearningProof(ctx: Ctx, signer: Signer, input: { years: number[]; baseUrl: string }): Promise<IssuedProof> {
  const actor = requireActor(ctx);
  if (!actor.personId) throw new AppError('CREDENTIALS_NOT_A_PROFESSIONAL');
  const future = input.years.find((y) => y > chinaYear(ctx.now));
  if (future !== undefined) throw new AppError('CREDENTIALS_YEAR_IN_FUTURE', { year: future }, [{ code: 'FIELD_INVALID', path: '/years', params: { column: 'years' } }]);
  const person = await findPersonInScope(ctx.db, actor.grants, 'learning.self', actor.personId);
  if (!person) throw new AppError('PERSON_NOT_FOUND');

  const years = [...input.years].sort((a, b) => a - b);
  const compliance = await complianceOfPerson(ctx.db, { id: person.id, provinceCode: person.provinceCode }, years);
  const proofId = uuidv7();
  const statement = buildLearningProofStatement(
    {
      proofId,
      issuer: (await repo.findIssuerName(ctx.db, person.provinceCode)) ?? '知更继续教育管理系统',
      person: { name: person.name, idNumberMasked: person.idNumberMasked, employerName: person.employerName },
      years: compliance.map((c) => ({ year: c.year, totalHours: c.totalHours, publicHours: c.publicHours, professionalHours: c.professionalHours, requiredTotal: c.requiredTotal, compliant: c.compliant })),
    },
    ctx.now,
  );
  const token = await signer.sign(statement);
  // Rendered before the proof is stored: a registered proof always had its PDF delivered.
  const pdf = await renderLearningProof(statement, token, input.baseUrl);
  await ctx.db.transaction(async (tx) => {
    await repo.insertProof(tx, { id: proofId, personId: person.id, provinceCode: person.provinceCode, years, statement, token, kid: signer.kid, issuedAt: ctx.now, issuedBy: actor.accountId });
    await recordAudit(tx, ctx, {
      action: 'learning.proof_issued',
      entity: 'learning_proof',
      entityId: proofId,
      after: { personId: person.id, years, compliant: statement.years.map((y) => y.compliant), kid: signer.kid },
    });
  });
  return { proofId, pdf, ...proofFileNames(years) };
}

/** Equal texts, compared in constant time (digests first, so lengths leak nothing either). */
function isSameText(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

/** The verified payload as a statement of this proof, or null when it is something else we signed. */
function asStatement(payload: unknown, proofId: string | null): SignedStatement | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const s = payload as Partial<SignedStatement>;
  if (typeof s.proofId !== 'string' || typeof s.person !== 'object') return null;
  const shaped = (s.type === 'learning-hours-proof' && Array.isArray(s.years)) || (s.type === 'course-completion-certificate' && typeof s.course === 'object' && s.course !== null);
  if (!shaped) return null;
  if (proofId !== null && s.proofId !== proofId) return null;
  return s as SignedStatement;
}

/** A registered proof: not revoked, and its stored token still verifies to a statement of it. */
async function judgeRegistered(signer: Signer, proof: repo.ProofRow): Promise<ProofVerdict> {
  if (proof.revokedAt) return { genuine: false, reason: 'revoked' };
  const result = await signer.verify(proof.token);
  if (!result.ok) return { genuine: false, reason: result.reason };
  const statement = asStatement(result.payload, proof.id);
  return statement ? { genuine: true, statement } : { genuine: false, reason: 'malformed' };
}

/**
 * Check a printed link (`/verify/proof/<id>/<signature>`): the proof must be registered, its
 * stored JWS must carry exactly this signature segment, verify with our keys and not be
 * revoked. An unknown id and a wrong signature read alike (`not_found`).
 */
export async function checkProofLink(ctx: Ctx, signer: Signer, link: { id: string; signature: string }): Promise<ProofVerdict> {
  if (!UUID.test(link.id) || !SEGMENT.test(link.signature)) return { genuine: false, reason: 'not_found' };
  const proof = await repo.findProof(ctx.db, link.id);
  if (!proof || !isSameText(signatureOf(proof.token), link.signature)) return { genuine: false, reason: 'not_found' };
  return judgeRegistered(signer, proof);
}

/**
 * Check a proof PDF: the token in its metadata must verify with our keys (this much works
 * offline, against /.well-known/jwks.json), and be the registered, unrevoked token of its proof.
 * The printed page itself is not signed; the answer's `statement` is what the proof says.
 */
export async function checkProofFile(ctx: Ctx, signer: Signer, pdf: Buffer): Promise<ProofVerdict> {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new AppError('CREDENTIALS_NOT_A_PDF');
  const token = extractProofToken(pdf);
  if (!token) return { genuine: false, reason: 'no_token' };
  const result = await signer.verify(token);
  if (!result.ok) return { genuine: false, reason: result.reason };
  const statement = asStatement(result.payload, null);
  if (!statement || !UUID.test(statement.proofId)) return { genuine: false, reason: 'malformed' };
  const proof = await repo.findProof(ctx.db, statement.proofId);
  if (!proof || !isSameText(proof.token, token)) return { genuine: false, reason: 'not_found' };
  return judgeRegistered(signer, proof);
}

/**
 * Issue a signed course completion certificate (结业证明) in the caller's transaction-free context:
 * signed with the instance's key, registered like the hours proofs (same table, same public
 * verification by QR link or file), audited, and rendered as a PDF. The courses module decides
 * that the course was completed; this function only certifies what it is given.
 */
export async function issueCourseCertificate(ctx: Ctx, signer: Signer, input: Omit<CourseCertificateInput, 'proofId'> & { personId: string; provinceCode: string; year: number; baseUrl: string }): Promise<IssuedProof> {
  const proofId = uuidv7();
  const statement = buildCourseCertificateStatement({ proofId, issuer: input.issuer, person: input.person, course: input.course }, ctx.now);
  const token = await signer.sign(statement);
  const pdf = await renderCourseCertificate(statement, token, input.baseUrl);
  await ctx.db.transaction(async (tx) => {
    await repo.insertProof(tx, { id: proofId, personId: input.personId, provinceCode: input.provinceCode, years: [input.year], statement, token, kid: signer.kid, issuedAt: ctx.now, issuedBy: requireActor(ctx).accountId });
    await recordAudit(tx, ctx, { action: 'course.certificate_issued', entity: 'learning_proof', entityId: proofId, after: { personId: input.personId, courseId: input.course.id, kid: signer.kid } });
  });
  return { proofId, pdf, fileName: `结业证明-${input.course.title.slice(0, 40)}.pdf`, asciiFileName: `course-certificate-${proofId}.pdf` };
}
