import { Card, Result, Select, Space, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { describeError } from '../../../shared/errors.ts';
import { useI18n } from '../../../shared/i18n.ts';
import { useSearchState } from '../../../shared/use-search-state.ts';
import { fetchRules, learningKeys } from '../api.ts';
import { RequirePermission } from '../components/RequirePermission.tsx';
import { RulesEditor } from '../components/RulesEditor.tsx';
import { RuleVersions } from '../components/RuleVersions.tsx';
import { chinaYear } from '../enums.ts';
import { NATION, useEditableRegions } from '../hooks/use-editable-regions.ts';

const FILTERS = ['region', 'year'] as const;

/** The province's rule editor for a region and year, with the version history. */
export function RulesPage() {
  return (
    <RequirePermission permission="learning.rules.manage">
      <Rules />
    </RequirePermission>
  );
}

function Rules() {
  const { t } = useI18n();
  const { values, update } = useSearchState(FILTERS);
  const regions = useEditableRegions(true);
  const region = values.region ?? regions[0]?.value;
  const current = chinaYear();
  const year = Number(values.year) || current;
  const years = Array.from({ length: 7 }, (_, i) => current + 1 - i);

  const rules = useQuery({ queryKey: learningKeys.rules(region ?? '', year), queryFn: () => fetchRules(region ?? '', year), enabled: !!region });
  // A province inherits from the national rules of the year, not only from the built-in defaults.
  const isNation = region === NATION;
  const national = useQuery({ queryKey: learningKeys.rules(NATION, year), queryFn: () => fetchRules(NATION, year), enabled: !!region && !isNation });
  const base = isNation ? rules.data?.defaults : national.data?.effective;

  const error = rules.error ?? national.error;
  const latest = rules.data?.versions[0]?.version ?? 0;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="learning-rules">
      <Card
        title={t('learning.rules.title')}
        extra={
          <Space wrap>
            <Select style={{ width: 220 }} value={region} onChange={(r: string) => update({ region: r })} options={regions} showSearch={{ optionFilterProp: 'label' }} data-testid="rules-region" />
            <Select style={{ width: 110 }} value={year} onChange={(y: number) => update({ year: y })} options={years.map((y) => ({ value: y, label: String(y) }))} data-testid="rules-year" />
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t(isNation ? 'learning.rules.introNation' : 'learning.rules.intro')}</Typography.Paragraph>
        {!region && <Result status="info" title={t('learning.rules.noRegion')} />}
        {error && <Result status="error" title={describeError(t, error)} />}
        {region && !error && (!rules.data || !base) && <Spin />}
        {rules.data && base && <RulesEditor key={`${region}-${year}-${latest}`} view={rules.data} base={base} isNation={isNation} />}
      </Card>
      {rules.data && (
        <Card title={t('learning.rules.history')}>
          <RuleVersions versions={rules.data.versions} />
        </Card>
      )}
    </Space>
  );
}
