import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../platform/http/schemas.ts';
import { CreateKeyBody, CreatedKeyResponse, KeyListQuery, KeyPage, KeyResponse } from './schemas.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './service.ts';

const tags = ['learning 学时'];
const config = { permission: 'learning.apikey.manage' } as const;

/** API keys for providers' reporting and for title-review linkage, managed by administrators. */
export const apiKeyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/learning/api-keys', { config, schema: { tags, querystring: KeyListQuery, response: { 200: KeyPage } } }, async (req) => listApiKeys(req.ctx, req.query));
  app.post('/api/learning/api-keys', { config, schema: { tags, body: CreateKeyBody, response: { 201: CreatedKeyResponse } } }, async (req, reply) =>
    reply.status(201).send(await createApiKey(req.ctx, req.body)),
  );
  app.post('/api/learning/api-keys/:id/revoke', { config, schema: { tags, params: IdParams, response: { 200: KeyResponse } } }, async (req) =>
    revokeApiKey(req.ctx, req.params.id),
  );
};
