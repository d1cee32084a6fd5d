import { App, Button, Popconfirm } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { describeError } from '../../../shared/errors.ts';
import { useI18n } from '../../../shared/i18n.ts';
import type { Abilities } from '../api.ts';

type Props<T> = {
  status: string;
  abilities: Abilities;
  /** Performs the change: true = activate, false = deactivate. */
  change: (active: boolean) => Promise<T>;
  onChanged: (result: T) => void | Promise<void>;
  testIdPrefix: string;
};

/**
 * Deactivate / activate an organisation or person, as the record's `abilities` allow (the UI
 * does not re-derive the rule). Without an `activate` ability, `deactivate` stands for both.
 */
export function StatusToggle<T>({ status, abilities, change, onChanged, testIdPrefix }: Props<T>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const active = status === 'active';
  const mutation = useMutation({
    mutationFn: () => change(!active),
    onSuccess: async (result) => {
      void message.success(active ? t('common.deactivated') : t('common.activated'));
      await onChanged(result);
    },
    onError: (e) => void message.error(describeError(t, e)),
  });

  if (!active) {
    if (!(abilities.activate ?? abilities.deactivate)) return null;
    return (
      <Button loading={mutation.isPending} onClick={() => mutation.mutate()} data-testid={`${testIdPrefix}-activate`}>
        {t('common.activate')}
      </Button>
    );
  }
  if (!abilities.deactivate) return null;
  return (
    <Popconfirm title={t('common.confirmDeactivate')} onConfirm={() => mutation.mutate()} okText={t('common.ok')} cancelText={t('common.cancel')}>
      <Button danger loading={mutation.isPending} data-testid={`${testIdPrefix}-deactivate`}>
        {t('common.deactivate')}
      </Button>
    </Popconfirm>
  );
}
