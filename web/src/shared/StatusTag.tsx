import { Tag } from 'antd';
import { labelFor } from './enums.ts';
import { useI18n } from './i18n.ts';

const COLORS: Record<string, string> = { active: 'green', inactive: 'default', pending: 'gold', rejected: 'red', disabled: 'default' };

export function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={COLORS[status] ?? 'default'}>{labelFor(t, 'status', status)}</Tag>;
}
