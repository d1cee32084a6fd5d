import { App, Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../shared/i18n.ts';
import { PLAN_FIELDS } from '../../learning/enums.ts';
import { addConflict, addExpert, fetchExperts, seminarKeys, type Expert } from '../api.ts';
import { fieldLabel } from './labels.ts';

/** The expert pool: fields, affiliation, load and declared conflicts; adding experts and conflicts. */
export function ExpertsPanel() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const experts = useQuery({ queryKey: seminarKeys.experts, queryFn: fetchExperts });
  const [form] = Form.useForm<{ accountId: string; name: string; fields: string[]; organisationId?: string; affiliation?: string }>();
  const [conflict] = Form.useForm<{ expertId: string; organisationId: string; reason: string }>();
  const onError = (e: Error) => void message.error(e.message);
  const refresh = () => void client.invalidateQueries({ queryKey: seminarKeys.experts });
  const add = useMutation({
    mutationFn: (v: { accountId: string; name: string; fields: string[]; organisationId?: string; affiliation?: string }) =>
      addExpert({ accountId: v.accountId.trim(), name: v.name, fields: v.fields, organisationId: v.organisationId?.trim() || null, affiliation: v.affiliation ?? '' }),
    onSuccess: () => { refresh(); form.resetFields(); }, onError,
  });
  const addC = useMutation({ mutationFn: (v: { expertId: string; organisationId: string; reason: string }) => addConflict(v.expertId, { organisationId: v.organisationId.trim(), reason: v.reason }), onSuccess: () => { refresh(); conflict.resetFields(); }, onError });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table<Expert> rowKey="id" size="small" loading={experts.isLoading} dataSource={experts.data ?? []} pagination={{ pageSize: 20 }} data-testid="experts-table"
        columns={[
          { title: t('seminars.manage.expert.name'), key: 'n', render: (_, e) => <>{e.name} <Tag>{e.username}</Tag>{!e.active && <Tag color="red">×</Tag>}</> },
          { title: t('seminars.manage.expert.fields'), key: 'f', render: (_, e) => e.fields.map((f) => <Tag key={f}>{fieldLabel(language, f)}</Tag>) },
          { title: t('seminars.manage.expert.affiliation'), key: 'a', render: (_, e) => e.organisationName ?? e.affiliation },
          { title: t('seminars.manage.expert.load'), dataIndex: 'load' },
          { title: t('seminars.manage.expert.conflicts'), key: 'c', render: (_, e) => e.conflicts.map((c) => <Tag key={c.organisationId} title={c.reason}>{c.organisationName}</Tag>) },
        ]}
      />
      <Form form={form} layout="inline" onFinish={(v) => add.mutate(v)}>
        <Form.Item name="accountId" rules={[{ required: true }]}><Input placeholder={t('seminars.manage.expert.account')} style={{ width: 300 }} /></Form.Item>
        <Form.Item name="name" rules={[{ required: true }]}><Input placeholder={t('seminars.manage.expert.name')} /></Form.Item>
        <Form.Item name="fields" rules={[{ required: true }]}><Select mode="multiple" style={{ minWidth: 240 }} placeholder={t('seminars.manage.expert.fields')} options={PLAN_FIELDS.map((f) => ({ value: f, label: fieldLabel(language, f) }))} /></Form.Item>
        <Form.Item name="affiliation"><Input placeholder={t('seminars.manage.expert.affiliation')} /></Form.Item>
        <Form.Item name="organisationId"><Input placeholder={t('seminars.manage.expert.organisation')} style={{ width: 300 }} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>{t('seminars.manage.expert.add')}</Button>
      </Form>
      <Form form={conflict} layout="inline" onFinish={(v) => addC.mutate(v)}>
        <Form.Item name="expertId" rules={[{ required: true }]}><Select style={{ minWidth: 200 }} placeholder={t('seminars.manage.expert.name')} options={(experts.data ?? []).map((e) => ({ value: e.id, label: e.name }))} /></Form.Item>
        <Form.Item name="organisationId" rules={[{ required: true }]}><Input placeholder={t('seminars.manage.conflict.organisation')} style={{ width: 300 }} /></Form.Item>
        <Form.Item name="reason" rules={[{ required: true }]}><Input placeholder={t('seminars.reason')} /></Form.Item>
        <Button htmlType="submit" loading={addC.isPending}>{t('seminars.manage.conflict.add')}</Button>
      </Form>
    </Space>
  );
}
