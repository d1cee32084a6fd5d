import { Card, Descriptions, Tabs } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { enrolKeys, fetchHost, yuan } from '../api.ts';
import { AttendanceTab } from '../components/AttendanceTab.tsx';
import { EnroleesTab } from '../components/EnroleesTab.tsx';
import { ExpensesTab } from '../components/ExpensesTab.tsx';
import { ReportTab } from '../components/ReportTab.tsx';
import { useI18n } from '../../../../shared/i18n.ts';

/** One hosted seminar: enrolment and admission, attendance and closing, expenses, summary report. */
export function HostSeminarPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const seminar = useQuery({ queryKey: enrolKeys.host(id), queryFn: () => fetchHost(id) });
  const s = seminar.data;
  return (
    <Card title={s?.title} loading={seminar.isLoading}>
      {s && (
        <>
          <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('semEnrol.dates')}>{`${s.startDate} – ${s.endDate}`}</Descriptions.Item>
            <Descriptions.Item label={t('semEnrol.place')}>{s.place}</Descriptions.Item>
            <Descriptions.Item label={t('semEnrol.hours')}>{s.hours}</Descriptions.Item>
            <Descriptions.Item label={t('semEnrol.seatsLeft')}>{`${s.seatsLeft} / ${s.seats}`}</Descriptions.Item>
            <Descriptions.Item label={t('semEnrol.window')}>{t(`semEnrol.window.${s.window.state}`)}</Descriptions.Item>
            {s.centralApprovedCents !== null && <Descriptions.Item label={t('semHost.budget')}>{yuan(s.centralApprovedCents)}</Descriptions.Item>}
          </Descriptions>
          <Tabs
            destroyOnHidden
            items={[
              { key: 'enrolees', label: t('semHost.tab.enrolees'), children: <EnroleesTab seminar={s} /> },
              { key: 'attendance', label: t('semHost.tab.attendance'), children: <AttendanceTab seminar={s} /> },
              { key: 'expenses', label: t('semHost.tab.expenses'), children: <ExpensesTab seminar={s} /> },
              { key: 'report', label: t('semHost.tab.report'), children: <ReportTab seminar={s} /> },
            ]}
          />
        </>
      )}
    </Card>
  );
}
