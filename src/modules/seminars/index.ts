import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import './errors.ts';
import './enrolment/errors.ts';
import { applicationRoutes } from './applications/routes.ts';
import { reviewRoutes } from './review/routes.ts';
import { selectionRoutes } from './selection/routes.ts';
import { oversightRoutes } from './oversight/routes.ts';
import { hostRoutes, professionalRoutes, rulesRoutes } from './enrolment/routes.ts';

export { loadDemoSeminars } from './demo.ts';
export { loadDemoEnrolments } from './enrolment/demo.ts';
export { recordSeminarChange } from './applications/service.ts';

/**
 * Advanced seminars: application and budget, pre-review, expert review, selection and
 * publication, oversight; enrolment, admission, running and closing.
 */
const seminars: FastifyPluginAsync = async (app) => {
  await app.register(applicationRoutes);
  await app.register(reviewRoutes);
  await app.register(selectionRoutes);
  await app.register(oversightRoutes);
  await app.register(professionalRoutes);
  await app.register(hostRoutes);
  await app.register(rulesRoutes);
};

export const seminarsModule = fp(seminars, { name: 'seminars', dependencies: ['registry', 'learning', 'plans'] });
