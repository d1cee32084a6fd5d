import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import './enrolment/errors.ts';
import { hostRoutes, professionalRoutes, rulesRoutes } from './enrolment/routes.ts';

export { loadDemoEnrolments } from './enrolment/demo.ts';

/** Advanced seminars: enrolment, admission, running and closing (the application half registers its own routes here too). */
const seminars: FastifyPluginAsync = async (app) => {
  await app.register(professionalRoutes);
  await app.register(hostRoutes);
  await app.register(rulesRoutes);
};

export const seminarsModule = fp(seminars, { name: 'seminars', dependencies: ['registry', 'learning', 'plans'] });
