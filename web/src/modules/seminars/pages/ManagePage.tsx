import { useState } from 'react';
import { Card, InputNumber, Tabs } from 'antd';
import { useI18n } from '../../../shared/i18n.ts';
import { chinaYear } from '../../learning/enums.ts';
import { CallPanel } from '../components/CallPanel.tsx';
import { DrawPanel } from '../components/DrawPanel.tsx';
import { ExpertsPanel } from '../components/ExpertsPanel.tsx';
import { SelectionPanel } from '../components/SelectionPanel.tsx';

/** The ministry's page: the year's call and limits, the expert pool, the draw, ranking, selection and publication. */
export function ManagePage() {
  const { t } = useI18n();
  const [year, setYear] = useState<number>(chinaYear());
  return (
    <Card title={t('menu.seminars.manage')} extra={<InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="manage-year" />}>
      <Tabs
        items={[
          { key: 'call', label: t('seminars.manage.call'), children: <CallPanel year={year} /> },
          { key: 'experts', label: t('seminars.manage.experts'), children: <ExpertsPanel /> },
          { key: 'draw', label: <span data-testid="tab-draw">{t('seminars.manage.draw')}</span>, children: <DrawPanel year={year} /> },
          { key: 'selection', label: <span data-testid="tab-selection">{t('seminars.manage.selection')}</span>, children: <SelectionPanel year={year} /> },
        ]}
      />
    </Card>
  );
}
