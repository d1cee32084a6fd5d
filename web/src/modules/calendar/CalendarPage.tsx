import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../shared/api.ts';
import { useAuth } from '../../shared/auth.tsx';
import { describeError } from '../../shared/errors.ts';
import { useI18n } from '../../shared/i18n.ts';
import { type CalendarDay, calendarKeys, fetchCalendarYear, saveCalendarYear } from './api.ts';

const thisYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

/** The working-day calendar: everyone reads a year's holidays; the ministry edits them. */
export function CalendarPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [year, setYear] = useState(thisYear());
  const [editing, setEditing] = useState(false);
  const query = useQuery({ queryKey: calendarKeys.year(year), queryFn: () => fetchCalendarYear(year) });
  const weekdays = t('calendar.weekdays').split(',');
  const columns = [
    { title: t('calendar.day'), dataIndex: 'day', key: 'day' },
    { title: t('calendar.weekday'), key: 'weekday', render: (_: unknown, d: CalendarDay) => weekdays[new Date(`${d.day}T00:00:00Z`).getUTCDay()] },
    { title: t('calendar.kind'), key: 'kind', render: (_: unknown, d: CalendarDay) => (d.working ? <Tag color="orange">{t('calendar.working')}</Tag> : <Tag color="green">{t('calendar.off')}</Tag>) },
    { title: t('calendar.name'), dataIndex: 'name', key: 'name' },
  ];
  return (
    <Card
      title={t('calendar.title')}
      extra={
        <Space>
          <span>{t('calendar.year')}</span>
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && (setYear(v), setEditing(false))} data-testid="calendar-year" />
          {can('calendar.manage') && !editing && <Button onClick={() => setEditing(true)} data-testid="calendar-edit">{t('calendar.edit')}</Button>}
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('calendar.intro')}</Typography.Paragraph>
        {query.error && <Alert type="error" showIcon title={describeError(t, query.error)} />}
        {editing && query.data ? (
          <CalendarEditor key={year} year={year} days={query.data.days} onDone={() => setEditing(false)} />
        ) : (
          <Table rowKey="day" size="small" loading={query.isLoading} dataSource={query.data?.days ?? []} columns={columns} pagination={false} locale={{ emptyText: t('calendar.empty') }} data-testid="calendar-days" />
        )}
      </Space>
    </Card>
  );
}

type Values = { days: CalendarDay[] };

function CalendarEditor({ year, days, onDone }: { year: number; days: CalendarDay[]; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (values: Values) => saveCalendarYear(year, values.days ?? []),
    onSuccess: (saved) => {
      queryClient.setQueryData(calendarKeys.year(year), saved);
      void message.success(t('calendar.saved', { year }));
      onDone();
    },
    onError: (error) => {
      setFailure(describeError(t, error));
      // Each problem under its entry: /days/<index>/<field>.
      const details = error instanceof ApiError ? error.details : [];
      form.setFields(details.flatMap((d) => {
        const m = /^\/days\/(\d+)\/(day|working|name)$/.exec(d.path ?? '');
        return m ? [{ name: ['days', Number(m[1]), m[2] as keyof CalendarDay] as ['days', number, keyof CalendarDay], errors: [d.message] }] : [];
      }));
    },
  });
  const required = [{ required: true, message: t('calendar.required') }];
  return (
    <Form<Values> form={form} initialValues={{ days: days.map(({ day, working, name }) => ({ day, working, name })) }} onFinish={(v) => mutation.mutate(v)} data-testid="calendar-editor">
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="calendar-error" />}
      <Form.List name="days">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap>
                <Form.Item name={[field.name, 'day']} rules={required}><Input type="date" data-testid={`calendar-day-${field.name}`} /></Form.Item>
                <Form.Item name={[field.name, 'working']} rules={required}>
                  <Select style={{ width: 140 }} options={[{ value: false, label: t('calendar.off') }, { value: true, label: t('calendar.working') }]} data-testid={`calendar-working-${field.name}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'name']} rules={required}><Input maxLength={40} placeholder={t('calendar.name')} data-testid={`calendar-name-${field.name}`} /></Form.Item>
                <Button onClick={() => remove(field.name)}>{t('calendar.remove')}</Button>
              </Space>
            ))}
            <Form.Item>
              <Button type="dashed" onClick={() => add({ day: `${year}-01-01`, working: false, name: '' })} data-testid="calendar-add">{t('calendar.add')}</Button>
            </Form.Item>
          </>
        )}
      </Form.List>
      <Space>
        <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="calendar-save">{t('calendar.save')}</Button>
        <Button onClick={onDone}>{t('calendar.cancel')}</Button>
      </Space>
    </Form>
  );
}
