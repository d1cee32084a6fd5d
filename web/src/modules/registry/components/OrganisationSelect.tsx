import { useMemo, useState, type CSSProperties } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '../../../shared/use-debounced-value.ts';
import { fetchOrgOptions, registryKeys } from '../api.ts';

type Props = {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  regionCode?: string;
  role?: string;
  /** The current choice's name, shown before the options containing it have loaded (edit forms). */
  initialOption?: { id: string; name: string } | null;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
};

/** Server-searched organisation picker (GET /api/organisations/options, at most 50 active). */
export function OrganisationSelect({ value, onChange, regionCode, role, initialOption, ...rest }: Props) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const query = { regionCode, role, q: q || undefined };
  const optionsQuery = useQuery({
    queryKey: registryKeys.orgOptions(query),
    queryFn: () => fetchOrgOptions(query),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  const options = useMemo(() => {
    const items = (optionsQuery.data ?? []).map((o) => ({ value: o.id, label: o.name }));
    if (initialOption && !items.some((o) => o.value === initialOption.id)) {
      items.unshift({ value: initialOption.id, label: initialOption.name });
    }
    return items;
  }, [optionsQuery.data, initialOption]);

  return (
    <Select<string>
      {...rest}
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={options}
      loading={optionsQuery.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
    />
  );
}
