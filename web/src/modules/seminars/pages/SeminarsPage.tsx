import { useState } from 'react';
import { Button, Card, InputNumber, Segmented, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../shared/auth.tsx';
import { useI18n } from '../../../shared/i18n.ts';
import { chinaYear } from '../../learning/enums.ts';
import { fetchSeminars, seminarKeys, type Seminar } from '../api.ts';
import { STATUS_COLOUR, fieldLabel } from '../components/labels.ts';

/** Applications in the caller's scope: a host's own, a department's pre-review queue, the ministry's all. */
export function SeminarsPage() {
  const { t, language } = useI18n();
  const { permissions } = useAuth();
  const [year, setYear] = useState<number>(chinaYear());
  const [status, setStatus] = useState<string>(permissions.has('seminar.prereview') && !permissions.has('seminar.manage') ? 'submitted' : '');
  const list = useQuery({ queryKey: seminarKeys.list(year, status), queryFn: () => fetchSeminars({ year, status: status || undefined }) });
  return (
    <Card
      title={t('seminars.title')}
      extra={<Space>
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="seminars-year" />
        {permissions.has('seminar.apply') && <Link to="/seminars/new"><Button type="primary" data-testid="seminar-new">{t('seminars.new')}</Button></Link>}
      </Space>}
    >
      {permissions.has('seminar.prereview') && (
        <Segmented style={{ marginBottom: 16 }} value={status} onChange={(v) => setStatus(String(v))} data-testid="seminars-filter"
          options={[{ value: '', label: t('seminars.all') }, { value: 'submitted', label: t('seminars.queue') }]} />
      )}
      <Table<Seminar>
        rowKey="id" loading={list.isLoading} dataSource={list.data ?? []} pagination={{ pageSize: 20 }} locale={{ emptyText: t('seminars.empty') }} data-testid="seminars-table"
        columns={[
          { title: t('seminars.name'), key: 'title', render: (_, s) => <Link to={`/seminars/${s.id}`}>{s.title}</Link> },
          { title: t('seminars.host'), dataIndex: 'hostName' },
          { title: t('seminars.field'), key: 'field', render: (_, s) => fieldLabel(language, s.field) },
          { title: t('seminars.department'), dataIndex: 'departmentName' },
          { title: t('seminars.dates'), key: 'dates', render: (_, s) => `${s.startDate} – ${s.endDate}` },
          { title: t('seminars.trainees'), dataIndex: 'plannedTrainees' },
          { title: t('seminars.status'), key: 'status', render: (_, s) => <Space size={4}><Tag color={STATUS_COLOUR[s.status]}>{t(`seminars.status.${s.status}` as 'seminars.status.draft')}</Tag>{s.publishedAt && <Tag color="gold">{t('seminars.published')}</Tag>}</Space> },
        ]}
      />
    </Card>
  );
}
