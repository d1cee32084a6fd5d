import { Alert, Button, Modal, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n.ts';
import type { CreatedApiKey } from '../api.ts';

/** A new key is shown once, here, and kept nowhere once the dialog closes. */
export function ApiKeySecret({ created, onClose }: { created: CreatedApiKey | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={created !== null}
      title={t('learning.apikeys.secretTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose} data-testid="apikey-secret-done">
          {t('learning.apikeys.secretDone')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('learning.apikeys.secretOnce')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph copyable={{ text: created?.key ?? '', tooltips: [t('learning.apikeys.copy'), t('learning.apikeys.copied')] }} style={{ fontSize: 16, wordBreak: 'break-all' }}>
        <Typography.Text code data-testid="apikey-secret">
          {created?.key}
        </Typography.Text>
      </Typography.Paragraph>
    </Modal>
  );
}
