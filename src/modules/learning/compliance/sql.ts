// The compliance computation compiled into SQL text, exactly as the reference function
// `computeCompliance` in ../compliance.ts (a property test compares the two): counted records
// (approved or confirmed) → daily cap per record → per-form yearly cap, split between public and
// professional in proportion (half up) → totals → the province's requirements. Hours are exact
// numeric(…,1) values throughout (the reference counts integer tenths: the same numbers), so a
// year without caps sums the stored hours as they are.
//
// The rules are compiled rather than looked up per record: the records of a person are grouped
// by person only, with one sum per category and, for a form that some province caps, one sum per
// category of that form — so that with no caps in force (the national default) a year is two sums
// per person, about what a hand-written GROUP BY costs. Pure text building: no I/O here.
import { LEARNING_FORMS, type LearningForm } from '../catalogue.ts';
import { type ComplianceRules, toTenths } from '../rules.ts';

/** The effective rules of one province and year, as the compliance SQL takes them. */
export type RulesRow = { provinceCode: string; year: number; rules: ComplianceRules };

/**
 * How a record's credited hours are capped per day: no cap, one cap (in tenths) for every record
 * of the statement (inlined), or each row's own cap from a column of the rules relation.
 */
export type DailyCap = { kind: 'none' } | { kind: 'constant'; tenths: number } | { kind: 'column'; sql: string };

export const COUNTED = `r.status IN ('approved', 'confirmed')`;

/** Forms that at least one of these rule sets caps, in catalogue order. */
export function listCappedForms(rows: RulesRow[]): LearningForm[] {
  return LEARNING_FORMS.filter((f) => rows.some((r) => r.rules.formCaps[f] !== undefined));
}

/** The distinct daily caps of these rule sets (tenths, null = none): one aggregate variant each. */
export function listDailyCaps(rows: RulesRow[]): (number | null)[] {
  return [...new Set(rows.map((r) => (r.rules.dailyCap === null ? null : toTenths(r.rules.dailyCap))))];
}

function integerLiteral(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  return String(n);
}

/**
 * The rules as a relation `(province_code, year, required_total, required_professional,
 * required_public, daily_cap, variant, cap_<form>…)` from array parameters numbered from `first`;
 * figures in hours (numeric(6,1), exact tenths). `variant` is the position of the row's daily cap
 * in `dailyCaps`. `ruleColumns` lists every column but the key.
 */
export function rulesRelation(rows: RulesRow[], capped: LearningForm[], dailyCaps: (number | null)[], first: number) {
  const capOf = (r: RulesRow, f: LearningForm) => {
    const cap = r.rules.formCaps[f];
    return cap === undefined ? null : toTenths(cap);
  };
  const dailyOf = (r: RulesRow) => (r.rules.dailyCap === null ? null : toTenths(r.rules.dailyCap));
  const tenths: [string, unknown[]][] = [
    ['required_total', rows.map((r) => toTenths(r.rules.minTotalHours))],
    ['required_professional', rows.map((r) => Math.round(toTenths(r.rules.minTotalHours) * r.rules.minProfessionalShare))],
    ['required_public', rows.map((r) => toTenths(r.rules.minPublicHours ?? 0))],
    ['daily_cap', rows.map(dailyOf)],
    ...capped.map((f): [string, unknown[]] => [`cap_${f}`, rows.map((r) => capOf(r, f))]),
  ];
  const hours = tenths.map(([name]) => `(t.${name} / 10.0)::numeric(6,1) AS ${name}`).join(', ');
  const arrays = ['char(6)', 'smallint', 'int', ...tenths.map(() => 'int')].map((type, i) => `$${first + i}::${type}[]`).join(', ');
  const sql = `SELECT t.province_code, t.year, t.variant, ${hours}
    FROM unnest(${arrays}) AS t(province_code, year, variant, ${tenths.map(([name]) => name).join(', ')})`;
  const params = [rows.map((r) => r.provinceCode), rows.map((r) => r.year), rows.map((r) => dailyCaps.indexOf(dailyOf(r))), ...tenths.map(([, v]) => v)];
  return { sql, params, ruleColumns: ['variant', ...tenths.map(([name]) => name)] };
}

// A record's credited hours: its hours, at most the daily cap × the days of its span.
function credited(cap: DailyCap): string {
  const days = '(r.end_date - r.start_date + 1)';
  if (cap.kind === 'none') return 'r.hours';
  if (cap.kind === 'constant') return `LEAST(r.hours, (${integerLiteral(cap.tenths)} / 10.0)::numeric(6,1) * ${days})`;
  return `LEAST(r.hours, COALESCE(${cap.sql} * ${days}, r.hours))`;
}

/**
 * Aggregate columns over the records `r` of one group: `p_<k>` (public hours) and `t_<k>` (all
 * hours), and for each capped form `pf_<form>_<k>` and `tf_<form>_<k>`, for every daily-cap
 * variant k. NULL when no record matches.
 */
export function recordAggregates(capped: LearningForm[], caps: DailyCap[]): string {
  return caps
    .flatMap((cap, k) => {
      const sum = (filter: string | null) => `sum(${credited(cap)})${filter ? ` FILTER (WHERE ${filter})` : ''}`;
      return [
        `${sum(`r.category = 'public'`)} AS p_${k}`,
        `${sum(null)} AS t_${k}`,
        ...capped.flatMap((f) => [`${sum(`r.form = '${f}' AND r.category = 'public'`)} AS pf_${f}_${k}`, `${sum(`r.form = '${f}'`)} AS tf_${f}_${k}`]),
      ];
    })
    .join(',\n         ');
}

/**
 * A person's public and total hours after the form caps, from the aggregates `a` of
 * recordAggregates and the rules relation `ru` (its variant picks the daily-cap variant).
 * A capped form over its cap loses (total − cap), and its public part becomes, in tenths,
 * floor((2 · public · cap + total) / (2 · total)) — the cap's public share rounded half up;
 * in hours that is div(20 · public · cap + total, 2 · total) tenths (div truncates exactly).
 */
export function cappedTotals(capped: LearningForm[], variants: number, a: string, ru: string): { pub: string; total: string } {
  const pick = (name: string) =>
    variants === 1
      ? `${a}.${name}_0`
      : `CASE ${ru}.variant ${Array.from({ length: variants }, (_, k) => `WHEN ${k} THEN ${a}.${name}_${k}`).join(' ')} END`;
  let pub = `COALESCE(${pick('p')}, 0)`;
  let total = `COALESCE(${pick('t')}, 0)`;
  for (const f of capped) {
    const t = pick(`tf_${f}`);
    const p = `COALESCE(${pick(`pf_${f}`)}, 0)`;
    const cap = `${ru}.cap_${f}`;
    const over = `${cap} IS NOT NULL AND ${t} > ${cap}`;
    total += ` - CASE WHEN ${over} THEN ${t} - ${cap} ELSE 0 END`;
    pub += ` - CASE WHEN ${over} THEN ${p} - div(20 * ${p} * ${cap} + ${t}, 2 * ${t}) * 0.1 ELSE 0 END`;
  }
  return { pub, total };
}

/** The stored columns, in table order (learning_compliance). */
export const COMPLIANCE_COLUMNS = `person_id, year, province_code, total_hours, public_hours, professional_hours,
  required_total, required_professional, required_public, compliant, computed_at`;

/**
 * The stored values from a row `s` carrying person_id, year, province_code, `pub` and `total`
 * (hours) and the rules relation's required_* columns.
 */
export const COMPLIANCE_VALUES = `s.person_id, s.year, s.province_code, s.total, s.pub, s.total - s.pub,
  s.required_total, s.required_professional, s.required_public,
  s.total >= s.required_total AND s.total - s.pub >= s.required_professional AND s.pub >= s.required_public, now()`;

/** The rules relation's required hours (alias `ru`) carried along next to a person, for COMPLIANCE_VALUES. */
export function carriedRules(ru: string): string {
  return ['required_total', 'required_professional', 'required_public'].map((c) => `${ru}.${c}`).join(', ');
}
