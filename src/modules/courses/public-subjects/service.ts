import { recordAudit } from '../../../platform/audit/record.ts';
import { type Ctx, requireActor } from '../../../platform/context.ts';
import { AppError, type ErrorDetail } from '../../../platform/http/errors.ts';
import { type CatalogueItem, effectiveCatalogue, PUBLIC_SUBJECT_THEMES } from '../rules.ts';
import * as repo from './repo.ts';

const NATION = '000000';

/** The ministry keeps the national list; a province's administrator keeps the province's. */
function assertCanManage(ctx: Ctx, regionCode: string): void {
  const allowed = requireActor(ctx).grants.some(
    (g) => g.role === 'national_admin' || (regionCode !== NATION && g.role === 'province_admin' && g.scopeType === 'region' && g.scopeId === regionCode),
  );
  if (!allowed) throw new AppError('COURSE_CATALOGUE_OUTSIDE_SCOPE');
}

/**
 * Save a new version of a region's catalogue for a year: items must be published public-subject
 * courses under one of the themes, each course once; a province names the national version it adopts.
 */
export async function savePublicSubjects(ctx: Ctx, input: { regionCode: string; year: number; items: CatalogueItem[]; adoptsNationalVersion: number | null; note: string }) {
  assertCanManage(ctx, input.regionCode);
  if (input.regionCode !== NATION && !input.regionCode.endsWith('0000')) throw new AppError('COURSE_CATALOGUE_OUTSIDE_SCOPE');
  const version = await ctx.db.transaction(async (tx) => {
    const details: ErrorDetail[] = [];
    const courses = new Map((await repo.listCourseBriefs(tx, [...new Set(input.items.map((i) => i.courseId))])).map((c) => [c.id, c]));
    const seen = new Set<string>();
    input.items.forEach((item, index) => {
      const course = courses.get(item.courseId);
      if (!(PUBLIC_SUBJECT_THEMES as readonly string[]).includes(item.theme)) details.push({ code: 'COURSE_CATALOGUE_THEME_UNKNOWN', path: `/items/${index}/theme` });
      if (!course || course.status !== 'published' || course.category !== 'public') details.push({ code: 'COURSE_CATALOGUE_COURSE_INVALID', path: `/items/${index}/courseId` });
      if (seen.has(item.courseId)) details.push({ code: 'COURSE_CATALOGUE_DUPLICATE', path: `/items/${index}/courseId` });
      seen.add(item.courseId);
    });
    if (input.regionCode === NATION && input.adoptsNationalVersion !== null) details.push({ code: 'FIELD_INVALID', path: '/adoptsNationalVersion', params: { column: 'adoptsNationalVersion' } });
    if (input.adoptsNationalVersion !== null && input.regionCode !== NATION && !(await repo.findVersion(tx, NATION, input.year, input.adoptsNationalVersion))) {
      details.push({ code: 'COURSE_CATALOGUE_VERSION_UNKNOWN', path: '/adoptsNationalVersion' });
    }
    if (details.length) throw new AppError('VALIDATION_FAILED', {}, details);
    const saved = await repo.insertVersion(tx, { ...input, by: requireActor(ctx).accountId, now: ctx.now });
    await recordAudit(tx, ctx, { action: 'course.public_subjects_saved', entity: 'public_subject_catalogue', entityId: `${input.regionCode}/${input.year}/${saved}`, after: input });
    return saved;
  });
  return getPublicSubjects(ctx, input.regionCode, input.year, version);
}

/**
 * A region's catalogue for a year as in force (or as of `version`): the effective list with course
 * details, which items are free to the region's professionals, and the version history.
 */
export async function getPublicSubjects(ctx: Ctx, regionCode: string, year: number, asOf?: number) {
  const history = await repo.listVersions(ctx.db, regionCode, year);
  const own = asOf ? (history.find((v) => v.version === asOf) ?? null) : (history[0] ?? null);
  if (asOf && !own) throw new AppError('COURSE_CATALOGUE_VERSION_UNKNOWN');
  const nationalVersions = regionCode === NATION ? history : await repo.listVersions(ctx.db, NATION, year);
  const national = regionCode === NATION ? own : own?.adoptsNationalVersion ? (nationalVersions.find((v) => v.version === own.adoptsNationalVersion) ?? null) : (own ? null : (nationalVersions[0] ?? null));
  const items = regionCode === NATION
    ? effectiveCatalogue(own?.items ?? [], null).map((i) => ({ ...i, free: false }))
    : effectiveCatalogue(national?.items ?? null, own ? { adopts: own.adoptsNationalVersion !== null, items: own.items } : null);
  const courses = new Map((await repo.listCourseBriefs(ctx.db, items.map((i) => i.courseId))).map((c) => [c.id, c]));
  return {
    regionCode,
    year,
    version: own?.version ?? null,
    adoptsNationalVersion: own?.adoptsNationalVersion ?? null,
    nationalVersion: national?.version ?? null,
    items: items.flatMap((i) => {
      const c = courses.get(i.courseId);
      return c ? [{ ...i, title: c.title, providerName: c.providerName, hours: c.hours, published: c.status === 'published' }] : [];
    }),
    history: history.map((v) => ({ version: v.version, adoptsNationalVersion: v.adoptsNationalVersion, itemCount: v.items.length, note: v.note, createdAt: v.createdAt })),
  };
}
