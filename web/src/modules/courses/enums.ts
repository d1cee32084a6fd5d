// Course enumerations and their labels, from the server's pure files.
import type { Permission } from '../../shared/enums.ts';
import { PUBLIC_SUBJECT_THEMES, PUBLIC_SUBJECT_THEME_LABELS } from '../../../../src/modules/courses/rules.ts';
import type { Language } from '../../shared/i18n.ts';

export { PUBLIC_SUBJECT_THEMES };
export type CoursePermission = Extract<Permission, `course.${string}`>;

export function themeLabel(language: Language, theme: string): string {
  const label = (PUBLIC_SUBJECT_THEME_LABELS as Record<string, { zh: string; en: string }>)[theme];
  return label ? (language === 'en' ? label.en : label.zh) : theme;
}
