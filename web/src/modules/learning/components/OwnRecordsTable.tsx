import { Button, Space, Table, Tooltip, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { describeError } from '../../../shared/errors.ts';
import { useI18n } from '../../../shared/i18n.ts';
import { fetchOwnRecords, learningKeys, type LearningRecord } from '../api.ts';
import { recordColumns } from './record-columns.tsx';

type Props = { onEdit: (record: LearningRecord) => void; onEvidence: (record: LearningRecord) => void };

/** Every record of the signed-in professional, newest year first, with what can still be done to each. */
export function OwnRecordsTable({ onEdit, onEvidence }: Props) {
  const { t, language } = useI18n();
  const records = useQuery({ queryKey: learningKeys.ownRecords, queryFn: fetchOwnRecords });

  const columns = [
    ...recordColumns(t, language, false),
    {
      title: t('learning.record.reason'),
      dataIndex: 'reviewReason',
      width: 180,
      ellipsis: { showTitle: false },
      render: (reason: string | null, r: LearningRecord) =>
        r.status === 'rejected' && reason ? (
          <Tooltip title={reason}>
            <Typography.Text type="danger" data-testid="record-reject-reason">
              {reason}
            </Typography.Text>
          </Tooltip>
        ) : null,
    },
    { title: t('learning.evidence.count'), dataIndex: 'evidenceCount', width: 80, align: 'right' as const },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      fixed: 'end' as const,
      render: (_: unknown, r: LearningRecord) =>
        r.abilities.edit && (
          <Space size="small">
            <Button size="small" onClick={() => onEdit(r)} data-testid="record-edit">
              {t(r.status === 'rejected' ? 'learning.archive.resubmit' : 'common.edit')}
            </Button>
            <Button size="small" onClick={() => onEvidence(r)} data-testid="record-evidence">
              {t('learning.evidence.add')}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <>
      {records.isError && <Typography.Paragraph type="danger">{describeError(t, records.error)}</Typography.Paragraph>}
      <Table<LearningRecord>
        rowKey="id"
        data-testid="own-records"
        loading={records.isFetching}
        dataSource={records.data ?? []}
        scroll={{ x: 1500 }}
        locale={{ emptyText: t('learning.archive.noRecords') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={columns}
      />
    </>
  );
}
