import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { hasPermission } from '../../../platform/auth/permissions.ts';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Ctx, requireActor } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { findPersonInScope } from '../../registry/index.ts';
import { recomputeCompliance } from '../compliance/service.ts';
import { resolveProvinceRules } from '../rules/service.ts';
import type { ComplianceRules } from '../rules.ts';
import { type RecordContent, checkRecordContent } from './fields.ts';
import * as repo from './repo.ts';

export type RecordInput = RecordContent & { providerName?: string; conversionKey?: string };

/**
 * Apply a conversion of the rules (折算, DOMAIN.md §3.2): an activity such as a national
 * conference counts a fixed number of hours in a given form, whatever was typed.
 */
export function applyConversion<T extends RecordInput>(input: T, rules: ComplianceRules): Omit<T, 'conversionKey'> {
  const { conversionKey, ...rest } = input;
  if (!conversionKey) return rest;
  const conversion = rules.conversions.find((c) => c.key === conversionKey);
  if (!conversion) throw new AppError('LEARNING_CONVERSION_UNKNOWN', { key: conversionKey }, [{ code: 'LEARNING_CONVERSION_UNKNOWN', path: '/conversionKey', params: { key: conversionKey } }]);
  return { ...rest, form: conversion.form, hours: conversion.hours };
}

async function rulesOf(tx: Executor, provinceCode: string, year: number): Promise<ComplianceRules> {
  return (await resolveProvinceRules(tx, [provinceCode], year)).get(provinceCode) as ComplianceRules;
}

function assertContent(input: RecordContent, rules: ComplianceRules, now: Date): void {
  const details = checkRecordContent(input, rules, now);
  if (details.length) throw new AppError('VALIDATION_FAILED', {}, details);
}

export function presentRecord(ctx: Ctx, row: repo.RecordRow) {
  const grants = requireActor(ctx).grants;
  const own = ctx.actor?.personId === row.personId;
  return {
    ...row,
    abilities: {
      edit: own && (row.status === 'submitted' || row.status === 'rejected'),
      review: row.status === 'submitted' && hasPermission(grants, 'learning.record.review'),
      confirm: row.status === 'endorsed' && hasPermission(grants, 'learning.record.confirm'),
    },
  };
}

function ownPersonId(ctx: Ctx): string {
  const personId = requireActor(ctx).personId;
  if (!personId) throw new AppError('LEARNING_NOT_A_PROFESSIONAL');
  return personId;
}

/** A professional declares a record with its evidence to follow; it waits for the employer's review. */
export async function declareRecord(ctx: Ctx, input: RecordInput) {
  const personId = ownPersonId(ctx);
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    const place = await repo.findPersonPlacement(tx, personId);
    if (!place) throw new AppError('PERSON_NOT_FOUND');
    const rules = await rulesOf(tx, place.provinceCode, input.year);
    const content = applyConversion(input, rules);
    assertContent(content, rules, ctx.now);
    const row = { ...content, id, ...place, personId, providerId: null, providerName: input.providerName ?? '', source: 'self_declared', status: 'submitted', providerRecordId: null, createdBy: requireActor(ctx).accountId };
    await repo.insertRecord(tx, row);
    await recordAudit(tx, ctx, { action: 'learning.record_declared', entity: 'learning_record', entityId: id, after: input });
  });
  return presentRecord(ctx, (await repo.findOwnRecord(ctx.db, personId, id)) as repo.RecordRow);
}

/** Correct one's own submitted or rejected record; it goes back to the employer for review. */
export async function updateOwnRecord(ctx: Ctx, id: string, input: RecordInput) {
  const personId = ownPersonId(ctx);
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findOwnRecord(tx, personId, id);
    if (!before) throw new AppError('LEARNING_RECORD_NOT_FOUND');
    if (before.status !== 'submitted' && before.status !== 'rejected') throw new AppError('LEARNING_RECORD_NOT_EDITABLE');
    const place = await repo.findPersonPlacement(tx, personId);
    const rules = await rulesOf(tx, place?.provinceCode ?? '', input.year);
    const content = applyConversion(input, rules);
    assertContent(content, rules, ctx.now);
    await repo.updateRecordContent(tx, id, { ...content, providerId: before.providerId, providerName: input.providerName ?? '', status: 'submitted' }, ctx.now);
    await recordAudit(tx, ctx, { action: 'learning.record_resubmitted', entity: 'learning_record', entityId: id, before: { status: before.status, hours: before.hours }, after: input });
  });
  return presentRecord(ctx, (await repo.findOwnRecord(ctx.db, personId, id)) as repo.RecordRow);
}

export async function listOwnRecords(ctx: Ctx, year?: number) {
  const rows = await repo.listOwnRecords(ctx.db, ownPersonId(ctx), year);
  return { items: rows.map((r) => presentRecord(ctx, r)) };
}

/** The status a record takes once its employer approves it: some forms also need the province. */
function approvedStatus(form: string, rules: ComplianceRules): 'approved' | 'endorsed' {
  return (rules.confirmForms as string[]).includes(form) ? 'endorsed' : 'approved';
}

/** An employer's administrator enters a record for one of its staff: approved at once. */
export async function enterRecord(ctx: Ctx, input: RecordInput & { personId: string }) {
  const actor = requireActor(ctx);
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    const person = await findPersonInScope(tx, actor.grants, 'learning.record.enter', input.personId);
    if (!person) throw new AppError('PERSON_NOT_FOUND', {}, [{ code: 'PERSON_NOT_FOUND', path: '/personId' }]);
    const provinceCode = person.provinceCode.trim();
    const rules = await rulesOf(tx, provinceCode, input.year);
    const { personId, ...content } = applyConversion(input, rules);
    assertContent(content, rules, ctx.now);
    await repo.insertRecord(tx, {
      ...content, id, provinceCode, personId, employerId: person.employerId, providerId: null, providerName: input.providerName ?? '',
      source: 'employer_entered', status: approvedStatus(content.form, rules), providerRecordId: null, createdBy: actor.accountId,
    });
    await recomputeCompliance(tx, [{ personId, year: input.year }]);
    await recordAudit(tx, ctx, { action: 'learning.record_entered', entity: 'learning_record', entityId: id, after: input });
  });
  return getRecord(ctx, id);
}

export async function getRecord(ctx: Ctx, id: string) {
  const row = await repo.findRecordInScope(ctx.db, requireActor(ctx).grants, 'learning.record.read', id);
  if (!row) throw new AppError('LEARNING_RECORD_NOT_FOUND');
  return { ...presentRecord(ctx, row), evidence: await repo.listEvidence(ctx.db, id) };
}

export async function listRecords(ctx: Ctx, q: Omit<repo.RecordFilter, 'limit' | 'offset'> & { page: number; pageSize: number }) {
  const { page, pageSize, ...filter } = q;
  const result = await repo.listRecordsInScope(ctx.db, requireActor(ctx).grants, 'learning.record.read', { ...filter, limit: pageSize, offset: (page - 1) * pageSize });
  return { items: result.items.map((r) => presentRecord(ctx, r)), total: result.total, page, pageSize };
}

/** The employer approves (→ approved, or endorsed where the province confirms) or rejects with a reason. */
export async function reviewRecord(ctx: Ctx, input: { id: string; decision: 'approve' | 'reject'; reason?: string }) {
  return decide(ctx, input, { permission: 'learning.record.review', from: 'submitted', error: 'LEARNING_RECORD_NOT_REVIEWABLE' });
}

/** The province confirms an endorsed record (→ confirmed) or rejects it. */
export async function confirmRecord(ctx: Ctx, input: { id: string; decision: 'approve' | 'reject'; reason?: string }) {
  return decide(ctx, input, { permission: 'learning.record.confirm', from: 'endorsed', error: 'LEARNING_RECORD_NOT_CONFIRMABLE' });
}

async function decide(
  ctx: Ctx,
  input: { id: string; decision: 'approve' | 'reject'; reason?: string },
  step: { permission: 'learning.record.review' | 'learning.record.confirm'; from: string; error: string },
) {
  const actor = requireActor(ctx);
  if (input.decision === 'reject' && !input.reason?.trim()) throw new AppError('LEARNING_REASON_REQUIRED', {}, [{ code: 'LEARNING_REASON_REQUIRED', path: '/reason' }]);
  await ctx.db.transaction(async (tx) => {
    const record = await repo.findRecordInScope(tx, actor.grants, step.permission, input.id);
    if (!record) throw new AppError('LEARNING_RECORD_NOT_FOUND');
    if (record.status !== step.from) throw new AppError(step.error);
    const place = await repo.findPersonPlacement(tx, record.personId);
    const rules = await rulesOf(tx, place?.provinceCode ?? '', record.year);
    const status = input.decision === 'reject' ? 'rejected' : step.from === 'endorsed' ? 'confirmed' : approvedStatus(record.form, rules);
    await repo.setRecordStatus(tx, record.id, { status, reason: input.reason?.trim() || null, by: actor.accountId, now: ctx.now });
    await recomputeCompliance(tx, [{ personId: record.personId, year: record.year }]);
    await recordAudit(tx, ctx, {
      action: `learning.record_${step.from === 'endorsed' ? 'confirmation' : 'review'}_${input.decision}`,
      entity: 'learning_record',
      entityId: record.id,
      before: { status: record.status },
      after: { status, reason: input.reason ?? null },
    });
  });
  return getRecord(ctx, input.id);
}

const MAX_EVIDENCE = 5;
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

/** The type of an evidence file by its first bytes, never by its name. */
export function sniffEvidenceType(data: Buffer): 'application/pdf' | 'image/png' | 'image/jpeg' | null {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Attach evidence to one's own record while it can still change. */
export async function addEvidence(ctx: Ctx, recordId: string, file: { fileName: string; data: Buffer }) {
  const personId = ownPersonId(ctx);
  if (file.data.length > MAX_EVIDENCE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  const contentType = sniffEvidenceType(file.data);
  if (!contentType) throw new AppError('LEARNING_EVIDENCE_TYPE');
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    const record = await repo.findOwnRecord(tx, personId, recordId);
    if (!record) throw new AppError('LEARNING_RECORD_NOT_FOUND');
    if (record.status !== 'submitted' && record.status !== 'rejected') throw new AppError('LEARNING_RECORD_NOT_EDITABLE');
    if (record.evidenceCount >= MAX_EVIDENCE) throw new AppError('LEARNING_EVIDENCE_TOO_MANY', { max: MAX_EVIDENCE });
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    await repo.insertEvidence(tx, { id, recordId, fileName: file.fileName.slice(0, 200) || 'evidence', contentType, data: file.data, sha256 });
    await recordAudit(tx, ctx, { action: 'learning.evidence_added', entity: 'learning_record', entityId: recordId, after: { evidenceId: id, sha256, contentType } });
  });
  return { id, contentType, sizeBytes: file.data.length };
}

/** Evidence for its owner, or for a reader whose scope holds the record. */
export async function getEvidence(ctx: Ctx, recordId: string, evidenceId: string) {
  const actor = requireActor(ctx);
  const record = actor.personId ? await repo.findOwnRecord(ctx.db, actor.personId, recordId) : null;
  const visible = record ?? (await repo.findRecordInScope(ctx.db, actor.grants, 'learning.record.read', recordId));
  if (!visible) throw new AppError('LEARNING_RECORD_NOT_FOUND');
  const evidence = await repo.findEvidenceData(ctx.db, recordId, evidenceId);
  if (!evidence) throw new AppError('LEARNING_EVIDENCE_NOT_FOUND');
  return { ...evidence, data: Buffer.from(evidence.data) };
}

export type CourseCompletion = {
  personId: string;
  providerId: string;
  providerName: string;
  /** Identifies the completion: the same key twice writes one record. */
  completionKey: string;
  year: number;
  category: string;
  field: string;
  title: string;
  hours: number;
  startDate: string;
  endDate: string;
  /** A closed advanced seminar writes source 'seminar', form 'advanced_seminar'; default an online course. */
  kind?: 'online_course' | 'seminar';
};

/**
 * An online course completed in the system becomes an approved learning record (source
 * 'online_course') in the caller's transaction, exactly once per completion key: the insert
 * goes through the (provider_id, provider_record_id) unique key with ON CONFLICT DO NOTHING, so a
 * completion arriving twice writes nothing the second time. Compliance is recomputed at once.
 * Returns the record id, or null when the completion was recorded before.
 */
export async function recordCourseCompletion(tx: Executor, ctx: Ctx, input: CourseCompletion): Promise<string | null> {
  const place = await repo.findPersonPlacement(tx, input.personId);
  if (!place) throw new AppError('PERSON_NOT_FOUND');
  const id = await repo.insertRecordOnce(tx, {
    id: uuidv7(), provinceCode: place.provinceCode, personId: input.personId, employerId: place.employerId, year: input.year,
    category: input.category, form: input.kind === 'seminar' ? 'advanced_seminar' : 'online', title: input.title, providerId: input.providerId, providerName: input.providerName,
    startDate: input.startDate, endDate: input.endDate, hours: input.hours, field: input.field, source: input.kind ?? 'online_course', status: 'approved',
    providerRecordId: input.completionKey, createdBy: null,
  });
  if (!id) return null;
  await recomputeCompliance(tx, [{ personId: input.personId, year: input.year }]);
  await recordAudit(tx, ctx, { action: 'learning.record_course_completed', entity: 'learning_record', entityId: id, after: { ...input } });
  return id;
}
