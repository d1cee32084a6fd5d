import { recordAudit } from '../../../platform/audit/record.ts';
import { type Ctx, requireActor } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
// The registry's citizen-ID rules are pure; the registry's index does not re-export them yet.
import { parseCitizenId } from '../../registry/index.ts';
import { complianceOfPerson } from '../compliance/service.ts';
import * as repo from './repo.ts';

/** At most this many years per question: a title review looks back five years at most (DOMAIN.md §3.3). */
export const MAX_QUERY_YEARS = 20;

/** '2021-2023' or '2023' → [2021, 2022, 2023]; a reversed or too long range is a malformed request. */
export function parseYears(text: string): number[] {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(text);
  const from = Number(m?.[1]);
  const to = m?.[2] ? Number(m[2]) : from;
  if (!m || from < 1990 || to > 2100 || to < from || to - from + 1 > MAX_QUERY_YEARS) {
    throw new AppError('VALIDATION_FAILED', {}, [{ code: 'FIELD_INVALID', path: '/years', params: { column: 'years' } }]);
  }
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * Title-review linkage: the yearly compliance of the person with this citizen ID, for a system
 * holding a compliance key. A person outside the key's region is answered exactly like an unknown
 * ID (404 PERSON_NOT_FOUND). Every answered question is audited with the key as actor.
 */
export async function queryCompliance(ctx: Ctx, input: { idNumber: string; years: string }) {
  const grants = requireActor(ctx).grants;
  const years = parseYears(input.years);
  const id = parseCitizenId(input.idNumber, ctx.now);
  if (!id.ok) throw new AppError('VALIDATION_FAILED', {}, [{ code: id.reason, path: '/idNumber' }]);
  const person = await repo.findPersonByIdHashInScope(ctx.db, grants, ctx.pii.hash(id.idNumber));
  if (!person) throw new AppError('PERSON_NOT_FOUND');
  const result = await complianceOfPerson(ctx.db, person, years);
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'learning.compliance_queried',
      entity: 'person',
      entityId: person.id,
      after: { years: input.years, compliant: result.filter((y) => y.compliant).map((y) => y.year) },
    }),
  );
  return { person: { name: person.name, idNumberMasked: person.idNumberMasked }, years: result };
}
