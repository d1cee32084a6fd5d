import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../../../platform/audit/record.ts';
import { type Ctx, requireActor } from '../../../../platform/context.ts';
import { AppError } from '../../../../platform/http/errors.ts';
import * as repo from '../repo.ts';
import { DEFAULT_ENROLMENT_RULES, type EnrolmentRules, isValidWindow, orderWaitingList, rulesSource, windowState } from '../rules.ts';
import { getEnrolmentRules, getRulesByYear, promoteWaiting, seminarSummary, windowOf } from '../service.ts';

/** A published seminar hosted by the caller's organisation (which must hold the seminar_host role), or 404. */
export async function getHostedSeminar(ctx: Ctx, seminarId: string): Promise<repo.SeminarRow> {
  const s = await repo.findHostedSeminar(ctx.db, requireActor(ctx).grants, seminarId);
  if (!s) throw new AppError('SEMINAR_ENROL_NOT_HOST');
  return s;
}

async function presentForHost(ctx: Ctx, s: repo.SeminarRow, known?: EnrolmentRules) {
  const rules = known ?? (await getEnrolmentRules(ctx.db, s.year));
  const window = windowOf(s);
  return {
    ...seminarSummary(s),
    funding: s.funding,
    centralApprovedCents: s.centralApprovedCents === null ? null : Number(s.centralApprovedCents),
    window: { opensAt: window.opensAt, closesAt: window.closesAt, state: windowState(window, ctx.now) },
    rules: { ...rules.eligibility, reservedSharePct: rules.reservedSharePct, completionMinPct: rules.completionMinPct, reportDueWorkingDays: rules.reportDueWorkingDays },
  };
}

/** The caller's hosted, published seminars. */
export async function listHostedSeminars(ctx: Ctx) {
  const rows = await repo.listHostedSeminars(ctx.db, requireActor(ctx).grants);
  const rules = await getRulesByYear(ctx.db, rows.map((s) => s.year));
  return { items: await Promise.all(rows.map((s) => presentForHost(ctx, s, rules.get(s.year)))) };
}

export async function getHostSeminar(ctx: Ctx, seminarId: string) {
  return presentForHost(ctx, await getHostedSeminar(ctx, seminarId));
}

/** The host sets when enrolment opens (null: at publication) and closes (before the first day). */
export async function setEnrolmentWindow(ctx: Ctx, seminarId: string, input: { opensAt: string | null; closesAt: string }) {
  const s = await getHostedSeminar(ctx, seminarId);
  const opensAt = input.opensAt ? new Date(input.opensAt) : null;
  const closesAt = new Date(input.closesAt);
  if (!isValidWindow(opensAt, closesAt, s.startDate)) throw new AppError('SEMINAR_ENROL_WINDOW_INVALID', {}, [{ code: 'SEMINAR_ENROL_WINDOW_INVALID', path: '/closesAt' }]);
  await ctx.db.transaction(async (tx) => {
    const settings = await repo.lockSettings(tx, s.id);
    if (settings.closedAt) throw new AppError('SEMINAR_ALREADY_CLOSED');
    await repo.setWindow(tx, s.id, opensAt, closesAt);
    await recordAudit(tx, ctx, { action: 'seminar.enrolment_window', entity: 'seminar', entityId: s.id, before: { opensAt: s.opensAt, closesAt: s.closesAt }, after: { opensAt, closesAt } });
  });
  return getHostSeminar(ctx, s.id);
}

/** Everyone who enrolled, seat holders first, then the waiting list in its order (with positions). */
export async function listEnrolees(ctx: Ctx, seminarId: string) {
  const s = await getHostedSeminar(ctx, seminarId);
  const rows = await repo.listEnrolees(ctx.db, s.id);
  const order = new Map(orderWaitingList(rows.filter((r) => r.status === 'waiting')).map((r, i) => [r.id, i + 1]));
  return {
    items: rows.map((r) => ({
      id: r.id, personId: r.personId, name: r.name, idNumberMasked: r.idNumberMasked, titleLevel: r.titleLevel, managementPost: r.managementPost,
      employerName: r.employerName, regionName: r.regionName, status: r.status, preferred: r.preferred, preferenceReasons: r.preferenceReasons,
      enrolledAt: r.enrolledAt, admittedAt: r.admittedAt, position: order.get(r.id) ?? null, presentDays: r.presentDays, completed: r.completed,
      abilities: { admit: r.status === 'enrolled' && !s.closedAt, decline: (r.status === 'enrolled' || r.status === 'waiting') && !s.closedAt },
    })),
  };
}

/** The host confirms a seat holder; the trainee gets a stored notice, and the audit trail an event. */
export async function admitEnrolee(ctx: Ctx, seminarId: string, enrolmentId: string) {
  const s = await getHostedSeminar(ctx, seminarId);
  await ctx.db.transaction(async (tx) => {
    const settings = await repo.lockSettings(tx, s.id);
    if (settings.closedAt) throw new AppError('SEMINAR_ALREADY_CLOSED');
    const e = await repo.findEnrolmentById(tx, s.id, enrolmentId);
    if (e?.status !== 'enrolled') throw new AppError('SEMINAR_ENROL_NOT_ADMITTABLE');
    await repo.setEnrolmentStatus(tx, e.id, 'admitted', ctx.now);
    await repo.insertNotice(tx, { id: uuidv7(), personId: e.personId, seminarId: s.id, kind: 'admitted', at: ctx.now });
    await recordAudit(tx, ctx, { action: 'seminar.admit', entity: 'seminar_enrolment', entityId: e.id, before: { status: 'enrolled' }, after: { status: 'admitted' } });
  });
  return listEnrolees(ctx, s.id);
}

/** The host turns down an enrolment or a waiting-list place; a freed seat goes to the waiting list. */
export async function declineEnrolee(ctx: Ctx, seminarId: string, enrolmentId: string) {
  const s = await getHostedSeminar(ctx, seminarId);
  await ctx.db.transaction(async (tx) => {
    const settings = await repo.lockSettings(tx, s.id);
    if (settings.closedAt) throw new AppError('SEMINAR_ALREADY_CLOSED');
    const e = await repo.findEnrolmentById(tx, s.id, enrolmentId);
    if (e?.status !== 'enrolled' && e?.status !== 'waiting') throw new AppError('SEMINAR_ENROL_NOT_ADMITTABLE');
    await repo.setEnrolmentStatus(tx, e.id, 'declined', ctx.now);
    await repo.insertNotice(tx, { id: uuidv7(), personId: e.personId, seminarId: s.id, kind: 'declined', at: ctx.now });
    await recordAudit(tx, ctx, { action: 'seminar.decline', entity: 'seminar_enrolment', entityId: e.id, before: { status: e.status }, after: { status: 'declined' } });
    if (e.status === 'enrolled') {
      await repo.releaseSeat(tx, s.id);
      await promoteWaiting(tx, ctx, s);
    }
  });
  return listEnrolees(ctx, s.id);
}

/**
 * Fill free seats from the waiting list. After the window closes the reservation for preferred
 * applicants lapses, so this is how the host gives the held-back seats to the next in line.
 */
export async function fillSeatsFromWaitingList(ctx: Ctx, seminarId: string): Promise<{ moved: number }> {
  const s = await getHostedSeminar(ctx, seminarId);
  const moved = await ctx.db.transaction(async (tx) => {
    const settings = await repo.lockSettings(tx, s.id);
    if (settings.closedAt) throw new AppError('SEMINAR_ALREADY_CLOSED');
    return promoteWaiting(tx, ctx, s);
  });
  return { moved };
}

/** The year's enrolment rules for the ministry's form, with where they come from: own row, inherited from `fromYear`, or the defaults. */
export async function getYearRules(ctx: Ctx, year: number) {
  const stored = await repo.findEnrolmentRules(ctx.db, year);
  const fromYear = stored?.fromYear ?? null;
  return { year, ...(stored?.rules ?? DEFAULT_ENROLMENT_RULES), source: rulesSource(year, fromYear), fromYear };
}

/**
 * The ministry sets a year's enrolment rules (eligibility, reserved share, completion, report due);
 * audited with the year's own earlier rules as `before` (null when the year had none of its own).
 */
export async function setYearRules(ctx: Ctx, year: number, rules: EnrolmentRules) {
  await ctx.db.transaction(async (tx) => {
    const stored = await repo.findEnrolmentRules(tx, year);
    await repo.upsertEnrolmentRules(tx, year, rules);
    const before = stored?.fromYear === year ? stored.rules : null;
    await recordAudit(tx, ctx, { action: 'seminar.enrolment_rules', entity: 'seminar_enrolment_rules', entityId: String(year), before, after: rules });
  });
  return getYearRules(ctx, year);
}
