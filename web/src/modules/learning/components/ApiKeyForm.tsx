import { Form, Input, Radio, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../../../shared/auth.tsx';
import { FormPanel } from '../../../shared/FormPanel.tsx';
import { useI18n } from '../../../shared/i18n.ts';
import { ServerErrorAlert, useServerError } from '../../../shared/ServerError.tsx';
import { requiredRule } from '../../../shared/validation.ts';
import { createApiKey, learningKeys, type ApiKeyBody, type CreatedApiKey } from '../api.ts';
import { useEditableRegions } from '../hooks/use-editable-regions.ts';
import { EmployerSelect } from './EmployerSelect.tsx';

const FIELDS = ['name', 'purpose', 'organisationId', 'regionCode'] as const;

type Props = { onCreated: (key: CreatedApiKey) => void; onClose: () => void };

/**
 * A new key: `report` for a provider's system sending completions (its organisation must be a
 * training provider), `compliance` for a title-review system asking for compliance in a region.
 * An organisation administrator's key belongs to their organisation; wider administrators choose
 * the organisation or the region the key acts for.
 */
export function ApiKeyForm({ onCreated, onClose }: Props) {
  const { t } = useI18n();
  const { me } = useAuth();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ApiKeyBody>();
  const purpose = Form.useWatch('purpose', form);
  const { serverError, showServerError, clearServerError } = useServerError(form, FIELDS);
  // Organisation administrators report for their own organisation; compliance keys come from the nation and provinces.
  const wideScope = (me?.grants ?? []).some((g) => g.scopeType !== 'organisation');
  const regions = useEditableRegions(true);
  const required = { required: true, message: t('validation.required') };

  const create = useMutation({
    mutationFn: (values: ApiKeyBody) =>
      createApiKey({
        name: values.name.trim(),
        purpose: values.purpose,
        ...(values.organisationId ? { organisationId: values.organisationId } : {}),
        ...(values.regionCode ? { regionCode: values.regionCode } : {}),
      }),
    onMutate: clearServerError,
    onError: showServerError,
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: learningKeys.apiKeys });
      onCreated(created);
    },
  });

  return (
    <FormPanel title={t('learning.apikeys.new')} onCancel={onClose} onSubmit={() => form.submit()} submitting={create.isPending} submitTestId="apikey-submit">
      <ServerErrorAlert error={serverError} />
      <Form<ApiKeyBody> form={form} layout="vertical" initialValues={{ purpose: 'report' }} onFinish={(values) => create.mutate(values)} data-testid="apikey-form">
        <Form.Item name="name" label={t('learning.apikeys.name')} rules={[requiredRule(t)]} extra={t('learning.apikeys.nameHint')}>
          <Input maxLength={100} data-testid="apikey-name" />
        </Form.Item>
        <Form.Item name="purpose" label={t('learning.apikeys.purpose')} rules={[required]}>
          <Radio.Group
            options={[
              { value: 'report', label: t('learning.apikeys.purpose.report') },
              ...(wideScope ? [{ value: 'compliance', label: t('learning.apikeys.purpose.compliance') }, { value: 'xapi', label: t('learning.apikeys.purpose.xapi') }] : []),
            ]}
            data-testid="apikey-purpose"
          />
        </Form.Item>
        {wideScope && purpose === 'report' && (
          <Form.Item name="organisationId" label={t('learning.apikeys.organisation')} extra={t('learning.apikeys.organisationHint')} rules={[required]}>
            <EmployerSelect placeholder={t('common.searchOrganisation')} data-testid="apikey-organisation" />
          </Form.Item>
        )}
        {wideScope && (purpose === 'compliance' || purpose === 'xapi') && (
          <Form.Item name="regionCode" label={t('learning.apikeys.region')} extra={t('learning.apikeys.regionHint')} rules={[required]}>
            <Select allowClear options={regions} showSearch={{ optionFilterProp: 'label' }} data-testid="apikey-region" />
          </Form.Item>
        )}
      </Form>
    </FormPanel>
  );
}
