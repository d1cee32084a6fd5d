import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { RegionCode } from '../../../platform/http/schemas.ts';
import { NATION_CODE } from './reference.ts';
import { getRegionTree, listChildRegions, setRegionFlags } from './service.ts';

const tags = ['regions 行政区划'];
const Flag = Type.Union([Type.Literal('old_revolutionary'), Type.Literal('border'), Type.Literal('ethnic_autonomous')]);
const Region = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.Integer(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  flags: Type.Array(Type.String()),
  hasChildren: Type.Boolean(),
});
const RegionNodeSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.Integer(),
  flags: Type.Array(Type.String()),
  children: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), level: Type.Integer(), flags: Type.Array(Type.String()), children: Type.Array(Type.Unknown()) })),
});

export const regionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/regions', {
    config: { public: true },
    schema: { tags, querystring: Type.Object({ parentCode: Type.Optional(RegionCode) }, { additionalProperties: false }), response: { 200: Type.Object({ items: Type.Array(Region) }) } },
  }, async (req) => listChildRegions(req.ctx, req.query.parentCode ?? NATION_CODE));
  app.get('/api/regions/tree', { config: { public: true }, schema: { tags, response: { 200: Type.Object({ items: Type.Array(RegionNodeSchema) }) } } }, async (req) => getRegionTree(req.ctx));
  app.put('/api/regions/:code/flags', {
    config: { permission: 'region.manage' },
    schema: {
      tags,
      params: Type.Object({ code: RegionCode }, { additionalProperties: false }),
      body: Type.Object({ flags: Type.Array(Flag, { maxItems: 3, uniqueItems: true }) }, { additionalProperties: false }),
      response: { 200: Region },
    },
  }, async (req) => setRegionFlags(req.ctx, req.params.code, req.body.flags));
};
