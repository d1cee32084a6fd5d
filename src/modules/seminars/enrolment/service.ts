import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Ctx, requireActor } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { INELIGIBLE_REASONS } from './errors.ts';
import { countUnreadNotices, listNotices } from './notices/repo.ts';
import * as repo from './repo.ts';
import {
  DEFAULT_ENROLMENT_RULES, type EligibilityResult, type EnrolmentRules, canTakeSeat, chinaDate, checkEligibility, enrolmentWindow,
  pickPromotions, preferenceReasons, windowState,
} from './rules.ts';

/** The year's rules (or the latest earlier year's), else the defaults in rules.ts. */
export async function getEnrolmentRules(db: Executor, year: number): Promise<EnrolmentRules> {
  return (await repo.findEnrolmentRules(db, year))?.rules ?? DEFAULT_ENROLMENT_RULES;
}

export function windowOf(s: repo.SeminarRow) {
  return enrolmentWindow({ publishedAt: new Date(s.publishedAt), startDate: s.startDate, opensAt: s.opensAt && new Date(s.opensAt), closesAt: s.closesAt && new Date(s.closesAt) });
}

/** The signed-in professional's person id; a staff account without one is refused (403). */
export function personOf(ctx: Ctx): string {
  const personId = requireActor(ctx).personId;
  if (!personId) throw new AppError('SEMINAR_ENROL_NOT_A_PROFESSIONAL');
  return personId;
}

async function applicantOf(ctx: Ctx, db: Executor = ctx.db): Promise<repo.ApplicantRow> {
  const applicant = await repo.findApplicant(db, personOf(ctx));
  if (!applicant) throw new AppError('SEMINAR_ENROL_NOT_A_PROFESSIONAL');
  return applicant;
}

function eligibilityView(result: EligibilityResult, ctx: Ctx) {
  if (result.eligible) return { eligible: true, reason: null, reasonText: null };
  const text = INELIGIBLE_REASONS[result.reason];
  return { eligible: false, reason: result.reason, reasonText: ctx.locale === 'en' ? text.en : text.zh };
}

/** A published seminar as a professional sees it: window, seats left, own eligibility and enrolment. */
async function presentForProfessional(ctx: Ctx, s: repo.SeminarRow, applicant: repo.ApplicantRow, known?: { rules: EnrolmentRules; mine: repo.EnrolmentRow | null; position: number | null }) {
  const rules = known?.rules ?? (await getEnrolmentRules(ctx.db, s.year));
  const window = windowOf(s);
  const state = windowState(window, ctx.now);
  const eligibility = checkEligibility(s.eligibility ?? rules.eligibility, applicant);
  const mine = known ? known.mine : await repo.findEnrolment(ctx.db, s.id, applicant.personId);
  const position = known ? known.position : mine?.status === 'waiting' ? await repo.waitingPosition(ctx.db, mine) : null;
  const live = !!mine && mine.status !== 'withdrawn';
  const started = chinaDate(ctx.now) >= s.startDate;
  return {
    ...seminarSummary(s),
    window: { opensAt: window.opensAt, closesAt: window.closesAt, state },
    eligibility: eligibilityView(eligibility, ctx),
    preferenceReasons: preferenceReasons(applicant),
    myEnrolment: mine && live ? { id: mine.id, status: mine.status, position, enrolledAt: mine.enrolledAt, admittedAt: mine.admittedAt } : null,
    abilities: {
      enrol: state === 'open' && eligibility.eligible && !live && !s.closedAt,
      withdraw: live && mine.status !== 'declined' && !started && !s.closedAt,
    },
  };
}

export function seminarSummary(s: repo.SeminarRow) {
  return {
    id: s.id, year: s.year, title: s.title, field: s.field, hostId: s.hostId, hostName: s.hostName, startDate: s.startDate, endDate: s.endDate,
    days: s.days, place: s.place, hours: s.hoursTenths / 10, seats: s.seats, seatsLeft: Math.max(0, s.seats - s.seatsTaken), closed: !!s.closedAt,
  };
}

/** The rules of each year among `years`, read once per year. */
export async function getRulesByYear(db: Executor, years: readonly number[]): Promise<Map<number, EnrolmentRules>> {
  const distinct = [...new Set(years)];
  const rules = await Promise.all(distinct.map((y) => getEnrolmentRules(db, y)));
  return new Map(distinct.map((y, i) => [y, rules[i] ?? DEFAULT_ENROLMENT_RULES]));
}

/** Published seminars not yet started, each with its window and the caller's eligibility (no query per seminar but for a waiting place). */
export async function listOpenSeminars(ctx: Ctx) {
  const applicant = await applicantOf(ctx);
  const rows = await repo.listUpcomingSeminars(ctx.db, chinaDate(ctx.now));
  const [rules, mine] = await Promise.all([
    getRulesByYear(ctx.db, rows.map((s) => s.year)),
    repo.listEnrolmentsOfPerson(ctx.db, applicant.personId, rows.map((s) => s.id)),
  ]);
  const bySeminar = new Map(mine.map((e) => [e.seminarId, e]));
  const items = [];
  for (const s of rows) {
    const e = bySeminar.get(s.id) ?? null;
    const position = e?.status === 'waiting' ? await repo.waitingPosition(ctx.db, e) : null;
    items.push(await presentForProfessional(ctx, s, applicant, { rules: rules.get(s.year) ?? DEFAULT_ENROLMENT_RULES, mine: e, position }));
  }
  return { items };
}

export async function getSeminarForProfessional(ctx: Ctx, seminarId: string) {
  const s = await repo.findPublishedSeminar(ctx.db, seminarId);
  if (!s) throw new AppError('SEMINAR_ENROL_NOT_FOUND');
  return presentForProfessional(ctx, s, await applicantOf(ctx));
}

/**
 * Enrol the signed-in professional. Under the seminar's row lock: a seat when canTakeSeat allows
 * it (the designated-region reservation holds back a share of seats for preferred applicants until
 * the window closes), otherwise the waiting list. A second enrolment of the same person is refused.
 */
export async function enrolInSeminar(ctx: Ctx, seminarId: string) {
  const s = await repo.findPublishedSeminar(ctx.db, seminarId);
  if (!s) throw new AppError('SEMINAR_ENROL_NOT_FOUND');
  const window = windowOf(s);
  if (windowState(window, ctx.now) !== 'open') {
    throw new AppError('SEMINAR_ENROL_WINDOW_CLOSED', { opensAt: window.opensAt.toISOString(), closesAt: window.closesAt.toISOString() });
  }
  const rules = await getEnrolmentRules(ctx.db, s.year);
  const applicant = await applicantOf(ctx);
  const result = checkEligibility(s.eligibility ?? rules.eligibility, applicant);
  if (!result.eligible) {
    const text = INELIGIBLE_REASONS[result.reason];
    throw new AppError('SEMINAR_ENROL_INELIGIBLE', { reason: result.reason, reasonZh: text.zh, reasonEn: text.en });
  }
  const reasons = preferenceReasons(applicant);
  const preferred = reasons.length > 0;
  const outcome = await ctx.db.transaction(async (tx) => {
    const settings = await repo.lockSettings(tx, s.id);
    if (settings.closedAt) throw new AppError('SEMINAR_ALREADY_CLOSED');
    const existing = await repo.findEnrolment(tx, s.id, applicant.personId);
    if (existing && existing.status !== 'withdrawn') throw new AppError('SEMINAR_ENROL_DUPLICATE');
    const held = await repo.countHeld(tx, s.id);
    const seat = canTakeSeat({ seats: s.seats, ...held, reservedSharePct: rules.reservedSharePct, windowClosed: false }, preferred) && (await repo.takeSeat(tx, s.id, s.seats));
    const status = seat ? 'enrolled' : 'waiting';
    const id = await repo.upsertEnrolment(tx, { id: uuidv7(), seminarId: s.id, personId: applicant.personId, provinceCode: applicant.provinceCode, status, preferred, reasons, at: ctx.now });
    if (!id) throw new AppError('SEMINAR_ENROL_DUPLICATE');
    await recordAudit(tx, ctx, { action: 'seminar.enrol', entity: 'seminar_enrolment', entityId: id, after: { seminarId: s.id, status, preferred, reasons } });
    const mine: repo.EnrolmentRow = {
      id, seminarId: s.id, personId: applicant.personId, status, preferred, preferenceReasons: reasons, enrolledAt: ctx.now, admittedAt: null, leftAt: null, completed: null, recordId: null,
    };
    const position = seat ? null : await repo.waitingPosition(tx, mine);
    return { mine, position, seatsTaken: held.taken + (seat ? 1 : 0) };
  });
  const view = await presentForProfessional(ctx, { ...s, seatsTaken: outcome.seatsTaken }, applicant, { rules, mine: outcome.mine, position: outcome.position });
  return { ...view, outcome: outcome.mine.status };
}

/**
 * Move people up from the waiting list into free seats (pickPromotions), in the caller's
 * transaction under the seminar's lock; each gets a notice and an audit event.
 */
export async function promoteWaiting(tx: Executor, ctx: Ctx, s: repo.SeminarRow): Promise<number> {
  const rules = await getEnrolmentRules(tx, s.year);
  const held = await repo.countHeld(tx, s.id);
  const windowClosed = windowState(windowOf(s), ctx.now) === 'closed';
  const picks = pickPromotions({ seats: s.seats, ...held, reservedSharePct: rules.reservedSharePct, windowClosed }, await repo.listWaiting(tx, s.id));
  let moved = 0;
  for (const w of picks) {
    if (!(await repo.takeSeat(tx, s.id, s.seats))) break;
    await repo.setEnrolmentStatus(tx, w.id, 'enrolled', ctx.now);
    await repo.insertNotice(tx, { id: uuidv7(), personId: w.personId, seminarId: s.id, kind: 'seat_offered', at: ctx.now });
    await recordAudit(tx, ctx, { action: 'seminar.enrolment_promoted', entity: 'seminar_enrolment', entityId: w.id, before: { status: 'waiting' }, after: { status: 'enrolled' } });
    moved += 1;
  }
  return moved;
}

/** Withdraw before the seminar starts; a freed seat goes to the waiting list in the same transaction. */
export async function withdrawFromSeminar(ctx: Ctx, seminarId: string) {
  const s = await repo.findPublishedSeminar(ctx.db, seminarId);
  if (!s) throw new AppError('SEMINAR_ENROL_NOT_FOUND');
  const personId = personOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const settings = await repo.lockSettings(tx, s.id);
    const mine = await repo.findEnrolment(tx, s.id, personId);
    if (!mine || !['enrolled', 'admitted', 'waiting'].includes(mine.status) || settings.closedAt || chinaDate(ctx.now) >= s.startDate) {
      throw new AppError('SEMINAR_ENROL_NOT_ENROLLED');
    }
    await repo.setEnrolmentStatus(tx, mine.id, 'withdrawn', ctx.now);
    await recordAudit(tx, ctx, { action: 'seminar.withdraw', entity: 'seminar_enrolment', entityId: mine.id, before: { status: mine.status }, after: { status: 'withdrawn' } });
    if (mine.status !== 'waiting') {
      await repo.releaseSeat(tx, s.id);
      await promoteWaiting(tx, ctx, s);
    }
  });
  return getSeminarForProfessional(ctx, s.id);
}

/** The professional's seminars with their status, and the notices with the unread counts (marked read in notices/service.ts). */
export async function listMySeminars(ctx: Ctx) {
  const personId = personOf(ctx);
  const [rows, notices, unreadNotices] = await Promise.all([repo.listMine(ctx.db, personId), listNotices(ctx.db, personId), countUnreadNotices(ctx.db, personId)]);
  const today = chinaDate(ctx.now);
  return {
    items: rows.map((r) => ({
      seminarId: r.seminarId, title: r.title, hostName: r.hostName, startDate: r.startDate, endDate: r.endDate, hours: r.hoursTenths / 10,
      status: r.status, preferred: r.preferred, enrolledAt: r.enrolledAt, admittedAt: r.admittedAt, completed: r.completed, closed: !!r.closedAt,
      unreadNotices: r.unreadNotices, abilities: { rate: r.status === 'admitted' && today >= r.startDate && !r.rated },
    })),
    notices,
    unreadNotices,
  };
}
