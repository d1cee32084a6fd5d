import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import './errors.ts';
import { learningRoutes } from './routes.ts';

export { recomputeCompliance } from './compliance/service.ts';

/** The learning-records module: records, review, rules, compliance, archives. */
const learning: FastifyPluginAsync = async (app) => {
  await app.register(learningRoutes);
};

export const learningModule = fp(learning, { name: 'learning', dependencies: ['registry'] });
