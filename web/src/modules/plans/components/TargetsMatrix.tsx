import { Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { fetchTargets, formatPeople, planKeys, type Target, type Unit } from '../api.ts';
import { fetchDepartments } from '../../registry/api.ts';
import { PLAN_FIELDS, learningLabel } from '../../learning/enums.ts';
import { useI18n } from '../../../shared/i18n.ts';

type Row = { key: string; name: string; cells: Record<string, number>; total: number };

/** The plan's own figures (its region) as the table it came from: departments × fields, with totals. */
export function TargetsMatrix({ planId, regionCode, unit }: { planId: string; regionCode: string; unit: Unit }) {
  const { t, language } = useI18n();
  const targets = useQuery({ queryKey: planKeys.targets(planId), queryFn: () => fetchTargets(planId) });
  const departments = useQuery({ queryKey: ['registry', 'departments', 'national'], queryFn: () => fetchDepartments({ level: 'national' }) });
  const own = (targets.data ?? []).filter((x: Target) => x.regionCode === regionCode);
  const names = new Map((departments.data ?? []).map((d) => [d.code, language === 'en' ? d.nameEn : d.shortName]));
  const rows = new Map<string, Row>();
  for (const x of own) {
    const row = rows.get(x.departmentCode) ?? { key: x.departmentCode, name: x.departmentCode ? names.get(x.departmentCode) ?? x.departmentCode : t('plans.department.other'), cells: {}, total: 0 };
    row.cells[x.field] = (row.cells[x.field] ?? 0) + x.people;
    row.total += x.people;
    rows.set(x.departmentCode, row);
  }
  const list = [...rows.values()];
  const totals: Row = { key: '__total', name: t('plans.total'), cells: {}, total: 0 };
  for (const r of list) {
    for (const [f, v] of Object.entries(r.cells)) totals.cells[f] = (totals.cells[f] ?? 0) + v;
    totals.total += r.total;
  }
  const columns = [
    { title: t('plans.department'), dataIndex: 'name', key: 'name', fixed: 'left' as const, width: 160 },
    ...PLAN_FIELDS.map((f) => ({ title: learningLabel(language, 'field', f), key: f, width: 100, render: (_: unknown, r: Row) => (r.cells[f] ? formatPeople(r.cells[f], unit) : '') })),
    { title: t('plans.total'), key: 'total', width: 110, render: (_: unknown, r: Row) => <strong>{formatPeople(r.total, unit)}</strong> },
  ];
  return (
    <Table<Row>
      size="small" rowKey="key" loading={targets.isLoading} columns={columns} dataSource={list.length ? [totals, ...list] : []}
      pagination={false} scroll={{ x: 1900 }} data-testid="plan-targets"
    />
  );
}
