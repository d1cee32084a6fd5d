import { Card, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../shared/i18n.ts';
import { REPORT_COLUMNS } from '../components/report-columns.ts';
import { RequirePermission } from '../components/RequirePermission.tsx';
import { ReportUploadPanel } from '../components/ReportUploadPanel.tsx';

/** How providers report completions, and a test upload of a report file with an API key. */
export function ReportsPage() {
  return (
    <RequirePermission permission="learning.apikey.manage">
      <Reports />
    </RequirePermission>
  );
}

function Reports() {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="learning-reports">
      <Card title={t('learning.reports.title')} extra={<Link to="/learning/api-keys">{t('learning.apikeys.title')}</Link>}>
        <Typography.Paragraph>{t('learning.reports.intro')}</Typography.Paragraph>
        <Typography.Paragraph>
          <Typography.Text code>POST /api/learning/reports?mode=all_or_nothing|accept_valid</Typography.Text>
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('learning.reports.idempotent')}</Typography.Paragraph>
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={[...REPORT_COLUMNS]}
          data-testid="report-columns"
          columns={[
            { title: t('learning.reports.header'), dataIndex: 'header', width: 140 },
            { title: t('learning.reports.jsonKey'), dataIndex: 'key', width: 160, render: (k: string) => <Typography.Text code>{k}</Typography.Text> },
            { title: t('learning.reports.required'), dataIndex: 'required', width: 90, render: (r: boolean) => (r ? <Tag color="red">{t('learning.reports.yes')}</Tag> : null) },
            { title: t('learning.reports.description'), dataIndex: 'hint', render: (hint: Parameters<typeof t>[0]) => t(hint) },
          ]}
        />
      </Card>
      <Card title={t('learning.reports.testTitle')}>
        <ReportUploadPanel />
      </Card>
    </Space>
  );
}
