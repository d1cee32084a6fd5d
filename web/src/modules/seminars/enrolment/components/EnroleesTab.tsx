import { App, Button, DatePicker, Form, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { admit, decline, enrolKeys, fetchEnrolees, fill, setWindow, type Enrolee, type HostSeminar } from '../api.ts';
import { describeError } from '../../../../shared/errors.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useI18n, type MessageKey } from '../../../../shared/i18n.ts';

const STATUS_COLOUR = { enrolled: 'blue', admitted: 'green', waiting: 'orange', withdrawn: 'default', declined: 'red' } as const;

/** Enrolment window, the enrolees with their priority, admission, declining and the waiting list. */
export function EnroleesTab({ seminar }: { seminar: HostSeminar }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const list = useQuery({ queryKey: enrolKeys.enrolees(seminar.id), queryFn: () => fetchEnrolees(seminar.id) });
  const done = () => void client.invalidateQueries({ queryKey: enrolKeys.host(seminar.id) });
  const fail = (e: unknown) => void message.error(describeError(t, e));
  const doAdmit = useMutation({ mutationFn: (id: string) => admit(seminar.id, id), onSuccess: done, onError: fail });
  const doDecline = useMutation({ mutationFn: (id: string) => decline(seminar.id, id), onSuccess: done, onError: fail });
  const doFill = useMutation({ mutationFn: () => fill(seminar.id), onSuccess: (r) => { done(); void message.success(t('semHost.fill.done', { moved: r.moved })); }, onError: fail });
  const doWindow = useMutation({
    mutationFn: (v: { opensAt: Dayjs | null; closesAt: Dayjs }) => setWindow(seminar.id, { opensAt: v.opensAt ? v.opensAt.toISOString() : null, closesAt: v.closesAt.toISOString() }),
    onSuccess: done, onError: fail,
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Form layout="inline" initialValues={{ opensAt: dayjs(seminar.window.opensAt), closesAt: dayjs(seminar.window.closesAt) }} onFinish={(v: { opensAt: Dayjs | null; closesAt: Dayjs }) => doWindow.mutate(v)}>
        <Form.Item name="opensAt" label={t('semHost.window.opensAt')}><DatePicker showTime allowClear /></Form.Item>
        <Form.Item name="closesAt" label={t('semHost.window.closesAt')} rules={[{ required: true }]}><DatePicker showTime /></Form.Item>
        <Button htmlType="submit" loading={doWindow.isPending}>{t('semHost.window.set')}</Button>
        <Button onClick={() => doFill.mutate()} loading={doFill.isPending} data-testid="fill">{t('semHost.fill')}</Button>
      </Form>
      <Typography.Text type="secondary">
        {t('semHost.rules', {
          level: t(`semHost.level.${seminar.rules.minTitleLevel}` as MessageKey), post: seminar.rules.managementPostQualifies ? t('semHost.rules.post') : '',
          reserved: seminar.rules.reservedSharePct, completion: seminar.rules.completionMinPct, days: seminar.rules.reportDueWorkingDays,
        })}
      </Typography.Text>
      <Table<Enrolee>
        rowKey="id" loading={list.isLoading} dataSource={list.data ?? []} pagination={{ pageSize: 50 }} size="small" data-testid="enrolees"
        columns={[
          { title: t('semHost.name'), dataIndex: 'name' },
          { title: t('semHost.idNumber'), dataIndex: 'idNumberMasked' },
          { title: t('semHost.employer'), dataIndex: 'employerName' },
          { title: t('semHost.region'), dataIndex: 'regionName' },
          { title: t('semHost.priority'), key: 'priority', render: (_, e) => e.preferenceReasons.map((r) => <Tag key={r} color="blue">{t(`semEnrol.reason.${r}` as MessageKey)}</Tag>) },
          { title: t('semHost.enrolledAt'), key: 'at', render: (_, e) => formatDateTime(language, e.enrolledAt) },
          {
            title: t('semEnrol.status'), key: 'status',
            render: (_, e) => <Space><Tag color={STATUS_COLOUR[e.status]}>{t(`semEnrol.status.${e.status}`)}</Tag>{e.position !== null && t('semEnrol.position', { position: e.position })}</Space>,
          },
          {
            key: 'actions',
            render: (_, e) => (
              <Space>
                {e.abilities.admit && <Button size="small" type="primary" data-testid={`admit-${e.personId}`} onClick={() => doAdmit.mutate(e.id)}>{t('semHost.admit')}</Button>}
                {e.abilities.decline && (
                  <Popconfirm title={t('semHost.decline')} onConfirm={() => doDecline.mutate(e.id)}><Button size="small" danger>{t('semHost.decline')}</Button></Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
