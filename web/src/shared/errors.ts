import { ApiError, type ApiErrorDetail } from './api.ts';
import { isMessageKey, type Translate } from './i18n.ts';

/**
 * Text for an error: the server's localized `message` when there is one, else a catalog message
 * keyed by code (`error.NETWORK_ERROR`, `error.HTTP_502` …), else a generic one.
 */
export function describeError(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.message) return error.message;
    const key = `error.${error.code}`;
    if (isMessageKey(key)) return t(key);
    return t('error.unknownWithCode', { code: error.code });
  }
  return t('error.unknown');
}

/** '/creditCode' → 'creditCode'; '/roles/1' → 'roles'. Details without a path belong to no field. */
export function fieldOfPath(path: string | undefined): string | null {
  if (!path) return null;
  const first = path.replace(/^\//, '').split('/')[0];
  return first || null;
}

/** Splits error details into per-field messages (for fields the form has) and the rest. */
export function splitDetails(
  details: readonly ApiErrorDetail[],
  fieldNames: readonly string[],
): { byField: Map<string, string[]>; rest: ApiErrorDetail[] } {
  const byField = new Map<string, string[]>();
  const rest: ApiErrorDetail[] = [];
  for (const detail of details) {
    const field = fieldOfPath(detail.path);
    if (field && fieldNames.includes(field)) byField.set(field, [...(byField.get(field) ?? []), detail.message]);
    else rest.push(detail);
  }
  return { byField, rest };
}
