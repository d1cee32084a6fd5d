import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, InputNumber, List, Modal, Space, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../shared/i18n.ts';
import { type Assignment, declareConflict, fetchMyAssignments, fetchRubric, hours, scoreAssignment, seminarKeys, yuan } from '../api.ts';
import { fieldLabel } from '../components/labels.ts';

/** An expert's assignments in a blind view (no host, no other scores) with the rubric scoring form. */
export function ReviewsPage() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const mine = useQuery({ queryKey: seminarKeys.mine, queryFn: fetchMyAssignments });
  const rubric = useQuery({ queryKey: seminarKeys.rubric, queryFn: fetchRubric });
  const [conflictFor, setConflictFor] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const refresh = () => void client.invalidateQueries({ queryKey: seminarKeys.all });
  const onError = (e: Error) => void message.error(e.message);
  const score = useMutation({ mutationFn: (v: { id: string; scores: Record<string, number>; comment: string }) => scoreAssignment(v.id, { scores: v.scores, comment: v.comment }), onSuccess: refresh, onError });
  const conflict = useMutation({
    mutationFn: () => declareConflict(conflictFor as string, reason),
    onSuccess: () => { refresh(); setConflictFor(null); setReason(''); void message.success(t('seminars.reviews.conflictDone')); },
    onError,
  });
  const criteria = rubric.data ?? [];
  const card = (a: Assignment) => (
    <Card key={a.seminarId} size="small" style={{ marginBottom: 16 }} data-testid={`assignment-${a.seminarId}`}
      title={<Space>{a.title}<Tag color={a.status === 'scored' ? 'green' : 'blue'}>{t(`seminars.reviews.status.${a.status}` as 'seminars.reviews.status.assigned')}</Tag></Space>}
      extra={a.status === 'assigned' && <Button size="small" onClick={() => setConflictFor(a.seminarId)} data-testid="declare-conflict">{t('seminars.reviews.conflict')}</Button>}>
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={t('seminars.field')}>{fieldLabel(language, a.field)}</Descriptions.Item>
        <Descriptions.Item label={t('seminars.dates')}>{`${a.startDate} – ${a.endDate}`}</Descriptions.Item>
        <Descriptions.Item label={t('seminars.place')}>{a.place}</Descriptions.Item>
        <Descriptions.Item label={t('seminars.trainees')}>{a.plannedTrainees}</Descriptions.Item>
        <Descriptions.Item label={t('seminars.hours')}>{hours(a.hoursTenths)}</Descriptions.Item>
        <Descriptions.Item label={t('seminars.budget.total')}>{yuan(a.budgetTotalCents)}</Descriptions.Item>
        <Descriptions.Item label={t('seminars.topics')} span={3}>{a.topics.join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('seminars.teachers')} span={3}>{a.teachers.map((x) => `${x.name}（${x.title}）`).join('；')}</Descriptions.Item>
      </Descriptions>
      <Form layout="inline" disabled={a.status !== 'assigned' && a.status !== 'scored'} initialValues={{ ...(a.scores ?? {}), comment: a.comment }}
        onFinish={(v: Record<string, number | string>) => score.mutate({ id: a.seminarId, comment: String(v.comment ?? ''), scores: Object.fromEntries(criteria.map((c) => [c.code, Number(v[c.code])])) })}>
        {criteria.map((c) => (
          <Form.Item key={c.code} name={c.code} label={`${language === 'en' ? c.labelEn : c.labelZh}（${c.weight}%）`} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} precision={0} data-testid={`score-${c.code}`} />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t('seminars.reviews.comment')}><Input.TextArea rows={1} style={{ width: 320 }} data-testid="score-comment" /></Form.Item>
        <Button type="primary" htmlType="submit" loading={score.isPending} data-testid="score-submit">{t('seminars.reviews.submit')}</Button>
        {a.totalTenths !== null && <Tag color="green" data-testid="score-total">{t('seminars.reviews.total')}：{(a.totalTenths / 10).toFixed(1)}</Tag>}
      </Form>
    </Card>
  );
  return (
    <Card title={t('seminars.reviews.title')}>
      <Alert type="info" title={t('seminars.reviews.blind')} style={{ marginBottom: 16 }} />
      {mine.error && <Alert type="error" title={(mine.error as Error).message} />}
      {(mine.data ?? []).length === 0 && !mine.isLoading ? <Empty description={t('seminars.reviews.empty')} /> : <List dataSource={mine.data ?? []} renderItem={card} />}
      <Modal open={!!conflictFor} title={t('seminars.reviews.conflict')} onCancel={() => setConflictFor(null)} onOk={() => conflict.mutate()} okButtonProps={{ disabled: !reason.trim() }} confirmLoading={conflict.isPending}>
        <Input.TextArea rows={3} placeholder={t('seminars.reviews.conflictReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Card>
  );
}
