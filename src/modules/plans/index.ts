import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import './errors.ts';
import { planRoutes } from './routes.ts';
import { summaryRoutes } from './summaries/routes.ts';

export { loadDemoPlans } from './demo.ts';

/** Annual task plans: targets, import with findings, decomposition, progress, dashboard, summaries. */
const plans: FastifyPluginAsync = async (app) => {
  await app.register(planRoutes);
  await app.register(summaryRoutes);
};

export const plansModule = fp(plans, { name: 'plans', dependencies: ['registry', 'learning'] });
