import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

type Patch<K extends string> = Partial<Record<K | 'page' | 'pageSize', string | number | undefined>>;

/**
 * List state (filters, page, page size) kept in the URL, so that back/forward and shared links
 * restore the same list. Changing a filter goes back to page 1.
 */
export function useSearchState<K extends string>(keys: readonly K[], defaultPageSize = 20) {
  const [params, setParams] = useSearchParams();

  const values = useMemo(() => {
    const out: Partial<Record<K, string>> = {};
    for (const key of keys) {
      const value = params.get(key);
      if (value) out[key] = value;
    }
    return out;
  }, [params, keys]);

  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(100, Math.max(1, Number(params.get('pageSize')) || defaultPageSize));

  const update = useCallback(
    (patch: Patch<K>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          if (!('page' in patch)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return { values, page, pageSize, update };
}
