import { Tag } from 'antd';
import { useI18n } from '../../../shared/i18n.ts';
import { learningLabel, STATUS_COLORS } from '../enums.ts';

export function RecordStatusTag({ status }: { status: string }) {
  const { language } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid={`record-status-${status}`}>
      {learningLabel(language, 'status', status)}
    </Tag>
  );
}
