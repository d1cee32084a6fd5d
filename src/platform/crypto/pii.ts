import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Personal data protection (ARCHITECTURE.md, "Personal data"): citizen IDs and phones are
 * stored encrypted with AES-256-GCM, and found through an HMAC-SHA-256 keyed hash, both keys
 * derived from one master key so that a stolen database alone reveals nothing.
 */
export type PiiCipher = {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Uint8Array): string;
  /** Deterministic keyed hash for equality look-up; never reversible. */
  hash(plain: string): Buffer;
};

export function createPiiCipher(masterKey: Buffer): PiiCipher {
  if (masterKey.length !== 32) throw new Error('master key must be 32 bytes');
  const encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'zhigeng pii encryption', 32));
  const macKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'zhigeng pii lookup hash', 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(sealed) {
      const buf = Buffer.from(sealed);
      const decipher = createDecipheriv('aes-256-gcm', encKey, buf.subarray(0, 12));
      decipher.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8');
    },
    hash(plain) {
      return createHmac('sha256', macKey).update(plain).digest();
    },
  };
}

/**
 * The master key comes from ZHIGENG_SECRET_KEY (base64, 32 bytes) — required for several
 * server processes sharing one database — or, for the embedded tier, from `secret.key` in
 * the data directory, created on first start with owner-only permissions.
 */
export function loadMasterKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.ZHIGENG_SECRET_KEY) {
    const key = Buffer.from(env.ZHIGENG_SECRET_KEY, 'base64');
    if (key.length !== 32) throw new Error('ZHIGENG_SECRET_KEY must be 32 bytes in base64');
    return key;
  }
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return key;
}
