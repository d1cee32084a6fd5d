import { useState } from 'react';
import { Button, Select, Space, Table, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { describeError } from '../../../shared/errors.ts';
import { useI18n } from '../../../shared/i18n.ts';
import { tablePagination } from '../../../shared/pagination.ts';
import { SearchInput } from '../../../shared/SearchInput.tsx';
import { useSearchState } from '../../../shared/use-search-state.ts';
import { fetchRecords, learningKeys, type DecisionStep, type LearningRecord, type RecordListQuery } from '../api.ts';
import { learningOptions } from '../enums.ts';
import { recordColumns } from './record-columns.tsx';
import { RecordDrawer } from './RecordDrawer.tsx';
import { recordYears } from './RecordFields.tsx';

const FILTERS = ['q', 'status', 'year'] as const;
const ALL = 'all';

type Props = { step: DecisionStep; testId: string };

/**
 * Records waiting for a decision: submitted ones for the employer, endorsed ones for the province.
 * The status filter starts on the waiting status; "all" shows the history too. Decisions are taken
 * in the drawer, next to the evidence.
 */
export function RecordQueue({ step, testId }: Props) {
  const { t, language } = useI18n();
  const listState = useSearchState(FILTERS);
  const { values, page, pageSize, update } = listState;
  const [openId, setOpenId] = useState<string | null>(null);
  const waiting = step === 'confirm' ? 'endorsed' : 'submitted';
  const status = values.status ?? waiting;

  const query: RecordListQuery = { q: values.q, year: values.year ? Number(values.year) : undefined, status: status === ALL ? undefined : status, page, pageSize };
  const list = useQuery({ queryKey: learningKeys.recordList(query), queryFn: () => fetchRecords(query), placeholderData: keepPreviousData });

  const columns = [
    ...recordColumns(t, language, true),
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      fixed: 'end' as const,
      render: (_: unknown, r: LearningRecord) => (
        <Button size="small" type="link" onClick={() => setOpenId(r.id)} data-testid="record-open">
          {t('learning.queue.open')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <SearchInput value={values.q} onSearch={(q) => update({ q })} placeholder={t('learning.queue.search')} data-testid={`${testId}-search`} />
        <Select
          style={{ width: 200 }}
          value={status}
          onChange={(next: string) => update({ status: next === waiting ? undefined : next })}
          options={[...learningOptions(language, 'status'), { value: ALL, label: t('common.all') }]}
          data-testid={`${testId}-status`}
        />
        <Select
          style={{ width: 120 }}
          allowClear
          placeholder={t('learning.record.year')}
          value={values.year ? Number(values.year) : undefined}
          onChange={(year?: number) => update({ year })}
          options={recordYears().map((y) => ({ value: y, label: String(y) }))}
        />
      </Space>
      {list.isError && <Typography.Paragraph type="danger">{describeError(t, list.error)}</Typography.Paragraph>}
      <Table<LearningRecord>
        rowKey="id"
        data-testid={testId}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1600 }}
        locale={{ emptyText: t('learning.queue.empty') }}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        pagination={tablePagination(t, listState, list.data?.total ?? 0)}
        columns={columns}
      />
      <RecordDrawer recordId={openId} step={step} onClose={() => setOpenId(null)} />
    </>
  );
}
