import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PublicList, PublicQuery, PublishBody, PublishResponse, SelectBody, SelectionResponse, SeminarIdParams, SeminarResponse, YearQuery } from '../schemas.ts';
import { getSelection, listPublicSeminars, publishApproved, selectSeminar } from './service.ts';

const tags = ['seminars 高级研修'];

export const selectionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/seminars/selection', { config: { permission: 'seminar.manage' }, schema: { tags, querystring: YearQuery, response: { 200: SelectionResponse } } }, async (req) =>
    getSelection(req.ctx, req.query.year),
  );
  app.post('/api/seminars/:id/select', { config: { permission: 'seminar.manage' }, schema: { tags, params: SeminarIdParams, body: SelectBody, response: { 200: SeminarResponse } } }, async (req) =>
    selectSeminar(req.ctx, req.params.id, req.body),
  );
  app.post('/api/seminars/publish', { config: { permission: 'seminar.manage' }, schema: { tags, body: PublishBody, response: { 200: PublishResponse } } }, async (req) =>
    publishApproved(req.ctx, req.body),
  );
  app.get('/api/public/seminars', { config: { public: true }, schema: { tags, querystring: PublicQuery, response: { 200: PublicList } } }, async (req) =>
    listPublicSeminars(req.ctx, req.query.year),
  );
};
