import { v7 as uuidv7 } from 'uuid';
import { type Grant, listPermissions } from '../../../platform/auth/permissions.ts';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Actor, type Ctx, requireActor } from '../../../platform/context.ts';
import { maskIdNumber } from '../people/rules.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { registerPersonForAccount } from '../people/service.ts';
import { describeScopes } from './scope-names.ts';
import { assertPasswordAllowed, generatePassword, hashPassword, verifyPassword } from './passwords.ts';
import { canGrant } from './policy.ts';
import * as repo from './repo.ts';
import { SESSION_HOURS, hashToken, newSessionToken } from './session.ts';
import { forgetAccountSessions, forgetSession } from './session-cache.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
// Verifying against a fixed hash for unknown users keeps the answer time the same, so the
// timing does not tell which user names exist.
let dummyHash: Promise<string> | null = null;

/** Sign in: checks lockout, password, and status, then opens a session. */
export async function login(ctx: Ctx, input: { username: string; password: string; userAgent: string }) {
  const account = await repo.findAccountByUsername(ctx.db, input.username.trim());
  if (!account) {
    dummyHash ??= hashPassword('zhigeng-dummy-password');
    await verifyPassword(await dummyHash, input.password);
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (account.lockedUntil && account.lockedUntil > ctx.now) {
    const minutes = Math.ceil((account.lockedUntil.getTime() - ctx.now.getTime()) / 60000);
    throw new AppError('AUTH_LOCKED', { minutes });
  }
  if (!(await verifyPassword(account.passwordHash, input.password))) {
    const lockUntil = new Date(ctx.now.getTime() + LOCK_MINUTES * 60000);
    const locked = await ctx.db.transaction(async (tx) => {
      const nowLocked = await repo.recordFailedLogin(tx, account.id, MAX_FAILED_LOGINS, lockUntil);
      await recordAudit(tx, ctx, { action: nowLocked ? 'account.locked' : 'account.login_failed', entity: 'account', entityId: account.id });
      return nowLocked;
    });
    if (locked) throw new AppError('AUTH_LOCKED', { minutes: LOCK_MINUTES });
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (account.status === 'pending') throw new AppError('ACCOUNT_PENDING');
  if (account.status === 'rejected') throw new AppError('ACCOUNT_REJECTED', { reason: account.reviewReason ?? '' });
  if (account.status === 'disabled') throw new AppError('ACCOUNT_DISABLED');
  const session = newSessionToken();
  const expiresAt = new Date(ctx.now.getTime() + SESSION_HOURS * 3600_000);
  let actor: Actor | null = null;
  await ctx.db.transaction(async (tx) => {
    await repo.recordSuccessfulLogin(tx, account.id);
    await repo.insertSession(tx, { ...session, accountId: account.id, expiresAt, ip: ctx.ip, userAgent: input.userAgent.slice(0, 300) });
    const grants = await repo.listGrants(tx, account.id);
    actor = { accountId: account.id, username: account.username, displayName: account.displayName, kind: account.kind, personId: account.personId, grants };
    await recordAudit(tx, { ...ctx, actor }, { action: 'account.login', entity: 'account', entityId: account.id });
  });
  return { token: session.token, csrfToken: session.csrfToken, expiresAt, me: await getMe({ ...ctx, actor }) };
}

export async function logout(ctx: Ctx, token: string): Promise<void> {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    await repo.deleteSession(tx, hashToken(token));
    await recordAudit(tx, ctx, { action: 'account.logout', entity: 'account', entityId: actor.accountId });
  });
  forgetSession(hashToken(token).toString('base64'));
}

/** Who am I: identity, grants with readable scope names, and the permissions they carry. */
export async function getMe(ctx: Ctx) {
  const actor = requireActor(ctx);
  const account = await repo.findAccountById(ctx.db, actor.accountId);
  return {
    id: actor.accountId,
    username: actor.username,
    displayName: actor.displayName,
    kind: actor.kind,
    personId: actor.personId,
    mustChangePassword: account?.mustChangePassword ?? false,
    grants: await describeScopes(ctx.db, actor.grants),
    permissions: listPermissions(actor.grants),
  };
}

/** Change one's own password; every other session of the account ends. */
export async function changePassword(ctx: Ctx, input: { currentPassword: string; newPassword: string; currentToken: string }): Promise<void> {
  const actor = requireActor(ctx);
  const account = await repo.findAccountById(ctx.db, actor.accountId);
  if (!account) throw new AppError('ACCOUNT_NOT_FOUND');
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) throw new AppError('PASSWORD_WRONG');
  assertPasswordAllowed(input.newPassword, account.username);
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await repo.updatePassword(tx, account.id, hash, false, ctx.now);
    await repo.deleteOtherSessions(tx, account.id, hashToken(input.currentToken));
    await recordAudit(tx, ctx, { action: 'account.password_changed', entity: 'account', entityId: account.id });
  });
  forgetAccountSessions(account.id);
}

export type RegistrationInput = {
  idNumber: string;
  name: string;
  phone: string;
  regionCode: string;
  employerId: string;
  password: string;
};

/**
 * A professional registers: the citizen ID is the login name (one account per ID), and the
 * account stays pending until the employer's administrator approves it (DOMAIN.md §4.4).
 */
export async function registerProfessional(ctx: Ctx, input: RegistrationInput) {
  const hash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const person = await registerPersonForAccount(tx, ctx, input);
    assertPasswordAllowed(input.password, person.idNumber);
    const taken = await repo.findAccountByUsername(tx, person.idNumber);
    if (taken) throw new AppError('ACCOUNT_EXISTS');
    const id = uuidv7();
    await repo.insertAccount(tx, {
      id,
      username: person.idNumber,
      displayName: person.name,
      passwordHash: hash,
      kind: 'professional',
      personId: person.id,
      status: 'pending',
      mustChangePassword: false,
    });
    await repo.insertGrants(tx, id, [{ role: 'professional', scopeType: 'organisation', scopeId: person.employerId }]);
    await recordAudit(tx, { ...ctx, actor: null }, {
      action: 'account.registered',
      entity: 'account',
      entityId: id,
      after: { personId: person.id, employerId: person.employerId, status: 'pending' },
    });
    return { id, status: 'pending' as const };
  });
}

export async function listAccounts(ctx: Ctx, query: { status?: string; q?: string; page: number; pageSize: number }) {
  const actor = requireActor(ctx);
  const result = await repo.listAccountsInScope(ctx.db, actor.grants, {
    status: query.status,
    q: query.q,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  // A professional's user name is the citizen ID: lists show it masked like the ID itself.
  const items = result.items.map((a) => (a.kind === 'professional' ? { ...a, username: maskIdNumber(a.username) } : a));
  return { items, total: result.total, page: query.page, pageSize: query.pageSize };
}

async function getReviewableAccount(ctx: Ctx, id: string, permission: 'account.review' | 'account.resetPassword') {
  const actor = requireActor(ctx);
  const account = await repo.findAccountInScope(ctx.db, actor.grants, permission, id);
  if (!account) throw new AppError('ACCOUNT_NOT_FOUND');
  return account;
}

/** The employer's administrator approves or rejects a pending registration. */
export async function reviewAccount(ctx: Ctx, input: { id: string; decision: 'approve' | 'reject'; reason?: string }) {
  const actor = requireActor(ctx);
  const account = await getReviewableAccount(ctx, input.id, 'account.review');
  if (account.status !== 'pending') throw new AppError('ACCOUNT_NOT_PENDING');
  const status = input.decision === 'approve' ? 'active' : 'rejected';
  await ctx.db.transaction(async (tx) => {
    await repo.updateAccountStatus(tx, account.id, { status, reviewedBy: actor.accountId, reason: input.reason ?? null, now: ctx.now });
    await recordAudit(tx, ctx, {
      action: `account.${input.decision === 'approve' ? 'approved' : 'rejected'}`,
      entity: 'account',
      entityId: account.id,
      before: { status: account.status },
      after: { status, reason: input.reason ?? null },
    });
  });
  forgetAccountSessions(account.id);
  return { id: account.id, status };
}

/** An administrator resets a forgotten password: a one-time password to change at next sign-in. */
export async function resetPassword(ctx: Ctx, id: string) {
  const account = await getReviewableAccount(ctx, id, 'account.resetPassword');
  const temporaryPassword = generatePassword();
  const hash = await hashPassword(temporaryPassword);
  await ctx.db.transaction(async (tx) => {
    await repo.updatePassword(tx, account.id, hash, true, ctx.now);
    await repo.deleteSessionsOfAccount(tx, account.id);
    await recordAudit(tx, ctx, { action: 'account.password_reset', entity: 'account', entityId: account.id });
  });
  forgetAccountSessions(account.id);
  return { id: account.id, temporaryPassword };
}

export type StaffAccountInput = { username: string; displayName: string; password: string; grants: Grant[] };

/** Create a staff account (administrator, expert, inspector) with grants the caller may give. */
export async function createStaffAccount(ctx: Ctx, input: StaffAccountInput) {
  const actor = requireActor(ctx);
  assertPasswordAllowed(input.password, input.username);
  const hash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    for (const grant of input.grants) {
      const target = await repo.findGrantTargetProvince(tx, grant);
      if (!target.exists || !canGrant(actor.grants, grant, target)) {
        throw new AppError('ACCOUNT_GRANT_INVALID', { role: grant.role, scopeType: grant.scopeType });
      }
    }
    if (await repo.findAccountByUsername(tx, input.username)) throw new AppError('ACCOUNT_USERNAME_TAKEN');
    const id = uuidv7();
    await repo.insertAccount(tx, { id, username: input.username, displayName: input.displayName, passwordHash: hash, kind: 'staff', personId: null, status: 'active', mustChangePassword: true });
    await repo.insertGrants(tx, id, input.grants);
    await recordAudit(tx, ctx, { action: 'account.created', entity: 'account', entityId: id, after: { username: input.username, grants: input.grants } });
    return { id };
  });
}
