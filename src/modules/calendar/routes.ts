import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DateTime } from '../../platform/http/schemas.ts';
import { getYear, setYear } from './service.ts';

const tags = ['calendar 工作日历'];
const YearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false });
const Day = Type.Object({
  day: Type.String({ format: 'date' }),
  working: Type.Boolean(),
  name: Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' }),
}, { additionalProperties: false });
const YearBody = Type.Object({ days: Type.Array(Day, { maxItems: 366 }) }, { additionalProperties: false });
const YearResponse = Type.Object({
  year: Type.Integer(),
  days: Type.Array(Type.Object({ day: Type.String(), working: Type.Boolean(), name: Type.String(), updatedAt: DateTime })),
});

/** The working-day calendar: anyone reads a year; the ministry keeps it. */
export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/public/calendar/:year', { config: { public: true }, schema: { tags, params: YearParams, response: { 200: YearResponse } } }, async (req) => getYear(req.ctx.db, req.params.year));
  app.put('/api/calendar/:year', { config: { permission: 'calendar.manage' }, schema: { tags, params: YearParams, body: YearBody, response: { 200: YearResponse } } }, async (req) =>
    setYear(req.ctx, req.params.year, req.body.days),
  );
};
