import { Button, Dropdown } from 'antd';
import type { Query } from '../../../shared/api.ts';
import { useI18n } from '../../../shared/i18n.ts';
import { exportUrl, type ImportKind } from '../api.ts';

/** Downloads the current filtered list; plain links so the browser handles the file. */
export function ExportMenu({ kind, query }: { kind: ImportKind; query: Query }) {
  const { t } = useI18n();
  return (
    <Dropdown
      menu={{
        items: (['xlsx', 'csv'] as const).map((format) => ({
          key: format,
          label: (
            <a href={exportUrl(kind, query, format)} download>
              {t(`export.${format}`)}
            </a>
          ),
        })),
      }}
    >
      <Button data-testid={`${kind}-export`}>{t('common.export')}</Button>
    </Dropdown>
  );
}
