import { useMemo } from 'react';
import { App, Col, Form, Input, Row, Select, Switch } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormPanel } from '../../../shared/FormPanel.tsx';
import { useI18n } from '../../../shared/i18n.ts';
import { ServerErrorAlert, useServerError } from '../../../shared/ServerError.tsx';
import { creditCodeRule, requiredRule } from '../../../shared/validation.ts';
import { createOrganisation, fetchDepartments, registryKeys, updateOrganisation, type Org, type OrgBody } from '../api.ts';
import { ORG_ROLES, OWNERSHIPS } from '../enums.ts';
import { RegionCascader } from './RegionCascader.tsx';

const FIELDS = ['name', 'creditCode', 'regionCode', 'departmentCode', 'ownership', 'roles', 'address', 'contactName', 'grassroots'] as const;

type Props = { organisation?: Org | null; onClose: () => void; onSaved?: (org: Org) => void };

function initialValues(org: Org | null | undefined): Partial<OrgBody> {
  if (!org) return { roles: ['employer'], departmentCode: null, grassroots: false };
  const { name, creditCode, regionCode, departmentCode, ownership, roles, address, contactName, grassroots } = org;
  return { name, creditCode, regionCode, departmentCode, ownership, roles, address, contactName, grassroots };
}

function toBody(values: OrgBody): OrgBody {
  return {
    ...values,
    name: values.name.trim(),
    creditCode: values.creditCode.trim().toUpperCase(),
    departmentCode: values.departmentCode ?? null,
    address: values.address?.trim() ?? '',
    contactName: values.contactName?.trim() ?? '',
    // Always sent: the PUT replaces every optional field, so leaving it out would clear it.
    grassroots: values.grassroots ?? false,
  };
}

/** Create or edit an organisation, in the page; server field errors (details[].path) land under their fields. */
export function OrganisationForm({ organisation, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<OrgBody>();
  const { serverError, showServerError, clearServerError } = useServerError(form, FIELDS);

  const mutation = useMutation({
    mutationFn: (values: OrgBody) => (organisation ? updateOrganisation(organisation.id, toBody(values)) : createOrganisation(toBody(values))),
    onMutate: clearServerError,
    onError: showServerError,
    onSuccess: async (saved) => {
      void message.success(t('common.saved'));
      queryClient.setQueryData(registryKeys.organisation(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: registryKeys.organisations });
      onSaved?.(saved);
      onClose();
    },
  });

  return (
    <FormPanel
      title={organisation ? t('organisations.edit') : t('organisations.new')}
      onCancel={onClose}
      onSubmit={() => form.submit()}
      submitting={mutation.isPending}
      submitTestId="organisation-submit"
    >
      <ServerErrorAlert error={serverError} />
      <Form<OrgBody> form={form} layout="vertical" initialValues={initialValues(organisation)} onFinish={(values) => mutation.mutate(values)}>
        <Row gutter={16}>
          <OrganisationFields />
        </Row>
      </Form>
    </FormPanel>
  );
}

/** National departments, plus the provincial ones of the chosen region's province. */
function useDepartmentOptions(regionCode: string | undefined) {
  const { language } = useI18n();
  const departments = useQuery({ queryKey: registryKeys.departments, queryFn: () => fetchDepartments(), staleTime: Infinity });
  const options = useMemo(() => {
    const province = regionCode ? `${regionCode.slice(0, 2)}0000` : null;
    return (departments.data ?? [])
      .filter((d) => d.level === 'national' || d.regionCode === province)
      .map((d) => ({ value: d.code, label: language === 'en' && d.nameEn ? d.nameEn : d.name }));
  }, [departments.data, regionCode, language]);
  return { options, loading: departments.isPending };
}

function OrganisationFields() {
  const { t } = useI18n();
  const regionCode = Form.useWatch<string | undefined>('regionCode');
  const departments = useDepartmentOptions(regionCode);
  const required = { required: true, message: t('validation.required') };
  const fields = [
    <Form.Item key="name" name="name" label={t('organisation.name')} rules={[requiredRule(t)]}>
      <Input maxLength={100} data-testid="organisation-name" />
    </Form.Item>,
    <Form.Item key="creditCode" name="creditCode" label={t('organisation.creditCode')} rules={[requiredRule(t), creditCodeRule(t)]}>
      <Input maxLength={18} data-testid="organisation-creditCode" />
    </Form.Item>,
    <Form.Item key="regionCode" name="regionCode" label={t('organisation.region')} rules={[required]}>
      <RegionCascader changeOnSelect placeholder={t('common.selectRegion')} data-testid="organisation-region" />
    </Form.Item>,
    <Form.Item key="departmentCode" name="departmentCode" label={t('organisation.department')}>
      <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={departments.options} loading={departments.loading} />
    </Form.Item>,
    <Form.Item key="ownership" name="ownership" label={t('organisation.ownership')} rules={[required]}>
      <Select options={OWNERSHIPS.map((o) => ({ value: o, label: t(`ownership.${o}`) }))} data-testid="organisation-ownership" />
    </Form.Item>,
    <Form.Item key="roles" name="roles" label={t('organisation.roles')} rules={[{ ...required, type: 'array', min: 1 }]}>
      <Select mode="multiple" options={ORG_ROLES.map((r) => ({ value: r, label: t(`orgRole.${r}`) }))} data-testid="organisation-roles" />
    </Form.Item>,
    <Form.Item key="address" name="address" label={t('organisation.address')}>
      <Input maxLength={200} />
    </Form.Item>,
    <Form.Item key="contactName" name="contactName" label={t('organisation.contactName')}>
      <Input maxLength={50} />
    </Form.Item>,
    <Form.Item key="grassroots" name="grassroots" label={t('organisation.grassroots')} valuePropName="checked" extra={t('organisation.grassrootsHelp')}>
      <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} data-testid="organisation-grassroots" />
    </Form.Item>,
  ];
  return fields.map((field) => (
    <Col key={field.key} xs={24} md={12}>
      {field}
    </Col>
  ));
}
