import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { RegionCode } from '../../../platform/http/schemas.ts';
import { listDepartments } from './service.ts';

const Department = Type.Object({
  code: Type.String(),
  name: Type.String(),
  shortName: Type.String(),
  nameEn: Type.String(),
  level: Type.String(),
  regionCode: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
});

export const departmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/departments', {
    config: { public: true },
    schema: {
      tags: ['departments 主管部门'],
      querystring: Type.Object(
        { level: Type.Optional(Type.Union([Type.Literal('national'), Type.Literal('provincial')])), regionCode: Type.Optional(RegionCode) },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ items: Type.Array(Department) }) },
    },
  }, async (req) => listDepartments(req.ctx, req.query));
};
