import { Select, Space } from 'antd';
import { useI18n } from '../../../shared/i18n.ts';
import { SearchInput } from '../../../shared/SearchInput.tsx';
import { ORG_ROLES, OWNERSHIPS, RECORD_STATUSES } from '../enums.ts';
import { RegionCascader } from './RegionCascader.tsx';

export const ORGANISATION_FILTERS = ['q', 'regionCode', 'ownership', 'role', 'status'] as const;
type Filter = (typeof ORGANISATION_FILTERS)[number];
type Props = { values: Partial<Record<Filter, string>>; update: (patch: Partial<Record<Filter, string>>) => void };

export function OrganisationFilters({ values, update }: Props) {
  const { t } = useI18n();
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <SearchInput value={values.q} onSearch={(q) => update({ q })} placeholder={t('organisations.search')} data-testid="organisations-search" />
      <RegionCascader
        changeOnSelect
        allowClear
        value={values.regionCode}
        onChange={(regionCode) => update({ regionCode })}
        placeholder={t('organisation.region')}
        style={{ width: 200 }}
      />
      <Select
        allowClear
        value={values.ownership}
        onChange={(ownership?: string) => update({ ownership })}
        placeholder={t('organisation.ownership')}
        options={OWNERSHIPS.map((o) => ({ value: o, label: t(`ownership.${o}`) }))}
        style={{ width: 160 }}
      />
      <Select
        allowClear
        value={values.role}
        onChange={(role?: string) => update({ role })}
        placeholder={t('organisation.roles')}
        options={ORG_ROLES.map((r) => ({ value: r, label: t(`orgRole.${r}`) }))}
        style={{ width: 170 }}
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
