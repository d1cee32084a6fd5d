import { recordAudit } from '../../../../platform/audit/record.ts';
import type { Ctx } from '../../../../platform/context.ts';
import { AppError } from '../../../../platform/http/errors.ts';
import { personOf } from '../service.ts';
import * as repo from './repo.ts';

export type NoticesRead = { marked: number; unreadNotices: number };

/**
 * The professional marks one of their own notices read (audited `seminar.notice_read`). Someone
 * else's notice is not found (404), so nobody learns it exists; a notice read already stays as it
 * was (`marked` 0, nothing audited).
 */
export async function markNoticeRead(ctx: Ctx, noticeId: string): Promise<NoticesRead> {
  const personId = personOf(ctx);
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.findNotice(tx, personId, noticeId))) throw new AppError('SEMINAR_NOTICE_NOT_FOUND');
    const marked = await repo.markNoticeRead(tx, personId, noticeId, ctx.now);
    if (marked) await recordAudit(tx, ctx, { action: 'seminar.notice_read', entity: 'seminar_notice', entityId: noticeId, before: { readAt: null }, after: { readAt: ctx.now } });
    return { marked: marked ? 1 : 0, unreadNotices: await repo.countUnreadNotices(tx, personId) };
  });
}

/**
 * The professional marks all their unread notices read: one audit event (`seminar.notices_read`
 * on the person) naming the notices, none when there was nothing to mark.
 */
export async function markAllNoticesRead(ctx: Ctx): Promise<NoticesRead> {
  const personId = personOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const ids = await repo.markAllNoticesRead(tx, personId, ctx.now);
    if (ids.length) await recordAudit(tx, ctx, { action: 'seminar.notices_read', entity: 'person', entityId: personId, after: { noticeIds: ids, readAt: ctx.now } });
    return { marked: ids.length, unreadNotices: 0 };
  });
}
