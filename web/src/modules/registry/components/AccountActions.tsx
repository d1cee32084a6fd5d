import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Space, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../../../shared/auth.tsx';
import { describeError } from '../../../shared/errors.ts';
import { useI18n } from '../../../shared/i18n.ts';
import { registryKeys, resetAccountPassword, reviewAccount, type Account } from '../api.ts';

/** Approve / reject a pending registration and reset a password, as the caller's permissions allow. */
export function AccountActions({ account }: { account: Account }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);

  const onError = (e: unknown) => void message.error(describeError(t, e));
  const review = useMutation({
    mutationFn: (decision: 'approve' | 'reject') => reviewAccount(account.id, decision, decision === 'reject' ? reason.trim() : undefined),
    onSuccess: async (_result, decision) => {
      void message.success(decision === 'approve' ? t('accounts.approved') : t('accounts.rejected'));
      setRejecting(false);
      setReason('');
      await queryClient.invalidateQueries({ queryKey: registryKeys.accounts });
    },
    onError,
  });
  const reset = useMutation({
    mutationFn: () => resetAccountPassword(account.id),
    onSuccess: (result) => setTemporaryPassword(result.temporaryPassword),
    onError,
  });

  const canReview = can('account.review') && account.status === 'pending';
  const canReset = can('account.resetPassword') && account.status === 'active';

  return (
    <Space size="small" onClick={(e) => e.stopPropagation()}>
      {canReview && (
        <>
          <Button size="small" type="primary" loading={review.isPending && review.variables === 'approve'} onClick={() => review.mutate('approve')} data-testid="account-approve">
            {t('accounts.approve')}
          </Button>
          <Button size="small" danger onClick={() => setRejecting(true)} data-testid="account-reject">
            {t('accounts.reject')}
          </Button>
        </>
      )}
      {canReset && (
        <Popconfirm title={t('accounts.resetConfirm')} onConfirm={() => reset.mutate()} okText={t('common.ok')} cancelText={t('common.cancel')}>
          <Button size="small" loading={reset.isPending} data-testid="account-reset">
            {t('accounts.resetPassword')}
          </Button>
        </Popconfirm>
      )}
      <RejectDialog
        open={rejecting}
        name={account.displayName}
        reason={reason}
        onReasonChange={setReason}
        submitting={review.isPending}
        onSubmit={() => review.mutate('reject')}
        onCancel={() => setRejecting(false)}
      />
      <TemporaryPasswordDialog password={temporaryPassword} onClose={() => setTemporaryPassword(null)} />
    </Space>
  );
}

type RejectProps = {
  open: boolean;
  name: string;
  reason: string;
  onReasonChange: (reason: string) => void;
  submitting: boolean;
  onSubmit: () => void;
  onCancel: () => void;
};

function RejectDialog({ open, name, reason, onReasonChange, submitting, onSubmit, onCancel }: RejectProps) {
  const { t } = useI18n();
  const okProps: ButtonProps & { 'data-testid': string } = {
    danger: true,
    disabled: reason.trim() === '',
    loading: submitting,
    'data-testid': 'account-reject-confirm',
  };
  return (
    <Modal
      open={open}
      title={t('accounts.rejectTitle', { name })}
      okText={t('accounts.reject')}
      okButtonProps={okProps}
      cancelText={t('common.cancel')}
      onOk={onSubmit}
      onCancel={onCancel}
    >
      <Form layout="vertical">
        <Form.Item label={t('accounts.reason')} required>
          <Input.TextArea rows={3} maxLength={200} showCount value={reason} onChange={(e) => onReasonChange(e.target.value)} data-testid="account-reject-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The temporary password is shown once, here, and not kept anywhere after the dialog closes. */
function TemporaryPasswordDialog({ password, onClose }: { password: string | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={password !== null}
      title={t('accounts.temporaryPasswordTitle')}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('accounts.temporaryPasswordDone')}
        </Button>
      }
      mask={{ closable: false }}
    >
      <Alert type="warning" showIcon title={t('accounts.temporaryPasswordOnce')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph copyable={{ text: password ?? '' }} style={{ fontSize: 20 }}>
        <Typography.Text code data-testid="account-temporary-password">
          {password}
        </Typography.Text>
      </Typography.Paragraph>
    </Modal>
  );
}
