import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { readUpload, sendFile } from '../../../platform/http/files.ts';
import { FormatQuery, IdParams, ImportQuery, ImportResponse } from '../../../platform/http/schemas.ts';
import { exportPeople, importPeople, peopleTemplate } from './import.ts';
import { PersonBody, PersonExportQuery, PersonPage, PersonQuery, PersonResponse, PersonUpdateBody } from './schemas.ts';
import { createPerson, getPerson, listPeople, revealIdNumber, setPersonActive, updatePerson } from './service.ts';

const tags = ['people 专业技术人员'];

export const peopleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/people', { config: { permission: 'person.read' }, schema: { tags, querystring: PersonQuery, response: { 200: PersonPage } } }, async (req) =>
    listPeople(req.ctx, req.query),
  );
  app.get('/api/people/template', { config: { permission: 'person.import' }, schema: { tags, querystring: FormatQuery } }, async (req, reply) =>
    sendFile(reply, await peopleTemplate(req.query.format), 'people-template'),
  );
  app.get('/api/people/export', { config: { permission: 'person.read' }, schema: { tags, querystring: PersonExportQuery } }, async (req, reply) => {
    const { format, ...filter } = req.query;
    return sendFile(reply, await exportPeople(req.ctx, filter, format), 'people');
  });
  app.post('/api/people/import', { config: { permission: 'person.import' }, schema: { tags, querystring: ImportQuery, response: { 200: ImportResponse } } }, async (req) =>
    importPeople(req.ctx, await readUpload(req), { dryRun: req.query.dryRun }),
  );
  app.get('/api/people/:id', { config: { permission: 'person.read' }, schema: { tags, params: IdParams, response: { 200: PersonResponse } } }, async (req) =>
    getPerson(req.ctx, req.params.id),
  );
  app.get('/api/people/:id/id-number', { config: { permission: 'person.idNumber.read' }, schema: { tags, params: IdParams, response: { 200: Type.Object({ idNumber: Type.String() }) } } }, async (req) =>
    revealIdNumber(req.ctx, req.params.id),
  );
  app.post('/api/people', { config: { permission: 'person.write' }, schema: { tags, body: PersonBody, response: { 201: PersonResponse } } }, async (req, reply) =>
    reply.status(201).send(await createPerson(req.ctx, req.body)),
  );
  app.put('/api/people/:id', { config: { permission: 'person.write' }, schema: { tags, params: IdParams, body: PersonUpdateBody, response: { 200: PersonResponse } } }, async (req) =>
    updatePerson(req.ctx, req.params.id, req.body),
  );
  app.post('/api/people/:id/deactivate', { config: { permission: 'person.write' }, schema: { tags, params: IdParams, response: { 200: PersonResponse } } }, async (req) =>
    setPersonActive(req.ctx, req.params.id, false),
  );
  app.post('/api/people/:id/activate', { config: { permission: 'person.write' }, schema: { tags, params: IdParams, response: { 200: PersonResponse } } }, async (req) =>
    setPersonActive(req.ctx, req.params.id, true),
  );
};
