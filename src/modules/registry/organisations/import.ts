import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Ctx, requireActor } from '../../../platform/context.ts';
import { yesNoCell } from '../../../platform/files/cell-values.ts';
import { RowIssues } from '../../../platform/files/row-issues.ts';
import { type ColumnSpec, type TableFormat, headerLabel, mapColumns, pickRow, readTable } from '../../../platform/files/table-file.ts';
import { writeTable } from '../../../platform/files/table-writer.ts';
import { listDepartmentCodes } from '../departments/repo.ts';
import { listAllRegions } from '../regions/repo.ts';
import { validateOrgFields } from './fields.ts';
import { canPlaceOrganisation } from './policy.ts';
import { type OrganisationQuery, toOrgFilter } from './service.ts';
import * as repo from './repo.ts';
import { ORG_ROLE_LABELS, OWNERSHIP_LABELS, type OrgRole, type Ownership } from './rules.ts';

type OrgColumn = 'name' | 'creditCode' | 'regionCode' | 'departmentCode' | 'ownership' | 'roles' | 'address' | 'contactName' | 'grassroots';

export const ORG_IMPORT_COLUMNS: readonly ColumnSpec<OrgColumn>[] = [
  { key: 'name', zh: '单位名称', en: 'Name', required: true, example: '杭州示例科技有限公司' },
  { key: 'creditCode', zh: '统一社会信用代码', en: 'Credit code', required: true, example: '91310110666007217T' },
  { key: 'regionCode', zh: '所在地区代码', en: 'Region code', required: true, example: '330100' },
  { key: 'departmentCode', zh: '主管部门代码', en: 'Department code', required: false, example: 'miit.330000' },
  { key: 'ownership', zh: '单位性质', en: 'Ownership', required: true, example: '民营企业' },
  { key: 'roles', zh: '单位角色', en: 'Roles', required: true, example: '用人单位、培训机构' },
  { key: 'address', zh: '地址', en: 'Address', required: false, example: '杭州市西湖区文三路 1 号' },
  { key: 'contactName', zh: '联系人', en: 'Contact', required: false, example: '李四' },
  // 是/否 (or true/false, 1/0, Y/N); left out or empty: 否.
  { key: 'grassroots', zh: '是否基层单位', en: 'Grassroots unit', required: false, example: '否' },
];

const MAX_ROWS = 50_000;
const labelOf = (field: string) => {
  const spec = ORG_IMPORT_COLUMNS.find((c) => c.key === field);
  return spec ? headerLabel(spec) : field;
};

/** Import organisations: all rows checked, nothing written unless every row is valid. */
export async function importOrganisations(ctx: Ctx, data: Buffer, options: { dryRun: boolean }) {
  const grants = requireActor(ctx).grants;
  const table = await readTable(data, MAX_ROWS);
  const columns = mapColumns(table.headers, ORG_IMPORT_COLUMNS);
  const records = table.rows.map((row) => pickRow(row, columns));
  const regions = new Map((await listAllRegions(ctx.db)).map((r) => [r.code, r]));
  const departments = await listDepartmentCodes(ctx.db);
  const issues = new RowIssues();
  const rows: repo.OrgWrite[] = [];
  const firstRowOfCode = new Map<string, number>();
  records.forEach((record, index) => {
    const rowNumber = table.numbers[index] as number;
    const checked = validateOrgFields(record);
    if (!checked.ok) return issues.addFieldDetails(rowNumber, checked.details, labelOf);
    const f = checked.value;
    const region = regions.get(f.regionCode);
    if (!region || region.level === 0 || !region.provinceCode) return issues.add(rowNumber, labelOf('regionCode'), 'REGION_NOT_FOUND', f.regionCode, { code: f.regionCode });
    if (!canPlaceOrganisation(grants, { provinceCode: region.provinceCode, regionCode: region.code })) {
      return issues.add(rowNumber, labelOf('regionCode'), 'REGION_OUTSIDE_SCOPE', f.regionCode);
    }
    if (f.departmentCode && !departments.has(f.departmentCode)) {
      return issues.add(rowNumber, labelOf('departmentCode'), 'DEPARTMENT_NOT_FOUND', f.departmentCode, { code: f.departmentCode });
    }
    const other = firstRowOfCode.get(f.creditCode);
    if (other !== undefined) return issues.add(rowNumber, labelOf('creditCode'), 'IMPORT_DUPLICATE_IN_FILE', f.creditCode, { other });
    firstRowOfCode.set(f.creditCode, rowNumber);
    rows.push({ ...f, id: uuidv7(), provinceCode: region.provinceCode });
  });
  const taken = await repo.listExistingCreditCodes(ctx.db, rows.map((r) => r.creditCode));
  for (const r of rows) {
    if (taken.has(r.creditCode)) issues.add(firstRowOfCode.get(r.creditCode) ?? 0, labelOf('creditCode'), 'ORGANISATION_CREDIT_CODE_TAKEN', r.creditCode, { code: r.creditCode });
  }
  issues.throwIfAny();
  if (options.dryRun) return { rows: records.length, created: 0, dryRun: true };
  await ctx.db.transaction(async (tx) => {
    // Roles travel as comma-joined text because unnest cannot take a ragged text[][].
    await tx.query(
      `INSERT INTO organisations (${repo.ORG_COLUMNS.join(', ')})
       SELECT id, name, credit_code, region_code, province_code, department_code, ownership, string_to_array(roles, ','), address, contact_name, grassroots
         FROM unnest($1::uuid[], $2::text[], $3::char(18)[], $4::char(6)[], $5::char(6)[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::boolean[])
           AS t(id, name, credit_code, region_code, province_code, department_code, ownership, roles, address, contact_name, grassroots)`,
      [
        rows.map((r) => r.id), rows.map((r) => r.name), rows.map((r) => r.creditCode), rows.map((r) => r.regionCode), rows.map((r) => r.provinceCode),
        rows.map((r) => r.departmentCode), rows.map((r) => r.ownership), rows.map((r) => r.roles.join(',')), rows.map((r) => r.address), rows.map((r) => r.contactName),
        rows.map((r) => r.grassroots),
      ],
    );
    await recordAudit(tx, ctx, {
      action: 'organisation.imported',
      entity: 'organisation_import',
      entityId: createHash('sha256').update(data).digest('hex'),
      after: { rows: rows.length, ids: rows.map((r) => r.id) },
    });
  });
  return { rows: records.length, created: rows.length, dryRun: false };
}

export async function organisationsTemplate(format: TableFormat) {
  return writeTable(format, ORG_IMPORT_COLUMNS.map(headerLabel), [ORG_IMPORT_COLUMNS.map((c) => c.example)], 'organisations');
}

/** Export as the caller sees the list; the columns are the import columns plus status, so a file can go round trip. */
export async function exportOrganisations(ctx: Ctx, query: OrganisationQuery, format: TableFormat) {
  const { items } = await repo.listOrganisationsInScope(ctx.db, requireActor(ctx).grants, toOrgFilter(query, MAX_ROWS, 0));
  const rows = items.map((o) => [
    o.name, o.creditCode, o.regionCode, o.departmentCode ?? '', OWNERSHIP_LABELS[o.ownership as Ownership]?.zh ?? o.ownership,
    o.roles.map((r) => ORG_ROLE_LABELS[r as OrgRole]?.zh ?? r).join('、'), o.address, o.contactName, yesNoCell(o.grassroots), o.status === 'active' ? '正常' : '已停用',
  ]);
  return writeTable(format, [...ORG_IMPORT_COLUMNS.map(headerLabel), '状态(Status)'], rows, 'organisations');
}
