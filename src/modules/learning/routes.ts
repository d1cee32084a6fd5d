import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { readUploadFile, sendFile } from '../../platform/http/files.ts';
import { IdParams, Uuid } from '../../platform/http/schemas.ts';
import { exportCompliance, getOwnCompliance, listCompliance, yearsRange } from './compliance/service.ts';
import { addEvidence, confirmRecord, declareRecord, enterRecord, getEvidence, getRecord, listOwnRecords, listRecords, reviewRecord, updateOwnRecord } from './records/service.ts';
import { getRules, previewRules, saveRules } from './rules/service.ts';
import {
  ComplianceExportQuery, ComplianceListQuery, ComplianceListResponse, DecisionBody, EnterRecordBody, PreviewBody, RecordBody, RecordList, RecordPage, RecordQuery,
  RecordResponse, RulesBody, RulesParams, Year, YearCompliance, YearsQuery,
} from './schemas.ts';

const tags = ['learning 学时'];

function chinaYear(now: Date): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
}

export const learningRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The professional's own archive.
  app.get('/api/me/learning/records', { config: { permission: 'learning.self' }, schema: { tags, querystring: Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false }), response: { 200: RecordList } } }, async (req) =>
    listOwnRecords(req.ctx, req.query.year),
  );
  app.post('/api/me/learning/records', { config: { permission: 'learning.self' }, schema: { tags, body: RecordBody, response: { 201: RecordResponse } } }, async (req, reply) =>
    reply.status(201).send(await declareRecord(req.ctx, req.body)),
  );
  app.put('/api/me/learning/records/:id', { config: { permission: 'learning.self' }, schema: { tags, params: IdParams, body: RecordBody, response: { 200: RecordResponse } } }, async (req) =>
    updateOwnRecord(req.ctx, req.params.id, req.body),
  );
  app.post('/api/me/learning/records/:id/evidence', {
    config: { permission: 'learning.self' },
    schema: { tags, params: IdParams, response: { 201: Type.Object({ id: Type.String(), contentType: Type.String(), sizeBytes: Type.Integer() }) } },
  }, async (req, reply) => {
    return reply.status(201).send(await addEvidence(req.ctx, req.params.id, await readUploadFile(req)));
  });
  app.get('/api/me/learning/compliance', { config: { permission: 'learning.self' }, schema: { tags, querystring: YearsQuery, response: { 200: Type.Object({ items: Type.Array(YearCompliance) }) } } }, async (req) => {
    const current = chinaYear(req.ctx.now);
    return getOwnCompliance(req.ctx, yearsRange(req.query.from ?? current - 4, req.query.to ?? current));
  });

  // Employers, departments and provinces.
  app.get('/api/learning/records', { config: { permission: 'learning.record.read' }, schema: { tags, querystring: RecordQuery, response: { 200: RecordPage } } }, async (req) =>
    listRecords(req.ctx, req.query),
  );
  app.post('/api/learning/records', { config: { permission: 'learning.record.enter' }, schema: { tags, body: EnterRecordBody, response: { 201: RecordResponse } } }, async (req, reply) =>
    reply.status(201).send(await enterRecord(req.ctx, req.body)),
  );
  app.get('/api/learning/records/:id', { config: { permission: 'learning.record.read' }, schema: { tags, params: IdParams, response: { 200: RecordResponse } } }, async (req) =>
    getRecord(req.ctx, req.params.id),
  );
  app.post('/api/learning/records/:id/review', { config: { permission: 'learning.record.review' }, schema: { tags, params: IdParams, body: DecisionBody, response: { 200: RecordResponse } } }, async (req) =>
    reviewRecord(req.ctx, { id: req.params.id, ...req.body }),
  );
  app.post('/api/learning/records/:id/confirm', { config: { permission: 'learning.record.confirm' }, schema: { tags, params: IdParams, body: DecisionBody, response: { 200: RecordResponse } } }, async (req) =>
    confirmRecord(req.ctx, { id: req.params.id, ...req.body }),
  );
  app.get('/api/learning/records/:id/evidence/:evidenceId', {
    config: { authenticated: true },
    schema: { tags, params: Type.Object({ id: Uuid, evidenceId: Uuid }, { additionalProperties: false }) },
  }, async (req, reply) => {
    const evidence = await getEvidence(req.ctx, req.params.id, req.params.evidenceId);
    return reply.header('content-type', evidence.contentType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(evidence.fileName)}`).send(evidence.data);
  });
  app.get('/api/learning/compliance/list', { config: { permission: 'learning.compliance.read' }, schema: { tags, querystring: ComplianceListQuery, response: { 200: ComplianceListResponse } } }, async (req) =>
    listCompliance(req.ctx, req.query),
  );

  app.get('/api/learning/compliance/export', { config: { permission: 'learning.compliance.read' }, schema: { tags, querystring: ComplianceExportQuery } }, async (req, reply) => {
    const { format, ...filter } = req.query;
    return sendFile(reply, await exportCompliance(req.ctx, filter, format), `compliance-${filter.year}`);
  });

  // Rules per region and year.
  app.get('/api/learning/rules/:regionCode/:year', { config: { authenticated: true }, schema: { tags, params: RulesParams } }, async (req) =>
    getRules(req.ctx, req.params.regionCode, req.params.year),
  );
  app.put('/api/learning/rules/:regionCode/:year', { config: { permission: 'learning.rules.manage' }, schema: { tags, params: RulesParams, body: RulesBody } }, async (req) =>
    saveRules(req.ctx, { ...req.params, patch: req.body.patch, note: req.body.note }),
  );
  app.post('/api/learning/rules/:regionCode/:year/preview', { config: { permission: 'learning.rules.manage' }, schema: { tags, params: RulesParams, body: PreviewBody } }, async (req) =>
    previewRules(req.ctx, { ...req.params, patch: req.body.patch }),
  );
};
