import { Alert, App, Button, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../shared/i18n.ts';
import { fetchSelection, publishYear, selectSeminar, seminarKeys, yuan, type RankedItem } from '../api.ts';
import { STATUS_COLOUR, fieldLabel } from './labels.ts';

/** The ranking with each reviewer's total (outliers marked), the remaining quota per field, selection and publication. */
export function SelectionPanel({ year }: { year: number }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const selection = useQuery({ queryKey: seminarKeys.selection(year), queryFn: () => fetchSelection(year) });
  const done = () => void client.invalidateQueries({ queryKey: seminarKeys.all });
  const onError = (e: Error) => void message.error(e.message);
  const select = useMutation({ mutationFn: (v: { item: RankedItem; decision: 'approved' | 'not_selected' }) => selectSeminar(v.item.id, { version: v.item.version, decision: v.decision }), onSuccess: done, onError });
  const publish = useMutation({ mutationFn: () => publishYear(year), onSuccess: (r) => { done(); void message.success(t('seminars.manage.published', { count: r.published })); }, onError });
  const s = selection.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {s && !s.planFound && <Alert type="warning" title={t('seminars.manage.noPlan')} data-testid="no-plan" />}
      {s && (
        <Space wrap>
          <Typography.Text strong>{t('seminars.manage.quota')}</Typography.Text>
          {s.quota.map((q) => (
            <Tag key={q.field} color={q.remaining < 0 ? 'red' : 'blue'} data-testid={`quota-${q.field}`}>
              {fieldLabel(language, q.field)}：{t('seminars.manage.quota.target')} {q.target} / {t('seminars.manage.quota.selected')} {q.selected} / {t('seminars.manage.quota.remaining')} {q.remaining}
            </Tag>
          ))}
          <Typography.Text>{t('seminars.manage.selected', { count: s.selectedSeminars, amount: yuan(s.selectedCentralCents) })}</Typography.Text>
          <Button type="primary" onClick={() => publish.mutate()} loading={publish.isPending} data-testid="publish">{t('seminars.manage.publish')}</Button>
        </Space>
      )}
      <Table<RankedItem> rowKey="id" size="small" loading={selection.isLoading} dataSource={s?.items ?? []} pagination={false} data-testid="ranking-table"
        columns={[
          { title: t('seminars.manage.rank'), key: 'r', width: 60, render: (_, i) => i.rank ?? '—' },
          { title: t('seminars.name'), key: 'title', render: (_, i) => <Link to={`/seminars/${i.id}`}>{i.title}</Link> },
          { title: t('seminars.host'), dataIndex: 'hostName' },
          { title: t('seminars.field'), key: 'f', render: (_, i) => fieldLabel(language, i.field) },
          { title: t('seminars.trainees'), dataIndex: 'plannedTrainees' },
          { title: t('seminars.manage.score'), key: 's', render: (_, i) => (i.scoreTenths === null ? '—' : (i.scoreTenths / 10).toFixed(1)) },
          {
            title: t('seminars.manage.reviews'), key: 'rv', render: (_, i) => i.reviews.map((r) => (
              <Tag key={r.expertName} color={r.dropped ? 'default' : 'blue'} title={r.comment}>{r.expertName} {r.totalTenths === null ? r.status : (r.totalTenths / 10).toFixed(1)}{r.dropped ? `（${t('seminars.manage.dropped')}）` : ''}</Tag>
            )),
          },
          { title: t('seminars.status'), key: 'st', render: (_, i) => <Tag color={STATUS_COLOUR[i.status]}>{t(`seminars.status.${i.status}` as 'seminars.status.draft')}</Tag> },
          { title: t('seminars.central'), key: 'c', render: (_, i) => yuan(i.centralApprovedCents) },
          {
            title: '', key: 'a', render: (_, i) => !i.publishedAt && ['reviewed', 'approved', 'not_selected'].includes(i.status) && (
              <Space>
                <Button size="small" type="primary" data-testid={`approve-${i.id}`} onClick={() => select.mutate({ item: i, decision: 'approved' })}>{t('seminars.approve')}</Button>
                <Button size="small" onClick={() => select.mutate({ item: i, decision: 'not_selected' })}>{t('seminars.notSelect')}</Button>
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
