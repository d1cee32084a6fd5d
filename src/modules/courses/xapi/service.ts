import { type Ctx, requireActor } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { listStatements } from './repo.ts';

function decodeCursor(cursor: string): { stored: string; id: string } {
  const [stored = '', id = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (Number.isNaN(Date.parse(stored)) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new AppError('VALIDATION_FAILED', {}, [{ code: 'FIELD_INVALID', path: '/cursor', params: { column: 'cursor' } }]);
  }
  return { stored, id };
}

/**
 * Statements of the caller's scope in the xAPI 1.0.3 StatementResult shape: `statements`, and
 * `more`, the relative IRL of the next page ('' on the last one).
 */
export async function readStatements(ctx: Ctx, q: { since?: string; limit: number; cursor?: string }) {
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await listStatements(ctx.db, requireActor(ctx).grants, { since: q.since, after, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  let more = '';
  if (rows.length > q.limit && last) {
    const params = new URLSearchParams({ limit: String(q.limit), cursor: Buffer.from(`${new Date(last.stored).toISOString()}|${last.id}`).toString('base64url') });
    if (q.since) params.set('since', q.since);
    more = `/api/xapi/statements?${params.toString()}`;
  }
  return { statements: page.map((r) => r.statement), more };
}
