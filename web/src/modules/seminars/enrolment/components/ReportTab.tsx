import { Alert, App, Button, Descriptions, Form, Input, Space, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { enrolKeys, fetchReport, submitReport, yuan, type HostSeminar } from '../api.ts';
import { describeError } from '../../../../shared/errors.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useI18n } from '../../../../shared/i18n.ts';

/** The summary report: figures pre-filled by the server, the narrative, the due day and lateness. */
export function ReportTab({ seminar }: { seminar: HostSeminar }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const report = useQuery({ queryKey: enrolKeys.report(seminar.id), queryFn: () => fetchReport(seminar.id) });
  const submit = useMutation({
    mutationFn: (v: { narrative: string }) => submitReport(seminar.id, v.narrative),
    onSuccess: (r) => client.setQueryData(enrolKeys.report(seminar.id), r),
    onError: (e: unknown) => void message.error(describeError(t, e)),
  });
  const r = report.data;
  if (!r) return null;
  const f = r.figures;
  const pct = (x: number | null) => (x === null ? '—' : `${x}%`);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        {r.submitted ? t('semHost.report.submitted', { at: formatDateTime(language, r.submittedAt) }) : t('semHost.report.due', { due: r.dueOn })}
        <Tag color={r.late ? 'red' : 'green'} data-testid="report-late">{t(r.late ? 'semHost.report.late' : 'semHost.report.onTime')}</Tag>
      </Space>
      <Descriptions bordered size="small" column={2} data-testid="report-figures">
        <Descriptions.Item label={t('semHost.fig.enrolled')}>{f.enrolled}</Descriptions.Item>
        <Descriptions.Item label={t('semHost.fig.admitted')}>{f.admitted}</Descriptions.Item>
        <Descriptions.Item label={t('semHost.fig.completed')}>{f.completed}</Descriptions.Item>
        <Descriptions.Item label={t('semHost.fig.waiting')}>{f.waiting}</Descriptions.Item>
        <Descriptions.Item label={t('semHost.fig.days')}>{f.days}</Descriptions.Item>
        <Descriptions.Item label={t('semHost.fig.attendanceRate')}>{pct(f.attendanceRate)}</Descriptions.Item>
        <Descriptions.Item label={t('semHost.fig.spent')}>{`${yuan(f.spentCents)} / ${yuan(f.budgetCents)}`}</Descriptions.Item>
        <Descriptions.Item label={t('semHost.fig.executionRate')}>{pct(f.executionRate)}</Descriptions.Item>
        <Descriptions.Item label={t('semHost.fig.satisfaction', { n: f.ratings })}>{f.satisfaction ?? '—'}</Descriptions.Item>
      </Descriptions>
      {r.submitted ? (
        <Alert type="success" message={r.narrative} />
      ) : !r.closed ? (
        <Alert type="info" message={t('semHost.report.needClose')} />
      ) : (
        <Form layout="vertical" onFinish={(v: { narrative: string }) => submit.mutate(v)}>
          <Form.Item name="narrative" label={t('semHost.report.narrative')} rules={[{ required: true, max: 20000 }]}><Input.TextArea rows={8} data-testid="report-narrative" /></Form.Item>
          <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="report-submit">{t('semHost.report.submit')}</Button>
        </Form>
      )}
    </Space>
  );
}
