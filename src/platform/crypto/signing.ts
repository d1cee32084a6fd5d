import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { JWK } from 'jose';

/**
 * Ed25519 signatures for documents that leave the system (learning-hours proofs, later
 * certificates): a compact JWS that anyone can check against `/.well-known/jwks.json`.
 */
export type SigningKeys = {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** RFC 7638 JWK thumbprint (SHA-256, base64url) of the public key. */
  kid: string;
};

export type VerifyResult =
  | { ok: true; payload: unknown; kid: string }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'unknown_key' };

export type Signer = {
  kid: string;
  sign(payload: object): Promise<string>;
  verify(token: string): Promise<VerifyResult>;
  publicJwks(): { keys: JWK[] };
};

export const PROOF_JWS_TYPE = 'zhigeng-proof+jws';
const ALG = 'EdDSA';
const KEY_FILE = 'signing-key.pem';
/** Far above any real proof (a few KB); bounds the work an anonymous verifier can cause. */
const MAX_TOKEN_LENGTH = 32_768;

function parsePrivateKey(text: string, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: text, format: 'pem' });
  } catch (cause) {
    throw new Error(`${source}: not a PKCS#8 PEM private key`, { cause });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${source}: expected an Ed25519 key, got ${key.asymmetricKeyType}`);
  return key;
}

/** The env value is the PEM itself (real or `\n`-escaped newlines) or the base64 of the PEM. */
function readEnvKey(value: string): KeyObject {
  const trimmed = value.trim();
  const pem = trimmed.includes('-----BEGIN') ? trimmed.replace(/\\n/g, '\n') : Buffer.from(trimmed, 'base64').toString('utf8');
  return parsePrivateKey(pem, 'ZHIGENG_SIGNING_KEY');
}

/** Create the key file exclusively (`wx`): if another process won the race, read its key instead. */
function readOrCreateKeyFile(dataDir: string): KeyObject {
  const file = path.join(dataDir, KEY_FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    return parsePrivateKey(readFileSync(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  try {
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    return privateKey;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return parsePrivateKey(readFileSync(file, 'utf8'), file);
  }
}

/** jose is loaded on first use (≈45 ms): a restart must answer /healthz quickly. */
async function loadJose() {
  return import('jose');
}

function publicJwkOf(publicKey: KeyObject): JWK {
  return publicKey.export({ format: 'jwk' }) as JWK;
}

/**
 * RFC 7638 thumbprint: SHA-256 of the required members in lexical order. Computed here rather
 * than with jose's calculateJwkThumbprint (the tests check both agree) so that loading the key
 * at start-up does not load jose.
 */
function thumbprintOf(publicKey: KeyObject): string {
  const { crv, kty, x } = publicJwkOf(publicKey);
  return createHash('sha256').update(JSON.stringify({ crv, kty, x })).digest('base64url');
}

/**
 * The signing key comes from ZHIGENG_SIGNING_KEY — required when several server processes
 * issue proofs — or, for the embedded tier, from `signing-key.pem` in the data directory,
 * created on first use with owner-only permissions. Back the file up: proofs signed with a
 * lost key can no longer be verified.
 */
export function loadSigningKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): SigningKeys {
  const privateKey = env.ZHIGENG_SIGNING_KEY ? readEnvKey(env.ZHIGENG_SIGNING_KEY) : readOrCreateKeyFile(dataDir);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, kid: thumbprintOf(publicKey) };
}

async function decodeHeader(token: string): Promise<{ kid: string } | null> {
  if (token.length > MAX_TOKEN_LENGTH || token.split('.').length !== 3) return null;
  const { decodeProtectedHeader } = await loadJose();
  try {
    const header = decodeProtectedHeader(token);
    if (header.alg !== ALG || header.typ !== PROOF_JWS_TYPE || typeof header.kid !== 'string') return null;
    return { kid: header.kid };
  } catch {
    return null;
  }
}

/**
 * A signer over the current key. `retiredKeys` are public keys of earlier signing keys: proofs
 * they signed still verify and stay published in the JWKS after a rotation.
 *
 * Verification outcomes: `malformed` — not a compact JWS of our type and algorithm, or a
 * payload that is not JSON; `unknown_key` — well-formed, but its `kid` names none of our keys
 * (e.g. signed by another installation); `bad_signature` — names one of our keys but the
 * signature does not match (the header or payload was altered, or a forger copied our kid).
 */
export function createSigner(keys: SigningKeys, retiredKeys: { publicKey: KeyObject; kid: string }[] = []): Signer {
  const verifiers = new Map<string, KeyObject>([[keys.kid, keys.publicKey]]);
  for (const retired of retiredKeys) verifiers.set(retired.kid, retired.publicKey);
  const jwks: JWK[] = [...verifiers].map(([kid, publicKey]) => ({
    ...publicJwkOf(publicKey),
    kid,
    alg: ALG,
    use: 'sig',
  }));

  return {
    kid: keys.kid,
    async sign(payload) {
      const { CompactSign } = await loadJose();
      return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: ALG, kid: keys.kid, typ: PROOF_JWS_TYPE })
        .sign(keys.privateKey);
    },
    async verify(token) {
      const header = await decodeHeader(token);
      if (!header) return { ok: false, reason: 'malformed' };
      const publicKey = verifiers.get(header.kid);
      if (!publicKey) return { ok: false, reason: 'unknown_key' };
      const { compactVerify, errors } = await loadJose();
      let bytes: Uint8Array;
      try {
        ({ payload: bytes } = await compactVerify(token, publicKey, { algorithms: [ALG] }));
      } catch (error) {
        if (error instanceof errors.JWSSignatureVerificationFailed) return { ok: false, reason: 'bad_signature' };
        return { ok: false, reason: 'malformed' };
      }
      try {
        return { ok: true, payload: JSON.parse(new TextDecoder().decode(bytes)) as unknown, kid: header.kid };
      } catch {
        return { ok: false, reason: 'malformed' };
      }
    },
    publicJwks() {
      return { keys: jwks.map((k) => ({ ...k })) };
    },
  };
}
