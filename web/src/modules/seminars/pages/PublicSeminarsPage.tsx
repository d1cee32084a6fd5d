import { useState } from 'react';
import { Card, InputNumber, Layout, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { LanguageSwitch } from '../../../shared/Layout.tsx';
import { useI18n } from '../../../shared/i18n.ts';
import { chinaYear } from '../../learning/enums.ts';
import { fetchPublicSeminars, hours, seminarKeys, type PublicSeminar } from '../api.ts';
import { fieldLabel } from '../components/labels.ts';

/** The public list of published approved seminars (no sign-in): host, dates, place, field, seats. */
export function PublicSeminarsPage() {
  const { t, language } = useI18n();
  const [year, setYear] = useState<number>(chinaYear());
  const list = useQuery({ queryKey: seminarKeys.public(year), queryFn: () => fetchPublicSeminars(year) });
  return (
    <Layout style={{ minHeight: '100vh', padding: 24 }}>
      <Card title={t('seminars.public.title')} extra={<><InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} /> <LanguageSwitch /> <Link to="/login">{t('seminars.public.login')}</Link></>}>
        <Table<PublicSeminar> rowKey="id" loading={list.isLoading} dataSource={list.data ?? []} pagination={{ pageSize: 50 }} locale={{ emptyText: t('seminars.empty') }} data-testid="public-seminars"
          columns={[
            { title: t('seminars.name'), dataIndex: 'title' },
            { title: t('seminars.host'), dataIndex: 'hostName' },
            { title: t('seminars.field'), key: 'f', render: (_, s) => fieldLabel(language, s.field) },
            { title: t('seminars.dates'), key: 'd', render: (_, s) => `${s.startDate} – ${s.endDate}` },
            { title: t('seminars.place'), dataIndex: 'place' },
            { title: t('seminars.public.seats'), dataIndex: 'seats' },
            { title: t('seminars.hours'), key: 'h', render: (_, s) => hours(s.hoursTenths) },
          ]} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>{t('app.fullName')}</Typography.Paragraph>
      </Card>
    </Layout>
  );
}
