import { App, Badge, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { enrolKeys, markAllNoticesRead, markNoticeRead, type MySeminars, type Notice } from '../api.ts';
import { describeError } from '../../../../shared/errors.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useI18n } from '../../../../shared/i18n.ts';

const UNREAD_STYLE = { background: '#e6f4ff', borderInlineStart: '3px solid #1677ff', paddingInlineStart: 12 } as const;
const READ_STYLE = { paddingInlineStart: 15 } as const;

/** The trainee's notices: unread ones highlighted with a tag and 标为已读; 全部标为已读 for all. */
export function NoticesCard({ data, loading }: { data: MySeminars | undefined; loading: boolean }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: enrolKeys.mine });
  const onError = (e: unknown) => void message.error(describeError(t, e));
  const one = useMutation({ mutationFn: markNoticeRead, onSuccess: refresh, onError });
  const all = useMutation({ mutationFn: markAllNoticesRead, onSuccess: refresh, onError });
  const unread = data?.unreadNotices ?? 0;
  return (
    <Card
      title={<Space>{t('semEnrol.notices')}<Badge count={unread} data-testid="notices-unread" /></Space>}
      extra={<Button disabled={unread === 0} loading={all.isPending} onClick={() => all.mutate()} data-testid="notices-read-all">{t('semEnrol.notice.readAll')}</Button>}
    >
      <List<Notice>
        data-testid="seminar-notices" loading={loading} dataSource={data?.notices ?? []} locale={{ emptyText: t('semEnrol.notice.empty') }}
        renderItem={(n) => {
          const isUnread = n.readAt === null;
          return (
            <List.Item
              data-testid={`notice-${n.id}`} data-unread={isUnread} style={isUnread ? UNREAD_STYLE : READ_STYLE}
              extra={formatDateTime(language, n.createdAt)}
              actions={isUnread ? [
                <Button key="read" type="link" size="small" loading={one.isPending && one.variables === n.id} onClick={() => one.mutate(n.id)} data-testid={`notice-read-${n.id}`}>
                  {t('semEnrol.notice.markRead')}
                </Button>,
              ] : []}
            >
              <Space>
                {isUnread && <Tag color="blue">{t('semEnrol.notice.unread')}</Tag>}
                {isUnread
                  ? <Typography.Text strong>{t(`semEnrol.notice.${n.kind}`, { title: n.seminarTitle })}</Typography.Text>
                  : <Typography.Text type="secondary">{t(`semEnrol.notice.${n.kind}`, { title: n.seminarTitle })}</Typography.Text>}
              </Space>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
