import type { Grant } from '../../../platform/auth/permissions.ts';
import { SqlParams, scopeFilter } from '../../../platform/auth/scope.ts';
import type { Executor } from '../../../platform/db/executor.ts';

/** Store a statement once per event key (a repeated event keeps the first statement). */
export async function insertStatement(db: Executor, s: { id: string; provinceCode: string; personId: string; statement: unknown; stored: Date; eventKey: string }): Promise<void> {
  await db.query(
    `INSERT INTO xapi_statements (id, province_code, person_id, statement, stored, event_key) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (event_key) DO NOTHING`,
    [s.id, s.provinceCode, s.personId, JSON.stringify(s.statement), s.stored, s.eventKey],
  );
}

export type StoredStatement = { id: string; statement: Record<string, unknown>; stored: Date };

/**
 * Statements in the caller's scope (by the learner's province, or city for a city's key), oldest first, stored at or after
 * `since`, continuing after the cursor (stored, id) of the previous page.
 */
export async function listStatements(db: Executor, grants: Grant[], q: { since?: string; after?: { stored: string; id: string }; limit: number }): Promise<StoredStatement[]> {
  const params = new SqlParams();
  // A city's key reaches the statements of the learners now registered in that city.
  const where = [scopeFilter(grants, 'course.xapi.read', { province: 's.province_code', region: '(SELECT p.region_code FROM people p WHERE p.id = s.person_id)' }, params)];
  if (q.since) where.push(`s.stored >= ${params.add(q.since)}::timestamptz`);
  if (q.after) where.push(`(s.stored, s.id) > (${params.add(q.after.stored)}::timestamptz, ${params.add(q.after.id)}::uuid)`);
  const limit = params.add(q.limit);
  return db.query<StoredStatement>(
    `SELECT s.id, s.statement, s.stored FROM xapi_statements s WHERE ${where.join(' AND ')} ORDER BY s.stored, s.id LIMIT ${limit}`,
    params.values,
  );
}
