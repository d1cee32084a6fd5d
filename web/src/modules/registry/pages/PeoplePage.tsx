import { useState } from 'react';
import { Button, Card, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../shared/auth.tsx';
import { describeError } from '../../../shared/errors.ts';
import { useI18n, type Translate } from '../../../shared/i18n.ts';
import { tablePagination } from '../../../shared/pagination.ts';
import { StatusTag } from '../../../shared/StatusTag.tsx';
import { useSearchState } from '../../../shared/use-search-state.ts';
import { fetchPeople, registryKeys, type PeopleQuery, type Person } from '../api.ts';
import { ExportMenu } from '../components/ExportMenu.tsx';
import { ImportDrawer } from '../components/ImportDrawer.tsx';
import { PeopleFilters, PEOPLE_FILTERS } from '../components/PeopleFilters.tsx';
import { PersonForm } from '../components/PersonForm.tsx';

// The ID column shows the server's masked value verbatim; the UI never masks or unmasks.
function peopleColumns(t: Translate): TableColumnsType<Person> {
  return [
    { title: t('person.idNumber'), dataIndex: 'idNumberMasked', width: 190 },
    {
      title: t('person.name'),
      dataIndex: 'name',
      width: 110,
      render: (name: string, p) => (
        <Link to={`/people/${p.id}`} onClick={(e) => e.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    { title: t('person.gender'), dataIndex: 'gender', width: 70, render: (g: Person['gender']) => t(`gender.${g}`) },
    { title: t('person.birthDate'), dataIndex: 'birthDate', width: 120 },
    { title: t('person.employer'), dataIndex: 'employerName' },
    { title: t('person.titleLevel'), dataIndex: 'titleLevel', width: 100, render: (l: Person['titleLevel']) => t(`titleLevel.${l}`) },
    { title: t('person.phone'), dataIndex: 'phoneMasked', width: 130 },
    { title: t('common.status'), dataIndex: 'status', width: 90, render: (s: string) => <StatusTag status={s} /> },
  ];
}

export function PeoplePage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const listState = useSearchState(PEOPLE_FILTERS);
  const { values, page, pageSize, update } = listState;
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const query: PeopleQuery = { ...values, page, pageSize };
  const list = useQuery({ queryKey: registryKeys.peopleList(query), queryFn: () => fetchPeople(query), placeholderData: keepPreviousData });

  const toolbar = (
    <Space>
      {can('person.import') && (
        <Button onClick={() => setImporting(true)} data-testid="people-import">
          {t('common.import')}
        </Button>
      )}
      <ExportMenu kind="people" query={values} />
      {can('person.write') && (
        <Button type="primary" onClick={() => setCreating(true)} data-testid="people-new">
          {t('people.new')}
        </Button>
      )}
    </Space>
  );

  return (
    <Card title={t('people.title')} extra={toolbar}>
      <PeopleFilters values={values} update={update} />
      {creating && <PersonForm onClose={() => setCreating(false)} />}
      {list.isError && <Typography.Paragraph type="danger">{describeError(t, list.error)}</Typography.Paragraph>}
      <Table<Person>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1000 }}
        onRow={(p) => ({ onClick: () => navigate(`/people/${p.id}`), style: { cursor: 'pointer' } })}
        pagination={tablePagination(t, listState, list.data?.total ?? 0)}
        columns={peopleColumns(t)}
      />
      <ImportDrawer kind="people" title={t('people.import')} open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}
