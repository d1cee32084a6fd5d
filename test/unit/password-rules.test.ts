import { describe, it, expect } from 'vitest';
import { checkPasswordStrength } from '../../src/platform/crypto/password-rules.ts';

describe('checkPasswordStrength accepts strong passwords', () => {
  it.each([
    ['lower + upper + digit', 'Abcdefg1', undefined],
    ['lower + digit + symbol', 'abcdef1!', undefined],
    ['upper + digit + symbol', 'ABCDEF1!', undefined],
    ['lower + upper + symbol', 'Abcdefg!', undefined],
    ['all four classes', 'Zhigeng#2025', undefined],
    ['exactly 64 characters', `Aa1${'x'.repeat(61)}`, undefined],
    ['Chinese characters counted as symbols', '知更Abc123', undefined],
    ['a two-letter username inside (too short to check)', 'liAbc123!', 'li'],
    ['a username that does not appear', 'Abcdefg1!', 'zhangwei'],
    ['an empty username', 'Abcdefg1!', ''],
  ])('accepts %s', (_label, pw, username) => {
    expect(checkPasswordStrength(pw, username)).toEqual({ ok: true });
  });
});

describe('checkPasswordStrength rejects weak passwords with a specific reason', () => {
  it.each([
    ['an empty password', '', undefined, 'PASSWORD_TOO_SHORT'],
    ['7 characters', 'Abcde1!', undefined, 'PASSWORD_TOO_SHORT'],
    ['7 characters even with a surrogate-pair emoji', 'Abc12😀!', undefined, 'PASSWORD_TOO_SHORT'],
    ['65 characters', `Aa1${'x'.repeat(62)}`, undefined, 'PASSWORD_TOO_LONG'],
    ['only lower case', 'abcdefghij', undefined, 'PASSWORD_TOO_SIMPLE'],
    ['only digits', '1234567890', undefined, 'PASSWORD_TOO_SIMPLE'],
    ['lower + digit only', 'password1', undefined, 'PASSWORD_TOO_SIMPLE'],
    ['upper + lower only', 'PassWordXY', undefined, 'PASSWORD_TOO_SIMPLE'],
    ['symbols + digits only', '!!!!1234', undefined, 'PASSWORD_TOO_SIMPLE'],
    ['the username verbatim', 'zhangwei#2025', 'zhangwei', 'PASSWORD_CONTAINS_USERNAME'],
    ['the username in different case', 'ZhangWei#2025', 'zhangwei', 'PASSWORD_CONTAINS_USERNAME'],
    ['a mixed-case username in lower case', 'x!bob99Ab', 'BOB', 'PASSWORD_CONTAINS_USERNAME'],
    ['a three-letter username', 'Abc!wan12', 'wan', 'PASSWORD_CONTAINS_USERNAME'],
  ])('rejects %s as %s', (_label, pw, username, reason) => {
    expect(checkPasswordStrength(pw, username)).toEqual({ ok: false, reason });
  });
});
