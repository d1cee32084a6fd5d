import { Button, Form, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n.ts';
import { learningOptions } from '../enums.ts';
import { SourceTag } from './RuleSettingRow.tsx';
import { sourceOf, useRulesEditor } from './rules-form.ts';

const KEY_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

/** Fixed hours for non-course activities (折算): a list replaced as a whole when the region sets it. */
export function ConversionsEditor() {
  const { t, language } = useI18n();
  const { overrides, toggle, base, defaults } = useRulesEditor();
  const overridden = overrides.has('conversions');
  const disabled = !overridden;
  const required = { required: true, message: t('validation.required') };

  return (
    <div data-testid="rule-conversions">
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text type="secondary">{t('learning.rules.conversionsHelp')}</Typography.Text>
        <SourceTag source={sourceOf('conversions', overridden, base, defaults)} testId="rule-source-conversions" />
        <Switch
          checked={overridden}
          onChange={(on) => toggle('conversions', on)}
          checkedChildren={t('learning.rules.setHere')}
          unCheckedChildren={t('learning.rules.inherit')}
          data-testid="rule-override-conversions"
        />
      </Space>
      <Form.List name="conversions">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
                <Form.Item name={[field.name, 'key']} rules={[required, { pattern: KEY_PATTERN, message: t('learning.rules.conversionKeyFormat') }]} style={{ margin: 0 }}>
                  <Input disabled={disabled} placeholder={t('learning.rules.conversionKey')} style={{ width: 180 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'zh']} rules={[required]} style={{ margin: 0 }}>
                  <Input disabled={disabled} maxLength={200} placeholder={t('learning.rules.conversionZh')} style={{ width: 240 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'en']} rules={[required]} style={{ margin: 0 }}>
                  <Input disabled={disabled} maxLength={200} placeholder={t('learning.rules.conversionEn')} style={{ width: 240 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'form']} rules={[required]} style={{ margin: 0 }}>
                  <Select disabled={disabled} options={learningOptions(language, 'form')} placeholder={t('learning.record.form')} style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'hours']} rules={[required]} style={{ margin: 0 }}>
                  <InputNumber disabled={disabled} min={0} max={1000} precision={1} suffix={t('learning.rules.unitHours')} style={{ width: 110 }} />
                </Form.Item>
                {!disabled && (
                  <Button type="link" danger onClick={() => remove(field.name)}>
                    {t('learning.rules.remove')}
                  </Button>
                )}
              </Space>
            ))}
            {!disabled && (
              <Button type="dashed" onClick={() => add({ hours: 1 })} data-testid="rules-conversion-add">
                {t('learning.rules.addConversion')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </div>
  );
}
