import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sendFile } from '../../platform/http/files.ts';
import { importPlanTable } from './import/service.ts';
import { exportDashboard, getDashboard } from './progress/service.ts';
import {
  DashboardExportQuery, DashboardQuery, DashboardResponse, History, ImportBody, ImportQuery, ImportResponse, PlanBody, PlanIdParams, PlanList, PlanResponse, PlanStatusBody, PlansQuery, SplitBody, SplitResponse,
  TargetList, TargetsQuery,
} from './schemas.ts';
import { createPlan, getPlan, getPlanHistory, listPlanTargets, listPlans, setPlanStatus, splitTargets } from './service.ts';

const tags = ['plans 任务计划'];

export const planRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/plans', { config: { permission: 'plan.read' }, schema: { tags, querystring: PlansQuery, response: { 200: PlanList } } }, async (req) =>
    listPlans(req.ctx, req.query.year),
  );
  app.post('/api/plans', { config: { permission: 'plan.manage' }, schema: { tags, body: PlanBody, response: { 201: PlanResponse } } }, async (req, reply) =>
    reply.status(201).send(await createPlan(req.ctx, req.body)),
  );
  app.get('/api/plans/:id', { config: { permission: 'plan.read' }, schema: { tags, params: PlanIdParams, response: { 200: PlanResponse } } }, async (req) =>
    getPlan(req.ctx, req.params.id),
  );
  app.post('/api/plans/:id/status', { config: { permission: 'plan.manage' }, schema: { tags, params: PlanIdParams, body: PlanStatusBody, response: { 200: PlanResponse } } }, async (req) =>
    setPlanStatus(req.ctx, req.params.id, req.body),
  );
  app.get('/api/plans/:id/targets', { config: { permission: 'plan.read' }, schema: { tags, params: PlanIdParams, querystring: TargetsQuery, response: { 200: TargetList } } }, async (req) =>
    listPlanTargets(req.ctx, req.params.id, req.query.regionCode),
  );
  app.get('/api/plans/:id/history', { config: { permission: 'plan.read' }, schema: { tags, params: PlanIdParams, response: { 200: History } } }, async (req) =>
    getPlanHistory(req.ctx, req.params.id),
  );
  app.post('/api/plans/:id/import', {
    config: { permission: 'plan.manage' },
    bodyLimit: 6 * 1024 * 1024,
    schema: {
      tags,
      description: 'Check a plan matrix (tab-separated text or an .xlsx in base64). `dryRun=true` returns the findings and computed totals without saving.',
      params: PlanIdParams, querystring: ImportQuery, body: ImportBody, response: { 200: ImportResponse },
    },
  }, async (req) => importPlanTable(req.ctx, req.params.id, req.body, req.query.dryRun));
  app.put('/api/plans/:id/split', { config: { permission: 'plan.split' }, schema: { tags, params: PlanIdParams, body: SplitBody, response: { 200: SplitResponse } } }, async (req) =>
    splitTargets(req.ctx, req.params.id, req.body),
  );
  app.get('/api/plans/:id/dashboard', { config: { permission: 'plan.read' }, schema: { tags, params: PlanIdParams, querystring: DashboardQuery, response: { 200: DashboardResponse } } }, async (req) =>
    getDashboard(req.ctx, req.params.id, req.query),
  );
  app.get('/api/plans/:id/dashboard/export', {
    config: { permission: 'plan.read' },
    schema: { tags, description: 'The table shown on the dashboard (by field, department or region) as Excel, in 人 or 万人.', params: PlanIdParams, querystring: DashboardExportQuery },
  }, async (req, reply) => {
    const { table, unit, ...view } = req.query;
    return sendFile(reply, await exportDashboard(req.ctx, req.params.id, view, table, unit), `plan-dashboard-${table}`);
  });
};
