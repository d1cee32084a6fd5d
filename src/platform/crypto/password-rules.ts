// Pure password policy; hashing lives elsewhere so this can run in the browser as well as the server.

export type PasswordFailure =
  | 'PASSWORD_TOO_SHORT'
  | 'PASSWORD_TOO_LONG'
  | 'PASSWORD_TOO_SIMPLE'
  | 'PASSWORD_CONTAINS_USERNAME';

export const PASSWORD_MIN_LENGTH = 8;
// An upper bound keeps the cost of hashing attacker-supplied input predictable.
export const PASSWORD_MAX_LENGTH = 64;
const MIN_CHARACTER_CLASSES = 3;
// Shorter usernames (e.g. 'li') occur inside too many ordinary passwords to be a useful signal.
const MIN_USERNAME_LENGTH_TO_CHECK = 3;

export function checkPasswordStrength(
  pw: string,
  username?: string,
): { ok: true } | { ok: false; reason: PasswordFailure } {
  // Count code points so a Chinese character or emoji counts as one character, as users see it.
  const length = [...pw].length;
  if (length < PASSWORD_MIN_LENGTH) return { ok: false, reason: 'PASSWORD_TOO_SHORT' };
  if (length > PASSWORD_MAX_LENGTH) return { ok: false, reason: 'PASSWORD_TOO_LONG' };

  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(pw)).length;
  if (classes < MIN_CHARACTER_CLASSES) return { ok: false, reason: 'PASSWORD_TOO_SIMPLE' };

  const name = username?.trim().toLowerCase() ?? '';
  if (name.length >= MIN_USERNAME_LENGTH_TO_CHECK && pw.toLowerCase().includes(name)) {
    return { ok: false, reason: 'PASSWORD_CONTAINS_USERNAME' };
  }
  return { ok: true };
}
