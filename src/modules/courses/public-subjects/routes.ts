import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DateTime, RegionCode, Uuid } from '../../../platform/http/schemas.ts';
import { PUBLIC_SUBJECT_THEMES } from '../rules.ts';
import { getPublicSubjects, savePublicSubjects } from './service.ts';

const tags = ['courses 公需科目目录'];
const Params = Type.Object({ regionCode: RegionCode, year: Type.Integer({ minimum: 1990, maximum: 2100 }) }, { additionalProperties: false });
const Body = Type.Object(
  {
    items: Type.Array(Type.Object({ theme: Type.Enum(PUBLIC_SUBJECT_THEMES), courseId: Uuid }, { additionalProperties: false }), { maxItems: 500 }),
    adoptsNationalVersion: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { default: null }),
    note: Type.String({ maxLength: 300, default: '' }),
  },
  { additionalProperties: false },
);
const Response = Type.Object({
  regionCode: Type.String(),
  year: Type.Integer(),
  version: Type.Union([Type.Integer(), Type.Null()]),
  adoptsNationalVersion: Type.Union([Type.Integer(), Type.Null()]),
  nationalVersion: Type.Union([Type.Integer(), Type.Null()]),
  items: Type.Array(Type.Object({
    theme: Type.String(), courseId: Type.String(), source: Type.String(), free: Type.Boolean(), title: Type.String(), providerName: Type.String(), hours: Type.Number(), published: Type.Boolean(),
  })),
  history: Type.Array(Type.Object({ version: Type.Integer(), adoptsNationalVersion: Type.Union([Type.Integer(), Type.Null()]), itemCount: Type.Integer(), note: Type.String(), createdAt: DateTime })),
});

export const publicSubjectRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The reference list is public: anyone may see what counts as a public subject where.
  app.get('/api/public/public-subjects/:regionCode/:year', {
    config: { public: true },
    schema: { tags, params: Params, querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }), response: { 200: Response } },
  }, async (req) => getPublicSubjects(req.ctx, req.params.regionCode, req.params.year, req.query.version));
  app.put('/api/public-subjects/:regionCode/:year', { config: { permission: 'course.catalogue.manage' }, schema: { tags, params: Params, body: Body, response: { 200: Response } } }, async (req) =>
    savePublicSubjects(req.ctx, { ...req.params, ...req.body }),
  );
};
