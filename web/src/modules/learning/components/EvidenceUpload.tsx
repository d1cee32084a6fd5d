import { useState } from 'react';
import { Alert, App, Progress, Space, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { uploadFile } from '../../../shared/api.ts';
import { describeError } from '../../../shared/errors.ts';
import { useI18n } from '../../../shared/i18n.ts';
import { evidencePath, learningKeys, type LearningRecord } from '../api.ts';

// Same limits as the server (records/service.ts); it still reads the type from the file's first bytes.
const MAX_BYTES = 5 * 1024 * 1024;
const TYPES = ['application/pdf', 'image/png', 'image/jpeg'];

type Uploaded = { name: string; ok: boolean; error?: string };

/** Evidence files (PDF, PNG, JPEG, ≤ 5 MB each) for one of the professional's own records. */
export function EvidenceUpload({ record }: { record: LearningRecord }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const [uploaded, setUploaded] = useState<Uploaded[]>([]);

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (!TYPES.includes(file.type)) {
      void message.error(t('learning.evidence.wrongType'));
      return Upload.LIST_IGNORE;
    }
    if (file.size > MAX_BYTES) {
      void message.error(t('learning.evidence.tooLarge'));
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const customRequest: UploadProps['customRequest'] = (options) => {
    const file = options.file;
    if (!(file instanceof File)) return;
    setProgress(0);
    void uploadFile<{ id: string }>(evidencePath(record.id), file, {}, (percent) => {
      setProgress(percent);
      options.onProgress?.({ percent });
    }).then((outcome) => {
      if (outcome.ok) {
        options.onSuccess?.(outcome.data);
        setUploaded((list) => [...list, { name: file.name, ok: true }]);
        void queryClient.invalidateQueries({ queryKey: learningKeys.ownRecords });
      } else {
        options.onError?.(outcome.error);
        setProgress(null);
        setUploaded((list) => [...list, { name: file.name, ok: false, error: describeError(t, outcome.error) }]);
      }
    });
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="evidence-panel">
      <Upload.Dragger accept=".pdf,.png,.jpg,.jpeg" multiple showUploadList={false} beforeUpload={beforeUpload} customRequest={customRequest} data-testid="evidence-upload">
        <p style={{ fontSize: 16, margin: '8px 0' }}>{t('learning.evidence.drop')}</p>
        <p style={{ color: '#888', margin: 0 }}>{t('learning.evidence.formats')}</p>
      </Upload.Dragger>
      {progress !== null && <Progress percent={progress} />}
      {uploaded.map((u, i) =>
        u.ok ? (
          <Typography.Text key={`${u.name}-${i}`} type="success" data-testid="evidence-uploaded">
            {t('learning.evidence.uploaded', { name: u.name })}
          </Typography.Text>
        ) : (
          <Alert key={`${u.name}-${i}`} type="error" showIcon title={`${u.name}: ${u.error ?? ''}`} data-testid="evidence-error" />
        ),
      )}
    </Space>
  );
}
