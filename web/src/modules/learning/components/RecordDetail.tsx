import { Descriptions, Empty, Typography } from 'antd';
import { formatDateTime } from '../../../shared/format.ts';
import { useI18n } from '../../../shared/i18n.ts';
import { evidenceUrl, type LearningRecord } from '../api.ts';
import { learningLabel } from '../enums.ts';
import { RecordStatusTag } from './RecordStatusTag.tsx';

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A record as a reviewer sees it, with links to its evidence files (served as downloads). */
export function RecordDetail({ record }: { record: LearningRecord }) {
  const { t, language } = useI18n();
  const label = (kind: Parameters<typeof learningLabel>[1], value: string) => learningLabel(language, kind, value);
  return (
    <>
      <Descriptions bordered size="small" column={1} data-testid="record-detail">
        <Descriptions.Item label={t('learning.record.person')}>
          {record.personName} <Typography.Text type="secondary">{record.idNumberMasked}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('person.employer')}>{record.employerName}</Descriptions.Item>
        <Descriptions.Item label={t('common.status')}>
          <RecordStatusTag status={record.status} />
        </Descriptions.Item>
        {record.reviewReason && <Descriptions.Item label={t('learning.record.reason')}>{record.reviewReason}</Descriptions.Item>}
        <Descriptions.Item label={t('learning.record.year')}>{record.year}</Descriptions.Item>
        <Descriptions.Item label={t('learning.record.title')}>{record.title}</Descriptions.Item>
        <Descriptions.Item label={t('learning.record.category')}>{label('category', record.category)}</Descriptions.Item>
        <Descriptions.Item label={t('learning.record.form')}>{label('form', record.form)}</Descriptions.Item>
        <Descriptions.Item label={t('learning.record.field')}>{label('field', record.field)}</Descriptions.Item>
        <Descriptions.Item label={t('learning.record.provider')}>{record.providerName || t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('learning.record.period')}>{`${record.startDate} ~ ${record.endDate}`}</Descriptions.Item>
        <Descriptions.Item label={t('learning.record.hours')}>{record.hours}</Descriptions.Item>
        <Descriptions.Item label={t('learning.record.source')}>{label('source', record.source)}</Descriptions.Item>
        <Descriptions.Item label={t('common.createdAt')}>{formatDateTime(language, record.createdAt)}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('learning.evidence.title')}
      </Typography.Title>
      {record.evidence && record.evidence.length > 0 ? (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {record.evidence.map((e) => (
            <li key={e.id}>
              <a href={evidenceUrl(record.id, e.id)} download={e.fileName} target="_blank" rel="noreferrer" data-testid="evidence-link">
                {e.fileName}
              </a>{' '}
              <Typography.Text type="secondary">{formatSize(e.sizeBytes)}</Typography.Text>
            </li>
          ))}
        </ul>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('learning.evidence.none')} />
      )}
    </>
  );
}
