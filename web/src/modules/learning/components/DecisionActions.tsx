import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import type { ButtonProps } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError } from '../../../shared/errors.ts';
import { useI18n } from '../../../shared/i18n.ts';
import { decideRecord, learningKeys, type Decision, type DecisionStep, type LearningRecord } from '../api.ts';

type Props = { record: LearningRecord; step: DecisionStep; onDone?: (record: LearningRecord) => void };

/**
 * Approve (or confirm) a record, or send it back with a reason. Shown only where the record's
 * `abilities` allow it; the server checks again.
 */
export function DecisionActions({ record, step, onDone }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');

  const decide = useMutation({
    mutationFn: (decision: Decision) => decideRecord(step, record.id, decision, decision === 'reject' ? reason.trim() : undefined),
    onSuccess: async (saved, decision) => {
      void message.success(decision === 'reject' ? t('learning.decision.rejected') : t(step === 'confirm' ? 'learning.decision.confirmed' : 'learning.decision.approved'));
      setRejecting(false);
      setReason('');
      queryClient.setQueryData(learningKeys.record(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: learningKeys.records });
      onDone?.(saved);
    },
    onError: (e) => void message.error(describeError(t, e)),
  });

  const allowed = step === 'confirm' ? record.abilities.confirm : record.abilities.review;
  if (!allowed) return null;

  const okProps: ButtonProps & { 'data-testid': string } = {
    danger: true,
    disabled: reason.trim() === '',
    loading: decide.isPending && decide.variables === 'reject',
    'data-testid': 'reject-submit',
  };

  return (
    <Space onClick={(e) => e.stopPropagation()}>
      <Button
        type="primary"
        loading={decide.isPending && decide.variables === 'approve'}
        onClick={() => decide.mutate('approve')}
        data-testid={step === 'confirm' ? 'record-confirm' : 'record-approve'}
      >
        {t(step === 'confirm' ? 'learning.decision.confirm' : 'learning.decision.approve')}
      </Button>
      <Button danger onClick={() => setRejecting(true)} data-testid="record-reject">
        {t('learning.decision.reject')}
      </Button>
      <Modal
        open={rejecting}
        title={t('learning.decision.rejectTitle', { name: record.personName, title: record.title })}
        okText={t('learning.decision.reject')}
        okButtonProps={okProps}
        cancelText={t('common.cancel')}
        onOk={() => decide.mutate('reject')}
        onCancel={() => setRejecting(false)}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('learning.decision.reason')} required>
            <Input.TextArea rows={3} maxLength={300} showCount value={reason} onChange={(e) => setReason(e.target.value)} data-testid="reject-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
