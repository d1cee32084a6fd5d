import { Select, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../../shared/auth.tsx';
import { useI18n } from '../../../shared/i18n.ts';
import { SearchInput } from '../../../shared/SearchInput.tsx';
import { fetchOrganisation, registryKeys } from '../api.ts';
import { RECORD_STATUSES, TITLE_LEVELS } from '../enums.ts';
import { OrganisationSelect } from './OrganisationSelect.tsx';
import { RegionCascader } from './RegionCascader.tsx';

export const PEOPLE_FILTERS = ['q', 'regionCode', 'employerId', 'titleLevel', 'status'] as const;
type Filter = (typeof PEOPLE_FILTERS)[number];
type Props = { values: Partial<Record<Filter, string>>; update: (patch: Partial<Record<Filter, string>>) => void };

/** Name of the employer in the filter when it came from a link (organisation page → its people). */
function useEmployerOption(id: string | undefined) {
  const { can } = useAuth();
  const employer = useQuery({
    queryKey: registryKeys.organisation(id ?? ''),
    queryFn: () => fetchOrganisation(id ?? ''),
    enabled: Boolean(id) && can('organisation.read'),
    staleTime: 60_000,
  });
  return employer.data ? { id: employer.data.id, name: employer.data.name } : null;
}

export function PeopleFilters({ values, update }: Props) {
  const { t } = useI18n();
  const employerOption = useEmployerOption(values.employerId);
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <SearchInput value={values.q} onSearch={(q) => update({ q })} placeholder={t('people.search')} data-testid="people-search" />
      <RegionCascader
        changeOnSelect
        allowClear
        value={values.regionCode}
        onChange={(regionCode) => update({ regionCode })}
        placeholder={t('person.region')}
        style={{ width: 200 }}
      />
      <OrganisationSelect
        allowClear
        role="employer"
        value={values.employerId}
        initialOption={employerOption}
        onChange={(employerId) => update({ employerId })}
        placeholder={t('person.employer')}
        style={{ width: 240 }}
      />
      <Select
        allowClear
        value={values.titleLevel}
        onChange={(titleLevel?: string) => update({ titleLevel })}
        placeholder={t('person.titleLevel')}
        options={TITLE_LEVELS.map((l) => ({ value: l, label: t(`titleLevel.${l}`) }))}
        style={{ width: 130 }}
      />
      <Select
        allowClear
        value={values.status}
        onChange={(status?: string) => update({ status })}
        placeholder={t('common.status')}
        options={RECORD_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        style={{ width: 120 }}
      />
    </Space>
  );
}
