import { Form, InputNumber, Select, Space, Switch } from 'antd';
import { useI18n } from '../../../shared/i18n.ts';
import { learningOptions } from '../enums.ts';
import { RuleSettingRow } from './RuleSettingRow.tsx';

const LOOKBACK_LEVELS = ['junior', 'intermediate', 'deputy_senior', 'senior'] as const;

/** How hours count: yearly minimums, the professional share, the daily cap and timed study. */
export function HoursSettings() {
  const { t } = useI18n();
  const hours = t('learning.rules.unitHours');
  return (
    <>
      <RuleSettingRow setting="minTotalHours" label="learning.rules.minTotalHours" help="learning.rules.minTotalHoursHelp">
        {(disabled) => <InputNumber disabled={disabled} min={0} max={1000} step={1} precision={1} suffix={hours} style={{ width: 200 }} data-testid="rules-minTotalHours" />}
      </RuleSettingRow>
      <RuleSettingRow setting="minProfessionalShare" label="learning.rules.minProfessionalShare" help="learning.rules.minProfessionalShareHelp">
        {(disabled) => <InputNumber disabled={disabled} min={0} max={100} step={1} precision={2} suffix="%" style={{ width: 200 }} data-testid="rules-minProfessionalShare" />}
      </RuleSettingRow>
      <RuleSettingRow setting="minPublicHours" label="learning.rules.minPublicHours" help="learning.rules.emptyMeansNone">
        {(disabled) => (
          <InputNumber disabled={disabled} min={0} max={1000} step={1} precision={1} suffix={hours} placeholder={t('learning.rules.none')} style={{ width: 200 }} data-testid="rules-minPublicHours" />
        )}
      </RuleSettingRow>
      <RuleSettingRow setting="dailyCap" label="learning.rules.dailyCap" help="learning.rules.dailyCapHelp">
        {(disabled) => (
          <InputNumber disabled={disabled} min={0.1} max={1000} step={1} precision={1} suffix={hours} placeholder={t('learning.rules.none')} style={{ width: 200 }} data-testid="rules-dailyCap" />
        )}
      </RuleSettingRow>
      <RuleSettingRow setting="minutesPerCreditHour" label="learning.rules.minutesPerCreditHour" help="learning.rules.minutesPerCreditHourHelp">
        {(disabled) => (
          <InputNumber disabled={disabled} min={1} max={120} step={5} precision={0} suffix={t('learning.rules.unitMinutes')} style={{ width: 200 }} data-testid="rules-minutesPerCreditHour" />
        )}
      </RuleSettingRow>
    </>
  );
}

/** When and how records are accepted, which need the province, and title-review look-back. */
export function EntrySettings() {
  const { t, language } = useI18n();
  return (
    <>
      <RuleSettingRow setting="entryDeadline" label="learning.rules.entryDeadline" help="learning.rules.entryDeadlineHelp" bind={false}>
        {(disabled) => (
          <Space.Compact>
            <Form.Item name={['entryDeadline', 'yearOffset']} noStyle>
              <Select
                disabled={disabled}
                style={{ width: 120 }}
                options={[
                  { value: 0, label: t('learning.rules.sameYear') },
                  { value: 1, label: t('learning.rules.nextYear') },
                ]}
                data-testid="rules-deadline-offset"
              />
            </Form.Item>
            <Form.Item name={['entryDeadline', 'month']} noStyle>
              <InputNumber disabled={disabled} min={1} max={12} precision={0} suffix={t('learning.rules.month')} style={{ width: 100 }} data-testid="rules-deadline-month" />
            </Form.Item>
            <Form.Item name={['entryDeadline', 'day']} noStyle>
              <InputNumber disabled={disabled} min={1} max={31} precision={0} suffix={t('learning.rules.day')} style={{ width: 100 }} data-testid="rules-deadline-day" />
            </Form.Item>
          </Space.Compact>
        )}
      </RuleSettingRow>
      <RuleSettingRow setting="acceptLateEntries" label="learning.rules.acceptLateEntries" valuePropName="checked">
        {(disabled) => <Switch disabled={disabled} data-testid="rules-acceptLateEntries" />}
      </RuleSettingRow>
      <RuleSettingRow setting="acceptCrossYear" label="learning.rules.acceptCrossYear" help="learning.rules.acceptCrossYearHelp" valuePropName="checked">
        {(disabled) => <Switch disabled={disabled} data-testid="rules-acceptCrossYear" />}
      </RuleSettingRow>
      <RuleSettingRow setting="confirmForms" label="learning.rules.confirmForms" help="learning.rules.confirmFormsHelp">
        {(disabled) => (
          <Select disabled={disabled} mode="multiple" allowClear options={learningOptions(language, 'form')} placeholder={t('learning.rules.none')} style={{ width: '100%' }} data-testid="rules-confirmForms" />
        )}
      </RuleSettingRow>
      <RuleSettingRow setting="lookbackYears" label="learning.rules.lookbackYears" help="learning.rules.lookbackYearsHelp" bind={false}>
        {(disabled) => (
          <Space wrap>
            {LOOKBACK_LEVELS.map((level) => (
              <Form.Item key={level} name={['lookbackYears', level]} label={t(`titleLevel.${level}`)} style={{ margin: 0 }}>
                <InputNumber disabled={disabled} min={1} max={10} precision={0} style={{ width: 70 }} data-testid={`rules-lookback-${level}`} />
              </Form.Item>
            ))}
          </Space>
        )}
      </RuleSettingRow>
    </>
  );
}
