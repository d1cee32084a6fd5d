import { useState } from 'react';
import { App, Button, Card, Descriptions, Result, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../../shared/api.ts';
import { FullPageSpin, useAuth } from '../../../shared/auth.tsx';
import { describeError } from '../../../shared/errors.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useI18n } from '../../../shared/i18n.ts';
import { StatusTag } from '../../../shared/StatusTag.tsx';
import { fetchPerson, registryKeys, revealIdNumber, setPersonActive, type Person } from '../api.ts';
import { PersonForm } from '../components/PersonForm.tsx';
import { StatusToggle } from '../components/StatusToggle.tsx';

/** ID number shown masked; the full number is fetched (and audited) only on an explicit click. */
function IdNumberField({ person }: { person: Person }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const reveal = useMutation({ mutationFn: () => revealIdNumber(person.id), onError: (e) => void message.error(describeError(t, e)) });
  return (
    <Space>
      <Typography.Text code data-testid="person-idNumber-value">
        {reveal.data ?? person.idNumberMasked}
      </Typography.Text>
      {person.abilities.revealIdNumber && !reveal.data && (
        <Button size="small" loading={reveal.isPending} onClick={() => reveal.mutate()} data-testid="person-reveal">
          {t('person.reveal')}
        </Button>
      )}
      {reveal.data && <Typography.Text type="secondary">{t('person.revealAudited')}</Typography.Text>}
    </Space>
  );
}

export function PersonDetailPage() {
  const { id = '' } = useParams();
  const { t, language } = useI18n();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const person = useQuery({ queryKey: registryKeys.person(id), queryFn: () => fetchPerson(id) });

  if (person.isPending) return <FullPageSpin />;
  if (person.isError) {
    const notFound = person.error instanceof ApiError && person.error.status === 404;
    return <Result status={notFound ? '404' : 'error'} title={describeError(t, person.error)} extra={<Link to="/people">{t('common.backToList')}</Link>} />;
  }
  const p = person.data;
  const onChanged = async (saved: Person) => {
    queryClient.setQueryData(registryKeys.person(saved.id), saved);
    await queryClient.invalidateQueries({ queryKey: registryKeys.people });
  };

  return (
    <Card
      data-testid="person-detail"
      title={
        <Space>
          {p.name}
          <StatusTag status={p.status} />
        </Space>
      }
      extra={
        <Space>
          <Link to="/people">{t('common.backToList')}</Link>
          {p.abilities.edit && !editing && (
            <Button type="primary" onClick={() => setEditing(true)} data-testid="person-edit">
              {t('common.edit')}
            </Button>
          )}
          <StatusToggle status={p.status} abilities={p.abilities} change={(active) => setPersonActive(p.id, active)} onChanged={onChanged} testIdPrefix="person" />
        </Space>
      }
    >
      {editing && <PersonForm person={p} onClose={() => setEditing(false)} />}
      <Descriptions bordered column={{ xs: 1, md: 2 }} size="middle">
        <Descriptions.Item label={t('person.idNumber')} span={2}>
          <IdNumberField key={p.id} person={p} />
        </Descriptions.Item>
        <Descriptions.Item label={t('person.name')}>{p.name}</Descriptions.Item>
        <Descriptions.Item label={t('person.gender')}>{t(`gender.${p.gender}`)}</Descriptions.Item>
        <Descriptions.Item label={t('person.birthDate')}>{p.birthDate}</Descriptions.Item>
        <Descriptions.Item label={t('person.phone')}>{p.phoneMasked}</Descriptions.Item>
        <Descriptions.Item label={t('person.region')}>{p.regionName}</Descriptions.Item>
        <Descriptions.Item label={t('person.employer')}>
          {can('organisation.read') ? <Link to={`/organisations/${p.employerId}`}>{p.employerName}</Link> : p.employerName}
        </Descriptions.Item>
        <Descriptions.Item label={t('person.titleSeries')}>{p.titleSeries || t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('person.titleLevel')}>{t(`titleLevel.${p.titleLevel}`)}</Descriptions.Item>
        <Descriptions.Item label={t('person.specialty')}>{p.specialty || t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('person.managementPost')}><span data-testid="person-managementPost-value">{t(p.managementPost ? 'common.yes' : 'common.no')}</span></Descriptions.Item>
        <Descriptions.Item label={t('common.updatedAt')}>{formatDateTime(language, p.updatedAt)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
