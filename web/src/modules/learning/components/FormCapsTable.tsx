import { Form, InputNumber, Table, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n.ts';
import { LEARNING_FORMS, learningLabel, type LearningForm } from '../enums.ts';
import { SourceTag } from './RuleSettingRow.tsx';
import { useRulesEditor, type RulesFormValues } from './rules-form.ts';

type Row = { form: LearningForm };

/**
 * Yearly caps per form. A cap typed here is the region's own; an empty one inherits the national
 * cap (caps merge form by form, so a region adds or tightens caps but cannot lift a national one).
 */
export function FormCapsTable() {
  const { t, language } = useI18n();
  const { base, defaults } = useRulesEditor();
  const own = Form.useWatch<RulesFormValues['formCaps'] | undefined>('formCaps') ?? {};
  const none = t('learning.rules.noCap');

  return (
    <Table<Row>
      size="small"
      rowKey="form"
      pagination={false}
      dataSource={LEARNING_FORMS.map((form) => ({ form }))}
      data-testid="rules-formCaps"
      columns={[
        { title: t('learning.record.form'), dataIndex: 'form', render: (form: LearningForm) => learningLabel(language, 'form', form) },
        { title: t('learning.rules.inheritedCap'), key: 'inherited', width: 140, render: (_: unknown, { form }) => base.formCaps[form] ?? none },
        {
          title: t('learning.rules.ownCap'),
          key: 'own',
          width: 180,
          render: (_: unknown, { form }) => (
            <Form.Item name={['formCaps', form]} noStyle>
              <InputNumber min={0} max={1000} step={1} precision={1} placeholder={t('learning.rules.inherit')} style={{ width: 150 }} data-testid={`rules-cap-${form}`} />
            </Form.Item>
          ),
        },
        {
          title: t('learning.rules.effective'),
          key: 'effective',
          width: 120,
          render: (_: unknown, { form }) => <Typography.Text strong>{own[form] ?? base.formCaps[form] ?? none}</Typography.Text>,
        },
        {
          title: t('learning.rules.source'),
          key: 'source',
          width: 140,
          render: (_: unknown, { form }) => (
            <SourceTag source={typeof own[form] === 'number' ? 'own' : base.formCaps[form] === defaults.formCaps[form] ? 'default' : 'national'} />
          ),
        },
      ]}
    />
  );
}
