import { useState } from 'react';
import { Alert, Button, Progress, Space, Table, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { ApiError, uploadFile, type ApiErrorDetail } from './api.ts';
import { describeError } from './errors.ts';
import { useI18n } from './i18n.ts';

export type ImportResult = { rows: number; created: number; dryRun: boolean };

type Props = {
  templateUrls: { xlsx: string; csv: string };
  /** POST endpoint taking multipart `file` and `?dryRun=true|false`. */
  uploadPath: string;
  onImported?: (result: ImportResult) => void;
};

type Phase = 'idle' | 'checking' | 'checked' | 'importing' | 'done' | 'failed';

/**
 * Two-step import: every file is first checked with a dry run; only a clean check unlocks the
 * real import. Row/column errors from the server (422 `details`) are listed in a table.
 */
export function ImportPanel({ templateUrls, uploadPath, onImported }: Props) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState(0);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const send = async (target: File, dryRun: boolean, onProgress?: (percent: number) => void) => {
    setPhase(dryRun ? 'checking' : 'importing');
    setProgress(0);
    setError(null);
    const outcome = await uploadFile<ImportResult>(uploadPath, target, { dryRun }, (percent) => {
      setProgress(percent);
      onProgress?.(percent);
    });
    if (outcome.ok) {
      setResult(outcome.data);
      setPhase(dryRun ? 'checked' : 'done');
      if (!dryRun) onImported?.(outcome.data);
    } else {
      setError(outcome.error);
      setPhase('failed');
    }
    return outcome;
  };

  const customRequest: UploadProps['customRequest'] = (options) => {
    const picked = options.file;
    if (!(picked instanceof File)) return;
    setFile(picked);
    setResult(null);
    void send(picked, true, (percent) => options.onProgress?.({ percent })).then((outcome) => {
      if (outcome.ok) options.onSuccess?.(outcome.data);
      else options.onError?.(outcome.error);
    });
  };

  const busy = phase === 'checking' || phase === 'importing';
  const rowErrors = (error?.details ?? []).filter((d) => d.row !== undefined || d.column !== undefined);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="import-panel">
      <TemplateLinks urls={templateUrls} />
      <Upload.Dragger
        accept=".xlsx,.csv"
        maxCount={1}
        multiple={false}
        showUploadList={false}
        disabled={busy}
        customRequest={customRequest}
        data-testid="import-upload"
      >
        <p style={{ fontSize: 16, margin: '8px 0' }}>{t('import.dropHint')}</p>
        <p style={{ color: '#888', margin: 0 }}>{t('import.formats')}</p>
      </Upload.Dragger>
      {file && <Typography.Text type="secondary">{t('import.fileName', { name: file.name })}</Typography.Text>}
      {phase !== 'idle' && <Progress percent={progress} status={phase === 'failed' ? 'exception' : busy ? 'active' : 'success'} />}
      <ImportOutcome phase={phase} result={result} error={error} onConfirm={() => file && void send(file, false)} />
      {rowErrors.length > 0 && <ImportErrorTable details={rowErrors} />}
    </Space>
  );
}

function TemplateLinks({ urls }: { urls: { xlsx: string; csv: string } }) {
  const { t } = useI18n();
  return (
    <Space wrap>
      <Typography.Text>{t('import.templates')}</Typography.Text>
      <a href={urls.xlsx} download data-testid="import-template-xlsx">
        {t('import.templateXlsx')}
      </a>
      <a href={urls.csv} download data-testid="import-template-csv">
        {t('import.templateCsv')}
      </a>
    </Space>
  );
}

type OutcomeProps = { phase: Phase; result: ImportResult | null; error: ApiError | null; onConfirm: () => void };

function ImportOutcome({ phase, result, error, onConfirm }: OutcomeProps) {
  const { t } = useI18n();
  if (phase === 'checked' && result) {
    return (
      <Alert
        type="success"
        showIcon
        title={t('import.dryRunOk', { rows: result.rows })}
        action={
          <Button type="primary" onClick={onConfirm} data-testid="import-confirm">
            {t('import.confirm')}
          </Button>
        }
      />
    );
  }
  if (phase === 'done' && result) {
    return <Alert type="success" showIcon title={t('import.done', { rows: result.rows, created: result.created })} data-testid="import-done" />;
  }
  if (phase === 'failed' && error) return <Alert type="error" showIcon title={describeError(t, error)} data-testid="import-error" />;
  return null;
}

function ImportErrorTable({ details }: { details: ApiErrorDetail[] }) {
  const { t } = useI18n();
  return (
    <Table<ApiErrorDetail & { key: number }>
      size="small"
      data-testid="import-errors"
      dataSource={details.map((d, i) => ({ ...d, key: i }))}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: t('import.row'), dataIndex: 'row', width: 80 },
        { title: t('import.column'), dataIndex: 'column', width: 160 },
        { title: t('import.value'), dataIndex: 'value', width: 200, render: (v: unknown) => (v === undefined || v === null ? '' : String(v)) },
        { title: t('import.message'), dataIndex: 'message' },
      ]}
    />
  );
}
