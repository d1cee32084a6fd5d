import { Alert, Card } from 'antd';
import { useI18n } from '../../../shared/i18n.ts';
import { RecordQueue } from '../components/RecordQueue.tsx';
import { RequirePermission } from '../components/RequirePermission.tsx';

/** The province's confirmation of records its rules reserve to it (endorsed by the employer). */
export function ConfirmPage() {
  const { t } = useI18n();
  return (
    <RequirePermission permission="learning.record.confirm">
      <Card title={t('learning.confirm.title')} data-testid="learning-confirm">
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('learning.confirm.hint')} />
        <RecordQueue step="confirm" testId="confirm-queue" />
      </Card>
    </RequirePermission>
  );
}
