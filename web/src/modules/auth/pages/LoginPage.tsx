import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../shared/auth.tsx';
import { describeError } from '../../../shared/errors.ts';
import { useI18n } from '../../../shared/i18n.ts';
import { requiredRule } from '../../../shared/validation.ts';
import { AuthShell } from '../components/AuthShell.tsx';

type LoginValues = { username: string; password: string };

function redirectTarget(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const { t } = useI18n();
  const { me, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const target = redirectTarget(location.state);
  const [error, setError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: (values: LoginValues) => login(values.username.trim(), values.password),
    onMutate: () => setError(null),
    onSuccess: () => navigate(target, { replace: true }),
    onError: (e) => setError(describeError(t, e)),
  });

  if (me && !mutation.isPending) return <Navigate to={target} replace />;

  return (
    <AuthShell title={t('auth.login.title')}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form<LoginValues> layout="vertical" onFinish={(values) => mutation.mutate(values)} requiredMark={false}>
        <Form.Item name="username" label={t('auth.username')} rules={[requiredRule(t)]}>
          <Input autoComplete="username" autoFocus data-testid="login-username" placeholder={t('auth.usernamePlaceholder')} />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input.Password autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Form.Item style={{ marginBottom: 12 }}>
          <Button type="primary" htmlType="submit" block loading={mutation.isPending} data-testid="login-submit">
            {t('auth.login.submit')}
          </Button>
        </Form.Item>
      </Form>
      <div style={{ textAlign: 'center' }}>
        {t('auth.login.noAccount')} <Link to="/register" data-testid="register-link">{t('auth.login.register')}</Link>
      </div>
    </AuthShell>
  );
}
