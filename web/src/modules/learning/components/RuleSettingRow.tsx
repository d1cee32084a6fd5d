import type { ReactNode } from 'react';
import { Col, Form, Row, Switch, Tag, Tooltip } from 'antd';
import { useI18n, type MessageKey } from '../../../shared/i18n.ts';
import { sourceOf, useRulesEditor, type SettingSource, type WholeSetting } from './rules-form.ts';

const SOURCE_COLORS: Record<SettingSource, string> = { own: 'blue', national: 'purple', default: 'default' };

export function SourceTag({ source, testId }: { source: SettingSource; testId?: string }) {
  const { t } = useI18n();
  const { isNation } = useRulesEditor();
  const key: MessageKey = source === 'own' ? (isNation ? 'learning.rules.sourceNationOwn' : 'learning.rules.sourceOwn') : source === 'national' ? 'learning.rules.sourceNational' : 'learning.rules.sourceDefault';
  return (
    <Tag color={SOURCE_COLORS[source]} data-testid={testId}>
      {t(key)}
    </Tag>
  );
}

type Props = {
  setting: WholeSetting;
  label: MessageKey;
  help?: MessageKey;
  /** The control; disabled while the setting is inherited. */
  children: (disabled: boolean) => ReactNode;
  /** Set for single controls bound to the setting; compound settings bind their own Form.Items. */
  bind?: boolean;
  /** For switches: the prop the bound control takes its value from. */
  valuePropName?: string;
};

/** One rule setting: its control, where its value comes from, and a switch to set it for this region. */
export function RuleSettingRow({ setting, label, help, children, bind = true, valuePropName }: Props) {
  const { t } = useI18n();
  const { overrides, toggle, base, defaults } = useRulesEditor();
  const overridden = overrides.has(setting);
  const control = children(!overridden);
  return (
    <Row gutter={16} align="middle" style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }} data-testid={`rule-${setting}`}>
      <Col xs={24} md={6}>
        <Tooltip title={help ? t(help) : undefined}>
          <span style={{ fontWeight: 500 }}>{t(label)}</span>
        </Tooltip>
      </Col>
      <Col xs={24} md={10}>
        {bind ? (
          <Form.Item name={setting} valuePropName={valuePropName} style={{ margin: 0 }}>
            {control}
          </Form.Item>
        ) : (
          control
        )}
      </Col>
      <Col xs={12} md={4}>
        <SourceTag source={sourceOf(setting, overridden, base, defaults)} testId={`rule-source-${setting}`} />
      </Col>
      <Col xs={12} md={4}>
        <Switch
          checked={overridden}
          onChange={(on) => toggle(setting, on)}
          checkedChildren={t('learning.rules.setHere')}
          unCheckedChildren={t('learning.rules.inherit')}
          data-testid={`rule-override-${setting}`}
        />
      </Col>
    </Row>
  );
}
