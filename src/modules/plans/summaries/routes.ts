import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DateTime } from '../../../platform/http/schemas.ts';
import { PlanYear } from '../schemas.ts';
import { getOwnSummary, getSummary, getSummaryFile, listSummaryStatus, setSummaryDeadline, submitSummary } from './service.ts';

const tags = ['plans 任务计划'];
const YearParams = Type.Object({ year: PlanYear }, { additionalProperties: false });
const SubmitterParams = Type.Object({ year: PlanYear, submitter: Type.String({ pattern: '^([0-9]{6}|[a-z]+)$', maxLength: 30 }) }, { additionalProperties: false });
const FileParams = Type.Object({ year: PlanYear, submitter: Type.String({ pattern: '^([0-9]{6}|[a-z]+)$', maxLength: 30 }), idx: Type.Integer({ minimum: 0, maximum: 4 }) }, { additionalProperties: false });
const Figures = Type.Object({ target: Type.Integer(), actual: Type.Integer(), fields: Type.Integer() });
const Summary = Type.Object({
  year: Type.Integer(), submitter: Type.String(), figures: Figures, text: Type.String(), submittedAt: DateTime, late: Type.Boolean(),
  files: Type.Array(Type.Object({ idx: Type.Integer(), fileName: Type.String(), sizeBytes: Type.Integer() })),
});
const OwnSummary = Type.Object({
  year: Type.Integer(), submitter: Type.String(), kind: Type.String(), deadline: Type.Union([Type.String(), Type.Null()]), figures: Figures, summary: Type.Union([Summary, Type.Null()]),
});
const SubmitBody = Type.Object({
  text: Type.String({ minLength: 1, maxLength: 20_000 }),
  attachments: Type.Array(Type.Object({ fileName: Type.String({ minLength: 1, maxLength: 200 }), contentBase64: Type.String({ maxLength: 7_000_000 }) }, { additionalProperties: false }), { maxItems: 5 }),
}, { additionalProperties: false });
const StatusList = Type.Object({
  year: Type.Integer(), deadline: Type.Union([Type.String(), Type.Null()]), submitted: Type.Integer(), total: Type.Integer(),
  items: Type.Array(Type.Object({
    code: Type.String(), name: Type.String(), kind: Type.String(), submitted: Type.Boolean(), late: Type.Boolean(),
    submittedAt: Type.Union([DateTime, Type.Null()]), figures: Type.Union([Figures, Type.Null()]),
  })),
});

/** Work summaries: the ministry sets the deadline and sees who submitted; provinces and departments submit. */
export const summaryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.put('/api/plan-summaries/:year/deadline', {
    config: { permission: 'plan.manage' },
    schema: { tags, params: YearParams, body: Type.Object({ dueDate: Type.String({ format: 'date', maxLength: 10 }) }, { additionalProperties: false }), response: { 200: Type.Object({ year: Type.Integer(), dueDate: Type.String() }) } },
  }, async (req) => setSummaryDeadline(req.ctx, req.params.year, req.body.dueDate));
  app.get('/api/plan-summaries/:year', { config: { permission: 'plan.manage' }, schema: { tags, params: YearParams, response: { 200: StatusList } } }, async (req) =>
    listSummaryStatus(req.ctx, req.params.year),
  );
  app.get('/api/plan-summaries/:year/mine', { config: { permission: 'plan.summary.submit' }, schema: { tags, params: YearParams, response: { 200: OwnSummary } } }, async (req) =>
    getOwnSummary(req.ctx, req.params.year),
  );
  app.post('/api/plan-summaries/:year/mine', {
    config: { permission: 'plan.summary.submit' },
    bodyLimit: 40 * 1024 * 1024,
    schema: { tags, params: YearParams, body: SubmitBody, response: { 200: OwnSummary } },
  }, async (req) => submitSummary(req.ctx, req.params.year, req.body));
  app.get('/api/plan-summaries/:year/:submitter', { config: { permission: 'plan.read' }, schema: { tags, params: SubmitterParams, response: { 200: Summary } } }, async (req) =>
    getSummary(req.ctx, req.params.year, req.params.submitter),
  );
  app.get('/api/plan-summaries/:year/:submitter/files/:idx', { config: { permission: 'plan.read' }, schema: { tags, params: FileParams } }, async (req, reply) => {
    const file = await getSummaryFile(req.ctx, req.params.year, req.params.submitter, req.params.idx);
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.data);
  });
};
