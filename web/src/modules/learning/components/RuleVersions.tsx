import { Table, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../shared/format.ts';
import { useI18n } from '../../../shared/i18n.ts';
import type { ComplianceRules, RuleVersion } from '../api.ts';
import { SETTING_LABELS } from './rules-form.ts';

/** Every saved version of a region's rules for the year, newest first; the newest one is in force. */
export function RuleVersions({ versions }: { versions: RuleVersion[] }) {
  const { t, language } = useI18n();
  const current = versions[0]?.version;
  return (
    <Table<RuleVersion>
      size="small"
      rowKey="version"
      data-testid="rules-versions"
      dataSource={versions}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: t('learning.rules.noVersions') }}
      expandable={{ expandedRowRender: (v) => <Typography.Text code style={{ whiteSpace: 'pre-wrap' }}>{JSON.stringify(v.patch, null, 2)}</Typography.Text> }}
      columns={[
        {
          title: t('learning.rules.version'),
          dataIndex: 'version',
          width: 110,
          render: (v: number) => (
            <span>
              {`v${v}`} {v === current && <Tag color="green">{t('learning.rules.inForce')}</Tag>}
            </span>
          ),
        },
        { title: t('learning.rules.savedAt'), dataIndex: 'createdAt', width: 180, render: (at: string) => formatDateTime(language, at) },
        {
          title: t('learning.rules.changedSettings'),
          dataIndex: 'patch',
          render: (patch: RuleVersion['patch']) => {
            const keys = Object.keys(patch).filter((k): k is keyof ComplianceRules => Object.hasOwn(SETTING_LABELS, k));
            return keys.length === 0 ? t('learning.rules.allInherited') : keys.map((k) => <Tag key={k}>{t(SETTING_LABELS[k])}</Tag>);
          },
        },
        { title: t('learning.rules.note'), dataIndex: 'note', render: (note: string) => note || t('common.none') },
      ]}
    />
  );
}
