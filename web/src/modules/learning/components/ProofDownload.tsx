import { useState } from 'react';
import { App, Button, Card, Checkbox, Space, Typography } from 'antd';
import { describeError } from '../../../shared/errors.ts';
import { useI18n } from '../../../shared/i18n.ts';
import { useProofDownload } from '../hooks/use-proof-download.ts';

/** Choose years, download the signed proof of hours (学时证明, PDF with a QR code to its verification page). */
export function ProofDownload({ years }: { years: number[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  // The last complete year is what a title application usually asks for.
  const [chosen, setChosen] = useState<number[]>(() => years.filter((y) => y === years[years.length - 2]));
  const download = useProofDownload((ys) => t('learning.proof.fileName', { years: ys.join('-') }));

  const onDownload = () =>
    download.mutate([...chosen].sort((a, b) => a - b), {
      onSuccess: () => void message.success(t('learning.proof.downloaded')),
      onError: (e) => void message.error(describeError(t, e)),
    });

  return (
    <Card title={t('learning.proof.title')} data-testid="proof-card">
      <Typography.Paragraph type="secondary">{t('learning.proof.intro')}</Typography.Paragraph>
      <Space wrap size="large">
        <Checkbox.Group
          value={chosen}
          onChange={(next) => setChosen(next)}
          options={years.map((y) => ({ value: y, label: String(y) }))}
          data-testid="proof-years"
        />
        <Button type="primary" disabled={chosen.length === 0} loading={download.isPending} onClick={onDownload} data-testid="proof-download">
          {t('learning.proof.download')}
        </Button>
      </Space>
    </Card>
  );
}
