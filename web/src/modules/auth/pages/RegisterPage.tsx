import { Button, Form, Input, Result } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../shared/i18n.ts';
import { ServerErrorAlert, useServerError } from '../../../shared/ServerError.tsx';
import { citizenIdRule, confirmRule, mobilePhoneRule, passwordStrengthRule, requiredRule } from '../../../shared/validation.ts';
import { OrganisationSelect } from '../../registry/components/OrganisationSelect.tsx';
import { RegionCascader } from '../../registry/components/RegionCascader.tsx';
import { registerProfessional, type RegisterBody } from '../api.ts';
import { AuthShell } from '../components/AuthShell.tsx';

type RegisterValues = RegisterBody & { confirmPassword: string };
const FIELDS = ['idNumber', 'name', 'phone', 'regionCode', 'employerId', 'password'] as const;

/** Self-registration of a professional; the account stays pending until the employer approves it. */
export function RegisterPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<RegisterValues>();
  const { serverError, showServerError, clearServerError } = useServerError(form, FIELDS);

  const mutation = useMutation({
    mutationFn: ({ confirmPassword: _confirm, ...body }: RegisterValues) =>
      registerProfessional({ ...body, idNumber: body.idNumber.trim().toUpperCase(), name: body.name.trim(), phone: body.phone.trim() }),
    onMutate: clearServerError,
    onError: showServerError,
  });

  return (
    <AuthShell title={t('auth.register.title')} width={560}>
      {mutation.isSuccess ? (
        <Result
          status="success"
          title={t('auth.register.submitted')}
          subTitle={t('auth.register.awaitingApproval')}
          extra={
            <Link to="/login">
              <Button type="primary">{t('auth.register.backToLogin')}</Button>
            </Link>
          }
          data-testid="register-success"
        />
      ) : (
        <>
          <ServerErrorAlert error={serverError} />
          <Form<RegisterValues>
            form={form}
            layout="vertical"
            onFinish={(values) => mutation.mutate(values)}
            onValuesChange={(changed: Partial<RegisterValues>) => {
              // A new region invalidates the employer chosen from the previous region's list.
              if ('regionCode' in changed) form.setFieldValue('employerId', undefined);
            }}
          >
            <RegisterFields />
            <Button type="primary" htmlType="submit" block loading={mutation.isPending} data-testid="register-submit">
              {t('auth.register.submit')}
            </Button>
          </Form>
          <div style={{ textAlign: 'center', marginTop: 12 }}>
            <Link to="/login">{t('auth.register.haveAccount')}</Link>
          </div>
        </>
      )}
    </AuthShell>
  );
}

function RegisterFields() {
  const { t } = useI18n();
  const regionCode = Form.useWatch<string | undefined>('regionCode');
  const required = { required: true, message: t('validation.required') };
  return (
    <>
      <Form.Item name="idNumber" label={t('person.idNumber')} rules={[requiredRule(t), citizenIdRule(t)]}>
        <Input maxLength={18} autoComplete="off" data-testid="register-idNumber" />
      </Form.Item>
      <Form.Item name="name" label={t('person.name')} rules={[requiredRule(t)]}>
        <Input maxLength={50} autoComplete="name" data-testid="register-name" />
      </Form.Item>
      <Form.Item name="phone" label={t('person.phone')} rules={[requiredRule(t), mobilePhoneRule(t)]}>
        <Input maxLength={20} autoComplete="tel" data-testid="register-phone" />
      </Form.Item>
      <Form.Item name="regionCode" label={t('auth.register.employerRegion')} rules={[required]}>
        <RegionCascader changeOnSelect placeholder={t('common.selectRegion')} data-testid="register-region" />
      </Form.Item>
      <Form.Item name="employerId" label={t('person.employer')} rules={[required]} extra={t('auth.register.employerHint')}>
        <OrganisationSelect regionCode={regionCode} role="employer" placeholder={t('common.searchOrganisation')} data-testid="register-employer" />
      </Form.Item>
      <Form.Item name="password" label={t('auth.password')} rules={[required, passwordStrengthRule(t)]} extra={t('auth.passwordHint')}>
        <Input.Password autoComplete="new-password" data-testid="register-password" />
      </Form.Item>
      <Form.Item name="confirmPassword" label={t('auth.confirmPassword')} dependencies={['password']} rules={[required, confirmRule(t, 'password')]}>
        <Input.Password autoComplete="new-password" data-testid="register-confirm" />
      </Form.Item>
    </>
  );
}
