import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Ctx, requireActor } from '../../../platform/context.ts';
import { yesNoCell } from '../../../platform/files/cell-values.ts';
import { RowIssues, byteaHex, csvField } from '../../../platform/files/row-issues.ts';
import { type ColumnSpec, type TableFormat, headerLabel, mapColumns, pickRow, readTable } from '../../../platform/files/table-file.ts';
import { writeTable } from '../../../platform/files/table-writer.ts';
import { findOrganisationsByCreditCodes } from '../organisations/repo.ts';
import { listAllRegions } from '../regions/repo.ts';
import { validatePersonFields } from './fields.ts';
import * as repo from './repo.ts';
import { TITLE_LEVEL_LABELS, type TitleLevel } from './rules.ts';
import { type PeopleQuery, sealPerson, toPersonFilter } from './service.ts';

type PersonColumn = 'idNumber' | 'name' | 'regionCode' | 'employerCreditCode' | 'titleSeries' | 'titleLevel' | 'specialty' | 'phone' | 'managementPost';

export const PERSON_IMPORT_COLUMNS: readonly ColumnSpec<PersonColumn>[] = [
  { key: 'idNumber', zh: '身份证号码', en: 'ID number', required: true, example: '11010519491231002X' },
  { key: 'name', zh: '姓名', en: 'Name', required: true, example: '张三' },
  { key: 'regionCode', zh: '所在地区代码', en: 'Region code', required: true, example: '110100' },
  { key: 'employerCreditCode', zh: '工作单位统一社会信用代码', en: 'Employer credit code', required: true, example: '91310110666007217T' },
  { key: 'titleSeries', zh: '职称系列', en: 'Title series', required: false, example: '工程技术' },
  { key: 'titleLevel', zh: '职称级别', en: 'Title level', required: false, example: '中级' },
  { key: 'specialty', zh: '专业', en: 'Specialty', required: false, example: '软件工程' },
  { key: 'phone', zh: '手机号码', en: 'Mobile', required: false, example: '13800138000' },
  // 是/否 (or true/false, 1/0, Y/N); left out or empty: 否.
  { key: 'managementPost', zh: '是否担任管理岗位', en: 'Management post', required: false, example: '否' },
];

export const MAX_IMPORT_ROWS = 200_000;

const labelOf = (field: string) => {
  const spec = PERSON_IMPORT_COLUMNS.find((c) => c.key === field || (field === 'employerId' && c.key === 'employerCreditCode'));
  return spec ? headerLabel(spec) : field;
};

/**
 * Import people from CSV or Excel: every row is checked (fields, region, employer in the
 * caller's scope, duplicates in the file and in the registry) and any problem stops the
 * import; valid files are written with one COPY in one transaction. `dryRun` checks only.
 */
export async function importPeople(ctx: Ctx, data: Buffer, options: { dryRun: boolean }) {
  const grants = requireActor(ctx).grants;
  const table = await readTable(data, MAX_IMPORT_ROWS);
  const columns = mapColumns(table.headers, PERSON_IMPORT_COLUMNS);
  const records = table.rows.map((row) => pickRow(row, columns));
  const issues = new RowIssues();
  const regions = new Map((await listAllRegions(ctx.db)).map((r) => [r.code, r]));
  const codes = [...new Set(records.map((r) => (r.employerCreditCode ?? '').toUpperCase()))];
  const employers = await findOrganisationsByCreditCodes(ctx.db, grants, 'person.import', codes);
  const sealed: repo.PersonWrite[] = [];
  const firstRowOfHash = new Map<string, number>();
  records.forEach((record, index) => {
    const rowNumber = table.numbers[index] as number;
    const checked = validatePersonFields(record, ctx.now);
    if (!checked.ok) return issues.addFieldDetails(rowNumber, checked.details, labelOf);
    const f = checked.value;
    const region = regions.get(f.regionCode);
    const employer = employers.get((record.employerCreditCode ?? '').toUpperCase());
    if (!region || region.level === 0) return issues.add(rowNumber, labelOf('regionCode'), 'REGION_NOT_FOUND', f.regionCode, { code: f.regionCode });
    if (!employer || !employer.inScope) return issues.add(rowNumber, labelOf('employerCreditCode'), 'ORGANISATION_NOT_FOUND', record.employerCreditCode);
    if (employer.status !== 'active' || !employer.roles.includes('employer')) {
      return issues.add(rowNumber, labelOf('employerCreditCode'), 'ORGANISATION_NOT_EMPLOYER', record.employerCreditCode);
    }
    if (region.provinceCode !== employer.provinceCode) return issues.add(rowNumber, labelOf('regionCode'), 'PERSON_REGION_EMPLOYER_MISMATCH', f.regionCode);
    const person = sealPerson(ctx.pii, uuidv7(), f, { provinceCode: employer.provinceCode, employerId: employer.id });
    const key = person.idNumberHash.toString('hex');
    const other = firstRowOfHash.get(key);
    if (other !== undefined) return issues.add(rowNumber, labelOf('idNumber'), 'IMPORT_DUPLICATE_IN_FILE', person.idNumberMasked, { other });
    firstRowOfHash.set(key, rowNumber);
    sealed.push(person);
  });
  const existing = await repo.listExistingHashes(ctx.db, sealed.map((p) => p.idNumberHash));
  for (const p of sealed) {
    const key = p.idNumberHash.toString('hex');
    if (existing.has(key)) issues.add(firstRowOfHash.get(key) ?? 0, labelOf('idNumber'), 'PERSON_ID_TAKEN', p.idNumberMasked);
  }
  issues.throwIfAny();
  if (options.dryRun) return { rows: records.length, created: 0, dryRun: true };
  const fileHash = createHash('sha256').update(data).digest('hex');
  await ctx.db.transaction(async (tx) => {
    await tx.copyCsv('people', repo.PERSON_COLUMNS, encodePeopleCsv(sealed));
    await recordAudit(tx, ctx, {
      action: 'person.imported',
      entity: 'person_import',
      entityId: fileHash,
      after: { rows: sealed.length, firstId: sealed[0]?.id, lastId: sealed.at(-1)?.id },
    });
  });
  return { rows: records.length, created: sealed.length, dryRun: false };
}

export function encodePeopleCsv(people: repo.PersonWrite[]): string {
  const lines = people.map((p) =>
    [
      p.id, p.provinceCode, p.regionCode, byteaHex(p.idNumberEnc), byteaHex(p.idNumberHash), csvField(p.idNumberMasked), csvField(p.name),
      p.gender, p.birthDate, p.employerId, csvField(p.titleSeries), p.titleLevel, csvField(p.specialty),
      p.phoneEnc ? byteaHex(p.phoneEnc) : '', csvField(p.phoneMasked), p.managementPost ? 't' : 'f',
    ].join(','),
  );
  return `${lines.join('\n')}\n`;
}

export async function peopleTemplate(format: TableFormat) {
  return writeTable(format, PERSON_IMPORT_COLUMNS.map(headerLabel), [PERSON_IMPORT_COLUMNS.map((c) => c.example)], 'people');
}

const EXPORT_HEADERS = ['身份证号码(已脱敏) ID (masked)', '姓名 Name', '性别 Gender', '出生日期 Birth date', '所在地区 Region', '工作单位 Employer', '职称系列 Title series', '职称级别 Title level', '专业 Specialty', '手机(已脱敏) Mobile (masked)', '状态 Status', '是否担任管理岗位 Management post'];
const EXPORT_LIMIT = 100_000;

/** Export the filtered list as the caller sees it: personal data stays masked in files. */
export async function exportPeople(ctx: Ctx, query: PeopleQuery, format: TableFormat) {
  const grants = requireActor(ctx).grants;
  const { items } = await repo.listPeopleInScope(ctx.db, grants, toPersonFilter(ctx, query, EXPORT_LIMIT, 0));
  const rows = items.map((p) => [
    p.idNumberMasked, p.name, p.gender === 'M' ? '男' : '女', p.birthDate, p.regionName, p.employerName, p.titleSeries,
    TITLE_LEVEL_LABELS[p.titleLevel as TitleLevel]?.zh ?? p.titleLevel, p.specialty, p.phoneMasked, p.status === 'active' ? '正常' : '已停用',
    yesNoCell(p.managementPost),
  ]);
  return writeTable(format, EXPORT_HEADERS, rows, 'people');
}
