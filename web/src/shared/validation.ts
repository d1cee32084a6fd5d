import type { FormRule as Rule } from 'antd';
// The browser checks with the very rules the server applies (pure functions, no I/O), so that a
// user sees the same verdict before and after submitting.
import { checkPasswordStrength } from '../../../src/platform/crypto/password-rules.ts';
import { parseCitizenId, parseMobilePhone } from '../../../src/modules/registry/people/rules.ts';
import { validateCreditCode } from '../../../src/modules/registry/organisations/rules.ts';
import { isMessageKey, type Translate } from './i18n.ts';

function reasonMessage(t: Translate, reason: string): string {
  const key = `validation.${reason}`;
  return isMessageKey(key) ? t(key) : t('validation.invalid');
}

export function requiredRule(t: Translate): Rule {
  return { required: true, whitespace: true, message: t('validation.required') };
}

export function citizenIdRule(t: Translate): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string' || value.trim() === '') return;
      const result = parseCitizenId(value, new Date());
      if (!result.ok) throw new Error(reasonMessage(t, result.reason));
    },
  };
}

export function mobilePhoneRule(t: Translate): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string' || value.trim() === '') return;
      if (!parseMobilePhone(value).ok) throw new Error(t('validation.PHONE_INVALID'));
    },
  };
}

export function creditCodeRule(t: Translate): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string' || value.trim() === '') return;
      const result = validateCreditCode(value);
      if (!result.ok) throw new Error(reasonMessage(t, result.reason));
    },
  };
}

export function passwordStrengthRule(t: Translate, username?: () => string | undefined): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string' || value === '') return;
      const result = checkPasswordStrength(value, username?.());
      if (!result.ok) throw new Error(reasonMessage(t, result.reason));
    },
  };
}

/** Second password field must repeat the first (`field` names the first). */
export function confirmRule(t: Translate, field: string): Rule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value: unknown) => {
      if (value && value !== getFieldValue(field)) throw new Error(t('validation.passwordMismatch'));
    },
  });
}
