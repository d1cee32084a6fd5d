import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import './errors.ts';
import { calendarRoutes } from './routes.ts';

export { calendarBetween, workingDaysAfter } from './service.ts';
export { addWorkingDays, chinaDate, isWorkingDay, lookAheadEnd } from './rules.ts';

/** The working-day calendar (public holidays and adjusted working days) that deadlines count by. */
const calendar: FastifyPluginAsync = async (app) => {
  await app.register(calendarRoutes);
};

export const calendarModule = fp(calendar, { name: 'calendar', dependencies: ['registry'] });
