import { type Ctx, requireActor } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { TableFormat } from '../../../platform/files/table-file.ts';
import { writeTable } from '../../../platform/files/table-writer.ts';
import { assessTotals, computeCompliance } from '../compliance.ts';
import { resolveProvinceRules, rulesRowsFor } from '../rules/service.ts';
import { toTenths } from '../rules.ts';
import * as repo from './repo.ts';
import * as read from './read-repo.ts';

/** A (person, year) to recompute; the person's province when the caller has just read it (a provider's batch). */
export type CompliancePair = { personId: string; year: number; provinceCode?: string };

/** Recompute the compliance of these (person, year) pairs in the caller's transaction. */
export async function recomputeCompliance(tx: Executor, pairs: CompliancePair[]): Promise<void> {
  if (pairs.length === 0) return;
  const unknown = [...new Set(pairs.filter((p) => !p.provinceCode).map((p) => p.personId))];
  const provinces = unknown.length ? await repo.listProvincesOfPeople(tx, unknown) : new Map<string, string>();
  const placed = pairs.flatMap((p) => {
    const provinceCode = p.provinceCode ?? provinces.get(p.personId);
    return provinceCode ? [{ personId: p.personId, year: p.year, provinceCode }] : [];
  });
  await repo.recomputePairs(tx, await rulesRowsFor(tx, placed), placed);
}

/** A new approved record of a provider's batch, with its person's province, year and hours. */
export type AddedRecord = { personId: string; year: number; provinceCode: string; hours: number; category: string };

/**
 * Bring compliance up to date after new approved records (a provider's batch), in the caller's
 * transaction: where the province's rules cap nothing (no daily cap, no form cap) the new hours
 * are added to the stored figures; everywhere else, and for people without a row yet, the pairs
 * are recomputed from their records.
 */
export async function addRecordsToCompliance(tx: Executor, added: AddedRecord[]): Promise<void> {
  if (added.length === 0) return;
  const sums = new Map<string, { personId: string; year: number; provinceCode: string; totalTenths: number; publicTenths: number }>();
  for (const r of added) {
    const key = `${r.personId}/${r.year}`;
    const sum = sums.get(key) ?? { personId: r.personId, year: r.year, provinceCode: r.provinceCode, totalTenths: 0, publicTenths: 0 };
    const tenths = toTenths(r.hours);
    sum.totalTenths += tenths;
    if (r.category === 'public') sum.publicTenths += tenths;
    sums.set(key, sum);
  }
  const pairs = [...sums.values()];
  const rules = await rulesRowsFor(tx, pairs);
  const uncapped = rules.filter((r) => r.rules.dailyCap === null && Object.values(r.rules.formCaps).every((cap) => cap === undefined || cap === null));
  const open = new Set(uncapped.map((r) => `${r.provinceCode}/${r.year}`));
  const updated = await repo.addToPairs(tx, uncapped, pairs.filter((p) => open.has(`${p.provinceCode}/${p.year}`)));
  const rest = pairs.filter((p) => !updated.has(`${p.personId}/${p.year}`));
  await repo.recomputePairs(tx, rules, rest);
}

export type YearCompliance = {
  year: number;
  totalHours: number;
  publicHours: number;
  professionalHours: number;
  requiredTotal: number;
  requiredProfessional: number;
  requiredPublic: number;
  compliant: boolean;
  byForm: Record<string, number>;
  shortfalls: { kind: string; hours: number }[];
  explanation: { zh: string; en: string };
};

/**
 * Stored figures with their plain-words verdict and the per-form figures; a year without
 * records reads as zero hours.
 */
export function describeYear(
  year: number,
  row: read.ComplianceRow | undefined,
  required: { total: number; professional: number; public: number },
  byForm: Record<string, number>,
): YearCompliance {
  const pub = toTenths(row?.publicHours ?? 0);
  const pro = toTenths(row?.professionalHours ?? 0);
  const req = row
    ? { total: toTenths(row.requiredTotal), professional: toTenths(row.requiredProfessional), public: toTenths(row.requiredPublic) }
    : { total: toTenths(required.total), professional: toTenths(required.professional), public: toTenths(required.public) };
  const assessed = assessTotals(pub, pro, req);
  return {
    year,
    totalHours: (pub + pro) / 10,
    publicHours: pub / 10,
    professionalHours: pro / 10,
    requiredTotal: req.total / 10,
    requiredProfessional: req.professional / 10,
    requiredPublic: req.public / 10,
    compliant: assessed.compliant,
    byForm,
    shortfalls: assessed.shortfalls,
    explanation: assessed.explanation,
  };
}

/**
 * A person's compliance for each of `years`: totals and verdict read from the maintained table;
 * the hours per form (shown for one person only, so not kept in the table) computed from the
 * person's counted records by the reference function, under the same rules.
 */
export async function complianceOfPerson(db: Executor, person: { id: string; provinceCode: string }, years: number[]): Promise<YearCompliance[]> {
  const rows = await read.listComplianceOfPerson(db, person.id, years);
  const records = await read.listCountedRecordsOfPerson(db, person.id, years);
  const out: YearCompliance[] = [];
  for (const year of years) {
    const rules = (await resolveProvinceRules(db, [person.provinceCode], year)).get(person.provinceCode);
    const required = {
      total: rules?.minTotalHours ?? 0,
      professional: Math.round(toTenths(rules?.minTotalHours ?? 0) * (rules?.minProfessionalShare ?? 0)) / 10,
      public: rules?.minPublicHours ?? 0,
    };
    const byForm = rules ? computeCompliance(year, records.filter((r) => r.year === year), rules).byForm : {};
    out.push(describeYear(year, rows.get(year), required, byForm));
  }
  return out;
}

export function yearsRange(from: number, to: number): number[] {
  if (to < from || to - from > 20) throw new AppError('VALIDATION_FAILED', {}, [{ code: 'FIELD_INVALID', path: '/years', params: { column: 'years' } }]);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The signed-in professional's own compliance. */
export async function getOwnCompliance(ctx: Ctx, years: number[]) {
  const personId = requireActor(ctx).personId;
  if (!personId) throw new AppError('LEARNING_NOT_A_PROFESSIONAL');
  const person = await read.findPersonProvince(ctx.db, personId);
  if (!person) throw new AppError('PERSON_NOT_FOUND');
  return { items: await complianceOfPerson(ctx.db, person, years) };
}

/** Staff compliance for an employer, a department or a region, as far as the caller's scope reaches. */
export async function listCompliance(ctx: Ctx, q: read.ComplianceListFilter & { page: number; pageSize: number }) {
  const { page, pageSize, ...filter } = q;
  const result = await read.listComplianceInScope(ctx.db, requireActor(ctx).grants, filter, pageSize, (page - 1) * pageSize);
  return { ...result, page, pageSize };
}

const EXPORT_LIMIT = 100_000;
const EXPORT_HEADERS = [
  '姓名 Name', '身份证号码(已脱敏) ID (masked)', '工作单位 Employer', '所在地区 Region', '职称级别 Title level',
  '公需科目学时 Public hours', '专业科目学时 Professional hours', '合计 Total', '是否达标 Compliant',
];

/** The staff compliance list as a file: exactly the filtered list the caller sees, IDs masked. */
export async function exportCompliance(ctx: Ctx, filter: read.ComplianceListFilter, format: TableFormat) {
  const { items } = await read.listComplianceInScope(ctx.db, requireActor(ctx).grants, filter, EXPORT_LIMIT, 0);
  const rows = items.map((i) => [
    i.name, i.idNumberMasked, i.employerName, i.regionName, i.titleLevel, i.publicHours, i.professionalHours, i.totalHours,
    i.compliant ? '达标 Compliant' : '未达标 Not compliant',
  ]);
  return writeTable(format, EXPORT_HEADERS, rows, `compliance-${filter.year}`);
}
