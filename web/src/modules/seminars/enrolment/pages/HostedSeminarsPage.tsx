import { Card, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { enrolKeys, fetchHosted, type HostSeminar } from '../api.ts';
import { useI18n } from '../../../../shared/i18n.ts';

/** The host's published seminars, each opening its enrolment, attendance, expenses and report. */
export function HostedSeminarsPage() {
  const { t } = useI18n();
  const hosted = useQuery({ queryKey: enrolKeys.hosted, queryFn: fetchHosted });
  return (
    <Card title={t('semHost.title')}>
      <Table<HostSeminar>
        rowKey="id" loading={hosted.isLoading} dataSource={hosted.data ?? []} pagination={false} locale={{ emptyText: t('semHost.empty') }} data-testid="hosted-seminars"
        columns={[
          { title: t('semEnrol.title'), key: 'title', render: (_, s) => <Link to={`/seminar-enrolment/hosted/${s.id}`}>{s.title}</Link> },
          { title: t('semEnrol.dates'), key: 'dates', render: (_, s) => `${s.startDate} – ${s.endDate}` },
          { title: t('semEnrol.seatsLeft'), key: 'seats', render: (_, s) => `${s.seatsLeft} / ${s.seats}` },
          { title: t('semEnrol.window'), key: 'window', render: (_, s) => <Tag>{t(`semEnrol.window.${s.window.state}`)}</Tag> },
          { key: 'closed', render: (_, s) => s.closed && <Tag color="purple">{t('semHost.closed')}</Tag> },
        ]}
      />
    </Card>
  );
}
