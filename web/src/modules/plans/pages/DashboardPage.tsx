import { useMemo, useState } from 'react';
import { Breadcrumb, Button, Card, Col, Empty, Row, Segmented, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { dashboardExportUrl, fetchDashboard, fetchPlans, formatPeople, planKeys, type Dashboard, type DashboardRow, type DashboardTable, type Unit } from '../api.ts';
import { ChinaMap } from '../components/ChinaMap.tsx';
import { EChart } from '../components/EChart.tsx';
import { useI18n } from '../../../shared/i18n.ts';

const LIGHT_COLOUR = { green: 'green', yellow: 'gold', red: 'red', none: 'default' } as const;

/** Plan versus actual for the viewer's scope, with drill-down nation → province → city. */
export function DashboardPage() {
  const { t, language } = useI18n();
  const [search, setSearch] = useSearchParams();
  const [unit, setUnit] = useState<Unit>('person');
  const [table, setTable] = useState<DashboardTable>('field');
  const plans = useQuery({ queryKey: planKeys.list, queryFn: fetchPlans });
  const visible = (plans.data ?? []).filter((p) => p.status !== 'draft');
  const planId = search.get('plan') ?? visible[0]?.id ?? '';
  const region = search.get('region') ?? undefined;
  const dashboard = useQuery({ queryKey: planKeys.dashboard(planId, region), queryFn: () => fetchDashboard(planId, region), enabled: planId !== '' });
  const go = (next: { plan?: string; region?: string | null }) => {
    const params = new URLSearchParams(search);
    if (next.plan) params.set('plan', next.plan);
    if (next.region === null) params.delete('region');
    else if (next.region) params.set('region', next.region);
    setSearch(params);
  };
  const d = dashboard.data;
  const name = (r: DashboardRow) => (language === 'en' && table !== 'region' ? r.nameEn : r.name);
  if (plans.isSuccess && visible.length === 0) return <Card title={t('plans.dashboard.title')}><Empty description={t('plans.dashboard.noPlan')} /></Card>;
  const rows = d ? (table === 'field' ? d.byField : table === 'department' ? d.byDepartment : d.byRegion) : [];
  const canDrill = table === 'region' && d !== undefined && d.region.level < 2;
  return (
    <Card
      title={t('plans.dashboard.title')}
      extra={
        <Space wrap>
          <Select style={{ width: 320 }} value={planId || undefined} data-testid="dashboard-plan" onChange={(v: string) => go({ plan: v, region: null })}
            options={visible.map((p) => ({ value: p.id, label: `${p.year} ${p.title}` }))} />
          <Segmented value={unit} onChange={(v) => setUnit(v as Unit)} options={[{ value: 'person', label: t('plans.unit.person') }, { value: 'tenThousand', label: t('plans.unit.tenThousand') }]} />
          {d && <Button href={dashboardExportUrl(planId, region, table, unit)} data-testid="dashboard-export">{t('plans.dashboard.export')}</Button>}
        </Space>
      }
    >
      {d && (
        <Space orientation="vertical" style={{ width: '100%' }} size="large">
          <Breadcrumb items={d.path.map((p, i) => ({ key: p.code, title: i < d.path.length - 1 ? <a onClick={() => go({ region: p.code })}>{p.name}</a> : p.name }))} />
          <Totals d={d} unit={unit} />
          <Tabs activeKey={table} onChange={(k) => setTable(k as DashboardTable)} items={[
            { key: 'field', label: t('plans.dashboard.byField') },
            { key: 'department', label: t('plans.dashboard.byDepartment') },
            ...(d.region.level < 2 ? [{ key: 'region', label: t('plans.dashboard.byRegion') }] : []),
          ]} />
          <Table<DashboardRow>
            size="small" rowKey="key" pagination={false} dataSource={rows} data-testid="dashboard-table"
            columns={[
              { title: '', key: 'name', render: (_, r) => (canDrill ? <a onClick={() => go({ region: r.key })}>{name(r)}</a> : name(r)) },
              { title: t('plans.dashboard.target'), key: 'target', align: 'right', render: (_, r) => formatPeople(r.target, unit) },
              { title: t('plans.dashboard.actual'), key: 'actual', align: 'right', render: (_, r) => formatPeople(r.actual, unit) },
              { title: t('plans.dashboard.rate'), key: 'rate', align: 'right', render: (_, r) => (r.rate === null ? '—' : `${r.rate}%`) },
              { title: t('plans.dashboard.light'), key: 'light', render: (_, r) => <Tag color={LIGHT_COLOUR[r.light]}>{t(`plans.dashboard.light.${r.light}`)}</Tag> },
            ]}
          />
          <DashboardCharts d={d} onProvince={(code) => go({ region: code })} />
        </Space>
      )}
    </Card>
  );
}

function Totals({ d, unit }: { d: Dashboard; unit: Unit }) {
  const { t } = useI18n();
  return (
    <Row gutter={16}>
      <Col span={6}><Statistic title={t('plans.dashboard.target')} value={formatPeople(d.totals.target, unit)} suffix={t(`plans.unit.${unit}`)} /></Col>
      <Col span={6}><Statistic title={t('plans.dashboard.actual')} value={formatPeople(d.totals.actual, unit)} suffix={t(`plans.unit.${unit}`)} /></Col>
      <Col span={6}><Statistic title={t('plans.dashboard.rate')} value={d.totals.rate ?? '—'} suffix={d.totals.rate === null ? '' : '%'} /></Col>
      <Col span={6}>
        <Statistic title={t('plans.dashboard.light')} valueRender={() => <Tag data-testid="dashboard-light" color={LIGHT_COLOUR[d.totals.light]}>{t(`plans.dashboard.light.${d.totals.light}`)}</Tag>} />
        <Typography.Text type="secondary">{t('plans.dashboard.expected', { share: Math.round(d.expectedShare * 100) })}</Typography.Text>
      </Col>
    </Row>
  );
}

/** Target and actual by field, the cumulative series against the even pace, and the map at national level. */
function DashboardCharts({ d, onProvince }: { d: Dashboard; onProvince: (code: string) => void }) {
  const { t, language } = useI18n();
  const barOption = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    legend: { data: [t('plans.dashboard.target'), t('plans.dashboard.actual')] },
    grid: { left: 60, right: 20, bottom: 90 },
    xAxis: { type: 'category', data: d.byField.map((r) => (language === 'en' ? r.nameEn : r.name)), axisLabel: { rotate: 40, interval: 0 } },
    yAxis: { type: 'value' },
    series: [
      { name: t('plans.dashboard.target'), type: 'bar', data: d.byField.map((r) => r.target) },
      { name: t('plans.dashboard.actual'), type: 'bar', data: d.byField.map((r) => r.actual) },
    ],
  }), [d, t, language]);
  const lineOption = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    legend: { data: [t('plans.dashboard.actual'), t('plans.dashboard.pace')] },
    xAxis: { type: 'category', data: d.series.map((s) => t('plans.dashboard.month', { month: s.month })) },
    yAxis: { type: 'value' },
    series: [
      { name: t('plans.dashboard.actual'), type: 'line', data: d.series.map((s) => s.actual) },
      { name: t('plans.dashboard.pace'), type: 'line', lineStyle: { type: 'dashed' }, data: d.series.map((s) => s.pace) },
    ],
  }), [d, t]);

  return (
    <>
    <Row gutter={16}>
      <Col xs={24} lg={12}><Typography.Title level={5}>{t('plans.dashboard.byField')}</Typography.Title><EChart option={barOption} testId="dashboard-bar" /></Col>
      <Col xs={24} lg={12}><Typography.Title level={5}>{t('plans.dashboard.series')}</Typography.Title><EChart option={lineOption} testId="dashboard-series" /></Col>
    </Row>
    {d.region.level === 0 && (
      <div>
        <Typography.Title level={5}>{t('plans.dashboard.map')}</Typography.Title>
        <ChinaMap rows={d.byRegion} title={t('plans.dashboard.rate')} onProvince={onProvince} />
      </div>
    )}
    </>
  );
}
