import { useState } from 'react';
import { Badge, Button, Card, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { enrolKeys, fetchMine, type MySeminar } from '../api.ts';
import { NoticesCard } from '../components/NoticesCard.tsx';
import { RatingModal } from '../components/RatingModal.tsx';
import { useI18n } from '../../../../shared/i18n.ts';

const STATUS_COLOUR = { enrolled: 'blue', admitted: 'green', waiting: 'orange', withdrawn: 'default', declined: 'red' } as const;

/** The professional's seminars with status and completion, the stored notices (unread ones marked), and the rating form. */
export function MySeminarsPage() {
  const { t } = useI18n();
  const mine = useQuery({ queryKey: enrolKeys.mine, queryFn: fetchMine });
  const [rating, setRating] = useState<string | null>(null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <NoticesCard data={mine.data} loading={mine.isLoading} />
      <Card title={t('semEnrol.mine.title')}>
        <Table<MySeminar>
          rowKey="seminarId" loading={mine.isLoading} dataSource={mine.data?.items ?? []} pagination={false} locale={{ emptyText: t('semEnrol.mine.empty') }} data-testid="my-seminars"
          columns={[
            { title: t('semEnrol.title'), key: 'title', render: (_, s) => (
                <Space orientation="vertical" size={0}>
                  <Badge count={s.unreadNotices} size="small" offset={[10, 0]} title={t('semEnrol.notice.unreadOf', { n: s.unreadNotices })}><strong>{s.title}</strong></Badge>
                  <span>{s.hostName}</span>
                </Space>
              ),
            },
            { title: t('semEnrol.dates'), key: 'dates', render: (_, s) => `${s.startDate} – ${s.endDate}` },
            { title: t('semEnrol.hours'), dataIndex: 'hours', width: 70 },
            { title: t('semEnrol.status'), key: 'status', render: (_, s) => <Tag color={STATUS_COLOUR[s.status]}>{t(`semEnrol.status.${s.status}`)}</Tag> },
            {
              title: t('semEnrol.completed'), key: 'completed',
              render: (_, s) => s.completed === null ? null : <Tag color={s.completed ? 'green' : 'default'}>{t(s.completed ? 'semEnrol.completed.yes' : 'semEnrol.completed.no')}</Tag>,
            },
            { key: 'rate', render: (_, s) => s.abilities.rate && <Button data-testid={`rate-${s.seminarId}`} onClick={() => setRating(s.seminarId)}>{t('semEnrol.rate')}</Button> },
          ]}
        />
      </Card>
      <RatingModal seminarId={rating} onClose={() => setRating(null)} />
    </Space>
  );
}
