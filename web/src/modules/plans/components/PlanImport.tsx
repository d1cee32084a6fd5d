import { useState } from 'react';
import { Alert, App, Button, Checkbox, Input, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatPeople, importPlan, planKeys, type ColumnAction, type Finding, type ImportBody, type ImportResult, type Plan, type RowAction, type Unit } from '../api.ts';
import { fetchDepartments } from '../../registry/api.ts';
import { PLAN_FIELDS, learningLabel } from '../../learning/enums.ts';
import { useI18n, type Translate } from '../../../shared/i18n.ts';
import { fileToBase64 } from './file-base64.ts';

const SEVERITY_COLOUR = { error: 'red', warning: 'orange', info: 'blue' } as const;

function encodeRow(a: RowAction | undefined): string | undefined {
  return a ? (a.kind === 'department' ? `department:${a.code}` : a.kind) : undefined;
}
function decodeRow(v: string): RowAction {
  return v.startsWith('department:') ? { kind: 'department', code: v.slice(11) } : ({ kind: v } as RowAction);
}
function decodeColumn(v: string): ColumnAction {
  return v.startsWith('field:') ? { kind: 'field', field: v.slice(6) } : ({ kind: v } as ColumnAction);
}

function totalsLine(t: Translate, result: ImportResult): string {
  const stated = result.totals.statedPeople === null ? '—' : formatPeople(result.totals.statedPeople, 'person');
  return t('plans.import.totals', { people: formatPeople(result.totals.people, 'person'), stated });
}

/** Paste or upload the plan table, check it (dry run), decide the unknown labels, then save. */
export function PlanImport({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [source, setSource] = useState<{ format: 'text' | 'xlsx'; content: string; name?: string }>({ format: 'text', content: '' });
  const [rows, setRows] = useState<Record<string, RowAction>>({});
  const [columns, setColumns] = useState<Record<string, ColumnAction>>({});
  const [accept, setAccept] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const body = (r = rows, c = columns): ImportBody => ({ ...source, mapping: { rows: r, columns: c }, acceptMismatches: accept });
  // Every decision is checked again at once, so the findings always show what a save would do.
  const check = useMutation({ mutationFn: (b: ImportBody) => importPlan(plan.id, b, true), onSuccess: setResult, onError: (e: Error) => void message.error(e.message) });
  const commit = useMutation({
    mutationFn: () => importPlan(plan.id, body(), false),
    onSuccess: (r) => {
      setResult(r);
      void message.success(t('plans.import.committed', { people: formatPeople(r.totals.people, 'person') }));
      void client.invalidateQueries({ queryKey: planKeys.all });
    }, onError: (e: Error) => void message.error(e.message),
  });
  if (plan.status !== 'draft') return <Alert type="info" title={t('plans.import.notDraft')} />;
  const unit = result?.unit ?? 'tenThousand';
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph type="secondary">{t('plans.import.hint')}</Typography.Paragraph>
      <Input.TextArea data-testid="plan-import-text" rows={8} placeholder={t('plans.import.text')} value={source.format === 'text' ? source.content : ''}
        onChange={(e) => { setSource({ format: 'text', content: e.target.value }); setResult(null); }} />
      <Space wrap>
        <Upload accept=".xlsx" maxCount={1} showUploadList={false} beforeUpload={(file) => {
          void fileToBase64(file).then((content) => { setSource({ format: 'xlsx', content, name: file.name }); setResult(null); });
          return false;
        }}>
          <Button>{t('plans.import.file')}</Button>
        </Upload>
        {source.format === 'xlsx' && <Tag>{source.name}</Tag>}
        <Button data-testid="plan-import-check" disabled={!source.content} loading={check.isPending} onClick={() => check.mutate(body())}>{t('plans.import.check')}</Button>
      </Space>
      {result && (
        <>
          <Typography.Text strong data-testid="plan-import-totals">{totalsLine(t, result)}</Typography.Text>
          <MappingControls result={result} rows={rows} onRow={(label, action) => {
            const next = { ...rows, [label]: action };
            setRows(next);
            check.mutate(body(next));
          }} onColumn={(header, action) => {
            const next = { ...columns, [header]: action };
            setColumns(next);
            check.mutate(body(rows, next));
          }} />
          <FindingsTable findings={result.findings} unit={unit} />
          {result.warnings > 0 && (
            <Checkbox data-testid="plan-import-accept" checked={accept} onChange={(e) => setAccept(e.target.checked)}>{t('plans.import.accept')}</Checkbox>
          )}
          <Button type="primary" data-testid="plan-import-commit" disabled={result.errors > 0 || (result.warnings > 0 && !accept) || result.committed}
            loading={commit.isPending} onClick={() => commit.mutate()}>{t('plans.import.commit')}</Button>
        </>
      )}
    </Space>
  );
}

/** Each finding with its row, column, label, expected and found (in the table's unit). */
function FindingsTable({ findings, unit }: { findings: Finding[]; unit: Unit }) {
  const { t } = useI18n();
  const people = (n: number | null) => (n === null ? '' : formatPeople(n, unit));
  return (
    <Table<Finding>
      size="small" rowKey={(f) => `${f.code}:${f.row}:${f.column}`} pagination={false} data-testid="plan-import-findings"
      locale={{ emptyText: t('plans.import.noFindings') }} dataSource={findings}
      columns={[
        { title: '', key: 'severity', width: 90, render: (_, f) => <Tag color={SEVERITY_COLOUR[f.severity]}>{t(`plans.import.severity.${f.severity}`)}</Tag> },
        { title: t('plans.import.row'), dataIndex: 'row', width: 60 },
        { title: t('plans.import.column'), key: 'column', width: 120, render: (_, f) => (f.column ? `${f.column} ${f.columnHeader ?? ''}` : '') },
        { title: t('plans.import.label'), dataIndex: 'label', width: 140 },
        { title: t('plans.import.expected'), key: 'expected', width: 90, render: (_, f) => people(f.expected) },
        { title: t('plans.import.found'), key: 'found', width: 90, render: (_, f) => people(f.found) },
        { title: t('plans.import.message'), dataIndex: 'message' },
      ]}
    />
  );
}

type MappingProps = {
  result: ImportResult;
  rows: Record<string, RowAction>;
  onRow: (label: string, action: RowAction) => void;
  onColumn: (header: string, action: ColumnAction) => void;
};

/** A choice for each row label that is not a department and each column that is not a field. */
function MappingControls({ result, rows, onRow, onColumn }: MappingProps) {
  const { t, language } = useI18n();
  const departments = useQuery({ queryKey: ['registry', 'departments', 'national'], queryFn: () => fetchDepartments({ level: 'national' }) });
  const rowOptions = [
    ...(departments.data ?? []).map((d) => ({ value: `department:${d.code}`, label: language === 'en' ? d.nameEn : d.shortName })),
    { value: 'other', label: t('plans.import.action.other') },
    { value: 'ignore', label: t('plans.import.action.ignore') },
    { value: 'totals', label: t('plans.import.action.totals') },
  ];
  const columnOptions = [
    ...PLAN_FIELDS.map((f) => ({ value: `field:${f}`, label: learningLabel(language, 'field', f) })),
    { value: 'subtotal', label: t('plans.import.action.subtotal') },
    { value: 'ignore', label: t('plans.import.action.ignore') },
  ];
  const unknownRows = [...new Set((result?.findings ?? []).filter((f) => f.code === 'PLAN_IMPORT_UNKNOWN_ROW' && (f.found !== null || f.resolution)).map((f) => f.label ?? ''))];
  const unknownColumns = [...new Set((result?.findings ?? []).filter((f) => f.code === 'PLAN_IMPORT_UNKNOWN_COLUMN').map((f) => f.columnHeader ?? ''))];
  return (
    <>
    {unknownRows.map((label) => (
      <Space key={label}>
        <span>{t('plans.import.mapRow', { label })}</span>
        <Select data-testid={`plan-map-row-${label}`} style={{ width: 240 }} options={rowOptions} value={encodeRow(rows[label])} showSearch optionFilterProp="label"
          onChange={(v: string) => onRow(label, decodeRow(v))} />
      </Space>
    ))}
    {unknownColumns.map((header) => (
      <Space key={header}>
        <span>{t('plans.import.mapColumn', { header })}</span>
        <Select style={{ width: 240 }} options={columnOptions} onChange={(v: string) => onColumn(header, decodeColumn(v))} />
      </Space>
    ))}
    </>
  );
}
