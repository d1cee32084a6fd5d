import type { ReactNode } from 'react';
import { Result } from 'antd';
import { useI18n } from '../../../shared/i18n.ts';
import type { LearningPermission } from '../enums.ts';
import { useHasPermission } from '../hooks/use-permission.ts';

/** A page reached by URL without the permission says so instead of showing empty lists and 403 toasts. */
export function RequirePermission({ permission, children }: { permission: LearningPermission; children: ReactNode }) {
  const { t } = useI18n();
  const allowed = useHasPermission(permission);
  if (!allowed) return <Result status="403" title={t('learning.forbidden')} data-testid="learning-forbidden" />;
  return children;
}
