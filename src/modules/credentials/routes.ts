import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Signer } from '../../platform/crypto/signing.ts';
import { AppError } from '../../platform/http/errors.ts';
import { IssueProofBody, JwksResponse, ProofLinkApiParams, ProofLinkParams, VerifyResponse } from './schemas.ts';
import { checkProofFile, checkProofLink, issueLearningProof, type ProofVerdict } from './service.ts';
import { renderVerifyPage } from './verify-page.ts';

export type CredentialsOptions = {
  signer: Signer;
  /** The public origin printed on proofs (ZHIGENG_PUBLIC_URL); null: the request's own origin. */
  publicUrl: string | null;
};

const tags = ['credentials 证明'];
/** A proof PDF is tens of KB; anything far larger is not one. */
const MAX_PROOF_PDF_BYTES = 5 * 1024 * 1024;

/** The one uploaded file, refused above the proof size limit (413 PAYLOAD_TOO_LARGE). */
async function readProofPdf(req: FastifyRequest): Promise<Buffer> {
  const missing = () => new AppError('VALIDATION_FAILED', {}, [{ code: 'FIELD_REQUIRED', path: '/file', params: { column: 'file' } }]);
  if (!req.isMultipart()) throw missing();
  const file = await req.file({ limits: { fileSize: MAX_PROOF_PDF_BYTES, files: 1 } });
  if (!file) throw missing();
  return file.toBuffer();
}

/** The JSON answer: the statement only for a genuine proof, the reason only for a failed one. */
function verdictBody(verdict: ProofVerdict) {
  return verdict.genuine ? { genuine: true, statement: verdict.statement } : { genuine: false, reason: verdict.reason };
}

export const credentialsRoutes: FastifyPluginAsyncTypebox<CredentialsOptions> = async (app, { signer, publicUrl }) => {
  app.post('/api/me/learning/proofs', {
    config: { permission: 'learning.self' },
    schema: { tags, summary: '开具学时证明 Issue a learning-hours proof (PDF)', body: IssueProofBody },
  }, async (req, reply) => {
    const baseUrl = publicUrl ?? `${req.protocol}://${req.host}`;
    const proof = await issueLearningProof(req.ctx, signer, { years: req.body.years, baseUrl });
    return reply
      .status(201)
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${proof.asciiFileName}"; filename*=UTF-8''${encodeURIComponent(proof.fileName)}`)
      .header('x-proof-id', proof.proofId)
      .header('cache-control', 'no-store')
      .send(proof.pdf);
  });

  app.get('/api/verify/proofs/:id/:signature', {
    config: { public: true },
    schema: { tags, summary: '核验证明链接 Check a proof link', params: ProofLinkApiParams, response: { 200: VerifyResponse } },
  }, async (req, reply) => reply.header('cache-control', 'no-store').send(verdictBody(await checkProofLink(req.ctx, signer, req.params))));

  app.post('/api/verify/proofs', {
    config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: { tags, summary: '核验证明文件 Check a proof PDF (multipart `file`)', response: { 200: VerifyResponse } },
  }, async (req) => verdictBody(await checkProofFile(req.ctx, signer, await readProofPdf(req))));

  // Outside /api: the page the QR code opens, and the keys for offline checks.
  app.get('/verify/proof/:id/:signature', { config: { public: true }, schema: { hide: true, params: ProofLinkParams } }, async (req, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex')
      .send(renderVerifyPage(await checkProofLink(req.ctx, signer, req.params))),
  );
  app.get('/.well-known/jwks.json', { config: { public: true }, schema: { tags, summary: '签名公钥 Signing public keys (JWKS)', response: { 200: JwksResponse } } }, async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=300').send(signer.publicJwks()),
  );
};
