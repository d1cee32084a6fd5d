// Pure rules of the expert review: the reproducible draw of reviewers and score aggregation.

/** A 32-bit hash of the seed text (FNV-1a), the PRNG's starting state. */
export function seedState(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: a small seeded PRNG; the same seed gives the same sequence on every platform. */
export function seededRandom(seed: string): () => number {
  let a = seedState(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type DrawApplication = { id: string; field: string; hostId: string };
export type DrawExpert = { id: string; fields: readonly string[]; organisationId: string | null; conflicts: readonly string[] };
export type Assignment = { seminarId: string; expertId: string; fallback: boolean };
export type DrawShortage = { seminarId: string; eligible: number; needed: number; reason: 'too_few_eligible' | 'load_cap' };
export type DrawResult =
  | { ok: true; assignments: Assignment[]; cap: number }
  | { ok: false; shortages: DrawShortage[]; cap: number };

/** May this expert review this application at all (not its organisation, no declared conflict)? */
export function isEligible(expert: DrawExpert, app: DrawApplication): boolean {
  return expert.organisationId !== app.hostId && !expert.conflicts.includes(app.hostId);
}

/** Load cap: no expert gets more than ceil(applications × n / experts) reviews. */
export function loadCap(applications: number, n: number, experts: number): number {
  return experts === 0 ? 0 : Math.ceil((applications * n) / experts);
}

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Give `start` one more reviewer: breadth-first over (application → expert it may take →
 * application that expert already reviews and could give up), until an expert under the cap is
 * reached; then shift the assignments along the path. Returns false when no path exists.
 */
function augment(start: DrawApplication, pool: readonly DrawExpert[], apps: readonly DrawApplication[], assignments: Assignment[], load: Map<string, number>, cap: number,
  cmp: (x: DrawExpert, y: DrawExpert) => number): boolean {
  const appById = new Map(apps.map((a) => [a.id, a]));
  const on = (appId: string) => new Set(assignments.filter((x) => x.seminarId === appId).map((x) => x.expertId));
  // prev: expert id → [application that takes it, expert that application gives up (or null at the start)]
  const prev = new Map<string, { appId: string; via: string | null }>();
  const queue: { app: DrawApplication; via: string | null }[] = [{ app: start, via: null }];
  const seenApps = new Set<string>([start.id]);
  while (queue.length) {
    const { app, via } = queue.shift() as { app: DrawApplication; via: string | null };
    const taken = on(app.id);
    const candidates = pool.filter((e) => isEligible(e, app) && !taken.has(e.id) && !prev.has(e.id)).sort(cmp);
    for (const e of candidates) {
      prev.set(e.id, { appId: app.id, via });
      if ((load.get(e.id) ?? 0) < cap) {
        // Walk back: each application on the path takes `expert` and gives up `via`.
        let expert: string | null = e.id;
        while (expert) {
          const step = prev.get(expert) as { appId: string; via: string | null };
          const target = appById.get(step.appId) as DrawApplication;
          const fields = (pool.find((x) => x.id === expert) as DrawExpert).fields;
          if (step.via) {
            const idx = assignments.findIndex((x) => x.seminarId === step.appId && x.expertId === step.via);
            assignments.splice(idx, 1);
          }
          assignments.push({ seminarId: step.appId, expertId: expert, fallback: !fields.includes(target.field) });
          expert = step.via;
        }
        load.set(e.id, (load.get(e.id) ?? 0) + 1);
        return true;
      }
      for (const x of assignments) {
        if (x.expertId !== e.id || seenApps.has(x.seminarId)) continue;
        seenApps.add(x.seminarId);
        queue.push({ app: appById.get(x.seminarId) as DrawApplication, via: e.id });
      }
    }
  }
  return false;
}

/**
 * Draw n reviewers per application. Inputs are first put in a canonical order (by id), so the
 * result depends only on the seed and the inputs, not on how they were read.
 *
 * - Eligible: not of the applying organisation, no declared conflict with it.
 * - Qualified: eligible and the application's field among the expert's fields. When fewer than n
 *   qualified experts remain under the cap, eligible experts of other fields fill the rest
 *   (marked fallback).
 * - Balance: each expert's load stays ≤ the cap; among candidates, the least loaded go first and
 *   the seeded shuffle breaks ties.
 * - The most constrained application (fewest open qualified experts) is served next, each time.
 * - When some application cannot get n reviewers, nothing is assigned and every shortage is reported.
 */
export function drawReviewers(applications: readonly DrawApplication[], experts: readonly DrawExpert[], n: number, seed: string): DrawResult {
  const rand = seededRandom(seed);
  const pool = [...experts].sort(byId);
  const apps = [...applications].sort(byId);
  const cap = loadCap(apps.length, n, pool.length);
  // One random rank per expert and application, drawn in canonical order.
  const rank = new Map<string, number>();
  for (const a of apps) for (const e of pool) rank.set(`${a.id}|${e.id}`, rand());
  const load = new Map<string, number>(pool.map((e) => [e.id, 0]));
  const assignments: Assignment[] = [];
  const shortages: DrawShortage[] = [];
  const openFor = (a: DrawApplication) => pool.filter((e) => isEligible(e, a) && (load.get(e.id) ?? 0) < cap);
  const remaining = [...apps];
  while (remaining.length) {
    // The most constrained application next: fewest open qualified experts, then fewest open at all.
    const scored = remaining.map((a) => {
      const open = openFor(a);
      return { a, q: open.filter((e) => e.fields.includes(a.field)).length, o: open.length };
    });
    scored.sort((x, y) => x.q - y.q || x.o - y.o || byId(x.a, y.a));
    const a = (scored[0] as (typeof scored)[number]).a;
    remaining.splice(remaining.indexOf(a), 1);
    const eligible = pool.filter((e) => isEligible(e, a));
    const cmp = (x: DrawExpert, y: DrawExpert) =>
      (load.get(x.id) ?? 0) - (load.get(y.id) ?? 0) || (rank.get(`${a.id}|${x.id}`) ?? 0) - (rank.get(`${a.id}|${y.id}`) ?? 0);
    const open = openFor(a);
    const qualified = open.filter((e) => e.fields.includes(a.field)).sort(cmp);
    const others = open.filter((e) => !e.fields.includes(a.field)).sort(cmp);
    const chosen = [...qualified.map((e) => ({ e, fallback: false })), ...others.map((e) => ({ e, fallback: true }))].slice(0, n);
    for (const c of chosen) {
      load.set(c.e.id, (load.get(c.e.id) ?? 0) + 1);
      assignments.push({ seminarId: a.id, expertId: c.e.id, fallback: c.fallback });
    }
    // Greedy choices can leave an application short while capacity remains elsewhere: move
    // reviewers along an augmenting path (one application swaps a full expert for a free one).
    for (let missing = n - chosen.length; missing > 0; missing--) {
      if (!augment(a, pool, apps, assignments, load, cap, cmp)) {
        shortages.push({ seminarId: a.id, eligible: eligible.length, needed: n, reason: eligible.length < n ? 'too_few_eligible' : 'load_cap' });
        break;
      }
    }
  }
  if (shortages.length) return { ok: false, shortages, cap };
  return { ok: true, assignments: assignments.sort((x, y) => (x.seminarId + x.expertId < y.seminarId + y.expertId ? -1 : 1)), cap };
}

/**
 * A replacement for a reviewer who declared a conflict: eligible, not already on the
 * application, qualified first, least loaded, ties broken by a PRNG seeded with the draw's
 * seed and the pair, so that it too is reproducible. null when nobody is left.
 */
export function pickReplacement(app: DrawApplication, experts: readonly DrawExpert[], exclude: readonly string[], load: ReadonlyMap<string, number>, seed: string): DrawExpert | null {
  const rand = seededRandom(`${seed}|${app.id}|${[...exclude].sort().join(',')}`);
  const candidates = [...experts].sort(byId).map((e) => ({ e, r: rand() })).filter((c) => isEligible(c.e, app) && !exclude.includes(c.e.id));
  candidates.sort((x, y) => Number(!x.e.fields.includes(app.field)) - Number(!y.e.fields.includes(app.field)) || (load.get(x.e.id) ?? 0) - (load.get(y.e.id) ?? 0) || x.r - y.r);
  return candidates[0]?.e ?? null;
}

export type Criterion = { code: string; weight: number };

/** Weighted total of one review in tenths of a point (0–1000): Σ score × weight / Σ weights. */
export function weightedTotalTenths(criteria: readonly Criterion[], scores: Readonly<Record<string, number>>): number {
  const weights = criteria.reduce((s, c) => s + c.weight, 0);
  const sum = criteria.reduce((s, c) => s + (scores[c.code] ?? 0) * c.weight, 0);
  return Math.round((sum * 10) / weights);
}

/** The codes a score sheet lacks or adds, and scores outside 0–100. */
export function checkScores(criteria: readonly Criterion[], scores: Readonly<Record<string, number>>): string[] {
  const problems = criteria.filter((c) => !Number.isFinite(scores[c.code])).map((c) => c.code);
  for (const [code, v] of Object.entries(scores)) if (!criteria.some((c) => c.code === code) || v < 0 || v > 100) problems.push(code);
  return [...new Set(problems)];
}

/** A score further than this from the median of three (in tenths: 15 points of 100) is an outlier. */
export const OUTLIER_DISTANCE_TENTHS = 150;

export type Aggregate = { scoreTenths: number | null; used: number[]; dropped: number[] };

/**
 * The application's score from its reviewers' weighted totals (tenths):
 * - 4 or more: drop one highest and one lowest, mean of the rest;
 * - exactly 3: drop any total further than 15 points from the median, mean of the rest (the
 *   median itself always stays);
 * - 1 or 2: the mean; none: no score.
 * Rounded to a tenth of a point.
 */
export function aggregateScores(totals: readonly number[]): Aggregate {
  const sorted = [...totals].sort((a, b) => a - b);
  if (sorted.length === 0) return { scoreTenths: null, used: [], dropped: [] };
  let used = sorted;
  let dropped: number[] = [];
  if (sorted.length >= 4) {
    used = sorted.slice(1, -1);
    dropped = [sorted[0] as number, sorted[sorted.length - 1] as number];
  } else if (sorted.length === 3) {
    const median = sorted[1] as number;
    used = sorted.filter((v) => Math.abs(v - median) <= OUTLIER_DISTANCE_TENTHS);
    dropped = sorted.filter((v) => Math.abs(v - median) > OUTLIER_DISTANCE_TENTHS);
  }
  return { scoreTenths: Math.round(used.reduce((s, v) => s + v, 0) / used.length), used, dropped };
}

export type Ranked<T> = T & { rank: number | null };

/** Rank by score, highest first; equal scores share a rank; unscored applications come last without a rank. */
export function rankByScore<T extends { id: string; scoreTenths: number | null }>(items: readonly T[]): Ranked<T>[] {
  const sorted = [...items].sort((a, b) => (b.scoreTenths ?? -1) - (a.scoreTenths ?? -1) || (a.id < b.id ? -1 : 1));
  let prev: number | null = null;
  let prevRank = 0;
  return sorted.map((item, i) => {
    if (item.scoreTenths === null) return { ...item, rank: null };
    const rank = item.scoreTenths === prev ? prevRank : i + 1;
    prev = item.scoreTenths;
    prevRank = rank;
    return { ...item, rank };
  });
}
