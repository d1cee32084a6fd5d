import { useState } from 'react';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../shared/auth.tsx';
import { describeError } from '../../../shared/errors.ts';
import { useI18n, type Translate } from '../../../shared/i18n.ts';
import { tablePagination } from '../../../shared/pagination.ts';
import { StatusTag } from '../../../shared/StatusTag.tsx';
import { useSearchState } from '../../../shared/use-search-state.ts';
import { fetchOrganisations, registryKeys, type Org, type OrgQuery } from '../api.ts';
import { ExportMenu } from '../components/ExportMenu.tsx';
import { ImportDrawer } from '../components/ImportDrawer.tsx';
import { OrganisationFilters, ORGANISATION_FILTERS } from '../components/OrganisationFilters.tsx';
import { OrganisationForm } from '../components/OrganisationForm.tsx';

function organisationColumns(t: Translate): TableColumnsType<Org> {
  return [
    {
      title: t('organisation.name'),
      dataIndex: 'name',
      render: (name: string, org) => (
        <Link to={`/organisations/${org.id}`} onClick={(e) => e.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    { title: t('organisation.creditCode'), dataIndex: 'creditCode', width: 200 },
    { title: t('organisation.region'), dataIndex: 'regionName', width: 140 },
    { title: t('organisation.ownership'), dataIndex: 'ownership', width: 130, render: (o: Org['ownership']) => t(`ownership.${o}`) },
    {
      title: t('organisation.roles'),
      dataIndex: 'roles',
      render: (roles: Org['roles']) => roles.map((r) => <Tag key={r}>{t(`orgRole.${r}`)}</Tag>),
    },
    { title: t('organisation.peopleCount'), dataIndex: 'peopleCount', width: 100, align: 'right' },
    { title: t('common.status'), dataIndex: 'status', width: 100, render: (s: string) => <StatusTag status={s} /> },
  ];
}

export function OrganisationsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const listState = useSearchState(ORGANISATION_FILTERS);
  const { values, page, pageSize, update } = listState;
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const query: OrgQuery = { ...values, page, pageSize };
  const list = useQuery({ queryKey: registryKeys.organisationList(query), queryFn: () => fetchOrganisations(query), placeholderData: keepPreviousData });

  const toolbar = (
    <Space>
      {can('organisation.import') && (
        <Button onClick={() => setImporting(true)} data-testid="organisations-import">
          {t('common.import')}
        </Button>
      )}
      <ExportMenu kind="organisations" query={values} />
      {can('organisation.write') && (
        <Button type="primary" onClick={() => setCreating(true)} data-testid="organisations-new">
          {t('organisations.new')}
        </Button>
      )}
    </Space>
  );

  return (
    <Card title={t('organisations.title')} extra={toolbar}>
      <OrganisationFilters values={values} update={update} />
      {creating && <OrganisationForm onClose={() => setCreating(false)} />}
      {list.isError && <Typography.Paragraph type="danger">{describeError(t, list.error)}</Typography.Paragraph>}
      <Table<Org>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        onRow={(org) => ({ onClick: () => navigate(`/organisations/${org.id}`), style: { cursor: 'pointer' } })}
        pagination={tablePagination(t, listState, list.data?.total ?? 0)}
        columns={organisationColumns(t)}
      />
      <ImportDrawer kind="organisations" title={t('organisations.import')} open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}
