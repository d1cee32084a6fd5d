import { useMemo, useState } from 'react';
import { Card, Input, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { describeError } from '../../../shared/errors.ts';
import { useI18n, type Language } from '../../../shared/i18n.ts';
import { fetchDepartments, registryKeys, type Department } from '../api.ts';
import { provincesOf, useRegionTree } from '../components/RegionCascader.tsx';

const displayName = (language: Language, d: Department) => (language === 'en' && d.nameEn ? d.nameEn : d.name);

function CounterpartTable({ departments, regionName }: { departments: Department[]; regionName: ReadonlyMap<string, string> }) {
  const { t, language } = useI18n();
  return (
    <Table<Department>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={departments}
      columns={[
        { title: t('departments.region'), dataIndex: 'regionCode', width: 160, render: (code: string | null) => (code ? regionName.get(code) ?? code : '') },
        { title: t('departments.name'), key: 'name', render: (_: unknown, row) => displayName(language, row) },
        { title: t('departments.code'), dataIndex: 'code', width: 200 },
      ]}
    />
  );
}

/** National industry departments; each row expands to its provincial counterparts. */
export function DepartmentsPage() {
  const { t, language } = useI18n();
  const [term, setTerm] = useState('');
  const [province, setProvince] = useState<string | undefined>();
  const departments = useQuery({ queryKey: registryKeys.departments, queryFn: () => fetchDepartments(), staleTime: Infinity });
  const tree = useRegionTree();

  const provinces = useMemo(() => provincesOf(tree.data ?? []), [tree.data]);
  const regionName = useMemo(() => new Map(provinces.map((p) => [p.code, p.name])), [provinces]);

  const { national, counterparts } = useMemo(() => {
    const all = departments.data ?? [];
    const byParent = new Map<string, Department[]>();
    for (const d of all) {
      if (d.level !== 'provincial' || !d.parentCode) continue;
      if (province && d.regionCode !== province) continue;
      byParent.set(d.parentCode, [...(byParent.get(d.parentCode) ?? []), d]);
    }
    const q = term.trim().toLowerCase();
    const matches = (d: Department) =>
      !q || [d.name, d.shortName, d.nameEn, d.code].some((s) => (s ?? '').toLowerCase().includes(q));
    return { national: all.filter((d) => d.level === 'national' && matches(d)), counterparts: byParent };
  }, [departments.data, province, term]);

  return (
    <Card title={t('departments.title')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('departments.search')} onChange={(e) => setTerm(e.target.value)} style={{ width: 260 }} />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('departments.filterProvince')}
          value={province}
          onChange={setProvince}
          options={provinces.map((p) => ({ value: p.code, label: p.name }))}
          style={{ width: 220 }}
          data-testid="departments-province"
        />
      </Space>
      {departments.isError && <Typography.Text type="danger">{describeError(t, departments.error)}</Typography.Text>}
      <Table<Department>
        rowKey="code"
        size="middle"
        loading={departments.isPending}
        dataSource={national}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        expandable={{
          rowExpandable: (d) => (counterparts.get(d.code)?.length ?? 0) > 0,
          expandedRowRender: (d) => <CounterpartTable departments={counterparts.get(d.code) ?? []} regionName={regionName} />,
        }}
        columns={[
          { title: t('departments.code'), dataIndex: 'code', width: 160 },
          { title: t('departments.name'), key: 'name', render: (_: unknown, row) => displayName(language, row) },
          { title: t('departments.shortName'), dataIndex: 'shortName', width: 200 },
          { title: t('departments.counterparts'), key: 'count', width: 140, render: (_: unknown, row) => counterparts.get(row.code)?.length ?? 0 },
        ]}
      />
    </Card>
  );
}
