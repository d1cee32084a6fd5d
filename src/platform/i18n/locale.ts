export type Locale = 'zh-CN' | 'en';

/** Chinese first: English only when the caller's first preference is English. */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

export type Message = { zh: string; en: string };

export function formatMessage(message: Message, locale: Locale, params: Record<string, unknown> = {}): string {
  const template = locale === 'en' ? message.en : message.zh;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
