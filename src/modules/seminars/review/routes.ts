import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  BlindList, ConflictBody, DeclareConflictBody, DeclareConflictResponse, DrawBody, DrawList, DrawResponse, ExpertBody, ExpertList, ExpertResponse, ExpertUpdateBody,
  Rubric, ScoreBody, SeminarIdParams, YearQuery,
} from '../schemas.ts';
import { addConflict, addExpert, declareConflict, getRubric, listDraws, listExperts, listMyAssignments, runDraw, scoreAssignment, updateExpert } from './service.ts';

const tags = ['seminars 高级研修'];

export const reviewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/seminars/experts', { config: { permission: 'seminar.manage' }, schema: { tags, response: { 200: ExpertList } } }, async (req) => listExperts(req.ctx));
  app.post('/api/seminars/experts', { config: { permission: 'seminar.manage' }, schema: { tags, body: ExpertBody, response: { 201: ExpertResponse } } }, async (req, reply) =>
    reply.status(201).send(await addExpert(req.ctx, req.body)),
  );
  app.put('/api/seminars/experts/:id', { config: { permission: 'seminar.manage' }, schema: { tags, params: SeminarIdParams, body: ExpertUpdateBody, response: { 200: ExpertResponse } } }, async (req) =>
    updateExpert(req.ctx, req.params.id, req.body),
  );
  app.post('/api/seminars/experts/:id/conflicts', { config: { permission: 'seminar.manage' }, schema: { tags, params: SeminarIdParams, body: ConflictBody, response: { 200: ExpertResponse } } }, async (req) =>
    addConflict(req.ctx, req.params.id, req.body),
  );
  app.get('/api/seminars/draws', { config: { permission: 'seminar.manage' }, schema: { tags, querystring: YearQuery, response: { 200: DrawList } } }, async (req) =>
    listDraws(req.ctx, req.query.year),
  );
  app.post('/api/seminars/draws', {
    config: { permission: 'seminar.manage' },
    schema: { tags, description: 'Draw N reviewers (default 3) for every pre-approved application of the year. The seed is recorded; the same seed and inputs give the same draw.', body: DrawBody, response: { 201: DrawResponse } },
  }, async (req, reply) => reply.status(201).send(await runDraw(req.ctx, req.body)));
  app.get('/api/seminars/rubric', { config: { permission: 'seminar.review' }, schema: { tags, response: { 200: Rubric } } }, async (req) => getRubric(req.ctx));
  app.get('/api/seminars/reviews/mine', { config: { permission: 'seminar.review' }, schema: { tags, description: 'The caller\'s assignments, blind: no host, no other scores.', response: { 200: BlindList } } }, async (req) =>
    listMyAssignments(req.ctx),
  );
  app.post('/api/seminars/reviews/:id/score', { config: { permission: 'seminar.review' }, schema: { tags, params: SeminarIdParams, body: ScoreBody, response: { 200: BlindList } } }, async (req) =>
    scoreAssignment(req.ctx, req.params.id, req.body),
  );
  app.post('/api/seminars/reviews/:id/conflict', { config: { permission: 'seminar.review' }, schema: { tags, params: SeminarIdParams, body: DeclareConflictBody, response: { 200: DeclareConflictResponse } } }, async (req) =>
    declareConflict(req.ctx, req.params.id, req.body),
  );
};
