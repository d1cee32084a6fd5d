import { useEffect } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Select, Space, Spin, Switch, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { RULE_BOUNDS, TITLE_LEVELS } from '../../../../../../src/modules/seminars/enrolment/rules.ts';
import { useAuth } from '../../../../shared/auth.tsx';
import { describeError } from '../../../../shared/errors.ts';
import { ServerErrorAlert, useServerError } from '../../../../shared/ServerError.tsx';
import { type MessageKey, useI18n } from '../../../../shared/i18n.ts';
import { useSearchState } from '../../../../shared/use-search-state.ts';
import { chinaYear } from '../../../learning/enums.ts';
import { enrolKeys, fetchYearRules, saveYearRules, type EnrolmentRules, type YearRules } from '../api.ts';

const FILTERS = ['year'] as const;
const NUMBER_FIELDS = ['reservedSharePct', 'completionMinPct', 'reportDueWorkingDays'] as const;
const FIELD_NAMES = [...NUMBER_FIELDS, 'eligibility'];

/** The ministry's form for a year's enrolment rules (GET/PUT /api/seminar-enrolment/rules/:year). */
export function EnrolmentRulesPage() {
  const { t } = useI18n();
  const { values, update } = useSearchState(FILTERS);
  const year = Number(values.year) || chinaYear();
  const rules = useQuery({ queryKey: enrolKeys.rules(year), queryFn: () => fetchYearRules(year) });
  return (
    <Card
      title={t('menu.seminars.enrolmentRules')} data-testid="enrolment-rules"
      extra={<Space>{t('semRules.year')}<InputNumber min={2000} max={2100} precision={0} value={year} onChange={(v) => v && update({ year: v })} data-testid="rules-year" /></Space>}
    >
      <Typography.Paragraph type="secondary">{t('semRules.intro')}</Typography.Paragraph>
      {rules.error && <Alert type="error" showIcon title={describeError(t, rules.error)} />}
      {rules.isLoading && <Spin />}
      {rules.data && <RulesForm key={`${year}-${rules.dataUpdatedAt}`} view={rules.data} />}
    </Card>
  );
}

function sourceText(t: (k: MessageKey, p?: Record<string, string | number>) => string, v: YearRules): string {
  if (v.source === 'own') return t('semRules.source.own', { year: v.year });
  if (v.source === 'inherited') return t('semRules.source.inherited', { year: v.year, from: v.fromYear ?? '' });
  return t('semRules.source.default', { year: v.year });
}

function RulesForm({ view }: { view: YearRules }) {
  const { t, language } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<EnrolmentRules>();
  const { serverError, showServerError, clearServerError } = useServerError(form, FIELD_NAMES);
  const editable = can('seminar.manage');
  // Messages of fields already in error follow a change of language.
  useEffect(() => {
    const errored = form.getFieldsError().filter((f) => f.errors.length > 0).map((f) => f.name);
    if (errored.length > 0) form.validateFields(errored).catch(() => undefined);
  }, [language, form]);
  const save = useMutation({
    mutationFn: (body: EnrolmentRules) => saveYearRules(view.year, body),
    onSuccess: (saved) => {
      clearServerError();
      client.setQueryData(enrolKeys.rules(view.year), saved);
      // Later years may inherit these rules, and hosts' pages show them.
      void client.invalidateQueries({ queryKey: enrolKeys.all });
      void message.success(t('semRules.saved', { year: view.year }));
    },
    onError: showServerError,
  });
  const range = (f: (typeof NUMBER_FIELDS)[number]) => [
    { required: true, message: t('semRules.required') },
    { type: 'integer' as const, min: RULE_BOUNDS[f].min, max: RULE_BOUNDS[f].max, message: t('semRules.range', RULE_BOUNDS[f]) },
  ];
  const initial: EnrolmentRules = { eligibility: view.eligibility, reservedSharePct: view.reservedSharePct, completionMinPct: view.completionMinPct, reportDueWorkingDays: view.reportDueWorkingDays };
  return (
    <>
      <Alert type={view.source === 'own' ? 'success' : 'info'} showIcon title={sourceText(t, view)} style={{ marginBottom: 16 }} data-testid="rules-source" data-source={view.source} />
      <ServerErrorAlert error={serverError} />
      <Form<EnrolmentRules> form={form} layout="vertical" initialValues={initial} disabled={!editable} onFinish={(v) => save.mutate(v)} style={{ maxWidth: 640 }}>
        <Form.Item name={['eligibility', 'minTitleLevel']} label={t('semRules.minTitleLevel')} extra={t('semRules.minTitleLevel.help')} rules={[{ required: true, message: t('semRules.required') }]}>
          <Select options={TITLE_LEVELS.map((l) => ({ value: l, label: t(`titleLevel.${l}`) }))} data-testid="rules-min-title" />
        </Form.Item>
        <Form.Item name={['eligibility', 'managementPostQualifies']} label={t('semRules.managementPost')} extra={t('semRules.managementPost.help')} valuePropName="checked">
          <Switch data-testid="rules-management-post" />
        </Form.Item>
        <Form.Item name="reservedSharePct" label={t('semRules.reservedSharePct')} extra={t('semRules.reservedSharePct.help')} rules={range('reservedSharePct')}>
          <InputNumber precision={0} suffix="%" style={{ width: 160 }} data-testid="rules-reserved" />
        </Form.Item>
        <Form.Item name="completionMinPct" label={t('semRules.completionMinPct')} extra={t('semRules.completionMinPct.help')} rules={range('completionMinPct')}>
          <InputNumber precision={0} suffix="%" style={{ width: 160 }} data-testid="rules-completion" />
        </Form.Item>
        <Form.Item name="reportDueWorkingDays" label={t('semRules.reportDueWorkingDays')} extra={t('semRules.reportDueWorkingDays.help')} rules={range('reportDueWorkingDays')}>
          <InputNumber precision={0} suffix={t('semRules.workingDays')} style={{ width: 180 }} data-testid="rules-report-days" />
        </Form.Item>
        {editable && <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="rules-save">{t('semRules.save', { year: view.year })}</Button>}
      </Form>
    </>
  );
}
