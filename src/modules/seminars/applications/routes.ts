import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CallBody, CallResponse, CreateBody, History, LimitsBody, LimitsResponse, ListQuery, PrereviewBody, SeminarIdParams, SeminarList, SeminarResponse, UpdateBody,
  VersionBody, WithdrawBody, YearParams,
} from '../schemas.ts';
import {
  createApplication, getCall, getLimits, getSeminar, getSeminarHistory, listSeminars, prereviewApplication, setCall, setLimits, submitApplication,
  updateApplication, withdrawApplication,
} from './service.ts';

const tags = ['seminars 高级研修'];

export const applicationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/seminars', { config: { permission: 'seminar.read' }, schema: { tags, querystring: ListQuery, response: { 200: SeminarList } } }, async (req) =>
    listSeminars(req.ctx, req.query),
  );
  app.post('/api/seminars', { config: { permission: 'seminar.apply' }, schema: { tags, body: CreateBody, response: { 201: SeminarResponse } } }, async (req, reply) =>
    reply.status(201).send(await createApplication(req.ctx, req.body)),
  );
  app.get('/api/seminars/:id', { config: { permission: 'seminar.read' }, schema: { tags, params: SeminarIdParams, response: { 200: SeminarResponse } } }, async (req) =>
    getSeminar(req.ctx, req.params.id),
  );
  app.put('/api/seminars/:id', { config: { permission: 'seminar.apply' }, schema: { tags, params: SeminarIdParams, body: UpdateBody, response: { 200: SeminarResponse } } }, async (req) =>
    updateApplication(req.ctx, req.params.id, req.body),
  );
  app.get('/api/seminars/:id/history', { config: { permission: 'seminar.read' }, schema: { tags, params: SeminarIdParams, response: { 200: History } } }, async (req) =>
    getSeminarHistory(req.ctx, req.params.id),
  );
  app.post('/api/seminars/:id/submit', { config: { permission: 'seminar.apply' }, schema: { tags, params: SeminarIdParams, body: VersionBody, response: { 200: SeminarResponse } } }, async (req) =>
    submitApplication(req.ctx, req.params.id, req.body),
  );
  app.post('/api/seminars/:id/withdraw', { config: { permission: 'seminar.apply' }, schema: { tags, params: SeminarIdParams, body: WithdrawBody, response: { 200: SeminarResponse } } }, async (req) =>
    withdrawApplication(req.ctx, req.params.id, req.body),
  );
  app.post('/api/seminars/:id/prereview', { config: { permission: 'seminar.prereview' }, schema: { tags, params: SeminarIdParams, body: PrereviewBody, response: { 200: SeminarResponse } } }, async (req) =>
    prereviewApplication(req.ctx, req.params.id, req.body),
  );
  app.get('/api/seminars/calls/:year', { config: { permission: 'seminar.read' }, schema: { tags, params: YearParams, response: { 200: CallResponse } } }, async (req) =>
    getCall(req.ctx, req.params.year),
  );
  app.put('/api/seminars/calls/:year', { config: { permission: 'seminar.manage' }, schema: { tags, params: YearParams, body: CallBody, response: { 200: CallResponse } } }, async (req) =>
    setCall(req.ctx, req.params.year, req.body),
  );
  app.get('/api/seminars/limits/:year', { config: { permission: 'seminar.read' }, schema: { tags, params: YearParams, response: { 200: LimitsResponse } } }, async (req) =>
    getLimits(req.ctx, req.params.year),
  );
  app.put('/api/seminars/limits/:year', { config: { permission: 'seminar.manage' }, schema: { tags, params: YearParams, body: LimitsBody, response: { 200: LimitsResponse } } }, async (req) =>
    setLimits(req.ctx, req.params.year, req.body),
  );
};
