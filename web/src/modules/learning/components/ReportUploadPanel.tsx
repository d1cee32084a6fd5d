import { useState } from 'react';
import { Alert, Form, Input, Progress, Radio, Space, Table, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import type { ApiError, UploadResult } from '../../../shared/api.ts';
import { describeError } from '../../../shared/errors.ts';
import { useI18n } from '../../../shared/i18n.ts';
import { uploadReport, uploadReportSignedIn, type ReportError, type ReportMode, type ReportResult } from '../api.ts';
import { useHasPermission } from '../hooks/use-permission.ts';

type Phase = 'idle' | 'sending' | 'done' | 'failed';
/** session: as the signed-in administrator's own provider organisation; key: as a provider's system would, with an API key. */
type Sender = 'session' | 'key';

/**
 * Uploads a report file: a provider's administrator sends it as their organisation (signed in,
 * with the upload's progress); any key manager can also test a file and a key the way a
 * provider's system sends it (Bearer token, no session). Bad rows come back with row, column and
 * reason (in the answer, or in a 422's details when all-or-nothing refuses the batch).
 */
export function ReportUploadPanel() {
  const { t } = useI18n();
  const canUpload = useHasPermission('learning.report.upload');
  const [sender, setSender] = useState<Sender>(canUpload ? 'session' : 'key');
  const [apiKey, setApiKey] = useState('');
  const [mode, setMode] = useState<ReportMode>('all_or_nothing');
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [percent, setPercent] = useState<number | null>(null);
  const [result, setResult] = useState<ReportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const customRequest: UploadProps['customRequest'] = (options) => {
    const picked = options.file;
    if (!(picked instanceof File)) return;
    setFile(picked);
    setPhase('sending');
    setPercent(sender === 'session' ? 0 : null);
    setResult(null);
    setError(null);
    const sending: Promise<UploadResult<ReportResult>> =
      sender === 'session' ? uploadReportSignedIn(picked, mode, setPercent) : uploadReport(picked, apiKey.trim(), mode);
    void sending.then((outcome) => {
      if (outcome.ok) {
        setResult(outcome.data);
        setPhase('done');
        options.onSuccess?.(outcome.data);
      } else {
        setError(outcome.error);
        setPhase('failed');
        options.onError?.(outcome.error);
      }
    });
  };

  const keyMissing = sender === 'key' && apiKey.trim() === '';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="report-panel">
      <ReportSettings canUpload={canUpload} sender={sender} onSender={setSender} apiKey={apiKey} onApiKey={setApiKey} mode={mode} onMode={setMode} />
      <Upload.Dragger accept=".csv,.xlsx" maxCount={1} multiple={false} showUploadList={false} disabled={keyMissing || phase === 'sending'} customRequest={customRequest} data-testid="report-upload">
        <p style={{ fontSize: 16, margin: '8px 0' }}>{t(keyMissing ? 'learning.reports.keyFirst' : 'import.dropHint')}</p>
        <p style={{ color: '#888', margin: 0 }}>{t('learning.reports.formats')}</p>
      </Upload.Dragger>
      {file && <Typography.Text type="secondary">{t('import.fileName', { name: file.name })}</Typography.Text>}
      {phase !== 'idle' && <ReportProgress phase={phase} percent={percent} />}
      <ReportOutcome result={result} error={error} />
    </Space>
  );
}

/**
 * The send's progress: bytes uploaded when signed in (XMLHttpRequest); with an API key the
 * request is a cookie-less fetch, which reports no upload progress, so only its phases show.
 */
function ReportProgress({ phase, percent }: { phase: Exclude<Phase, 'idle'>; percent: number | null }) {
  const { t } = useI18n();
  const uploading = phase === 'sending' && percent !== null && percent < 100;
  const shown = phase === 'sending' ? (uploading ? (percent ?? 0) : 99) : 100;
  return (
    <div data-testid="report-progress">
      <Progress percent={shown} showInfo={phase !== 'sending' || uploading} status={phase === 'failed' ? 'exception' : phase === 'sending' ? 'active' : 'success'} />
      {phase === 'sending' && <Typography.Text type="secondary">{t(uploading ? 'learning.reports.uploading' : 'learning.reports.sending')}</Typography.Text>}
    </div>
  );
}

type SettingsProps = {
  canUpload: boolean;
  sender: Sender;
  onSender: (sender: Sender) => void;
  apiKey: string;
  onApiKey: (key: string) => void;
  mode: ReportMode;
  onMode: (mode: ReportMode) => void;
};

function ReportSettings({ canUpload, sender, onSender, apiKey, onApiKey, mode, onMode }: SettingsProps) {
  const { t } = useI18n();
  return (
    <Form layout="vertical">
      {canUpload && (
        <Form.Item label={t('learning.reports.sender')}>
          <Radio.Group
            value={sender}
            onChange={(e) => onSender(e.target.value as Sender)}
            options={[
              { value: 'session', label: t('learning.reports.senderSession') },
              { value: 'key', label: t('learning.reports.senderKey') },
            ]}
            data-testid="report-sender"
          />
        </Form.Item>
      )}
      {sender === 'key' && (
        <Form.Item label={t('learning.reports.key')} extra={t('learning.reports.keyHint')} required>
          <Input.Password value={apiKey} onChange={(e) => onApiKey(e.target.value)} autoComplete="off" style={{ maxWidth: 480 }} data-testid="report-key" />
        </Form.Item>
      )}
      <Form.Item label={t('learning.reports.mode')} extra={t(mode === 'all_or_nothing' ? 'learning.reports.modeAllHint' : 'learning.reports.modeValidHint')}>
        <Radio.Group
          value={mode}
          onChange={(e) => onMode(e.target.value as ReportMode)}
          options={[
            { value: 'all_or_nothing', label: t('learning.reports.modeAll') },
            { value: 'accept_valid', label: t('learning.reports.modeValid') },
          ]}
          data-testid="report-mode"
        />
      </Form.Item>
    </Form>
  );
}

/** The counts of a report, or why it failed; bad rows (accepted-valid errors or a 422's details) in a table. */
function ReportOutcome({ result, error }: { result: ReportResult | null; error: ApiError | null }) {
  const { t } = useI18n();
  const rowErrors: ReportError[] = result?.errors ?? error?.details ?? [];
  return (
    <>
      {result && (
        <Alert
          type={result.rejected > 0 ? 'warning' : 'success'}
          showIcon
          title={t('learning.reports.result', { received: result.received, created: result.created, unchanged: result.unchanged, rejected: result.rejected })}
          data-testid="report-result"
        />
      )}
      {error && <Alert type="error" showIcon title={describeError(t, error)} description={error.status === 422 ? t('learning.reports.nothingSaved') : undefined} data-testid="report-error" />}
      {rowErrors.length > 0 && (
        <Table<ReportError & { key: number }>
          size="small"
          data-testid="report-errors"
          dataSource={rowErrors.map((d, i) => ({ ...d, key: i }))}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('import.row'), dataIndex: 'row', width: 80 },
            { title: t('import.column'), key: 'column', width: 140, render: (_: unknown, d) => d.column ?? d.path ?? '' },
            { title: t('import.value'), dataIndex: 'value', width: 180, render: (v: unknown) => (v === undefined || v === null ? '' : String(v)) },
            { title: t('learning.reports.code'), dataIndex: 'code', width: 220, render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
            { title: t('import.message'), dataIndex: 'message' },
          ]}
        />
      )}
    </>
  );
}
