import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import './errors.ts';
import { accountRoutes } from './accounts/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { departmentRoutes } from './departments/routes.ts';
import { organisationRoutes } from './organisations/routes.ts';
import { peopleRoutes } from './people/routes.ts';
import { regionRoutes } from './regions/routes.ts';

export { loadReferenceData } from './reference.ts';

/** The registry module: regions, departments, organisations, people, accounts. */
const registry: FastifyPluginAsync<{ secureCookies: boolean }> = async (app, options) => {
  await app.register(regionRoutes);
  await app.register(departmentRoutes);
  await app.register(organisationRoutes);
  await app.register(peopleRoutes);
  await app.register(accountRoutes, { secureCookies: options.secureCookies });
  await app.register(auditRoutes);
};

export const registryModule = fp(registry, { name: 'registry' });

/** For other modules: a person inside the caller's scope for a permission, or null. */
export { findPersonInScope } from './people/repo.ts';
export { findOrganisationById } from './organisations/repo.ts';

/** Citizen-ID rules (GB 11643) other modules need to read and mask IDs they receive. */
export { maskIdNumber, parseCitizenId } from './public-rules.ts';
