import { App, Button, Card, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { enrol, enrolKeys, fetchOpen, withdraw, type OpenSeminar } from '../api.ts';
import { describeError } from '../../../../shared/errors.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useI18n, type MessageKey } from '../../../../shared/i18n.ts';

const WINDOW_COLOUR = { not_open: 'default', open: 'green', closed: 'red' } as const;

function WindowTag({ seminar: s }: { seminar: OpenSeminar }) {
  const { t, language } = useI18n();
  return (
    <Tooltip title={`${formatDateTime(language, s.window.opensAt)} – ${formatDateTime(language, s.window.closesAt)}`}>
      <Tag color={WINDOW_COLOUR[s.window.state]}>{t(`semEnrol.window.${s.window.state}`)}</Tag>
    </Tooltip>
  );
}

function MyStatus({ seminar: s }: { seminar: OpenSeminar }) {
  const { t } = useI18n();
  if (!s.myEnrolment) return null;
  return (
    <Space orientation="vertical" size={0}>
      <Tag data-testid={`my-status-${s.id}`}>{t(`semEnrol.status.${s.myEnrolment.status}`)}</Tag>
      {s.myEnrolment.position !== null && <span>{t('semEnrol.position', { position: s.myEnrolment.position })}</span>}
    </Space>
  );
}

/** A professional's view: published seminars with the window, seats left, own eligibility, enrol and withdraw. */
export function OpenSeminarsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const open = useQuery({ queryKey: enrolKeys.open, queryFn: fetchOpen });
  const done = () => void client.invalidateQueries({ queryKey: enrolKeys.all });
  const fail = (e: unknown) => void message.error(describeError(t, e));
  const doEnrol = useMutation({
    mutationFn: enrol,
    onSuccess: (s) => {
      done();
      void message.success(s.outcome === 'waiting' ? t('semEnrol.waiting.toast', { position: s.myEnrolment?.position ?? 0 }) : t('semEnrol.enrolled.toast'));
    },
    onError: fail,
  });
  const doWithdraw = useMutation({ mutationFn: withdraw, onSuccess: done, onError: fail });
  const reasons = (s: OpenSeminar) => s.preferenceReasons.map((r) => t(`semEnrol.reason.${r}` as MessageKey)).join('、');
  return (
    <Card title={t('semEnrol.open.title')}>
      <Table<OpenSeminar>
        rowKey="id" loading={open.isLoading} dataSource={open.data ?? []} pagination={false} locale={{ emptyText: t('semEnrol.open.empty') }} data-testid="open-seminars"
        columns={[
          { title: t('semEnrol.title'), key: 'title', render: (_, s) => <Space orientation="vertical" size={0}><strong>{s.title}</strong><span>{s.hostName} · {s.place}</span></Space> },
          { title: t('semEnrol.dates'), key: 'dates', render: (_, s) => `${s.startDate} – ${s.endDate}` },
          { title: t('semEnrol.hours'), dataIndex: 'hours', width: 70 },
          { title: t('semEnrol.seatsLeft'), key: 'seats', render: (_, s) => `${s.seatsLeft} / ${s.seats}` },
          { title: t('semEnrol.window'), key: 'window', render: (_, s) => <WindowTag seminar={s} /> },
          {
            title: t('semEnrol.eligibility'), key: 'eligibility',
            render: (_, s) => (
              <Space orientation="vertical" size={0}>
                {s.eligibility.eligible ? <Tag color="green">{t('semEnrol.eligible')}</Tag> : <Tag color="orange">{t('semEnrol.ineligible', { reason: s.eligibility.reasonText ?? '' })}</Tag>}
                {s.preferenceReasons.length > 0 && <Tag color="blue">{t('semEnrol.preferred', { reasons: reasons(s) })}</Tag>}
              </Space>
            ),
          },
          { title: t('semEnrol.my'), key: 'mine', render: (_, s) => <MyStatus seminar={s} /> },
          {
            key: 'actions',
            render: (_, s) => (
              <Space>
                {s.abilities.enrol && <Button type="primary" data-testid={`enrol-${s.id}`} loading={doEnrol.isPending} onClick={() => doEnrol.mutate(s.id)}>{t('semEnrol.enrol')}</Button>}
                {s.abilities.withdraw && (
                  <Popconfirm title={t('semEnrol.withdraw.confirm')} onConfirm={() => doWithdraw.mutate(s.id)}>
                    <Button danger data-testid={`withdraw-${s.id}`}>{t('semEnrol.withdraw')}</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
