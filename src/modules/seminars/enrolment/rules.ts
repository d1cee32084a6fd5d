/**
 * Pure rules of seminar enrolment, admission, completion and reporting (no I/O, `now` passed in).
 * Sources: DOMAIN.md §6 (trainees hold intermediate or senior titles; summary report within
 * 10 working days), issue 6 points 3–4. The figures are data (seminar_enrolment_rules); the
 * defaults below apply when a year has no row.
 */
import { chinaDate } from '../../calendar/rules.ts';

export const TITLE_LEVELS = ['none', 'junior', 'intermediate', 'deputy_senior', 'senior'] as const;
export type TitleLevel = (typeof TITLE_LEVELS)[number];

export type Eligibility = {
  /** The lowest professional title that qualifies (DOMAIN §6.3: intermediate or senior). */
  minTitleLevel: TitleLevel;
  /** Whether a management post (管理岗位) qualifies without the title. */
  managementPostQualifies: boolean;
};

export type EnrolmentRules = {
  eligibility: Eligibility;
  reservedSharePct: number;
  completionMinPct: number;
  reportDueWorkingDays: number;
};

export const DEFAULT_ENROLMENT_RULES: EnrolmentRules = {
  eligibility: { minTitleLevel: 'intermediate', managementPostQualifies: true },
  reservedSharePct: 20,
  completionMinPct: 80,
  reportDueWorkingDays: 10,
};

/** Bounds of the yearly rules: the API schema and the ministry's form both read them. */
export const RULE_BOUNDS = {
  reservedSharePct: { min: 0, max: 100 },
  completionMinPct: { min: 1, max: 100 },
  reportDueWorkingDays: { min: 1, max: 60 },
} as const;

/** Where a year's rules come from: its own row, the latest earlier year's row, or the defaults above. */
export type RulesSource = 'own' | 'inherited' | 'default';

/** `fromYear` is the year of the row found for `year` (that year or the latest earlier one), null when none. */
export function rulesSource(year: number, fromYear: number | null): RulesSource {
  if (fromYear === null) return 'default';
  return fromYear === year ? 'own' : 'inherited';
}

export const PREFERENCE_REASONS = ['old_revolutionary', 'border', 'ethnic_autonomous', 'grassroots'] as const;
export type PreferenceReason = (typeof PREFERENCE_REASONS)[number];

export type Applicant = {
  titleLevel: TitleLevel;
  managementPost: boolean;
  active: boolean;
  /** Flags of the person's region, its city and its province together. */
  regionFlags: readonly string[];
  employerGrassroots: boolean;
};

export type EligibilityResult = { eligible: true } | { eligible: false; reason: 'inactive' | 'title_or_post' | 'title' };

/** Eligible when active and the title reaches the minimum, or (when the rule says so) in a management post. */
export function checkEligibility(rule: Eligibility, a: Applicant): EligibilityResult {
  if (!a.active) return { eligible: false, reason: 'inactive' };
  if (TITLE_LEVELS.indexOf(a.titleLevel) >= TITLE_LEVELS.indexOf(rule.minTitleLevel)) return { eligible: true };
  if (rule.managementPostQualifies && a.managementPost) return { eligible: true };
  return { eligible: false, reason: rule.managementPostQualifies ? 'title_or_post' : 'title' };
}

/**
 * The designated-region preference (issue 6.3): a person whose region, city or province is an
 * old revolutionary, border or ethnic autonomous area, or whose employer is a grassroots unit.
 */
export function preferenceReasons(a: Pick<Applicant, 'regionFlags' | 'employerGrassroots'>): PreferenceReason[] {
  const reasons = PREFERENCE_REASONS.filter((r) => r !== 'grassroots' && a.regionFlags.includes(r));
  return a.employerGrassroots ? [...reasons, 'grassroots'] : reasons;
}

/** Seats held for preferred applicants while the window is open: the share of seats, rounded up. */
export function reservedSeats(seats: number, sharePct: number): number {
  return Math.ceil((seats * sharePct) / 100);
}

export type SeatState = {
  seats: number;
  /** Seats held (enrolled or admitted) in all. */
  taken: number;
  /** Of which held by preferred applicants. */
  takenPreferred: number;
  reservedSharePct: number;
  /** The window has closed: the reservation lapses and any free seat goes to the next in line. */
  windowClosed: boolean;
};

/**
 * Whether an applicant gets a seat now (else the waiting list). A preferred applicant takes any
 * free seat; another applicant only a seat not held back for preferred applicants: while the
 * window is open, reserved − (seats already held by preferred applicants) stay free for them.
 */
export function canTakeSeat(s: SeatState, preferred: boolean): boolean {
  const free = s.seats - s.taken;
  if (free <= 0) return false;
  if (preferred || s.windowClosed) return true;
  const stillHeld = Math.max(0, reservedSeats(s.seats, s.reservedSharePct) - s.takenPreferred);
  return free > stillHeld;
}

export type Waiting = { id: string; preferred: boolean; enrolledAt: Date };

/** The waiting list's order: preferred applicants first, then by time of enrolment. */
export function orderWaitingList<T extends Waiting>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => Number(b.preferred) - Number(a.preferred) || a.enrolledAt.getTime() - b.enrolledAt.getTime() || a.id.localeCompare(b.id));
}

/** Who moves up from the waiting list into the free seats, in order, under canTakeSeat. */
export function pickPromotions<T extends Waiting>(s: SeatState, waiting: readonly T[]): T[] {
  const picked: T[] = [];
  const state = { ...s };
  for (const w of orderWaitingList(waiting)) {
    if (state.taken >= state.seats) break;
    if (!canTakeSeat(state, w.preferred)) continue;
    picked.push(w);
    state.taken += 1;
    if (w.preferred) state.takenPreferred += 1;
  }
  return picked;
}

export type Window = { opensAt: Date; closesAt: Date };

/**
 * The enrolment window: from the host's opening time or publication (whichever is later), to the
 * host's closing time or, by default, 00:00 China time (UTC+8) of the day before the start date.
 */
export function enrolmentWindow(input: { publishedAt: Date; startDate: string; opensAt: Date | null; closesAt: Date | null }): Window {
  const opensAt = input.opensAt && input.opensAt > input.publishedAt ? input.opensAt : input.publishedAt;
  const dayBefore = new Date(`${input.startDate}T00:00:00+08:00`);
  dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
  return { opensAt, closesAt: input.closesAt ?? dayBefore };
}

export function windowState(w: Window, now: Date): 'not_open' | 'open' | 'closed' {
  if (now < w.opensAt) return 'not_open';
  return now < w.closesAt ? 'open' : 'closed';
}

/** A host's window must close after it opens and before the seminar's first day (China time). */
export function isValidWindow(opensAt: Date | null, closesAt: Date, startDate: string): boolean {
  return (!opensAt || opensAt < closesAt) && closesAt <= new Date(`${startDate}T00:00:00+08:00`);
}

/** Completion (data: completion_min_pct): present on at least that share of the seminar's days. */
export function isCompleted(presentDays: number, days: number, minPct: number): boolean {
  return days > 0 && presentDays * 100 >= minPct * days;
}

export { chinaDate };

/** A report is late when submitted (China date) after its due day. */
export function isReportLate(dueOn: string, submittedAt: Date): boolean {
  return chinaDate(submittedAt) > dueOn;
}

/** Every date from start to end inclusive (attendance days the host may mark). */
export function seminarDates(start: string, end: string): string[] {
  const out: string[] = [];
  const d = new Date(`${start}T00:00:00Z`);
  const last = new Date(`${end}T00:00:00Z`);
  while (d <= last && out.length < 400) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

export const RATING_CRITERIA = ['content', 'teachers', 'organisation', 'facilities'] as const;
export type RatingCriterion = (typeof RATING_CRITERIA)[number];
export type Scores = Record<RatingCriterion, number>;

/** Satisfaction: the mean of all criteria over all ratings, 1–5 with two decimals; null when none. */
export function satisfaction(ratings: readonly Scores[]): number | null {
  if (!ratings.length) return null;
  const sum = ratings.reduce((s, r) => s + RATING_CRITERIA.reduce((t, c) => t + r[c], 0), 0);
  return Math.round((sum / (ratings.length * RATING_CRITERIA.length)) * 100) / 100;
}

/** Execution rate in percent with one decimal; null when nothing was budgeted. */
export function executionRate(spentCents: bigint | number, budgetCents: bigint | number): number | null {
  const budget = Number(budgetCents);
  if (budget <= 0) return null;
  return Math.round((Number(spentCents) * 1000) / budget) / 10;
}
