import fp from 'fastify-plugin';
import type { Signer } from '../../platform/crypto/signing.ts';
import type { FastifyPluginAsync } from 'fastify';
import './errors.ts';
import { catalogueRoutes } from './catalogue/routes.ts';
import { coursewareRoutes } from './courseware/routes.ts';
import { createMediaStore } from './courseware/storage.ts';
import { publicSubjectRoutes } from './public-subjects/routes.ts';
import { studyRoutes } from './study/routes.ts';
import { xapiRoutes } from './xapi/routes.ts';

export { loadDemoCourses } from './demo.ts';

export type CoursesOptions = {
  /** Where course files are kept (DATA_DIR/media in the server). */
  mediaDir: string;
  /** Public origin for xAPI ids; null: the request's own origin. */
  publicUrl: string | null;
  /** The instance's signer: completion certificates are signed like the hours proofs. */
  signer: Signer;
};

/** The courses module: catalogue, courseware, online study with honest progress, completion → hours, xAPI. */
const courses: FastifyPluginAsync<CoursesOptions> = async (app, options) => {
  const store = createMediaStore(options.mediaDir);
  await app.register(catalogueRoutes);
  await app.register(coursewareRoutes, { store });
  await app.register(studyRoutes, { publicUrl: options.publicUrl, signer: options.signer });
  await app.register(xapiRoutes);
  await app.register(publicSubjectRoutes);
};

export const coursesModule = fp(courses, { name: 'courses', dependencies: ['registry', 'learning', 'credentials'] });
