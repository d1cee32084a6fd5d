import { App, Button, Col, Form, Input, Row, Select, Switch } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError } from '../../../shared/errors.ts';
import { FormPanel } from '../../../shared/FormPanel.tsx';
import { useI18n } from '../../../shared/i18n.ts';
import { ServerErrorAlert, useServerError } from '../../../shared/ServerError.tsx';
import { citizenIdRule, mobilePhoneRule, requiredRule } from '../../../shared/validation.ts';
import { createPerson, registryKeys, revealIdNumber, updatePerson, type Person, type PersonBody } from '../api.ts';
import { TITLE_LEVELS } from '../enums.ts';
import { OrganisationSelect } from './OrganisationSelect.tsx';
import { RegionCascader } from './RegionCascader.tsx';

const FIELDS = ['idNumber', 'name', 'regionCode', 'employerId', 'titleSeries', 'titleLevel', 'specialty', 'phone', 'managementPost'] as const;

type Props = { person?: Person | null; onClose: () => void; onSaved?: (person: Person) => void };

function initialValues(person: Person | null | undefined): Partial<PersonBody> {
  if (!person) return { titleLevel: 'none', managementPost: false };
  // The ID number and phone are only ever served masked, so they start empty; left empty, they stay unchanged.
  const { name, regionCode, employerId, titleSeries, titleLevel, specialty, managementPost } = person;
  return { name, regionCode, employerId, titleSeries, titleLevel, specialty, managementPost };
}

/** On edit an empty ID number or phone means unchanged: the server keeps what it has. */
function toBody(values: PersonBody, editing: boolean): Partial<PersonBody> {
  const idNumber = (values.idNumber ?? '').trim().toUpperCase();
  const phone = values.phone?.trim() ?? '';
  return {
    ...(editing && idNumber === '' ? {} : { idNumber }),
    name: values.name.trim(),
    regionCode: values.regionCode,
    employerId: values.employerId,
    titleSeries: values.titleSeries?.trim() ?? '',
    titleLevel: values.titleLevel,
    specialty: values.specialty?.trim() ?? '',
    // Always sent: the PUT replaces every optional field, so leaving it out would clear it.
    managementPost: values.managementPost ?? false,
    ...(editing && phone === '' ? {} : { phone }),
  };
}

/**
 * Create (no `person`) or edit a person, in the page. The browser checks with the server's own
 * rules; what only the server knows (duplicates, scope) comes back under the field as details[].
 */
export function PersonForm({ person, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PersonBody>();
  const { serverError, showServerError, clearServerError } = useServerError(form, FIELDS);

  const mutation = useMutation({
    mutationFn: (values: PersonBody) => (person ? updatePerson(person.id, toBody(values, true)) : createPerson({ ...values, ...toBody(values, false) })),
    onMutate: clearServerError,
    onError: showServerError,
    onSuccess: async (saved) => {
      void message.success(t('common.saved'));
      queryClient.setQueryData(registryKeys.person(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: registryKeys.people });
      onSaved?.(saved);
      onClose();
    },
  });

  return (
    <FormPanel
      title={person ? t('people.edit') : t('people.new')}
      onCancel={onClose}
      onSubmit={() => form.submit()}
      submitting={mutation.isPending}
      submitTestId="person-submit"
    >
      <ServerErrorAlert error={serverError} />
      <Form<PersonBody> form={form} layout="vertical" initialValues={initialValues(person)} onFinish={(values) => mutation.mutate(values)} data-testid="person-form">
        <Row gutter={16}>
          <IdentityFields person={person ?? null} />
          <PlacementFields person={person ?? null} />
        </Row>
      </Form>
    </FormPanel>
  );
}

/** Who the person is. On edit the ID number can be loaded from the record (an audited read) instead of re-typed. */
function IdentityFields({ person }: { person: Person | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const form = Form.useFormInstance<PersonBody>();
  const fillIdNumber = useMutation({
    mutationFn: () => revealIdNumber(person?.id ?? ''),
    onSuccess: (idNumber) => form.setFieldValue('idNumber', idNumber),
    onError: (e) => void message.error(describeError(t, e)),
  });
  const idHint = person ? (
    <span>
      {t('person.reenterIdNumber')}
      {person.abilities.revealIdNumber && (
        <Button type="link" size="small" loading={fillIdNumber.isPending} onClick={() => fillIdNumber.mutate()} data-testid="person-fill-idNumber">
          {t('person.fillFromRecord')}
        </Button>
      )}
    </span>
  ) : undefined;

  return (
    <>
      <Col xs={24} md={12}>
        <Form.Item name="idNumber" label={t('person.idNumber')} rules={person ? [citizenIdRule(t)] : [requiredRule(t), citizenIdRule(t)]} extra={idHint}>
          <Input maxLength={18} autoComplete="off" placeholder={person?.idNumberMasked} data-testid="person-idNumber" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="name" label={t('person.name')} rules={[requiredRule(t)]}>
          <Input maxLength={50} autoComplete="off" data-testid="person-name" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="phone"
          label={t('person.phone')}
          rules={[mobilePhoneRule(t)]}
          extra={person?.phoneMasked ? t('person.keepIfEmpty') : undefined}
        >
          <Input maxLength={20} autoComplete="off" placeholder={person?.phoneMasked} data-testid="person-phone" />
        </Form.Item>
      </Col>
    </>
  );
}

/** Where the person works and at which title. */
function PlacementFields({ person }: { person: Person | null }) {
  const { t } = useI18n();
  const required = { required: true, message: t('validation.required') };
  return (
    <>
      <Col xs={24} md={12}>
        <Form.Item name="regionCode" label={t('person.region')} rules={[required]}>
          <RegionCascader changeOnSelect placeholder={t('common.selectRegion')} data-testid="person-region" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="employerId" label={t('person.employer')} rules={[required]}>
          <OrganisationSelect
            role="employer"
            initialOption={person ? { id: person.employerId, name: person.employerName } : null}
            placeholder={t('common.searchOrganisation')}
            data-testid="person-employer"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="titleLevel" label={t('person.titleLevel')} rules={[required]}>
          <Select options={TITLE_LEVELS.map((l) => ({ value: l, label: t(`titleLevel.${l}`) }))} data-testid="person-titleLevel" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="titleSeries" label={t('person.titleSeries')}>
          <Input maxLength={50} data-testid="person-titleSeries" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="specialty" label={t('person.specialty')}>
          <Input maxLength={100} data-testid="person-specialty" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="managementPost" label={t('person.managementPost')} valuePropName="checked" extra={t('person.managementPostHelp')}>
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} data-testid="person-managementPost" />
        </Form.Item>
      </Col>
    </>
  );
}
