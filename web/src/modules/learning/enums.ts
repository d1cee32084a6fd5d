// Learning enumerations come from the server's catalogue (pure data with zh/en labels), so the
// pages show exactly the words the server accepts on import and prints on proofs.
import type { Permission } from '../../shared/enums.ts';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  LEARNING_FORMS,
  LEARNING_FORM_LABELS,
  PLAN_FIELDS,
  PLAN_FIELD_LABELS,
  RECORD_SOURCES,
  RECORD_SOURCE_LABELS,
  RECORD_STATUSES,
  RECORD_STATUS_LABELS,
  isOneOf,
  type Label,
} from '../../../../src/modules/learning/catalogue.ts';
import type { Language } from '../../shared/i18n.ts';

export { CATEGORIES, LEARNING_FORMS, PLAN_FIELDS, RECORD_SOURCES, RECORD_STATUSES, isOneOf };
export type { LearningForm } from '../../../../src/modules/learning/catalogue.ts';

/** Permissions of the learning module (the shared Permission list predates it). */
/** The learning module's permissions, taken from the server's list. */
export type LearningPermission = Extract<Permission, `learning.${string}`>;

export type LabelKind = 'category' | 'form' | 'field' | 'source' | 'status';

const TABLES: Record<LabelKind, { keys: readonly string[]; labels: Record<string, Label> }> = {
  category: { keys: CATEGORIES, labels: CATEGORY_LABELS },
  form: { keys: LEARNING_FORMS, labels: LEARNING_FORM_LABELS },
  field: { keys: PLAN_FIELDS, labels: PLAN_FIELD_LABELS },
  source: { keys: RECORD_SOURCES, labels: RECORD_SOURCE_LABELS },
  status: { keys: RECORD_STATUSES, labels: RECORD_STATUS_LABELS },
};

/** Label of a catalogued value in the UI language; a value the server adds later shows raw. */
export function learningLabel(language: Language, kind: LabelKind, value: string): string {
  const table = TABLES[kind];
  if (!isOneOf(table.keys, value)) return value;
  const label = table.labels[value];
  return language === 'en' ? label.en : label.zh;
}

/** Select options for one enumeration, in the catalogue's order. */
export function learningOptions(language: Language, kind: LabelKind): { value: string; label: string }[] {
  return TABLES[kind].keys.map((value) => ({ value, label: learningLabel(language, kind, value) }));
}

export const STATUS_COLORS: Record<string, string> = {
  submitted: 'gold',
  endorsed: 'blue',
  approved: 'green',
  rejected: 'red',
  confirmed: 'cyan',
};

/** The current year on the China calendar, the one learning years follow. */
export function chinaYear(now = new Date()): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
}
