import type { Language } from './i18n.ts';

/** An ISO timestamp shown in China Standard Time, the zone the data is kept for. */
export function formatDateTime(language: Language, iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(language, { timeZone: 'Asia/Shanghai', hour12: false });
}
