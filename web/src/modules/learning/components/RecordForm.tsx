import type { ReactNode } from 'react';
import { App, Col, Form, Row } from 'antd';
import { useMutation } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../../shared/api.ts';
import { FormPanel } from '../../../shared/FormPanel.tsx';
import { useI18n } from '../../../shared/i18n.ts';
import { ServerErrorAlert, useServerError } from '../../../shared/ServerError.tsx';
import type { LearningRecord, RecordBodyValues } from '../api.ts';
import { chinaYear } from '../enums.ts';
import { PersonSelect } from './PersonSelect.tsx';
import { RecordFields } from './RecordFields.tsx';

type Values = Omit<RecordBodyValues, 'startDate' | 'endDate'> & { personId?: string; period: [Dayjs, Dayjs] };
export type RecordSubmit = RecordBodyValues & { personId?: string };

const FIELDS = ['personId', 'year', 'category', 'form', 'title', 'providerName', 'period', 'hours', 'field'] as const;

type Props = {
  title: ReactNode;
  /** Edit: the record's content fills the form. */
  record?: LearningRecord | null;
  /** Staff entry: the person is chosen first. */
  withPerson?: boolean;
  submit: (body: RecordSubmit) => Promise<LearningRecord>;
  onSaved: (record: LearningRecord) => void;
  onClose: () => void;
  /** Shown above the fields, e.g. the reason a record was sent back. */
  notice?: ReactNode;
};

function initialValues(record: LearningRecord | null | undefined): Partial<Values> {
  if (!record) return { year: chinaYear(), category: 'professional' };
  const { year, title, providerName, hours } = record;
  return {
    year,
    title,
    providerName,
    hours,
    category: record.category as Values['category'],
    form: record.form as Values['form'],
    field: record.field as Values['field'],
    period: [dayjs(record.startDate), dayjs(record.endDate)],
  };
}

function toBody({ period, ...values }: Values): RecordSubmit {
  return {
    ...values,
    title: values.title.trim(),
    providerName: (values.providerName ?? '').trim(),
    startDate: period[0].format('YYYY-MM-DD'),
    endDate: period[1].format('YYYY-MM-DD'),
  };
}

/** The server names the two dates; the form shows them in one range picker. */
function withPeriodPaths(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const details = error.details.map((d) => (d.path === '/startDate' || d.path === '/endDate' ? { ...d, path: '/period' } : d));
  return new ApiError(error.status, { code: error.code, message: error.message, details, requestId: error.requestId });
}

/** Declare, correct or enter a learning record, in the page (FormPanel). */
export function RecordForm({ title, record, withPerson = false, submit, onSaved, onClose, notice }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { serverError, showServerError, clearServerError } = useServerError(form, FIELDS);

  const mutation = useMutation({
    mutationFn: (values: Values) => submit(toBody(values)),
    onMutate: clearServerError,
    onError: (error) => showServerError(withPeriodPaths(error)),
    onSuccess: (saved) => {
      void message.success(t('common.saved'));
      onSaved(saved);
    },
  });

  return (
    <FormPanel title={title} onCancel={onClose} onSubmit={() => form.submit()} submitting={mutation.isPending} submitTestId="record-submit">
      {notice}
      <ServerErrorAlert error={serverError} />
      <Form<Values> form={form} layout="vertical" initialValues={initialValues(record)} onFinish={(values) => mutation.mutate(values)} data-testid="record-editor">
        <Row gutter={16}>
          {withPerson && (
            <Col xs={24}>
              <Form.Item name="personId" label={t('learning.record.person')} rules={[{ required: true, message: t('validation.required') }]}>
                <PersonSelect placeholder={t('learning.enter.searchPerson')} data-testid="record-person" />
              </Form.Item>
            </Col>
          )}
          <RecordFields />
        </Row>
      </Form>
    </FormPanel>
  );
}
