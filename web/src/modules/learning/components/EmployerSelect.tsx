import { useMemo, useState, type CSSProperties } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '../../../shared/use-debounced-value.ts';
import { fetchOrgOptions, learningKeys } from '../api.ts';

type Props = {
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  style?: CSSProperties;
  'data-testid'?: string;
};

/** Server-searched organisation picker (GET /api/organisations/options). */
export function EmployerSelect({ value, onChange, ...rest }: Props) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const orgs = useQuery({ queryKey: learningKeys.orgs(q), queryFn: () => fetchOrgOptions(q), placeholderData: keepPreviousData, staleTime: 30_000 });
  const options = useMemo(() => (orgs.data ?? []).map((o) => ({ value: o.id, label: o.name })), [orgs.data]);
  return (
    <Select<string>
      {...rest}
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={options}
      loading={orgs.isFetching}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
    />
  );
}
