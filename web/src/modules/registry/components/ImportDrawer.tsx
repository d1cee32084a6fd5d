import { Drawer } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ImportPanel } from '../../../shared/ImportPanel.tsx';
import { importPath, registryKeys, templateUrl, type ImportKind } from '../api.ts';

type Props = { kind: ImportKind; title: string; open: boolean; onClose: () => void };

/** Organisation or people import (template, dry run, confirm) in a side drawer over the list. */
export function ImportDrawer({ kind, title, open, onClose }: Props) {
  const queryClient = useQueryClient();
  return (
    <Drawer open={open} onClose={onClose} title={title} size="large" destroyOnHidden>
      <ImportPanel
        templateUrls={{ xlsx: templateUrl(kind, 'xlsx'), csv: templateUrl(kind, 'csv') }}
        uploadPath={importPath(kind)}
        onImported={() =>
          void queryClient.invalidateQueries({ queryKey: kind === 'people' ? registryKeys.people : registryKeys.organisations })
        }
      />
    </Drawer>
  );
}
