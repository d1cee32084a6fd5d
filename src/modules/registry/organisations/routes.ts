import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { readUpload, sendFile } from '../../../platform/http/files.ts';
import { FormatQuery, IdParams, ImportQuery, ImportResponse } from '../../../platform/http/schemas.ts';
import { exportOrganisations, importOrganisations, organisationsTemplate } from './import.ts';
import { OrgBody, OrgExportQuery, OrgOptions, OrgOptionsQuery, OrgPage, OrgQuery, OrgResponse } from './schemas.ts';
import { createOrganisation, getOrganisation, listOrganisationOptions, listOrganisations, setOrganisationActive, updateOrganisation } from './service.ts';

const tags = ['organisations 单位'];

export const organisationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/organisations/options', { config: { public: true }, schema: { tags, querystring: OrgOptionsQuery, response: { 200: OrgOptions } } }, async (req) =>
    listOrganisationOptions(req.ctx, req.query),
  );
  app.get('/api/organisations', { config: { permission: 'organisation.read' }, schema: { tags, querystring: OrgQuery, response: { 200: OrgPage } } }, async (req) =>
    listOrganisations(req.ctx, req.query),
  );
  app.get('/api/organisations/template', { config: { permission: 'organisation.import' }, schema: { tags, querystring: FormatQuery } }, async (req, reply) =>
    sendFile(reply, await organisationsTemplate(req.query.format), 'organisations-template'),
  );
  app.get('/api/organisations/export', { config: { permission: 'organisation.read' }, schema: { tags, querystring: OrgExportQuery } }, async (req, reply) => {
    const { format, ...filter } = req.query;
    return sendFile(reply, await exportOrganisations(req.ctx, filter, format), 'organisations');
  });
  app.post('/api/organisations/import', { config: { permission: 'organisation.import' }, schema: { tags, querystring: ImportQuery, response: { 200: ImportResponse } } }, async (req) =>
    importOrganisations(req.ctx, await readUpload(req), { dryRun: req.query.dryRun }),
  );
  app.get('/api/organisations/:id', { config: { permission: 'organisation.read' }, schema: { tags, params: IdParams, response: { 200: OrgResponse } } }, async (req) =>
    getOrganisation(req.ctx, req.params.id),
  );
  app.post('/api/organisations', { config: { permission: 'organisation.write' }, schema: { tags, body: OrgBody, response: { 201: OrgResponse } } }, async (req, reply) =>
    reply.status(201).send(await createOrganisation(req.ctx, req.body)),
  );
  app.put('/api/organisations/:id', { config: { permission: 'organisation.write' }, schema: { tags, params: IdParams, body: OrgBody, response: { 200: OrgResponse } } }, async (req) =>
    updateOrganisation(req.ctx, req.params.id, req.body),
  );
  app.post('/api/organisations/:id/deactivate', { config: { permission: 'organisation.write' }, schema: { tags, params: IdParams, response: { 200: OrgResponse } } }, async (req) =>
    setOrganisationActive(req.ctx, req.params.id, false),
  );
  app.post('/api/organisations/:id/activate', { config: { permission: 'organisation.write' }, schema: { tags, params: IdParams, response: { 200: OrgResponse } } }, async (req) =>
    setOrganisationActive(req.ctx, req.params.id, true),
  );
};
