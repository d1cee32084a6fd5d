import { generateKeyPairSync } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import { type Signer, createSigner, loadSigningKey } from '../../platform/crypto/signing.ts';
import './errors.ts';
import { type CredentialsOptions, credentialsRoutes } from './routes.ts';

export type { CredentialsOptions } from './routes.ts';
export { extractProofToken } from './proof-pdf.ts';
export { issueCourseCertificate } from './service.ts';

/**
 * The credentials module: signed documents that leave the system — for now the learning-hours
 * proof (学时证明) — and their public verification.
 */
const credentials: FastifyPluginAsync<CredentialsOptions> = async (app, options) => {
  await app.register(credentialsRoutes, options);
};

export const credentialsModule = fp(credentials, { name: 'credentials', dependencies: ['registry', 'learning'] });

/**
 * A signer over a key that lives only in this process, for apps built without the instance's
 * key (benchmarks, tests that issue no proofs): what it signs stops verifying at exit.
 */
export function createThrowawaySigner(): Signer {
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return createSigner(loadSigningKey('', { ZHIGENG_SIGNING_KEY: pem }));
}
