import { useMemo, useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '../../../shared/use-debounced-value.ts';
import { fetchPeopleOptions, learningKeys } from '../api.ts';

type Props = {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  'data-testid'?: string;
};

/** Server-searched person picker over the caller's scope (GET /api/people?q=). */
export function PersonSelect({ value, onChange, ...rest }: Props) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const people = useQuery({
    queryKey: learningKeys.people(q),
    queryFn: () => fetchPeopleOptions(q),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options = useMemo(
    () => (people.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.idNumberMasked}）${p.employerName ? ` · ${p.employerName}` : ''}` })),
    [people.data],
  );
  return (
    <Select<string>
      {...rest}
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={options}
      loading={people.isFetching}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
    />
  );
}
