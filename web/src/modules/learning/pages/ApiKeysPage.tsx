import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { describeError } from '../../../shared/errors.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useI18n, type Language, type Translate } from '../../../shared/i18n.ts';
import { tablePagination } from '../../../shared/pagination.ts';
import { fetchApiKeys, learningKeys, revokeApiKey, type ApiKey, type CreatedApiKey } from '../api.ts';
import { ApiKeyForm } from '../components/ApiKeyForm.tsx';
import { ApiKeySecret } from '../components/ApiKeySecret.tsx';
import { RequirePermission } from '../components/RequirePermission.tsx';

/** Whom a key acts for: its organisation (report) or its region (compliance). */
function scopeText(key: ApiKey): string {
  return key.organisationName ?? key.regionName ?? key.organisationId ?? key.regionCode ?? '';
}

function columns(t: Translate, language: Language, revoke: (key: ApiKey) => void): TableColumnsType<ApiKey> {
  return [
    { title: t('learning.apikeys.name'), dataIndex: 'name' },
    { title: t('learning.apikeys.purpose'), dataIndex: 'purpose', width: 120, render: (p: ApiKey['purpose']) => <Tag>{t(`learning.apikeys.purpose.${p}`)}</Tag> },
    { title: t('learning.apikeys.prefix'), dataIndex: 'prefix', width: 140, render: (p: string) => <Typography.Text code>{`${p}…`}</Typography.Text> },
    { title: t('learning.apikeys.scope'), key: 'scope', width: 180, render: (_: unknown, k) => scopeText(k) },
    { title: t('common.createdAt'), dataIndex: 'createdAt', width: 170, render: (at: string) => formatDateTime(language, at) },
    { title: t('learning.apikeys.lastUsed'), dataIndex: 'lastUsedAt', width: 170, render: (at: string | null) => (at ? formatDateTime(language, at) : t('learning.apikeys.neverUsed')) },
    {
      title: t('common.status'),
      key: 'status',
      width: 100,
      render: (_: unknown, k) => (k.revokedAt ? <Tag>{t('learning.apikeys.revoked')}</Tag> : <Tag color="green">{t('learning.apikeys.active')}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_: unknown, k) =>
        k.abilities.revoke && (
          <Popconfirm title={t('learning.apikeys.revokeConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => revoke(k)}>
            <Button size="small" danger data-testid="apikey-revoke">
              {t('learning.apikeys.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];
}

/** API keys for provider reports and compliance queries: create (the key is shown once) and revoke. */
export function ApiKeysPage() {
  return (
    <RequirePermission permission="learning.apikey.manage">
      <ApiKeys />
    </RequirePermission>
  );
}

function ApiKeys() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const keys = useQuery({ queryKey: learningKeys.apiKeyPage(paging.page, paging.pageSize), queryFn: () => fetchApiKeys(paging.page, paging.pageSize), placeholderData: keepPreviousData });
  const revoke = useMutation({
    mutationFn: (key: ApiKey) => revokeApiKey(key.id),
    onSuccess: async () => {
      void message.success(t('learning.apikeys.revokedDone'));
      await queryClient.invalidateQueries({ queryKey: learningKeys.apiKeys });
    },
    onError: (e) => void message.error(describeError(t, e)),
  });

  return (
    <Card
      title={t('learning.apikeys.title')}
      data-testid="learning-apikeys"
      extra={
        <Space>
          <Link to="/learning/reports">{t('learning.reports.title')}</Link>
          <Button type="primary" disabled={creating} onClick={() => setCreating(true)} data-testid="apikey-new">
            {t('learning.apikeys.new')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('learning.apikeys.intro')}</Typography.Paragraph>
      {creating && (
        <ApiKeyForm
          onClose={() => setCreating(false)}
          onCreated={(key) => {
            setCreating(false);
            setCreated(key);
          }}
        />
      )}
      {keys.isError && <Typography.Paragraph type="danger">{describeError(t, keys.error)}</Typography.Paragraph>}
      <Table<ApiKey>
        rowKey="id"
        data-testid="apikey-table"
        loading={keys.isFetching}
        dataSource={keys.data?.items ?? []}
        scroll={{ x: 1000 }}
        pagination={tablePagination(t, { ...paging, update: (next) => setPaging((prev) => ({ ...prev, ...next })) }, keys.data?.total ?? 0)}
        locale={{ emptyText: t('learning.apikeys.empty') }}
        columns={columns(t, language, (k) => revoke.mutate(k))}
      />
      <ApiKeySecret created={created} onClose={() => setCreated(null)} />
    </Card>
  );
}
