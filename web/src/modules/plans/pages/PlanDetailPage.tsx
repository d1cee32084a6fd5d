import { useState } from 'react';
import { Card, Descriptions, Segmented, Space, Table, Tabs, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { fetchHistory, fetchPlan, formatPeople, planKeys, type HistoryEntry, type Unit } from '../api.ts';
import { PlanImport } from '../components/PlanImport.tsx';
import { StatusActions } from '../components/StatusActions.tsx';
import { TargetsMatrix } from '../components/TargetsMatrix.tsx';
import { SplitPanel } from '../components/SplitPanel.tsx';
import { planLevel } from '../components/plan-level.ts';
import { useAuth } from '../../../shared/auth.tsx';
import { useI18n } from '../../../shared/i18n.ts';

/** One plan: status, its targets in 人 or 万人, the import with findings, and its history. */
export function PlanDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { permissions, me } = useAuth();
  const level = planLevel(me?.grants ?? []);
  const [unit, setUnit] = useState<Unit>('tenThousand');
  const plan = useQuery({ queryKey: planKeys.one(id), queryFn: () => fetchPlan(id) });
  const history = useQuery({ queryKey: planKeys.history(id), queryFn: () => fetchHistory(id) });
  if (!plan.data) return <Card loading />;
  const p = plan.data;
  const tabs = [
    { key: 'targets', label: t('plans.tab.targets'), children: <TargetsMatrix planId={id} regionCode={level.regionCode} unit={unit} /> },
    ...(permissions.has('plan.split') ? [{ key: 'split', label: t('plans.tab.split'), children: <SplitPanel plan={p} regionCode={level.regionCode} departmentCode={level.departmentCode} /> }] : []),
    ...(permissions.has('plan.manage') ? [{ key: 'import', label: t('plans.tab.import'), children: <PlanImport plan={p} /> }] : []),
    {
      key: 'history', label: t('plans.tab.history'), children: (
        <Table<HistoryEntry> size="small" rowKey="seq" pagination={false} dataSource={history.data ?? []} columns={[
          { title: t('plans.history.at'), key: 'at', width: 200, render: (_, h) => new Date(h.at).toLocaleString() },
          { title: t('plans.history.actor'), dataIndex: 'actorName', width: 140 },
          { title: t('plans.history.action'), dataIndex: 'action', width: 140 },
          { title: t('plans.history.summary'), key: 'summary', render: (_, h) => <code style={{ whiteSpace: 'pre-wrap' }}>{JSON.stringify(h.summary)}</code> },
        ]} />
      ),
    },
  ];
  return (
    <Card
      title={<Space>{p.title}<Tag data-testid="plan-status">{t(`plans.status.${p.status}`)}</Tag></Space>}
      extra={<Space><Link to={`/plans/dashboard?plan=${p.id}`}>{t('menu.plans.dashboard')}</Link><StatusActions plan={p} /></Space>}
    >
      <Descriptions size="small" column={4} style={{ marginBottom: 16 }} items={[
        { key: 'year', label: t('plans.year'), children: p.year },
        { key: 'programme', label: t('plans.programme'), children: t(`plans.programme.${p.programme}`) },
        { key: 'people', label: t('plans.nationalPeople'), children: <span data-testid="plan-national-people">{formatPeople(p.nationalPeople, unit)} {t(`plans.unit.${unit}`)}</span> },
        { key: 'unit', label: t('plans.unit'), children: <Segmented size="small" value={unit} onChange={(v) => setUnit(v as Unit)} options={[{ value: 'person', label: t('plans.unit.person') }, { value: 'tenThousand', label: t('plans.unit.tenThousand') }]} /> },
      ]} />
      <Tabs items={tabs} destroyOnHidden />
    </Card>
  );
}
