import { v7 as uuidv7 } from 'uuid';
import { hasPermission } from '../../../platform/auth/permissions.ts';
import { inScope } from '../../../platform/auth/scope.ts';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Ctx, requireActor } from '../../../platform/context.ts';
import type { PiiCipher } from '../../../platform/crypto/pii.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { findOrganisationById, findOrganisationInScope } from '../organisations/repo.ts';
import { findRegion } from '../regions/repo.ts';
import { type PersonFields, type PersonFieldsInput, validatePersonFields } from './fields.ts';
import { cachedPerson, currentGeneration, forgetPeople, rememberPerson } from './read-cache.ts';
import * as repo from './repo.ts';
import { maskIdNumber, maskPhone, parseCitizenId } from './rules.ts';

export type PersonInput = PersonFieldsInput & { employerId: string };
/** On update the ID number and phone may be left out: they are only ever shown masked, so absent means unchanged. */
export type PersonUpdateInput = Omit<PersonInput, 'idNumber' | 'phone'> & { idNumber?: string; phone?: string };

/** Encrypt, hash and mask the personal data of validated fields into a row to write. */
export function sealPerson(pii: PiiCipher, id: string, f: PersonFields, place: { provinceCode: string; employerId: string }): repo.PersonWrite {
  return {
    id,
    provinceCode: place.provinceCode,
    regionCode: f.regionCode,
    idNumberEnc: pii.encrypt(f.idNumber),
    idNumberHash: pii.hash(f.idNumber),
    idNumberMasked: maskIdNumber(f.idNumber),
    name: f.name,
    gender: f.gender,
    birthDate: f.birthDate,
    employerId: place.employerId,
    titleSeries: f.titleSeries,
    titleLevel: f.titleLevel,
    specialty: f.specialty,
    phoneEnc: f.phone ? pii.encrypt(f.phone) : null,
    phoneMasked: f.phone ? maskPhone(f.phone) : '',
    managementPost: f.managementPost,
  };
}

/** What an audit event may hold of a person: never the plain ID number or phone. */
function auditView(p: repo.PersonWrite | repo.PersonRow) {
  return {
    idNumberMasked: p.idNumberMasked,
    name: p.name,
    regionCode: p.regionCode,
    employerId: p.employerId,
    titleSeries: p.titleSeries,
    titleLevel: p.titleLevel,
    specialty: p.specialty,
    phoneMasked: 'phoneMasked' in p ? p.phoneMasked : '',
    managementPost: p.managementPost,
  };
}

export function presentPerson(ctx: Ctx, row: repo.PersonRow) {
  const grants = requireActor(ctx).grants;
  const canWrite = hasPermission(grants, 'person.write');
  return {
    ...row,
    abilities: {
      edit: canWrite,
      deactivate: canWrite && row.status === 'active',
      activate: canWrite && row.status === 'inactive',
      revealIdNumber: hasPermission(grants, 'person.idNumber.read'),
    },
  };
}

async function checkPlacement(tx: Executor, ctx: Ctx, f: PersonFields, employerId: string) {
  const grants = requireActor(ctx).grants;
  const employer = await findOrganisationInScope(tx, grants, 'person.write', employerId);
  if (!employer) throw new AppError('ORGANISATION_NOT_FOUND', {}, [{ code: 'ORGANISATION_NOT_FOUND', path: '/employerId' }]);
  if (employer.status !== 'active' || !employer.roles.includes('employer')) {
    throw new AppError('ORGANISATION_NOT_EMPLOYER', {}, [{ code: 'ORGANISATION_NOT_EMPLOYER', path: '/employerId' }]);
  }
  await checkRegion(tx, f.regionCode, employer.provinceCode);
  return employer;
}

async function checkRegion(tx: Executor, regionCode: string, employerProvince: string) {
  const region = await findRegion(tx, regionCode);
  if (!region || region.level === 0) {
    throw new AppError('REGION_NOT_FOUND', { code: regionCode }, [{ code: 'REGION_NOT_FOUND', path: '/regionCode', params: { code: regionCode } }]);
  }
  if (region.provinceCode !== employerProvince) {
    throw new AppError('PERSON_REGION_EMPLOYER_MISMATCH', {}, [{ code: 'PERSON_REGION_EMPLOYER_MISMATCH', path: '/regionCode' }]);
  }
}

function validated(input: PersonFieldsInput, now: Date): PersonFields {
  const result = validatePersonFields(input, now);
  if (!result.ok) throw new AppError('VALIDATION_FAILED', {}, result.details);
  return result.value;
}

export type PeopleQuery = { q?: string; regionCode?: string; employerId?: string; titleLevel?: string; status?: string };

/** A query that is a valid citizen ID searches by its keyed hash; anything else by name. */
export function toPersonFilter(ctx: Ctx, query: PeopleQuery, limit: number, offset: number): repo.PersonFilter {
  const q = query.q?.trim();
  const id = q ? parseCitizenId(q, ctx.now) : null;
  return { ...query, q, idHash: id?.ok ? ctx.pii.hash(id.idNumber) : undefined, limit, offset };
}

export async function listPeople(ctx: Ctx, query: PeopleQuery & { page: number; pageSize: number }) {
  const actor = requireActor(ctx);
  const filter = toPersonFilter(ctx, query, query.pageSize, (query.page - 1) * query.pageSize);
  const result = await repo.listPeopleInScope(ctx.db, actor.grants, filter);
  return { items: result.items.map((r) => presentPerson(ctx, r)), total: result.total, page: query.page, pageSize: query.pageSize };
}

async function getPersonRow(ctx: Ctx, id: string, permission: 'person.read' | 'person.write' | 'person.idNumber.read') {
  const row = await repo.findPersonInScope(ctx.db, requireActor(ctx).grants, permission, id);
  if (!row) throw new AppError('PERSON_NOT_FOUND');
  return row;
}

/** One person for GET /api/people/:id, through the read cache (read-cache.ts); scope checked on every call. */
export async function getPerson(ctx: Ctx, id: string) {
  let found = cachedPerson(id);
  if (!found) {
    const readAt = currentGeneration();
    found = await repo.findPersonWithScopeValues(ctx.db, id);
    if (found) rememberPerson(id, found, readAt);
  }
  if (!found || !inScope(requireActor(ctx).grants, 'person.read', found.scope)) throw new AppError('PERSON_NOT_FOUND');
  return presentPerson(ctx, found.row);
}

export async function createPerson(ctx: Ctx, input: PersonInput) {
  const fields = validated(input, ctx.now);
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    const employer = await checkPlacement(tx, ctx, fields, input.employerId);
    const sealed = sealPerson(ctx.pii, id, fields, { provinceCode: employer.provinceCode, employerId: employer.id });
    if (await repo.findPersonIdByHash(tx, sealed.idNumberHash)) {
      throw new AppError('PERSON_ID_TAKEN', {}, [{ code: 'PERSON_ID_TAKEN', path: '/idNumber' }]);
    }
    await repo.insertPerson(tx, sealed);
    await recordAudit(tx, ctx, { action: 'person.created', entity: 'person', entityId: id, after: auditView(sealed) });
  });
  return getPerson(ctx, id);
}

export async function updatePerson(ctx: Ctx, id: string, input: PersonUpdateInput) {
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findPersonInScope(tx, requireActor(ctx).grants, 'person.write', id);
    if (!before) throw new AppError('PERSON_NOT_FOUND');
    const sealedBefore = await repo.findSealedData(tx, id);
    const fields = validated(
      {
        ...input,
        idNumber: input.idNumber ?? ctx.pii.decrypt(sealedBefore?.idNumberEnc ?? new Uint8Array()),
        phone: input.phone ?? (sealedBefore?.phoneEnc ? ctx.pii.decrypt(sealedBefore.phoneEnc) : ''),
      },
      ctx.now,
    );
    const employer = await checkPlacement(tx, ctx, fields, input.employerId);
    const sealed = sealPerson(ctx.pii, id, fields, { provinceCode: employer.provinceCode, employerId: employer.id });
    const holder = await repo.findPersonIdByHash(tx, sealed.idNumberHash);
    if (holder && holder.id !== id) throw new AppError('PERSON_ID_TAKEN', {}, [{ code: 'PERSON_ID_TAKEN', path: '/idNumber' }]);
    await repo.updatePerson(tx, sealed, ctx.now);
    await recordAudit(tx, ctx, { action: 'person.updated', entity: 'person', entityId: id, before: auditView(before), after: auditView(sealed) });
  });
  forgetPeople(); // again after the commit: a read between the update and the commit cached the old row
  return getPerson(ctx, id);
}

export async function setPersonActive(ctx: Ctx, id: string, active: boolean) {
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findPersonInScope(tx, requireActor(ctx).grants, 'person.write', id);
    if (!before) throw new AppError('PERSON_NOT_FOUND');
    const status = active ? 'active' : 'inactive';
    await repo.setPersonStatus(tx, id, status, ctx.now);
    await recordAudit(tx, ctx, { action: active ? 'person.activated' : 'person.deactivated', entity: 'person', entityId: id, before: { status: before.status }, after: { status } });
  });
  forgetPeople();
  return getPerson(ctx, id);
}

/** Show the full citizen ID to a role that needs it; every look is audited. */
export async function revealIdNumber(ctx: Ctx, id: string) {
  await getPersonRow(ctx, id, 'person.idNumber.read');
  const sealed = await repo.findSealedData(ctx.db, id);
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'person.id_number_revealed', entity: 'person', entityId: id }));
  return { idNumber: ctx.pii.decrypt(sealed?.idNumberEnc ?? new Uint8Array()) };
}

/**
 * Registration (accounts service): link to the registry record when the ID is already known
 * (its name must match), else create the person under the chosen employer.
 */
export async function registerPersonForAccount(
  tx: Executor,
  ctx: Ctx,
  input: PersonFieldsInput & { employerId: string },
): Promise<{ id: string; idNumber: string; name: string; employerId: string }> {
  const fields = validated(input, ctx.now);
  if (!fields.phone) throw new AppError('PHONE_INVALID', {}, [{ code: 'PHONE_INVALID', path: '/phone' }]);
  const employer = await findOrganisationById(tx, input.employerId);
  if (!employer || employer.status !== 'active' || !employer.roles.includes('employer')) {
    throw new AppError('ORGANISATION_NOT_EMPLOYER', {}, [{ code: 'ORGANISATION_NOT_EMPLOYER', path: '/employerId' }]);
  }
  await checkRegion(tx, fields.regionCode, employer.provinceCode);
  const existing = await repo.findPersonIdByHash(tx, ctx.pii.hash(fields.idNumber));
  if (existing) {
    if (existing.name !== fields.name) throw new AppError('REGISTRATION_NAME_MISMATCH', {}, [{ code: 'REGISTRATION_NAME_MISMATCH', path: '/name' }]);
    // The registry record decides the employer: its administrator reviews the account.
    return { id: existing.id, idNumber: fields.idNumber, name: fields.name, employerId: existing.employerId };
  }
  const id = uuidv7();
  const sealed = sealPerson(ctx.pii, id, fields, { provinceCode: employer.provinceCode, employerId: employer.id });
  await repo.insertPerson(tx, sealed);
  await recordAudit(tx, ctx, { action: 'person.registered', entity: 'person', entityId: id, after: auditView(sealed) });
  return { id, idNumber: fields.idNumber, name: fields.name, employerId: employer.id };
}
