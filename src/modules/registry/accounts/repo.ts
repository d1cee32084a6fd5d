import type { Grant } from '../../../platform/auth/permissions.ts';
import { type ScopeColumns, SqlParams, scopeFilter } from '../../../platform/auth/scope.ts';
import type { Executor } from '../../../platform/db/executor.ts';

export type AccountRow = {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  kind: 'staff' | 'professional';
  personId: string | null;
  status: 'pending' | 'active' | 'rejected' | 'disabled';
  failedAttempts: number;
  lockedUntil: Date | null;
  mustChangePassword: boolean;
  reviewReason: string | null;
};

const ACCOUNT_COLUMNS = `a.id, a.username, a.display_name AS "displayName", a.password_hash AS "passwordHash", a.kind,
  a.person_id AS "personId", a.status, a.failed_attempts AS "failedAttempts", a.locked_until AS "lockedUntil",
  a.must_change_password AS "mustChangePassword", a.review_reason AS "reviewReason"`;

export async function findAccountByUsername(db: Executor, username: string): Promise<AccountRow | null> {
  const rows = await db.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE lower(a.username) = lower($1)`, [username]);
  return rows[0] ?? null;
}

export async function findAccountById(db: Executor, id: string): Promise<AccountRow | null> {
  const rows = await db.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE a.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function listGrants(db: Executor, accountId: string): Promise<Grant[]> {
  return db.query<Grant>(
    `SELECT role, scope_type AS "scopeType", scope_id AS "scopeId" FROM grants WHERE account_id = $1 ORDER BY role`,
    [accountId],
  );
}

export async function insertAccount(
  db: Executor,
  a: { id: string; username: string; displayName: string; passwordHash: string; kind: string; personId: string | null; status: string; mustChangePassword: boolean },
): Promise<void> {
  await db.query(
    `INSERT INTO accounts (id, username, display_name, password_hash, kind, person_id, status, must_change_password)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [a.id, a.username, a.displayName, a.passwordHash, a.kind, a.personId, a.status, a.mustChangePassword],
  );
}

export async function insertGrants(db: Executor, accountId: string, grants: Grant[]): Promise<void> {
  for (const g of grants) {
    await db.query('INSERT INTO grants (account_id, role, scope_type, scope_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
      accountId,
      g.role,
      g.scopeType,
      g.scopeId,
    ]);
  }
}

/** Count a failed sign-in atomically; at `maxAttempts` the account locks until `lockUntil`. */
export async function recordFailedLogin(db: Executor, id: string, maxAttempts: number, lockUntil: Date): Promise<boolean> {
  const rows = await db.query<{ locked: boolean }>(
    `UPDATE accounts SET
       failed_attempts = CASE WHEN failed_attempts + 1 >= $2 THEN 0 ELSE failed_attempts + 1 END,
       locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
     WHERE id = $1 RETURNING failed_attempts = 0 AS locked`,
    [id, maxAttempts, lockUntil],
  );
  return rows[0]?.locked ?? false;
}

export async function recordSuccessfulLogin(db: Executor, id: string): Promise<void> {
  await db.query('UPDATE accounts SET failed_attempts = 0, locked_until = NULL WHERE id = $1', [id]);
}

export async function updatePassword(db: Executor, id: string, hash: string, mustChange: boolean, now: Date): Promise<void> {
  await db.query(
    'UPDATE accounts SET password_hash = $2, must_change_password = $3, failed_attempts = 0, locked_until = NULL, updated_at = $4 WHERE id = $1',
    [id, hash, mustChange, now],
  );
}

export async function updateAccountStatus(
  db: Executor,
  id: string,
  change: { status: string; reviewedBy: string | null; reason: string | null; now: Date },
): Promise<void> {
  await db.query(
    'UPDATE accounts SET status = $2, reviewed_by = $3, reviewed_at = $4, review_reason = $5, updated_at = $4 WHERE id = $1',
    [id, change.status, change.reviewedBy, change.now, change.reason],
  );
}

export async function insertSession(
  db: Executor,
  s: { tokenHash: Buffer; accountId: string; csrfToken: string; expiresAt: Date; ip: string; userAgent: string },
): Promise<void> {
  await db.query(
    'INSERT INTO sessions (token_hash, account_id, csrf_token, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6)',
    [s.tokenHash, s.accountId, s.csrfToken, s.expiresAt, s.ip, s.userAgent],
  );
}

export type SessionActorRow = {
  accountId: string;
  username: string;
  displayName: string;
  kind: 'staff' | 'professional';
  personId: string | null;
  csrfToken: string;
  mustChangePassword: boolean;
  expiresAt: Date;
  grants: Grant[];
};

/** Session, account and grants in one round trip: this runs on every signed-in request. */
export async function findSessionActor(db: Executor, tokenHash: Buffer, now: Date): Promise<SessionActorRow | null> {
  const rows = await db.query<SessionActorRow>(
    `SELECT a.id AS "accountId", a.username, a.display_name AS "displayName", a.kind, a.person_id AS "personId",
            s.csrf_token AS "csrfToken", a.must_change_password AS "mustChangePassword", s.expires_at AS "expiresAt",
            COALESCE((SELECT json_agg(json_build_object('role', g.role, 'scopeType', g.scope_type, 'scopeId', g.scope_id))
                        FROM grants g WHERE g.account_id = a.id), '[]'::json) AS grants
       FROM sessions s JOIN accounts a ON a.id = s.account_id AND a.status = 'active'
      WHERE s.token_hash = $1 AND s.expires_at > $2`,
    [tokenHash, now],
  );
  return rows[0] ?? null;
}

export async function deleteSession(db: Executor, tokenHash: Buffer): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export async function deleteOtherSessions(db: Executor, accountId: string, keep: Buffer): Promise<void> {
  await db.query('DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2', [accountId, keep]);
}

export async function deleteSessionsOfAccount(db: Executor, accountId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE account_id = $1', [accountId]);
}

export type AccountListItem = {
  id: string;
  username: string;
  displayName: string;
  kind: string;
  status: string;
  personId: string | null;
  employerName: string | null;
  createdAt: Date;
};

/** Professionals' accounts reach the scope through their person record and employer. */
const PERSON_SCOPE: ScopeColumns = {
  province: 'p.province_code',
  region: 'p.region_code',
  department: 'o.department_code',
  organisation: 'p.employer_id',
};

export async function listAccountsInScope(
  db: Executor,
  grants: Grant[],
  filter: { status?: string; q?: string; limit: number; offset: number },
): Promise<{ items: AccountListItem[]; total: number }> {
  const params = new SqlParams();
  const where = [scopeFilter(grants, 'account.read', PERSON_SCOPE, params)];
  if (filter.status) where.push(`a.status = ${params.add(filter.status)}`);
  if (filter.q) where.push(`(a.display_name LIKE ${params.add(`%${filter.q}%`)} OR a.username = ${params.add(filter.q)})`);
  const from = `FROM accounts a JOIN people p ON p.id = a.person_id JOIN organisations o ON o.id = p.employer_id WHERE ${where.join(' AND ')}`;
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, params.values);
  const limit = params.add(filter.limit);
  const offset = params.add(filter.offset);
  const items = await db.query<AccountListItem>(
    `SELECT a.id, a.username, a.display_name AS "displayName", a.kind, a.status, a.person_id AS "personId",
            o.name AS "employerName", a.created_at AS "createdAt"
       ${from} ORDER BY a.created_at DESC, a.id LIMIT ${limit} OFFSET ${offset}`,
    params.values,
  );
  return { items, total: total[0]?.n ?? 0 };
}

/** The account if it is a professional's inside the caller's scope for `permission`; else null. */
export async function findAccountInScope(
  db: Executor,
  grants: Grant[],
  permission: 'account.review' | 'account.resetPassword',
  id: string,
): Promise<AccountRow | null> {
  const params = new SqlParams();
  const idParam = params.add(id);
  const scope = scopeFilter(grants, permission, PERSON_SCOPE, params);
  const rows = await db.query<AccountRow>(
    `SELECT ${ACCOUNT_COLUMNS} FROM accounts a JOIN people p ON p.id = a.person_id JOIN organisations o ON o.id = p.employer_id
      WHERE a.id = ${idParam} AND ${scope}`,
    params.values,
  );
  return rows[0] ?? null;
}

/** Does the node a grant names exist, and in which province does it lie? */
export async function findGrantTargetProvince(
  db: Executor,
  grant: Grant,
): Promise<{ exists: boolean; regionProvince?: string | null; orgProvince?: string | null; deptProvince?: string | null }> {
  if (grant.scopeType === 'nation') return { exists: grant.scopeId === '000000' };
  if (grant.scopeType === 'region') {
    const rows = await db.query<{ p: string | null }>('SELECT province_code AS p FROM regions WHERE code = $1 AND level > 0', [grant.scopeId]);
    return { exists: rows.length > 0, regionProvince: rows[0]?.p ?? null };
  }
  if (grant.scopeType === 'department') {
    const rows = await db.query<{ p: string }>(
      `SELECT region_code AS p FROM departments WHERE code = $1 AND level = 'provincial'
       UNION ALL SELECT NULL FROM departments WHERE code = $1 AND level = 'national'`,
      [grant.scopeId],
    );
    return { exists: rows.length > 0, deptProvince: rows[0]?.p ?? null };
  }
  if (!/^[0-9a-f-]{36}$/.test(grant.scopeId)) return { exists: false };
  const rows = await db.query<{ p: string }>('SELECT province_code AS p FROM organisations WHERE id = $1', [grant.scopeId]);
  return { exists: rows.length > 0, orgProvince: rows[0]?.p ?? null };
}
