import { Col, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { checkHours } from '../../../../../src/modules/learning/rules.ts';
import { isMessageKey, useI18n, type Translate } from '../../../shared/i18n.ts';
import { requiredRule } from '../../../shared/validation.ts';
import { chinaYear, learningOptions } from '../enums.ts';

/** Years a record can be declared for: this one and the five before (the server applies the deadline). */
export function recordYears(now = new Date()): number[] {
  const current = chinaYear(now);
  return Array.from({ length: 6 }, (_, i) => current - i);
}

// The browser checks hours with the server's own rule, so the verdict reads the same before and after submitting.
function hoursRule(t: Translate) {
  return {
    validator: async (_rule: unknown, value: unknown) => {
      if (typeof value !== 'number') return;
      const problem = checkHours(value);
      if (!problem) return;
      const key = `learning.validation.${problem}`;
      throw new Error(isMessageKey(key) ? t(key) : t('validation.invalid'));
    },
  };
}

/** The content of a learning record; the form names are those of RecordBody, the two dates one `period`. */
export function RecordFields() {
  const { t, language } = useI18n();
  const required = { required: true, message: t('validation.required') };
  return (
    <>
      <Col xs={24} md={8}>
        <Form.Item name="year" label={t('learning.record.year')} rules={[required]}>
          <Select options={recordYears().map((y) => ({ value: y, label: String(y) }))} data-testid="record-year" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="category" label={t('learning.record.category')} rules={[required]}>
          <Radio.Group options={learningOptions(language, 'category')} optionType="button" data-testid="record-category" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="form" label={t('learning.record.form')} rules={[required]}>
          <Select options={learningOptions(language, 'form')} showSearch={{ optionFilterProp: 'label' }} data-testid="record-form" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="title" label={t('learning.record.title')} rules={[requiredRule(t)]}>
          <Input maxLength={200} data-testid="record-title" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="providerName" label={t('learning.record.provider')}>
          <Input maxLength={200} data-testid="record-provider" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="period" label={t('learning.record.period')} rules={[required]}>
          <DatePicker.RangePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            data-testid="record-period"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name="hours" label={t('learning.record.hours')} rules={[required, hoursRule(t)]}>
          <InputNumber min={0.1} max={1000} step={0.1} precision={1} style={{ width: '100%' }} data-testid="record-hours" />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name="field" label={t('learning.record.field')} rules={[required]}>
          <Select options={learningOptions(language, 'field')} showSearch={{ optionFilterProp: 'label' }} data-testid="record-field" />
        </Form.Item>
      </Col>
    </>
  );
}
