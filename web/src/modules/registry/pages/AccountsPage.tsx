import { Card, Segmented, Space, Table, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { describeError } from '../../../shared/errors.ts';
import { labelFor } from '../../../shared/enums.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useI18n } from '../../../shared/i18n.ts';
import { tablePagination } from '../../../shared/pagination.ts';
import { SearchInput } from '../../../shared/SearchInput.tsx';
import { StatusTag } from '../../../shared/StatusTag.tsx';
import { useSearchState } from '../../../shared/use-search-state.ts';
import { fetchAccounts, registryKeys, type Account, type AccountQuery } from '../api.ts';
import { AccountActions } from '../components/AccountActions.tsx';
import { ACCOUNT_STATUSES } from '../enums.ts';

const FILTERS = ['q', 'status'] as const;
const ALL = 'all';

/** Accounts, opening on the queue of registrations awaiting review. */
export function AccountsPage() {
  const { t, language } = useI18n();
  const listState = useSearchState(FILTERS);
  const { values, page, pageSize, update } = listState;
  // The pending queue is the default view; 'all' is explicit in the URL.
  const status = values.status ?? 'pending';
  const query: AccountQuery = { q: values.q, status: status === ALL ? undefined : status, page, pageSize };
  const list = useQuery({ queryKey: registryKeys.accountList(query), queryFn: () => fetchAccounts(query), placeholderData: keepPreviousData });

  return (
    <Card title={t('accounts.title')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<string>
          value={status}
          onChange={(next) => update({ status: next })}
          options={[...ACCOUNT_STATUSES, ALL].map((s) => ({ value: s, label: s === ALL ? t('common.all') : labelFor(t, 'status', s) }))}
          data-testid="accounts-status"
        />
        <SearchInput value={values.q} onSearch={(q) => update({ q })} placeholder={t('accounts.search')} data-testid="accounts-search" />
      </Space>
      {list.isError && <Typography.Paragraph type="danger">{describeError(t, list.error)}</Typography.Paragraph>}
      <Table<Account>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: status === 'pending' ? t('accounts.queueEmpty') : undefined }}
        pagination={tablePagination(t, listState, list.data?.total ?? 0)}
        columns={[
          { title: t('auth.username'), dataIndex: 'username', width: 170 },
          { title: t('account.displayName'), dataIndex: 'displayName', width: 140 },
          { title: t('account.kind'), dataIndex: 'kind', width: 120, render: (k: string) => labelFor(t, 'kind', k) },
          { title: t('person.employer'), dataIndex: 'employerName', render: (name: string | null) => name ?? '' },
          { title: t('common.status'), dataIndex: 'status', width: 100, render: (s: string) => <StatusTag status={s} /> },
          { title: t('common.createdAt'), dataIndex: 'createdAt', width: 170, render: (at: string) => formatDateTime(language, at) },
          { title: t('common.actions'), key: 'actions', width: 200, render: (_: unknown, account) => <AccountActions account={account} /> },
        ]}
      />
    </Card>
  );
}
