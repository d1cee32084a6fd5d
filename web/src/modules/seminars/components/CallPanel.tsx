import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { BUDGET_CATEGORIES, DEFAULT_LIMITS_CENTS } from '../../../../../src/modules/seminars/rules.ts';
import { useI18n } from '../../../shared/i18n.ts';
import { fetchCall, fetchLimits, saveCall, saveLimits, seminarKeys } from '../api.ts';

/** The year's call (deadline, caps) and the per-person-per-day limits, as data the ministry edits. */
export function CallPanel({ year }: { year: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const call = useQuery({ queryKey: seminarKeys.call(year), queryFn: () => fetchCall(year) });
  const limits = useQuery({ queryKey: seminarKeys.limits(year), queryFn: () => fetchLimits(year) });
  const [form] = Form.useForm<{ deadline: string; maxSeminars: number | null; maxCentral: number | null }>();
  const [values, setValues] = useState<Record<string, number>>({});
  useEffect(() => {
    const c = call.data;
    form.setFieldsValue({ deadline: c ? new Date(c.deadline).toISOString().slice(0, 10) : `${year}-03-31`, maxSeminars: c?.maxSeminars ?? null, maxCentral: c?.maxCentralCents === null || !c ? null : c.maxCentralCents / 100 });
  }, [call.data, form, year]);
  // No year up to this one has limits: offer the reference figures (the 2016 central rules), saved only when the ministry saves them.
  const noLimits = !!limits.data && limits.data.fromYear === null;
  useEffect(() => {
    const stored = (limits.data?.limits ?? []).map((l) => [l.category, l.perPersonDayCents / 100] as const);
    setValues(Object.fromEntries(noLimits ? BUDGET_CATEGORIES.map((c) => [c, DEFAULT_LIMITS_CENTS[c] / 100] as const) : stored));
  }, [limits.data, noLimits]);
  const done = () => {
    void client.invalidateQueries({ queryKey: seminarKeys.all });
    void message.success(t('seminars.saved'));
  };
  const onError = (e: Error) => void message.error(e.message);
  const storeCall = useMutation({
    mutationFn: (v: { deadline: string; maxSeminars: number | null; maxCentral: number | null }) =>
      saveCall(year, { deadline: new Date(`${v.deadline}T23:59:59.999+08:00`).toISOString(), maxSeminars: v.maxSeminars ?? null, maxCentralCents: v.maxCentral === null || v.maxCentral === undefined ? null : Math.round(v.maxCentral * 100) }),
    onSuccess: done, onError,
  });
  const storeLimits = useMutation({
    mutationFn: () => saveLimits(year, Object.entries(values).filter(([, v]) => v !== null && v !== undefined).map(([category, v]) => ({ category, perPersonDayCents: Math.round(v * 100) }))),
    onSuccess: done, onError,
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {!call.data && !call.isLoading && <Alert type="info" title={t('seminars.manage.noCall')} />}
      <Form form={form} layout="inline" onFinish={(v) => storeCall.mutate(v)}>
        <Form.Item name="deadline" label={t('seminars.manage.deadline')} rules={[{ required: true }]}><Input type="date" data-testid="call-deadline" /></Form.Item>
        <Form.Item name="maxSeminars" label={t('seminars.manage.maxSeminars')}><InputNumber min={1} /></Form.Item>
        <Form.Item name="maxCentral" label={t('seminars.manage.maxCentral')}><InputNumber min={0} precision={2} style={{ width: 180 }} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={storeCall.isPending} data-testid="call-save">{t('seminars.saveSettings')}</Button>
      </Form>
      {limits.data?.fromYear && limits.data.fromYear !== year && <Typography.Text type="secondary">{t('seminars.manage.limitsFrom', { year: limits.data.fromYear })}</Typography.Text>}
      {noLimits && <Alert type="warning" showIcon title={t('seminars.manage.limitsReference')} data-testid="limits-reference" />}
      <Table size="small" rowKey="c" pagination={false} dataSource={BUDGET_CATEGORIES.map((c) => ({ c }))}
        columns={[
          { title: t('seminars.budget.category'), key: 'c', render: (_, r) => t(`seminars.category.${r.c}`) },
          { title: t('seminars.budget.limit'), key: 'v', render: (_, r) => <InputNumber min={0} precision={2} value={values[r.c]} onChange={(v) => setValues((x) => ({ ...x, [r.c]: Number(v ?? 0) }))} /> },
        ]}
      />
      <Button onClick={() => storeLimits.mutate()} loading={storeLimits.isPending} data-testid="limits-save">{t('seminars.saveSettings')}</Button>
    </Space>
  );
}
