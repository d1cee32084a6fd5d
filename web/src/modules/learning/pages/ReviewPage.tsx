import { useState } from 'react';
import { Alert, Card, Tabs } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../shared/i18n.ts';
import { enterRecord, learningKeys, type LearningRecord } from '../api.ts';
import { RecordForm } from '../components/RecordForm.tsx';
import { RecordQueue } from '../components/RecordQueue.tsx';
import { RequirePermission } from '../components/RequirePermission.tsx';
import { useHasPermission } from '../hooks/use-permission.ts';

/** The employer's review queue, and the entry of records on behalf of staff. */
export function ReviewPage() {
  return (
    <RequirePermission permission="learning.record.review">
      <Review />
    </RequirePermission>
  );
}

function EnterForStaff() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [round, setRound] = useState(0);
  const [last, setLast] = useState<LearningRecord | null>(null);
  const onSaved = (saved: LearningRecord) => {
    setLast(saved);
    setRound((n) => n + 1);
    void queryClient.invalidateQueries({ queryKey: learningKeys.records });
  };
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('learning.enter.hint')} />
      {last && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setLast(null) }}
          style={{ marginBottom: 16 }}
          title={t('learning.enter.saved', { name: last.personName, title: last.title, hours: last.hours })}
          data-testid="enter-saved"
        />
      )}
      <RecordForm
        key={round}
        title={t('learning.enter.title')}
        withPerson
        submit={(body) => enterRecord({ ...body, personId: body.personId ?? '' })}
        onSaved={onSaved}
        onClose={() => setRound((n) => n + 1)}
      />
    </>
  );
}

function Review() {
  const { t } = useI18n();
  const canEnter = useHasPermission('learning.record.enter');
  const items = [
    { key: 'queue', label: t('learning.review.queueTab'), children: <RecordQueue step="review" testId="review-queue" /> },
    ...(canEnter ? [{ key: 'enter', label: t('learning.review.enterTab'), children: <EnterForStaff /> }] : []),
  ];
  return (
    <Card title={t('learning.review.title')} data-testid="learning-review">
      <Tabs items={items} destroyOnHidden />
    </Card>
  );
}
