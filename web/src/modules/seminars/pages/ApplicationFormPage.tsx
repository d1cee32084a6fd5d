import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../../../shared/auth.tsx';
import { useI18n } from '../../../shared/i18n.ts';
import { PLAN_FIELDS, chinaYear } from '../../learning/enums.ts';
import { fetchDepartments } from '../../registry/api.ts';
import { type BudgetLine, createSeminar, fetchLimits, fetchSeminar, seminarKeys, updateSeminar, type Teacher } from '../api.ts';
import { BudgetTable } from '../components/BudgetTable.tsx';
import { fieldLabel } from '../components/labels.ts';

type Values = {
  year: number; title: string; field: string; departmentCode: string; topics: string[]; startDate: string; endDate: string; days: number; place: string;
  plannedTrainees: number; hours: number; teachers: Teacher[]; funding: 'central' | 'self';
};

/** The host's application form (new or a draft / returned one), with the budget checked live against the year's limits. */
export function ApplicationFormPage() {
  const { id } = useParams();
  const { t, language } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [lines, setLines] = useState<BudgetLine[]>([]);
  const existing = useQuery({ queryKey: seminarKeys.one(id ?? ''), queryFn: () => fetchSeminar(id as string), enabled: !!id });
  const year = Form.useWatch('year', form) ?? chinaYear();
  const trainees = Form.useWatch('plannedTrainees', form) ?? 0;
  const days = Form.useWatch('days', form) ?? 0;
  const limits = useQuery({ queryKey: seminarKeys.limits(year), queryFn: () => fetchLimits(year) });
  const departments = useQuery({ queryKey: ['registry', 'departments', 'national'], queryFn: () => fetchDepartments({ level: 'national' }) });
  const hostId = me?.grants.find((g) => g.role === 'organisation_admin')?.scopeId ?? '';

  useEffect(() => {
    const s = existing.data;
    if (!s) return;
    form.setFieldsValue({ ...s, hours: s.hoursTenths / 10 });
    setLines(s.budgetLines);
  }, [existing.data, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const { hours, year: y, ...rest } = v;
      const content = { ...rest, hoursTenths: Math.round(hours * 10), budgetLines: lines, topics: rest.topics ?? [], teachers: rest.teachers ?? [] };
      return id ? updateSeminar(id, { ...content, version: existing.data?.version ?? 1 }) : createSeminar({ ...content, hostId, year: y });
    },
    onSuccess: (s) => {
      void client.invalidateQueries({ queryKey: seminarKeys.all });
      void message.success(t('seminars.saved'));
      navigate(`/seminars/${s.id}`);
    },
    onError: (e: Error) => void message.error(e.message),
  });

  return (
    <Card title={id ? t('seminars.edit') : t('seminars.new')}>
      <Form form={form} layout="vertical" style={{ maxWidth: 960 }} onFinish={(v) => save.mutate(v)}
        initialValues={{ year: chinaYear(), funding: 'central', days: 5, plannedTrainees: 50, hours: 40, topics: [], teachers: [], departmentCode: 'miit', field: 'next_gen_it' }}>
        <Space wrap>
          <Form.Item name="year" label={t('seminars.year')} rules={[{ required: true }]}><InputNumber min={2000} max={2100} disabled={!!id} data-testid="form-year" /></Form.Item>
          <Form.Item name="field" label={t('seminars.field')} rules={[{ required: true }]} style={{ minWidth: 220 }}>
            <Select options={PLAN_FIELDS.map((f) => ({ value: f, label: fieldLabel(language, f) }))} data-testid="form-field" />
          </Form.Item>
          <Form.Item name="departmentCode" label={t('seminars.department')} rules={[{ required: true }]} style={{ minWidth: 260 }}>
            <Select showSearch optionFilterProp="label" options={(departments.data ?? []).map((d) => ({ value: d.code, label: language === 'en' ? d.nameEn : d.name }))} data-testid="form-department" />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('seminars.name')} rules={[{ required: true, min: 2, max: 200 }]}><Input data-testid="form-title" /></Form.Item>
        <Form.Item name="topics" label={t('seminars.topics')}><Select mode="tags" tokenSeparators={[',', '，']} /></Form.Item>
        <Space wrap>
          <Form.Item name="startDate" label={t('seminars.dates')} rules={[{ required: true }]}><Input type="date" data-testid="form-start" /></Form.Item>
          <Form.Item name="endDate" label=" " rules={[{ required: true }]}><Input type="date" data-testid="form-end" /></Form.Item>
          <Form.Item name="days" label={t('seminars.days')} rules={[{ required: true }]}><InputNumber min={1} max={60} data-testid="form-days" /></Form.Item>
          <Form.Item name="plannedTrainees" label={t('seminars.trainees')} rules={[{ required: true }]}><InputNumber min={1} max={1000} data-testid="form-trainees" /></Form.Item>
          <Form.Item name="hours" label={t('seminars.hours')} rules={[{ required: true }]}><InputNumber min={0.1} max={1000} step={0.5} precision={1} data-testid="form-hours" /></Form.Item>
        </Space>
        <Form.Item name="place" label={t('seminars.place')} rules={[{ required: true, max: 200 }]}><Input data-testid="form-place" /></Form.Item>
        <Form.Item name="funding" label={t('seminars.funding')}>
          <Radio.Group options={[{ value: 'central', label: t('seminars.funding.central') }, { value: 'self', label: t('seminars.funding.self') }]} />
        </Form.Item>
        <Form.List name="teachers">
          {(fields, { add, remove }) => (
            <Form.Item label={t('seminars.teachers')}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}><Input placeholder={t('seminars.teacher.name')} /></Form.Item>
                  <Form.Item name={[f.name, 'title']} initialValue=""><Input placeholder={t('seminars.teacher.title')} /></Form.Item>
                  <Form.Item name={[f.name, 'affiliation']} initialValue=""><Input placeholder={t('seminars.teacher.affiliation')} /></Form.Item>
                  <Button onClick={() => remove(f.name)}>×</Button>
                </Space>
              ))}
              <Button onClick={() => add({ name: '', title: '', affiliation: '' })}>{t('seminars.addTeacher')}</Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item label={t('seminars.budget')}>
          <BudgetTable lines={lines} onChange={setLines} limits={limits.data?.limits ?? []} trainees={trainees} days={days} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="form-save">{t('seminars.save')}</Button>
      </Form>
    </Card>
  );
}
