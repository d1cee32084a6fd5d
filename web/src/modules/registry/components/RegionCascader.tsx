import { useMemo, type CSSProperties } from 'react';
import { Cascader } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { fetchRegionTree, registryKeys, type RegionNode } from '../api.ts';

type RegionOption = { value: string; label: string; children?: RegionOption[] };

/** The tree's top level may be the nation node itself; the cascader starts at the provinces. */
export function provincesOf(items: readonly RegionNode[]): RegionNode[] {
  if (items.length === 1 && items[0].level === 0) return items[0].children ?? [];
  return items.filter((r) => r.level !== 0);
}

function toOptions(nodes: readonly RegionNode[], paths: Map<string, string[]>, parent: string[]): RegionOption[] {
  return nodes.map((node) => {
    const path = [...parent, node.code];
    paths.set(node.code, path);
    const children = node.children && node.children.length > 0 ? toOptions(node.children, paths, path) : undefined;
    return { value: node.code, label: node.name, children };
  });
}

export function useRegionTree() {
  return useQuery({ queryKey: registryKeys.regionTree, queryFn: fetchRegionTree, staleTime: Infinity });
}

type Props = {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Allow a province to be chosen (filters); forms need the city. */
  changeOnSelect?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
};

/** Province → city picker bound to one region code, for use inside Form.Item. */
export function RegionCascader({ value, onChange, changeOnSelect = false, ...rest }: Props) {
  const tree = useRegionTree();
  const { options, paths } = useMemo(() => {
    const map = new Map<string, string[]>();
    return { options: toOptions(provincesOf(tree.data ?? []), map, []), paths: map };
  }, [tree.data]);

  return (
    <Cascader<RegionOption>
      {...rest}
      options={options}
      loading={tree.isPending}
      value={value ? paths.get(value) : undefined}
      onChange={(path) => onChange?.(path && path.length > 0 ? String(path[path.length - 1]) : undefined)}
      changeOnSelect={changeOnSelect}
      showSearch={{ filter: (input, path) => path.some((o) => o.label.includes(input.trim())) }}
    />
  );
}
