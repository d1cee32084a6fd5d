import { App, Button, DatePicker, Form, Input, InputNumber, Progress, Select, Space, Table } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { addExpense, CATEGORIES, enrolKeys, fetchExecution, yuan, type Execution, type HostSeminar } from '../api.ts';
import { describeError } from '../../../../shared/errors.ts';
import { useI18n, type MessageKey } from '../../../../shared/i18n.ts';

type Line = Execution['lines'][number];
type ExpenseForm = { category: string; amount: number; spentOn: Dayjs; note?: string };

/** Expenses against the budget lines with the execution rate by line and in total, live. */
export function ExpensesTab({ seminar }: { seminar: HostSeminar }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<ExpenseForm>();
  const data = useQuery({ queryKey: enrolKeys.expenses(seminar.id), queryFn: () => fetchExecution(seminar.id) });
  const add = useMutation({
    mutationFn: (v: ExpenseForm) => addExpense(seminar.id, { category: v.category, amountCents: Math.round(v.amount * 100), spentOn: v.spentOn.format('YYYY-MM-DD'), note: v.note ?? '' }),
    onSuccess: (r) => { client.setQueryData(enrolKeys.expenses(seminar.id), r); form.resetFields(['amount', 'note']); },
    onError: (e: unknown) => void message.error(describeError(t, e)),
  });
  const bar = (rate: number | null) => rate === null ? '—' : <Progress percent={Math.min(100, rate)} format={() => `${rate}%`} status={rate > 100 ? 'exception' : 'normal'} size="small" />;
  const total = data.data?.total;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table<Line>
        rowKey="category" loading={data.isLoading} dataSource={data.data?.lines ?? []} pagination={false} size="small" data-testid="execution"
        columns={[
          { title: t('semHost.category'), key: 'category', render: (_, l) => t(`semHost.category.${l.category}` as MessageKey) },
          { title: t('semHost.budget'), key: 'budget', render: (_, l) => yuan(l.budgetCents) },
          { title: t('semHost.spent'), key: 'spent', render: (_, l) => yuan(l.spentCents) },
          { title: t('semHost.rate'), key: 'rate', width: 240, render: (_, l) => bar(l.rate) },
        ]}
        summary={() => total && (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{t('semHost.total')}</Table.Summary.Cell>
            <Table.Summary.Cell index={1}>{yuan(total.budgetCents)}</Table.Summary.Cell>
            <Table.Summary.Cell index={2}>{yuan(total.spentCents)}</Table.Summary.Cell>
            <Table.Summary.Cell index={3}><span data-testid="execution-total">{bar(total.rate)}</span></Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Form form={form} layout="inline" initialValues={{ spentOn: dayjs() }} onFinish={(v) => add.mutate(v)}>
        <Form.Item name="category" label={t('semHost.category')} rules={[{ required: true }]}>
          <Select style={{ width: 140 }} options={CATEGORIES.map((c) => ({ value: c, label: t(`semHost.category.${c}`) }))} data-testid="expense-category" />
        </Form.Item>
        <Form.Item name="amount" label={t('semHost.amount')} rules={[{ required: true }]}><InputNumber min={0.01} precision={2} data-testid="expense-amount" /></Form.Item>
        <Form.Item name="spentOn" label={t('semHost.spentOn')} rules={[{ required: true }]}><DatePicker data-testid="expense-date" /></Form.Item>
        <Form.Item name="note" label={t('semHost.note')} rules={[{ max: 500 }]}><Input /></Form.Item>
        <Button htmlType="submit" type="primary" loading={add.isPending} data-testid="expense-add">{t('semHost.addExpense')}</Button>
      </Form>
    </Space>
  );
}
