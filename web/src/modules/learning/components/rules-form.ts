// Between the rule editor's form values and a rules patch (pure). The professional share is a
// fraction on the server and a percentage on screen; form caps are edited one form at a time.
import { createContext, useContext } from 'react';
import type { LearningForm } from '../../../../../src/modules/learning/catalogue.ts';
import type { MessageKey, Translate } from '../../../shared/i18n.ts';
import type { ComplianceRules, RulesPatch } from '../api.ts';

/** Every setting but formCaps, which is overridden form by form rather than as a whole. */
export const WHOLE_SETTINGS = [
  'minTotalHours',
  'minProfessionalShare',
  'minPublicHours',
  'dailyCap',
  'minutesPerCreditHour',
  'entryDeadline',
  'acceptLateEntries',
  'acceptCrossYear',
  'confirmForms',
  'lookbackYears',
  'conversions',
] as const satisfies readonly (keyof ComplianceRules)[];
export type WholeSetting = (typeof WHOLE_SETTINGS)[number];

export type RulesFormValues = Omit<ComplianceRules, 'formCaps'> & {
  /** The region's own caps; an empty one inherits. */
  formCaps: Partial<Record<LearningForm, number | null>>;
};

const toPercent = (share: number) => Math.round(share * 10000) / 100;

/** The form as loaded: effective values, the share as a percentage, and the region's own caps. */
export function toFormValues(effective: ComplianceRules, patch: RulesPatch): RulesFormValues {
  return { ...structuredClone(effective), minProfessionalShare: toPercent(effective.minProfessionalShare), formCaps: { ...(patch.formCaps ?? {}) } };
}

/** The value shown for an inherited setting. */
export function inheritedValue<K extends WholeSetting>(base: ComplianceRules, key: K): RulesFormValues[K] {
  const value = structuredClone(base[key]);
  return (key === 'minProfessionalShare' ? toPercent(base.minProfessionalShare) : value) as RulesFormValues[K];
}

/**
 * The patch the form stands for: overridden settings and the caps typed in. A percentage that only
 * rounds a known share (2/3 shows as 66.67) keeps that exact share.
 */
export function toPatch(values: RulesFormValues, overrides: ReadonlySet<WholeSetting>, known: ComplianceRules[]): RulesPatch {
  const patch: RulesPatch = {};
  const set = <K extends WholeSetting>(key: K, value: ComplianceRules[K]) => {
    if (overrides.has(key)) patch[key] = value;
  };
  const percent = values.minProfessionalShare;
  const exact = known.map((r) => r.minProfessionalShare).find((share) => toPercent(share) === percent);
  set('minTotalHours', values.minTotalHours);
  set('minProfessionalShare', exact ?? percent / 100);
  set('minPublicHours', values.minPublicHours ?? null);
  set('dailyCap', values.dailyCap ?? null);
  set('minutesPerCreditHour', values.minutesPerCreditHour);
  set('entryDeadline', values.entryDeadline);
  set('acceptLateEntries', values.acceptLateEntries);
  set('acceptCrossYear', values.acceptCrossYear);
  set('confirmForms', values.confirmForms ?? []);
  set('lookbackYears', values.lookbackYears);
  set('conversions', values.conversions ?? []);
  const caps = Object.entries(values.formCaps ?? {}).filter((entry): entry is [LearningForm, number] => typeof entry[1] === 'number');
  if (caps.length > 0) patch.formCaps = Object.fromEntries(caps);
  return patch;
}

/** Which settings the region's own patch sets. */
export function overridesOf(patch: RulesPatch): Set<WholeSetting> {
  return new Set(WHOLE_SETTINGS.filter((key) => Object.hasOwn(patch, key)));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export type SettingSource = 'own' | 'national' | 'default';

/** Where a setting's value comes from: the region's patch, the national administrator's patch, or the built-in defaults. */
export function sourceOf(key: keyof ComplianceRules, overridden: boolean, base: ComplianceRules, defaults: ComplianceRules): SettingSource {
  if (overridden) return 'own';
  return same(base[key], defaults[key]) ? 'default' : 'national';
}

export type RulesEditorState = {
  overrides: ReadonlySet<WholeSetting>;
  toggle: (key: WholeSetting, on: boolean) => void;
  /** What applies where the region sets nothing: defaults plus the national patch (for the nation: the defaults). */
  base: ComplianceRules;
  defaults: ComplianceRules;
  isNation: boolean;
};

export const RulesEditorContext = createContext<RulesEditorState | null>(null);

export function useRulesEditor(): RulesEditorState {
  const value = useContext(RulesEditorContext);
  if (!value) throw new Error('useRulesEditor must be used inside RulesEditorContext');
  return value;
}

/** Catalog label of each setting, for history and validation messages. */
export const SETTING_LABELS: Record<keyof ComplianceRules, MessageKey> = {
  minTotalHours: 'learning.rules.minTotalHours',
  minProfessionalShare: 'learning.rules.minProfessionalShare',
  minPublicHours: 'learning.rules.minPublicHours',
  formCaps: 'learning.rules.formCaps',
  dailyCap: 'learning.rules.dailyCap',
  minutesPerCreditHour: 'learning.rules.minutesPerCreditHour',
  conversions: 'learning.rules.conversions',
  entryDeadline: 'learning.rules.entryDeadline',
  acceptLateEntries: 'learning.rules.acceptLateEntries',
  acceptCrossYear: 'learning.rules.acceptCrossYear',
  confirmForms: 'learning.rules.confirmForms',
  lookbackYears: 'learning.rules.lookbackYears',
};

/** 'entryDeadline.day' or 'conversions[2].key' → the setting's label and the rest of the path. */
export function describeIssuePath(t: Translate, path: string): string {
  const [head, ...rest] = path.split(/[.[]/);
  const label = Object.hasOwn(SETTING_LABELS, head) ? t(SETTING_LABELS[head as keyof ComplianceRules]) : head;
  return rest.length > 0 ? `${label} (${path.slice(head.length).replace(/^\./, '')})` : label;
}
