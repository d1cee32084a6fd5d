import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { YearCompliance } from '../schemas.ts';
import { queryCompliance } from './service.ts';

const tags = ['learning 学时'];

export const LinkageQuery = Type.Object(
  {
    idNumber: Type.String({ minLength: 15, maxLength: 18 }),
    years: Type.String({ pattern: '^\\d{4}(-\\d{4})?$', maxLength: 9 }),
  },
  { additionalProperties: false },
);

export const LinkageResponse = Type.Object({
  person: Type.Object({ name: Type.String(), idNumberMasked: Type.String() }),
  years: Type.Array(YearCompliance),
});

/** Title, appointment and registration reviews ask for a person's compliance with a compliance key. */
export const linkageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/learning/compliance', {
    config: { permission: 'learning.compliance.query' },
    schema: { tags, querystring: LinkageQuery, response: { 200: LinkageResponse } },
  }, async (req) => queryCompliance(req.ctx, req.query));
};
