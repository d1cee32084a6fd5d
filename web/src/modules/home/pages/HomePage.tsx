import { Card, Descriptions, Space, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useAuth, type Grant } from '../../../shared/auth.tsx';
import { labelFor } from '../../../shared/enums.ts';
import { useI18n } from '../../../shared/i18n.ts';

/** Landing page: who is signed in, with which roles over which scope. */
export function HomePage() {
  const { me, can } = useAuth();
  const { t } = useI18n();
  if (!me) return null;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="home">
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('home.welcome', { name: me.displayName })}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('home.intro')}
        </Typography.Paragraph>
      </Card>
      <Card title={t('home.account')}>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('auth.username')}>{me.username}</Descriptions.Item>
          <Descriptions.Item label={t('account.kind')}>{labelFor(t, 'kind', me.kind)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('home.roles')}>
        <Table<Grant>
          size="small"
          pagination={false}
          rowKey={(g) => `${g.role}:${g.scopeType}:${g.scopeId}`}
          dataSource={me.grants}
          locale={{ emptyText: t('home.noRoles') }}
          columns={[
            { title: t('home.role'), dataIndex: 'role', render: (role: string) => labelFor(t, 'role', role) },
            { title: t('home.scopeType'), dataIndex: 'scopeType', render: (type: string) => labelFor(t, 'scopeType', type) },
            { title: t('home.scope'), dataIndex: 'scopeName' },
          ]}
        />
      </Card>
      <Card title={t('home.shortcuts')}>
        <Space wrap size="large">
          {can('person.read') && <Link to="/people">{t('menu.people')}</Link>}
          {can('organisation.read') && <Link to="/organisations">{t('menu.organisations')}</Link>}
          {can('account.review') && <Link to="/accounts">{t('accounts.pendingQueue')}</Link>}
          <Link to="/regions">{t('menu.regions')}</Link>
          <Link to="/password">{t('menu.password')}</Link>
        </Space>
      </Card>
    </Space>
  );
}
