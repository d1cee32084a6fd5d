import { hash, verify } from '@node-rs/argon2';
import { randomInt } from 'node:crypto';
import { checkPasswordStrength } from '../../../platform/crypto/password-rules.ts';
import { AppError } from '../../../platform/http/errors.ts';

// argon2id with the library's defaults (19 MiB, t=2), the OWASP baseline.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

export function assertPasswordAllowed(password: string, username?: string): void {
  const result = checkPasswordStrength(password, username);
  if (!result.ok) throw new AppError(result.reason, {}, [{ code: result.reason, path: '/password' }]);
}

const ALPHABETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!@#%+=?'];

/** A random password that satisfies the rules: printed once at start or given after a reset. */
export function generatePassword(length = 14): string {
  const chars = ALPHABETS.map((a) => a[randomInt(a.length)]);
  const all = ALPHABETS.join('');
  while (chars.length < length) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
