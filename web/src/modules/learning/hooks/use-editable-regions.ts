import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../../shared/auth.tsx';
import { useI18n } from '../../../shared/i18n.ts';
import { fetchProvinces, learningKeys } from '../api.ts';

export const NATION = '000000';

/**
 * Regions the user administers: their provinces; for the national administrator every province,
 * and the nation itself when `withNation`. Options for a Select.
 */
export function useEditableRegions(withNation: boolean): { value: string; label: string }[] {
  const { me } = useAuth();
  const { t } = useI18n();
  const grants = me?.grants ?? [];
  const isNational = grants.some((g) => g.role === 'national_admin');
  const provinces = useQuery({ queryKey: learningKeys.provinces, queryFn: fetchProvinces, enabled: isNational, staleTime: Infinity });
  if (isNational) {
    const all = (provinces.data ?? []).map((p) => ({ value: p.code, label: `${p.name} ${p.code}` }));
    return withNation ? [{ value: NATION, label: t('learning.rules.nation') }, ...all] : all;
  }
  return grants.filter((g) => g.role === 'province_admin' && g.scopeType === 'region').map((g) => ({ value: g.scopeId, label: `${g.scopeName} ${g.scopeId}` }));
}
