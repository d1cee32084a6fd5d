import { Drawer, Result, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { describeError } from '../../../shared/errors.ts';
import { useI18n } from '../../../shared/i18n.ts';
import { fetchRecord, learningKeys, type DecisionStep } from '../api.ts';
import { DecisionActions } from './DecisionActions.tsx';
import { RecordDetail } from './RecordDetail.tsx';

type Props = { recordId: string | null; step: DecisionStep; onClose: () => void };

/** One record with its evidence (GET /api/learning/records/:id) and the decision buttons. */
export function RecordDrawer({ recordId, step, onClose }: Props) {
  const { t } = useI18n();
  const record = useQuery({
    queryKey: learningKeys.record(recordId ?? ''),
    queryFn: () => fetchRecord(recordId ?? ''),
    enabled: recordId !== null,
  });
  return (
    <Drawer
      open={recordId !== null}
      onClose={onClose}
      title={t('learning.record.detail')}
      size="large"
      destroyOnHidden
      extra={record.data && <DecisionActions record={record.data} step={step} onDone={onClose} />}
    >
      {record.isPending && <Spin />}
      {record.isError && <Result status="error" title={describeError(t, record.error)} />}
      {record.data && <RecordDetail record={record.data} />}
    </Drawer>
  );
}
