// Reference computation of one person's yearly compliance (Order No. 25 Art. 8; DOMAIN.md §2, §3.1).
// The database computes the same result set-based; a property test compares the two, so every step
// below is defined in integer tenths of an hour and must be reproducible in SQL:
//
//  1. Only 'approved' and 'confirmed' records count ('submitted' and 'rejected' do not).
//  2. Each record first credits min(hours, dailyCap × days of its inclusive span) — see creditedHours.
//     The daily cap is per record: two records on the same day are not pooled.
//  3. Per form, the yearly cap applies to the form's total (public + professional). When the total
//     exceeds the cap, both parts are scaled by cap / total: the public part is
//     floor((2 · public · cap + total) / (2 · total)) tenths (cap/total share, rounded half up), and the
//     professional part is the rest, so public + professional = cap exactly.
//  4. Totals are sums of the capped forms. Required professional = round(minTotalHours × share),
//     in tenths, half up; required public = minPublicHours or 0.
//  5. Compliant when total ≥ required total, professional ≥ required professional and
//     public ≥ required public; every unmet requirement is a shortfall, in that order.
//
// The caller passes the records of `year`; whether a record belongs to it is checkRecordDates' job.

import type { Category, LearningForm, RecordStatus } from './catalogue.ts';
import { creditedHours, toTenths, type ComplianceRules } from './rules.ts';

export type CountedRecord = {
  category: Category;
  form: LearningForm;
  hours: number;
  startDate: string;
  endDate: string;
  status: RecordStatus;
};

export type ShortfallKind = 'total' | 'professional' | 'public';

export type ComplianceResult = {
  year: number;
  totalHours: number;
  publicHours: number;
  professionalHours: number;
  byForm: Partial<Record<LearningForm, number>>;
  requiredTotal: number;
  requiredProfessional: number;
  requiredPublic: number;
  compliant: boolean;
  shortfalls: { kind: ShortfallKind; hours: number }[];
  explanation: { zh: string; en: string };
};

const COUNTED_STATUSES: ReadonlySet<RecordStatus> = new Set(['approved', 'confirmed']);

type Parts = { public: number; professional: number };

/** Step 3: caps a form's parts (in tenths) to `cap` tenths, keeping their proportion. */
export function capFormParts(parts: Parts, cap: number | undefined): Parts {
  const total = parts.public + parts.professional;
  if (cap === undefined || total <= cap) return parts;
  const pub = Math.floor((2 * parts.public * cap + total) / (2 * total));
  return { public: pub, professional: cap - pub };
}

function sumByForm(records: CountedRecord[], rules: ComplianceRules): Map<LearningForm, Parts> {
  const byForm = new Map<LearningForm, Parts>();
  for (const r of records) {
    if (!COUNTED_STATUSES.has(r.status)) continue;
    const parts = byForm.get(r.form) ?? { public: 0, professional: 0 };
    parts[r.category] += toTenths(creditedHours(r, rules));
    byForm.set(r.form, parts);
  }
  return byForm;
}

const fmt = (tenths: number): string => (tenths / 10).toFixed(1);

const SHORTFALL_WORDS: Record<ShortfallKind, { zh: string; en: string }> = {
  total: { zh: '学时', en: 'hours' },
  professional: { zh: '专业科目学时', en: 'professional hours' },
  public: { zh: '公需科目学时', en: 'public hours' },
};

function explain(pub: number, pro: number, shortfalls: { kind: ShortfallKind; tenths: number }[]): { zh: string; en: string } {
  if (shortfalls.length === 0) {
    return {
      zh: `已达标：共 ${fmt(pub + pro)} 学时（专业科目 ${fmt(pro)}，公需科目 ${fmt(pub)}）`,
      en: `Compliant: ${fmt(pub + pro)} hours (${fmt(pro)} professional, ${fmt(pub)} public)`,
    };
  }
  return {
    zh: `未达标：${shortfalls.map((s) => `还差 ${fmt(s.tenths)} ${SHORTFALL_WORDS[s.kind].zh}`).join('；')}`,
    en: `Not compliant: ${shortfalls.map((s) => `${fmt(s.tenths)} ${SHORTFALL_WORDS[s.kind].en} short`).join('; ')}`,
  };
}

/** The year's credited hours by category and form, the requirements, and a plain-words verdict. */
export function computeCompliance(year: number, records: CountedRecord[], rules: ComplianceRules): ComplianceResult {
  let pub = 0;
  let pro = 0;
  const byForm: Partial<Record<LearningForm, number>> = {};
  for (const [form, parts] of sumByForm(records, rules)) {
    const cap = rules.formCaps[form];
    const capped = capFormParts(parts, cap === undefined ? undefined : toTenths(cap));
    pub += capped.public;
    pro += capped.professional;
    byForm[form] = (capped.public + capped.professional) / 10;
  }

  const requiredTotal = toTenths(rules.minTotalHours);
  const requiredProfessional = Math.round(requiredTotal * rules.minProfessionalShare);
  const requiredPublic = toTenths(rules.minPublicHours ?? 0);
  const assessed = assessTotals(pub, pro, { total: requiredTotal, professional: requiredProfessional, public: requiredPublic });

  return {
    year,
    totalHours: (pub + pro) / 10,
    publicHours: pub / 10,
    professionalHours: pro / 10,
    byForm,
    requiredTotal: requiredTotal / 10,
    requiredProfessional: requiredProfessional / 10,
    requiredPublic: requiredPublic / 10,
    ...assessed,
  };
}

/**
 * The verdict on totals (all in tenths): compliant or not, each shortfall, and the plain-words
 * explanation. Shared with the figures the database keeps, so both read the same.
 */
export function assessTotals(pub: number, pro: number, required: { total: number; professional: number; public: number }) {
  const gaps: { kind: ShortfallKind; tenths: number }[] = [
    { kind: 'total', tenths: required.total - (pub + pro) },
    { kind: 'professional', tenths: required.professional - pro },
    { kind: 'public', tenths: required.public - pub },
  ];
  const shortfalls = gaps.filter((g) => g.tenths > 0);
  return {
    compliant: shortfalls.length === 0,
    shortfalls: shortfalls.map((s) => ({ kind: s.kind, hours: s.tenths / 10 })),
    explanation: explain(pub, pro, shortfalls),
  };
}
