import { useState } from 'react';
import { App, Button, Card, Descriptions, Input, InputNumber, Modal, Space, Tag, Timeline } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { formatDateTime } from '../../../shared/format.ts';
import { useI18n } from '../../../shared/i18n.ts';
import {
  fetchLimits, fetchSeminar, fetchSeminarHistory, hours, prereviewSeminar, selectSeminar, seminarKeys, submitSeminar, withdrawSeminar, yuan, type Seminar,
} from '../api.ts';
import { BudgetTable } from '../components/BudgetTable.tsx';
import { STATUS_COLOUR, fieldLabel } from '../components/labels.ts';

/** One application: its content, budget and history, with the actions the caller may take (abilities). */
export function SeminarDetailPage() {
  const { id = '' } = useParams();
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [reason, setReason] = useState<{ kind: 'return' | 'withdraw'; text: string } | null>(null);
  const [central, setCentral] = useState<number | null>(null);
  const seminar = useQuery({ queryKey: seminarKeys.one(id), queryFn: () => fetchSeminar(id) });
  const history = useQuery({ queryKey: seminarKeys.history(id), queryFn: () => fetchSeminarHistory(id) });
  const s = seminar.data;
  const limits = useQuery({ queryKey: seminarKeys.limits(s?.year ?? 0), queryFn: () => fetchLimits(s?.year ?? 0), enabled: !!s });
  const act = useMutation({
    mutationFn: (fn: (s: Seminar) => Promise<unknown>) => fn(s as Seminar),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: seminarKeys.all });
      setReason(null);
    },
    onError: (e: Error) => void message.error(e.message),
  });
  if (!s) return <Card loading={seminar.isLoading} />;
  const a = s.abilities;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card
        title={<Space>{s.title}<Tag color={STATUS_COLOUR[s.status]} data-testid="seminar-status">{t(`seminars.status.${s.status}` as 'seminars.status.draft')}</Tag>{s.publishedAt && <Tag color="gold">{t('seminars.published')}</Tag>}</Space>}
        extra={<Space wrap>
          {a.edit && <Link to={`/seminars/${s.id}/edit`}><Button data-testid="seminar-edit">{t('seminars.edit')}</Button></Link>}
          {a.submit && <Button type="primary" data-testid="seminar-submit" onClick={() => act.mutate((x) => submitSeminar(x.id, x.version))}>{t('seminars.submit')}</Button>}
          {a.withdraw && <Button danger data-testid="seminar-withdraw" onClick={() => setReason({ kind: 'withdraw', text: '' })}>{t('seminars.withdraw')}</Button>}
          {a.prereview && <Button type="primary" data-testid="seminar-preapprove" onClick={() => act.mutate((x) => prereviewSeminar(x.id, { version: x.version, decision: 'pre_approved' }))}>{t('seminars.preapprove')}</Button>}
          {a.prereview && <Button data-testid="seminar-return" onClick={() => setReason({ kind: 'return', text: '' })}>{t('seminars.return')}</Button>}
          {a.select && s.funding === 'central' && <InputNumber placeholder={t('seminars.central')} min={0} precision={2} value={central ?? undefined} onChange={(v) => setCentral(v === null ? null : Number(v))} style={{ width: 200 }} data-testid="seminar-central" />}
          {a.select && <Button type="primary" data-testid="seminar-approve" onClick={() => act.mutate((x) => selectSeminar(x.id, { version: x.version, decision: 'approved', ...(x.funding === 'central' && central !== null ? { centralApprovedCents: Math.round(central * 100) } : {}) }))}>{t('seminars.approve')}</Button>}
          {a.select && <Button data-testid="seminar-not-select" onClick={() => act.mutate((x) => selectSeminar(x.id, { version: x.version, decision: 'not_selected' }))}>{t('seminars.notSelect')}</Button>}
        </Space>}
      >
        <Descriptions bordered size="small" column={2}>
          <Descriptions.Item label={t('seminars.host')}>{s.hostName}</Descriptions.Item>
          <Descriptions.Item label={t('seminars.department')}>{s.departmentName}</Descriptions.Item>
          <Descriptions.Item label={t('seminars.field')}>{fieldLabel(language, s.field)}</Descriptions.Item>
          <Descriptions.Item label={t('seminars.topics')}>{s.topics.join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('seminars.dates')}>{`${s.startDate} – ${s.endDate}（${s.days}）`}</Descriptions.Item>
          <Descriptions.Item label={t('seminars.place')}>{s.place}</Descriptions.Item>
          <Descriptions.Item label={t('seminars.trainees')}>{s.plannedTrainees}</Descriptions.Item>
          <Descriptions.Item label={t('seminars.hours')}>{hours(s.hoursTenths)}</Descriptions.Item>
          <Descriptions.Item label={t('seminars.funding')}>{t(`seminars.funding.${s.funding}`)}</Descriptions.Item>
          <Descriptions.Item label={t('seminars.central')}>{yuan(s.centralApprovedCents)}</Descriptions.Item>
          {s.statusReason && <Descriptions.Item label={t('seminars.reason')} span={2}><span data-testid="seminar-reason">{s.statusReason}</span></Descriptions.Item>}
          <Descriptions.Item label={t('seminars.teachers')} span={2}>{s.teachers.map((x) => `${x.name}（${x.title}，${x.affiliation}）`).join('；')}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('seminars.budget')}>
        <BudgetTable lines={s.budgetLines} limits={limits.data?.limits ?? []} trainees={s.plannedTrainees} days={s.days} />
      </Card>
      <Card title={t('seminars.history')}>
        <Timeline items={(history.data ?? []).map((h) => ({ children: `${formatDateTime(language, h.at)} ${h.actorName} ${h.action}` }))} />
      </Card>
      <Modal open={!!reason} title={reason?.kind === 'return' ? t('seminars.return') : t('seminars.withdraw')} onCancel={() => setReason(null)} confirmLoading={act.isPending}
        onOk={() => reason && act.mutate((x) => (reason.kind === 'return' ? prereviewSeminar(x.id, { version: x.version, decision: 'returned', reason: reason.text }) : withdrawSeminar(x.id, x.version, reason.text || undefined)))}>
        <Input.TextArea rows={3} placeholder={t('seminars.reason')} value={reason?.text} onChange={(e) => setReason((r) => r && { ...r, text: e.target.value })} data-testid="seminar-reason-input" />
      </Modal>
    </Space>
  );
}
