import { useState } from 'react';
import { Button, Card, Descriptions, Result, Space, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../../shared/api.ts';
import { FullPageSpin } from '../../../shared/auth.tsx';
import { describeError } from '../../../shared/errors.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useI18n } from '../../../shared/i18n.ts';
import { StatusTag } from '../../../shared/StatusTag.tsx';
import { fetchOrganisation, registryKeys, setOrganisationActive, type Org } from '../api.ts';
import { OrganisationForm } from '../components/OrganisationForm.tsx';
import { StatusToggle } from '../components/StatusToggle.tsx';

export function OrganisationDetailPage() {
  const { id = '' } = useParams();
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const org = useQuery({ queryKey: registryKeys.organisation(id), queryFn: () => fetchOrganisation(id) });

  if (org.isPending) return <FullPageSpin />;
  if (org.isError) {
    const notFound = org.error instanceof ApiError && org.error.status === 404;
    return <Result status={notFound ? '404' : 'error'} title={describeError(t, org.error)} extra={<Link to="/organisations">{t('common.backToList')}</Link>} />;
  }
  const o = org.data;
  const onChanged = async (saved: Org) => {
    queryClient.setQueryData(registryKeys.organisation(saved.id), saved);
    await queryClient.invalidateQueries({ queryKey: registryKeys.organisations });
  };

  return (
    <Card
      data-testid="organisation-detail"
      title={
        <Space>
          {o.name}
          <StatusTag status={o.status} />
        </Space>
      }
      extra={
        <Space>
          <Link to="/organisations">{t('common.backToList')}</Link>
          {o.abilities.edit && !editing && (
            <Button type="primary" onClick={() => setEditing(true)} data-testid="organisation-edit">
              {t('common.edit')}
            </Button>
          )}
          <StatusToggle status={o.status} abilities={o.abilities} change={(active) => setOrganisationActive(o.id, active)} onChanged={onChanged} testIdPrefix="organisation" />
        </Space>
      }
    >
      {editing && <OrganisationForm organisation={o} onClose={() => setEditing(false)} />}
      <Descriptions bordered column={{ xs: 1, md: 2 }} size="middle">
        <Descriptions.Item label={t('organisation.name')}>{o.name}</Descriptions.Item>
        <Descriptions.Item label={t('organisation.creditCode')}>{o.creditCode}</Descriptions.Item>
        <Descriptions.Item label={t('organisation.region')}>{o.regionName}</Descriptions.Item>
        <Descriptions.Item label={t('organisation.department')}>{o.departmentName ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('organisation.ownership')}>{t(`ownership.${o.ownership}`)}</Descriptions.Item>
        <Descriptions.Item label={t('organisation.roles')}>
          {o.roles.map((r) => (
            <Tag key={r}>{t(`orgRole.${r}`)}</Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('organisation.address')}>{o.address}</Descriptions.Item>
        <Descriptions.Item label={t('organisation.contactName')}>{o.contactName}</Descriptions.Item>
        <Descriptions.Item label={t('organisation.grassroots')}><span data-testid="organisation-grassroots-value">{t(o.grassroots ? 'common.yes' : 'common.no')}</span></Descriptions.Item>
        <Descriptions.Item label={t('organisation.peopleCount')}>
          <Link to={`/people?employerId=${encodeURIComponent(o.id)}`}>{o.peopleCount}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('common.updatedAt')}>{formatDateTime(language, o.updatedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('common.createdAt')}>{formatDateTime(language, o.createdAt)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
