import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { createPlan, fetchPlans, formatPeople, planKeys, type Plan, type Programme } from '../api.ts';
import { useAuth } from '../../../shared/auth.tsx';
import { useI18n } from '../../../shared/i18n.ts';
import { chinaYear } from '../../learning/enums.ts';

const PROGRAMMES: Programme[] = ['capability', 'advanced_seminar', 'digital_engineer', 'base'];
const STATUS_COLOUR = { draft: 'default', published: 'green', closed: 'purple' } as const;

/** The plans of all years, newest first; the ministry creates a plan per year and programme. */
export function PlansPage() {
  const { t } = useI18n();
  const { permissions } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ year: number; programme: Programme; title: string }>();
  const plans = useQuery({ queryKey: planKeys.list, queryFn: fetchPlans });
  const create = useMutation({
    mutationFn: createPlan,
    onSuccess: (plan) => {
      void client.invalidateQueries({ queryKey: planKeys.all });
      setOpen(false);
      navigate(`/plans/${plan.id}`);
    },
    onError: (e: Error) => void message.error(e.message),
  });
  return (
    <Card title={t('plans.title')} extra={permissions.has('plan.manage') && <Button type="primary" data-testid="plan-create" onClick={() => setOpen(true)}>{t('plans.create')}</Button>}>
      <Table<Plan>
        rowKey="id" loading={plans.isLoading} dataSource={plans.data ?? []} pagination={false} locale={{ emptyText: t('plans.empty') }} data-testid="plans-table"
        columns={[
          { title: t('plans.year'), dataIndex: 'year', width: 80 },
          { title: t('plans.programme'), key: 'programme', render: (_, p) => t(`plans.programme.${p.programme}`) },
          { title: t('plans.name'), key: 'title', render: (_, p) => <Link to={`/plans/${p.id}`}>{p.title}</Link> },
          { title: t('plans.status'), key: 'status', render: (_, p) => <Tag color={STATUS_COLOUR[p.status]}>{t(`plans.status.${p.status}`)}</Tag> },
          { title: t('plans.nationalPeople'), key: 'people', render: (_, p) => `${formatPeople(p.nationalPeople, 'tenThousand')} ${t('plans.unit.tenThousand')}` },
        ]}
      />
      <Modal open={open} title={t('plans.create')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending}>
        <Form form={form} layout="vertical" initialValues={{ year: chinaYear(), programme: 'capability' }} onFinish={(v) => create.mutate(v)}>
          <Form.Item name="year" label={t('plans.year')} rules={[{ required: true }]}><InputNumber min={2000} max={2100} data-testid="plan-year" /></Form.Item>
          <Form.Item name="programme" label={t('plans.programme')} rules={[{ required: true }]}>
            <Select options={PROGRAMMES.map((p) => ({ value: p, label: t(`plans.programme.${p}`) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('plans.name')} rules={[{ required: true, max: 200 }]}><Input data-testid="plan-title" /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
