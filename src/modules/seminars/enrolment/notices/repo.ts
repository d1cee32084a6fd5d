import type { Executor } from '../../../../platform/db/executor.ts';
import type { NoticeRow } from '../repo.ts';

// Every query names the person: a professional reads and marks only their own notices.

/** The person's latest notices, newest first. */
export async function listNotices(db: Executor, personId: string): Promise<NoticeRow[]> {
  return db.query<NoticeRow>(
    `SELECT n.id, n.seminar_id AS "seminarId", s.title AS "seminarTitle", n.kind, n.created_at AS "createdAt", n.read_at AS "readAt"
       FROM seminar_notices n JOIN seminars s ON s.id = n.seminar_id WHERE n.person_id = $1 ORDER BY n.created_at DESC, n.id DESC LIMIT 100`,
    [personId],
  );
}

export async function countUnreadNotices(db: Executor, personId: string): Promise<number> {
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM seminar_notices WHERE person_id = $1 AND read_at IS NULL', [personId]);
  return rows[0]?.n ?? 0;
}

/** One of the person's notices (null when it is absent or someone else's). */
export async function findNotice(db: Executor, personId: string, id: string): Promise<{ id: string; readAt: Date | null } | null> {
  const rows = await db.query<{ id: string; readAt: Date | null }>('SELECT id, read_at AS "readAt" FROM seminar_notices WHERE id = $1 AND person_id = $2', [id, personId]);
  return rows[0] ?? null;
}

/** Mark one unread notice of the person read; false when it was read already (or is not theirs). */
export async function markNoticeRead(tx: Executor, personId: string, id: string, at: Date): Promise<boolean> {
  const rows = await tx.query('UPDATE seminar_notices SET read_at = $3 WHERE id = $1 AND person_id = $2 AND read_at IS NULL RETURNING id', [id, personId, at]);
  return rows.length === 1;
}

/** Mark all of the person's unread notices read; the ids marked. */
export async function markAllNoticesRead(tx: Executor, personId: string, at: Date): Promise<string[]> {
  const rows = await tx.query<{ id: string }>('UPDATE seminar_notices SET read_at = $2 WHERE person_id = $1 AND read_at IS NULL RETURNING id', [personId, at]);
  return rows.map((r) => r.id).sort();
}
