import { App, Button, Card, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useAuth } from '../../../shared/auth.tsx';
import { useI18n } from '../../../shared/i18n.ts';
import { ServerErrorAlert, useServerError } from '../../../shared/ServerError.tsx';
import { confirmRule, passwordStrengthRule } from '../../../shared/validation.ts';
import { changePassword } from '../api.ts';

type PasswordValues = { currentPassword: string; newPassword: string; confirmPassword: string };
const FIELDS = ['currentPassword', 'newPassword'] as const;

export function ChangePasswordPage() {
  const { t } = useI18n();
  const { me, refresh } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const { serverError, showServerError, clearServerError } = useServerError(form, FIELDS);

  const mutation = useMutation({
    mutationFn: ({ currentPassword, newPassword }: PasswordValues) => changePassword({ currentPassword, newPassword }),
    onMutate: clearServerError,
    onError: showServerError,
    onSuccess: async () => {
      form.resetFields();
      void message.success(t('auth.password.changed'));
      await refresh();
    },
  });
  const required = { required: true, message: t('validation.required') };

  return (
    <Card title={t('auth.password.title')} style={{ maxWidth: 520 }}>
      <ServerErrorAlert error={serverError} />
      <Form<PasswordValues> form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)}>
        <Form.Item name="currentPassword" label={t('auth.password.current')} rules={[required]}>
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.password.new')}
          rules={[required, passwordStrengthRule(t, () => me?.username)]}
          extra={t('auth.passwordHint')}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[required, confirmRule(t, 'newPassword')]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="password-submit">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
