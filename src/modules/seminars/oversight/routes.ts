import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { OversightResponse, YearQuery } from '../schemas.ts';
import { getOversight } from './service.ts';

const tags = ['seminars 高级研修'];

export const oversightRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/seminars/oversight', { config: { permission: 'seminar.oversight' }, schema: { tags, querystring: YearQuery, response: { 200: OversightResponse } } }, async (req) =>
    getOversight(req.ctx, req.query.year),
  );
};
