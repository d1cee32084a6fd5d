import { useMemo, useState } from 'react';
import { Alert, App, Button, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api.ts';
import { useI18n } from '../../../shared/i18n.ts';
import { fetchDepartments } from '../../registry/api.ts';
import { learningLabel } from '../../learning/enums.ts';
import { fetchTargets, formatPeople, planKeys, type Plan } from '../api.ts';

type Region = { code: string; name: string };

/**
 * Split one of the level's targets (a field and department) to the level's parts: provinces for
 * the nation, cities for a province. The parts must add up to the target before saving.
 */
export function SplitPanel({ plan, regionCode, departmentCode }: { plan: Plan; regionCode: string; departmentCode: string | null }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [key, setKey] = useState<string | undefined>();
  const [values, setValues] = useState<Record<string, number>>({});
  const targets = useQuery({ queryKey: planKeys.targets(plan.id), queryFn: () => fetchTargets(plan.id) });
  const regions = useQuery({ queryKey: ['plans', 'regions', regionCode], queryFn: () => api.get<{ items: Region[] }>('/api/regions', { parentCode: regionCode }).then((r) => r.items) });
  const departments = useQuery({ queryKey: ['registry', 'departments', 'national'], queryFn: () => fetchDepartments({ level: 'national' }) });
  const own = useMemo(() => (targets.data ?? []).filter((x) => x.regionCode === regionCode && (departmentCode === null || x.departmentCode === departmentCode)), [targets.data, regionCode, departmentCode]);
  const chosen = own.find((x) => `${x.field}|${x.departmentCode}` === key);
  const children = regions.data ?? [];
  const existing = (code: string) => (targets.data ?? []).find((x) => x.regionCode === code && chosen && x.field === chosen.field && x.departmentCode === chosen.departmentCode)?.people ?? 0;
  const valueOf = (code: string) => values[code] ?? existing(code);
  const sum = children.reduce((s, r) => s + valueOf(r.code), 0);
  const save = useMutation({
    mutationFn: () => api.put(`/api/plans/${plan.id}/split`, {
      parentRegion: regionCode, version: plan.version,
      parts: children.map((r) => ({ field: chosen?.field, departmentCode: chosen?.departmentCode, regionCode: r.code, people: valueOf(r.code) })),
    }),
    onSuccess: () => {
      void message.success(t('plans.split.saved'));
      setValues({});
      void client.invalidateQueries({ queryKey: planKeys.all });
    },
    onError: (e: Error) => void message.error(e.message),
  });
  if (!plan.abilities.split) return <Alert type="info" title={t('plans.split.notPublished')} />;
  const deptName = (code: string) => (code ? (departments.data ?? []).find((d) => d.code === code)?.[language === 'en' ? 'nameEn' : 'shortName'] ?? code : t('plans.department.other'));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Select style={{ width: 420 }} placeholder={t('plans.split.choose')} value={key} data-testid="split-target" showSearch optionFilterProp="label"
        onChange={(v: string) => { setKey(v); setValues({}); }}
        options={own.map((x) => ({ value: `${x.field}|${x.departmentCode}`, label: `${learningLabel(language, 'field', x.field)} · ${deptName(x.departmentCode)} · ${formatPeople(x.people, 'person')}` }))} />
      {chosen && (
        <>
          <Typography.Text type={sum === chosen.people ? 'success' : 'danger'} data-testid="split-sum">
            {t('plans.split.sum', { sum: formatPeople(sum, 'person'), target: formatPeople(chosen.people, 'person') })}
          </Typography.Text>
          <Table<Region> size="small" rowKey="code" pagination={false} dataSource={children} columns={[
            { title: t('plans.split.region'), dataIndex: 'name' },
            { title: t('plans.dashboard.target'), key: 'people', render: (_, r) => (
              <InputNumber min={0} precision={0} value={valueOf(r.code)} onChange={(v) => setValues({ ...values, [r.code]: Number(v ?? 0) })} />
            ) },
          ]} />
          <Button type="primary" disabled={sum !== chosen.people} loading={save.isPending} onClick={() => save.mutate()} data-testid="split-save">{t('plans.split.save')}</Button>
        </>
      )}
    </Space>
  );
}
