import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { SESSION_COOKIE } from '../../../platform/http/auth-hook.ts';
import { IdParams } from '../../../platform/http/schemas.ts';
import { AccountPage, AccountQuery, CreateAccountBody, LoginBody, PasswordBody, RegisterBody, ReviewBody, SessionResponse } from './schemas.ts';
import { changePassword, createStaffAccount, getMe, listAccounts, login, logout, registerProfessional, resetPassword, reviewAccount } from './service.ts';
import { SESSION_HOURS } from './session.ts';

const tags = ['auth 登录与账号'];

export const accountRoutes: FastifyPluginAsyncTypebox<{ secureCookies: boolean }> = async (app, options) => {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: options.secureCookies, maxAge: SESSION_HOURS * 3600 };

  app.post('/api/auth/login', {
    config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { tags, body: LoginBody, response: { 200: SessionResponse } },
  }, async (req, reply) => {
    const session = await login(req.ctx, { ...req.body, userAgent: req.headers['user-agent'] ?? '' });
    void reply.setCookie(SESSION_COOKIE, session.token, cookieOptions);
    return { csrfToken: session.csrfToken, me: session.me };
  });
  app.post('/api/auth/logout', { config: { authenticated: true }, schema: { tags } }, async (req, reply) => {
    await logout(req.ctx, req.cookies[SESSION_COOKIE] ?? '');
    return reply.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).send();
  });
  app.get('/api/auth/me', { config: { authenticated: true }, schema: { tags, response: { 200: SessionResponse } } }, async (req) => getMe(req.ctx).then((me) => ({ me, csrfToken: req.sessionCsrfToken ?? '' })));
  app.post('/api/auth/password', { config: { authenticated: true }, schema: { tags, body: PasswordBody } }, async (req, reply) => {
    await changePassword(req.ctx, { ...req.body, currentToken: req.cookies[SESSION_COOKIE] ?? '' });
    return reply.status(204).send();
  });
  app.post('/api/auth/register', {
    config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags, body: RegisterBody, response: { 201: Type.Object({ id: Type.String(), status: Type.String() }) } },
  }, async (req, reply) => reply.status(201).send(await registerProfessional(req.ctx, req.body)));

  app.get('/api/accounts', { config: { permission: 'account.read' }, schema: { tags, querystring: AccountQuery, response: { 200: AccountPage } } }, async (req) =>
    listAccounts(req.ctx, req.query),
  );
  app.post('/api/accounts/:id/review', {
    config: { permission: 'account.review' },
    schema: { tags, params: IdParams, body: ReviewBody, response: { 200: Type.Object({ id: Type.String(), status: Type.String() }) } },
  }, async (req) => reviewAccount(req.ctx, { id: req.params.id, ...req.body }));
  app.post('/api/accounts/:id/reset-password', {
    config: { permission: 'account.resetPassword' },
    schema: { tags, params: IdParams, response: { 200: Type.Object({ id: Type.String(), temporaryPassword: Type.String() }) } },
  }, async (req) => resetPassword(req.ctx, req.params.id));
  app.post('/api/accounts', { config: { permission: 'account.manage' }, schema: { tags, body: CreateAccountBody, response: { 201: Type.Object({ id: Type.String() }) } } }, async (req, reply) =>
    reply.status(201).send(await createStaffAccount(req.ctx, req.body)),
  );
};
