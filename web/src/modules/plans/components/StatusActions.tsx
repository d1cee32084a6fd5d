import { App, Button, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { planKeys, setPlanStatus, type Plan, type PlanStatus } from '../api.ts';
import { useI18n } from '../../../shared/i18n.ts';

/** Publish, close or reopen a plan, as its abilities allow (the server decides again). */
export function StatusActions({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: (status: PlanStatus) => setPlanStatus(plan.id, status, plan.version),
    onSuccess: () => client.invalidateQueries({ queryKey: planKeys.all }),
    onError: (error: Error) => void message.error(error.message),
  });
  return (
    <Space>
      {plan.abilities.publish && <Button type="primary" data-testid="plan-publish" loading={mutation.isPending} onClick={() => mutation.mutate('published')}>{t('plans.publish')}</Button>}
      {plan.abilities.close && <Button data-testid="plan-close" loading={mutation.isPending} onClick={() => mutation.mutate('closed')}>{t('plans.close')}</Button>}
      {plan.abilities.reopen && <Button data-testid="plan-reopen" loading={mutation.isPending} onClick={() => mutation.mutate('draft')}>{t('plans.reopen')}</Button>}
    </Space>
  );
}
