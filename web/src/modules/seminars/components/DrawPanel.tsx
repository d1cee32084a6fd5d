import { Alert, App, Button, Form, Input, InputNumber, Space, Table } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatDateTime } from '../../../shared/format.ts';
import { useI18n } from '../../../shared/i18n.ts';
import { fetchDraws, runDraw, seminarKeys, type Draw } from '../api.ts';

/** Draw N reviewers per pre-approved application; each draw shows its recorded seed. */
export function DrawPanel({ year }: { year: number }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const draws = useQuery({ queryKey: seminarKeys.draws(year), queryFn: () => fetchDraws(year) });
  const draw = useMutation({
    mutationFn: (v: { n: number; seed?: string }) => runDraw({ year, reviewersPerApplication: v.n, ...(v.seed?.trim() ? { seed: v.seed.trim() } : {}) }),
    onSuccess: (d) => {
      void client.invalidateQueries({ queryKey: seminarKeys.all });
      void message.success(t('seminars.manage.draw.done', { seed: d.seed, count: d.assignments }));
    },
  });
  const error = draw.error as (Error & { details?: { message: string }[] }) | null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form layout="inline" initialValues={{ n: 3 }} onFinish={(v: { n: number; seed?: string }) => draw.mutate(v)}>
        <Form.Item name="n" label={t('seminars.manage.draw.n')}><InputNumber min={1} max={9} data-testid="draw-n" /></Form.Item>
        <Form.Item name="seed" label={t('seminars.manage.draw.seed')}><Input data-testid="draw-seed" /></Form.Item>
        <Button type="primary" htmlType="submit" loading={draw.isPending} data-testid="draw-run">{t('seminars.manage.draw.run')}</Button>
      </Form>
      {error && <Alert type="error" title={error.message} description={error.details?.map((d) => <div key={d.message}>{d.message}</div>)} data-testid="draw-error" />}
      <Table<Draw> rowKey="id" size="small" dataSource={draws.data ?? []} pagination={false} data-testid="draws-table"
        columns={[
          { title: t('seminars.manage.draw.when'), key: 'w', render: (_, d) => formatDateTime(language, d.createdAt) },
          { title: t('seminars.manage.draw.seedShown'), key: 's', render: (_, d) => <code data-testid="draw-seed-shown">{d.seed}</code> },
          { title: t('seminars.manage.draw.n'), key: 'n', render: (_, d) => String(d.params.reviewersPerApplication ?? '') },
          { title: '#', dataIndex: 'assignments' },
        ]}
      />
    </Space>
  );
}
