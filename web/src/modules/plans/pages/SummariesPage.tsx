import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Input, InputNumber, Space, Table, Tag, Typography, Upload } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { fetchOwnSummary, fetchSummaryStatus, formatPeople, planKeys, setSummaryDeadline, submitSummary, summaryFileUrl, type SummaryStatus } from '../api.ts';
import { fileToBase64 } from '../components/file-base64.ts';
import { useAuth } from '../../../shared/auth.tsx';
import { useI18n } from '../../../shared/i18n.ts';
import { chinaYear } from '../../learning/enums.ts';

type Item = SummaryStatus['items'][number];

function MinistryView({ year }: { year: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const status = useQuery({ queryKey: planKeys.summaries(year), queryFn: () => fetchSummaryStatus(year) });
  const deadline = useMutation({
    mutationFn: (due: string) => setSummaryDeadline(year, due),
    onSuccess: () => client.invalidateQueries({ queryKey: planKeys.summaries(year) }),
    onError: (e: Error) => void message.error(e.message),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <span>{t('plans.summary.deadline')}</span>
        <DatePicker value={status.data?.deadline ? dayjs(status.data.deadline) : null} onChange={(d) => d && deadline.mutate(d.format('YYYY-MM-DD'))} data-testid="summary-deadline" />
        {status.data && <Typography.Text>{t('plans.summary.count', { submitted: status.data.submitted, total: status.data.total })}</Typography.Text>}
      </Space>
      <Table<Item>
        size="small" rowKey="code" loading={status.isLoading} dataSource={status.data?.items ?? []} pagination={false} data-testid="summary-status"
        columns={[
          { title: t('plans.summary.submitter'), dataIndex: 'name' },
          { title: t('plans.status'), key: 'status', render: (_, i) => (i.submitted ? <Tag color={i.late ? 'orange' : 'green'}>{t(i.late ? 'plans.summary.late' : 'plans.summary.submitted')}</Tag> : <Tag>{t('plans.summary.missing')}</Tag>) },
          { title: t('plans.summary.submittedAt'), key: 'at', render: (_, i) => (i.submittedAt ? new Date(i.submittedAt).toLocaleString() : '') },
          { title: t('plans.dashboard.target'), key: 'target', render: (_, i) => (i.figures ? formatPeople(i.figures.target, 'person') : '') },
          { title: t('plans.dashboard.actual'), key: 'actual', render: (_, i) => (i.figures ? formatPeople(i.figures.actual, 'person') : '') },
        ]}
      />
    </Space>
  );
}

function SubmitterView({ year }: { year: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const own = useQuery({ queryKey: planKeys.ownSummary(year), queryFn: () => fetchOwnSummary(year) });
  const [text, setText] = useState<string | null>(null);
  const [files, setFiles] = useState<{ fileName: string; contentBase64: string }[]>([]);
  const submit = useMutation({
    mutationFn: () => submitSummary(year, { text: text ?? own.data?.summary?.text ?? '', attachments: files }),
    onSuccess: () => {
      void message.success(t('plans.summary.done'));
      setFiles([]);
      void client.invalidateQueries({ queryKey: planKeys.ownSummary(year) });
    },
    onError: (e: Error) => void message.error(e.message),
  });
  const d = own.data;
  if (!d) return <Card loading />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={3} items={[
        { key: 'deadline', label: t('plans.summary.deadline'), children: d.deadline ?? '—' },
        { key: 'target', label: t('plans.dashboard.target'), children: formatPeople(d.figures.target, 'person') },
        { key: 'actual', label: t('plans.dashboard.actual'), children: formatPeople(d.figures.actual, 'person') },
      ]} />
      {d.summary && (
        <Typography.Text type="secondary">
          {t('plans.summary.last', { at: new Date(d.summary.submittedAt).toLocaleString() })}{' '}
          {d.summary.files.map((f) => <a key={f.idx} href={summaryFileUrl(year, d.submitter, f.idx)} style={{ marginInlineEnd: 8 }}>{f.fileName}</a>)}
        </Typography.Text>
      )}
      <Input.TextArea rows={10} maxLength={20000} value={text ?? d.summary?.text ?? ''} onChange={(e) => setText(e.target.value)} placeholder={t('plans.summary.text')} data-testid="summary-text" />
      <Upload multiple maxCount={5} beforeUpload={(file) => {
        void fileToBase64(file).then((contentBase64) => setFiles((prev) => [...prev, { fileName: file.name, contentBase64 }]));
        return false;
      }} onRemove={(file) => setFiles((prev) => prev.filter((f) => f.fileName !== file.name))}>
        <Button>{t('plans.summary.attach')}</Button>
      </Upload>
      <Button type="primary" disabled={!d.deadline || !(text ?? d.summary?.text)} loading={submit.isPending} onClick={() => submit.mutate()} data-testid="summary-submit">
        {t('plans.summary.submit')}
      </Button>
    </Space>
  );
}

/** Work summaries: the ministry's deadline and list of who submitted; a province's or department's own form. */
export function SummariesPage() {
  const { t } = useI18n();
  const { permissions } = useAuth();
  const [year, setYear] = useState(chinaYear() - 1);
  return (
    <Card title={t('plans.summary.title')} extra={<InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />}>
      {permissions.has('plan.manage') ? <MinistryView year={year} /> : <SubmitterView year={year} />}
    </Card>
  );
}
