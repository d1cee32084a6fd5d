import { useState } from 'react';
import { Alert, Card, InputNumber, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { formatDateTime } from '../../../shared/format.ts';
import { useI18n } from '../../../shared/i18n.ts';
import { chinaYear } from '../../learning/enums.ts';
import { fetchOversight, seminarKeys, yuan } from '../api.ts';
import { fieldLabel } from '../components/labels.ts';

/** The year's approved seminars against the plan, funds approved and spent, execution ranking and late reports, in the caller's scope. */
export function OversightPage() {
  const { t, language } = useI18n();
  const [year, setYear] = useState<number>(chinaYear());
  const q = useQuery({ queryKey: seminarKeys.oversight(year), queryFn: () => fetchOversight(year) });
  const o = q.data;
  const target = (v: number | null) => (v === null ? '—' : v.toLocaleString('zh-CN'));
  return (
    <Card title={t('seminars.oversight.title')} loading={q.isLoading} extra={<InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />}>
      {o && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          {!o.planFound && <Alert type="warning" title={t('seminars.manage.noPlan')} />}
          <Typography.Text strong data-testid="oversight-funds">{t('seminars.oversight.funds', { approved: yuan(o.funds.approvedCents), spent: yuan(o.funds.spentCents) })}</Typography.Text>
          <Table size="small" rowKey="field" pagination={false} dataSource={o.byField} title={() => t('seminars.oversight.byField')} data-testid="oversight-fields"
            columns={[
              { title: t('seminars.field'), key: 'f', render: (_, r) => fieldLabel(language, r.field) },
              { title: t('seminars.oversight.target'), key: 't', render: (_, r) => target(r.target) },
              { title: t('seminars.oversight.count'), dataIndex: 'seminars' },
              { title: t('seminars.oversight.trainees'), dataIndex: 'trainees' },
            ]} />
          <Table size="small" rowKey="departmentCode" pagination={false} dataSource={o.byDepartment} title={() => t('seminars.oversight.byDepartment')}
            columns={[
              { title: t('seminars.department'), dataIndex: 'departmentName' },
              { title: t('seminars.oversight.target'), key: 't', render: (_, r) => target(r.target) },
              { title: t('seminars.oversight.count'), dataIndex: 'seminars' },
              { title: t('seminars.oversight.trainees'), dataIndex: 'trainees' },
            ]} />
          <Table size="small" rowKey="id" pagination={{ pageSize: 20 }} dataSource={o.execution} title={() => t('seminars.oversight.execution')} data-testid="oversight-execution"
            columns={[
              { title: '#', dataIndex: 'rank', width: 50 },
              { title: t('seminars.name'), dataIndex: 'title' },
              { title: t('seminars.host'), dataIndex: 'hostName' },
              { title: t('seminars.oversight.budget'), key: 'b', render: (_, r) => yuan(r.budgetCents) },
              { title: t('seminars.central'), key: 'c', render: (_, r) => yuan(r.centralApprovedCents) },
              { title: t('seminars.oversight.spent'), key: 's', render: (_, r) => yuan(r.spentCents) },
              { title: t('seminars.oversight.rate'), key: 'r', render: (_, r) => (r.ratePercent === null ? '—' : `${r.ratePercent}%`) },
            ]} />
          <Table size="small" rowKey="id" pagination={false} dataSource={o.lateReports} title={() => t('seminars.oversight.late')} data-testid="oversight-late"
            columns={[
              { title: t('seminars.name'), dataIndex: 'title' },
              { title: t('seminars.host'), dataIndex: 'hostName' },
              { title: t('seminars.oversight.due'), dataIndex: 'dueDate' },
              { title: t('seminars.oversight.submittedAt'), key: 's', render: (_, r) => (r.submittedAt ? formatDateTime(language, r.submittedAt) : t('seminars.oversight.notSubmitted')) },
              { title: t('seminars.oversight.daysLate'), dataIndex: 'daysLate' },
            ]} />
        </Space>
      )}
    </Card>
  );
}
