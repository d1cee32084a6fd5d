import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { calculateJwkThumbprint } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { createSigner, loadSigningKey, PROOF_JWS_TYPE } from '../../src/platform/crypto/signing.ts';

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhigeng-signing-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const b64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');
const payload = { type: 'learning-hours-proof', proofId: 'p-1', years: [{ year: 2024, totalHours: 92 }] };

function ed25519Pem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

describe('signer round trip', () => {
  it('signs a compact JWS with EdDSA, our typ and kid, and verifies it back', async () => {
    const signer = createSigner(loadSigningKey(tempDir(), {}));
    const token = await signer.sign(payload);
    expect(token.split('.')).toHaveLength(3);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'));
    expect(header).toEqual({ alg: 'EdDSA', kid: signer.kid, typ: PROOF_JWS_TYPE });
    expect(await signer.verify(token)).toEqual({ ok: true, payload, kid: signer.kid });
  });

  it('publishes the public key as a JWKS whose kid is the RFC 7638 thumbprint', async () => {
    const keys = loadSigningKey(tempDir(), {});
    const jwks = createSigner(keys).publicJwks();
    expect(jwks.keys).toHaveLength(1);
    const [jwk] = jwks.keys;
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: keys.kid, alg: 'EdDSA', use: 'sig' });
    expect(jwk).not.toHaveProperty('d');
    expect(keys.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(keys.kid).toBe(await calculateJwkThumbprint(jwk, 'sha256'));
  });
});

describe('signer rejects what it did not sign', () => {
  it('answers bad_signature when a number in the payload was changed and the signature kept', async () => {
    const signer = createSigner(loadSigningKey(tempDir(), {}));
    const [head, body, signature] = (await signer.sign(payload)).split('.');
    const edited = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    edited.years[0].totalHours = 192;
    expect(await signer.verify(`${head}.${b64url(JSON.stringify(edited))}.${signature}`)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('answers bad_signature when the kid is ours but another key signed (a forger copying our kid)', async () => {
    const ours = createSigner(loadSigningKey(tempDir(), {}));
    const forgerKeys = loadSigningKey(tempDir(), {});
    const forged = await createSigner({ ...forgerKeys, kid: ours.kid }).sign(payload);
    expect(await ours.verify(forged)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('answers unknown_key for a token signed by another installation', async () => {
    const ours = createSigner(loadSigningKey(tempDir(), {}));
    const theirs = createSigner(loadSigningKey(tempDir(), {}));
    expect(await ours.verify(await theirs.sign(payload))).toEqual({ ok: false, reason: 'unknown_key' });
  });

  it.each([
    ['an empty string', ''],
    ['garbage', 'not a token at all'],
    ['two segments', 'eyJhbGciOiJFZERTQSJ9.e30'],
    ['a header that is not JSON', `${b64url('{nope')}.e30.AAAA`],
    ['an unsigned token (alg none)', `${b64url(JSON.stringify({ alg: 'none', typ: PROOF_JWS_TYPE, kid: 'x' }))}.e30.`],
    ['an HMAC token', `${b64url(JSON.stringify({ alg: 'HS256', typ: PROOF_JWS_TYPE, kid: 'x' }))}.e30.AAAA`],
    ['another token type', `${b64url(JSON.stringify({ alg: 'EdDSA', typ: 'JWT', kid: 'x' }))}.e30.AAAA`],
    ['a token without kid', `${b64url(JSON.stringify({ alg: 'EdDSA', typ: PROOF_JWS_TYPE }))}.e30.AAAA`],
    ['an oversized token', `${'a'.repeat(40_000)}.e30.AAAA`],
  ])('answers malformed for %s', async (_label, token) => {
    const signer = createSigner(loadSigningKey(tempDir(), {}));
    expect(await signer.verify(token)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('still verifies proofs of a retired key after a rotation, and publishes both keys', async () => {
    const oldKeys = loadSigningKey(tempDir(), {});
    const oldToken = await createSigner(oldKeys).sign(payload);
    const rotated = createSigner(loadSigningKey(tempDir(), {}), [oldKeys]);
    expect(await rotated.verify(oldToken)).toEqual({ ok: true, payload, kid: oldKeys.kid });
    expect(rotated.publicJwks().keys.map((k) => k.kid)).toEqual([rotated.kid, oldKeys.kid]);
  });
});

describe('loadSigningKey', () => {
  it('creates signing-key.pem with mode 0600 on first use and reuses it on the next load', async () => {
    const dir = tempDir();
    const first = loadSigningKey(dir, {});
    const file = path.join(dir, 'signing-key.pem');
    expect(readFileSync(file, 'utf8')).toContain('-----BEGIN PRIVATE KEY-----');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = loadSigningKey(dir, {});
    expect(second.kid).toBe(first.kid);
    const token = await createSigner(first).sign(payload);
    expect((await createSigner(second).verify(token)).ok).toBe(true);
  });

  it('creates the data directory when it does not exist yet', async () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    loadSigningKey(dir, {});
    expect(statSync(path.join(dir, 'signing-key.pem')).isFile()).toBe(true);
  });

  it.each([
    ['the PEM', (pem: string) => pem],
    ['the PEM with escaped newlines', (pem: string) => pem.replace(/\n/g, '\\n')],
    ['base64 of the PEM', (pem: string) => Buffer.from(pem).toString('base64')],
  ])('takes ZHIGENG_SIGNING_KEY (%s) over the key file', async (_label, encode) => {
    const dir = tempDir();
    const fileKeys = loadSigningKey(dir, {});
    const pem = ed25519Pem();
    const envKeys = loadSigningKey(dir, { ZHIGENG_SIGNING_KEY: encode(pem) });
    expect(envKeys.kid).not.toBe(fileKeys.kid);
    expect(envKeys.kid).toBe(loadSigningKey(tempDir(), { ZHIGENG_SIGNING_KEY: pem }).kid);
  });

  it('does not create a key file when the key comes from the environment', async () => {
    const dir = tempDir();
    loadSigningKey(dir, { ZHIGENG_SIGNING_KEY: ed25519Pem() });
    expect(() => statSync(path.join(dir, 'signing-key.pem'))).toThrow();
  });

  it.each([
    ['not a key', 'hello'],
    ['an RSA key', generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()],
  ])('refuses ZHIGENG_SIGNING_KEY holding %s', async (_label, value) => {
    expect(() => loadSigningKey(tempDir(), { ZHIGENG_SIGNING_KEY: value })).toThrow(/ZHIGENG_SIGNING_KEY/);
  });
});
