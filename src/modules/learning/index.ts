import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import './errors.ts';
import { apiKeyRoutes } from './api-keys/routes.ts';
import { resolveApiKey } from './api-keys/service.ts';
import { linkageRoutes } from './linkage/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { learningRoutes } from './routes.ts';

export { complianceOfPerson, recomputeCompliance } from './compliance/service.ts';
export { loadDemoLearning } from './demo.ts';
export { reportLearningRecords } from './reports/service.ts';
export { type CourseCompletion, recordCourseCompletion } from './records/service.ts';
export { resolveProvinceRules, resolveProvinceRulesCached } from './rules/service.ts';

/** The learning-records module: records, review, rules, compliance, archives, reporting, linkage. */
const learning: FastifyPluginAsync = async (app) => {
  // Bearer keys (providers, title-review systems) are resolved by this module's key table.
  app.setApiKeyResolver(resolveApiKey);
  await app.register(learningRoutes);
  await app.register(apiKeyRoutes);
  await app.register(reportRoutes);
  await app.register(linkageRoutes);
};

export const learningModule = fp(learning, { name: 'learning', dependencies: ['registry'] });
