import { useEffect, useState } from 'react';
import { App, Button, Checkbox, Popconfirm, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { closeSeminar, enrolKeys, fetchAttendance, markAttendance, type Attendance, type HostSeminar } from '../api.ts';
import { describeError } from '../../../../shared/errors.ts';
import { useI18n } from '../../../../shared/i18n.ts';

type Trainee = Attendance['trainees'][number];
const key = (personId: string, day: string) => `${personId}|${day}`;

/** The attendance grid (admitted trainees × the seminar's dates), and closing with hours credited. */
export function AttendanceTab({ seminar }: { seminar: HostSeminar }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const grid = useQuery({ queryKey: enrolKeys.attendance(seminar.id), queryFn: () => fetchAttendance(seminar.id) });
  const [present, setPresent] = useState<Set<string>>(new Set());
  useEffect(() => {
    if (grid.data) setPresent(new Set(grid.data.marks.filter((m) => m.present).map((m) => key(m.personId, m.day))));
  }, [grid.data]);
  const fail = (e: unknown) => void message.error(describeError(t, e));
  const save = useMutation({
    mutationFn: () => {
      const data = grid.data;
      const marks = (data?.trainees ?? []).flatMap((tr) => (data?.dates ?? []).map((day) => ({ personId: tr.personId, day, present: present.has(key(tr.personId, day)) })));
      return markAttendance(seminar.id, marks);
    },
    onSuccess: () => { void client.invalidateQueries({ queryKey: enrolKeys.host(seminar.id) }); void message.success(t('semHost.saved')); },
    onError: fail,
  });
  const close = useMutation({
    mutationFn: () => closeSeminar(seminar.id),
    onSuccess: (r) => {
      void client.invalidateQueries({ queryKey: enrolKeys.all });
      void message.success(t('semHost.close.done', { admitted: r.admitted, completed: r.completed, written: r.recordsWritten }));
    },
    onError: fail,
  });
  const toggle = (k: string, on: boolean) => setPresent((prev) => { const next = new Set(prev); if (on) next.add(k); else next.delete(k); return next; });
  const closed = grid.data?.closed ?? seminar.closed;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Button type="primary" disabled={closed || !grid.data?.trainees.length} loading={save.isPending} onClick={() => save.mutate()} data-testid="attendance-save">{t('semHost.save')}</Button>
        <Popconfirm title={t('semHost.close.confirm')} onConfirm={() => close.mutate()}>
          <Button danger loading={close.isPending} data-testid="seminar-close">{t('semHost.close')}</Button>
        </Popconfirm>
        {closed && <Tag color="purple">{t('semHost.closed')}</Tag>}
      </Space>
      <Table<Trainee>
        rowKey="personId" loading={grid.isLoading} dataSource={grid.data?.trainees ?? []} pagination={false} size="small" scroll={{ x: true }} data-testid="attendance-grid"
        columns={[
          { title: t('semHost.name'), dataIndex: 'name', fixed: 'left' },
          ...(grid.data?.dates ?? []).map((day) => ({
            title: day.slice(5), key: day,
            render: (_: unknown, tr: Trainee) => (
              <Checkbox disabled={closed} checked={present.has(key(tr.personId, day))} onChange={(e) => toggle(key(tr.personId, day), e.target.checked)} data-testid={`att-${tr.personId}-${day}`} />
            ),
          })),
          { title: t('semHost.presentDays'), key: 'days', render: (_: unknown, tr: Trainee) => `${tr.presentDays} / ${grid.data?.days ?? 0}` },
        ]}
      />
    </Space>
  );
}
