import { useState } from 'react';
import { App, Button, Checkbox, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../shared/i18n.ts';
import { describeError } from '../../../shared/errors.ts';
import { registryKeys, updateRegionFlags, type RegionNode } from '../api.ts';
import { REGION_FLAGS, type RegionFlag } from '../enums.ts';

/** Flags are maintained by hand where no packaged list exists (old revolutionary base areas, border cities). */
export function RegionFlagsEditor({ region }: { region: RegionNode }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [flags, setFlags] = useState<RegionFlag[]>(region.flags);

  const mutation = useMutation({
    mutationFn: () => updateRegionFlags(region.code, flags),
    onSuccess: async () => {
      void message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: registryKeys.regionTree });
    },
    onError: (e) => void message.error(describeError(t, e)),
  });

  return (
    <Space orientation="vertical">
      <Checkbox.Group<RegionFlag>
        value={flags}
        onChange={setFlags}
        options={REGION_FLAGS.map((f) => ({ value: f, label: t(`regionFlag.${f}`) }))}
      />
      <Button type="primary" size="small" loading={mutation.isPending} onClick={() => mutation.mutate()} data-testid="region-flags-save">
        {t('common.save')}
      </Button>
    </Space>
  );
}
