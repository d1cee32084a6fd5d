import type { ReactNode } from 'react';
import { Button, Card, Space } from 'antd';
import { useI18n } from './i18n.ts';

type Props = {
  title: ReactNode;
  onCancel: () => void;
  onSubmit: () => void;
  submitting: boolean;
  submitTestId: string;
  children: ReactNode;
};

/**
 * An editing form shown in the page rather than in a modal: the header (language switch,
 * sign-out) stays usable and nothing typed is lost when the language changes.
 */
export function FormPanel({ title, onCancel, onSubmit, submitting, submitTestId, children }: Props) {
  const { t } = useI18n();
  return (
    <Card
      type="inner"
      title={title}
      style={{ marginBottom: 16 }}
      actions={[
        <Space key="actions" style={{ justifyContent: 'flex-end', width: '100%', paddingInline: 24 }}>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={onSubmit} data-testid={submitTestId}>
            {t('common.save')}
          </Button>
        </Space>,
      ]}
    >
      {children}
    </Card>
  );
}
