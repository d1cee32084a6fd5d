// Pure rules of online study: what a player heartbeat credits, when a chapter and a course are
// complete, and how studied time becomes 学时. No I/O, no clock: callers pass instants.
//
// The honesty rules (issue 4): only time watched at normal speed counts, skipping ahead does not,
// two simultaneous sessions of one person do not both count, and a closed tab loses at most one
// heartbeat interval. Studied time converts by the province's minutes per 学时 and daily cap
// (DOMAIN.md §3.1, Chengdu: 45 min = 1 学时, at most 6 学时 a day).

/** The player sends a heartbeat this often (seconds) while playing, and on pause, end and tab hide. */
export const HEARTBEAT_SECONDS = 10;

/**
 * One heartbeat credits at most this much: a single lost heartbeat still counts in full, a longer
 * silence (a sleeping laptop, a tab closed and reopened) does not turn into study time.
 */
export const MAX_CREDIT_PER_BEAT = 2 * HEARTBEAT_SECONDS;

/** Where the counting session's last heartbeat left off. */
export type StudyCursor = { sessionId: string; chapterId: string; at: Date; position: number };

export type Heartbeat = { sessionId: string; chapterId: string; at: Date; position: number };

export type BeatOutcome =
  /** Seconds credited and the stretch of the chapter they cover, or none. */
  | { kind: 'credited'; seconds: number; segment: [number, number] | null }
  /** Another session of the same person started later: this one no longer counts. */
  | { kind: 'superseded' };

/**
 * Credit one heartbeat against the cursor the person's counting session left.
 *
 * - A heartbeat of a session other than the counting one credits nothing (two tabs never both count).
 * - The first heartbeat after a session starts or a chapter changes only sets the cursor.
 * - Credit = min(position advance, wall-clock since the last heartbeat, MAX_CREDIT_PER_BEAT):
 *   at double speed only the wall-clock time counts; a skip ahead counts only the time that
 *   passed; going back or pausing counts nothing.
 * - The covered stretch ends at the new position and is as long as the credit, so coverage never
 *   grows faster than the clock.
 */
export function creditHeartbeat(cursor: StudyCursor | null, beat: Heartbeat): BeatOutcome {
  if (cursor && cursor.sessionId !== beat.sessionId) return { kind: 'superseded' };
  if (!cursor || cursor.chapterId !== beat.chapterId) return { kind: 'credited', seconds: 0, segment: null };
  const elapsed = (beat.at.getTime() - cursor.at.getTime()) / 1000;
  const advance = beat.position - cursor.position;
  if (!(elapsed > 0) || !(advance > 0)) return { kind: 'credited', seconds: 0, segment: null };
  const seconds = Math.min(advance, elapsed, MAX_CREDIT_PER_BEAT);
  return { kind: 'credited', seconds, segment: [beat.position - seconds, beat.position] };
}

/** Merge a stretch into sorted, disjoint intervals (clipped to [0, duration]). */
export function mergeCovered(covered: readonly [number, number][], segment: [number, number], duration: number): [number, number][] {
  const from = Math.max(0, Math.min(segment[0], duration));
  const to = Math.max(0, Math.min(segment[1], duration));
  if (to <= from) return covered.map((c) => [c[0], c[1]]);
  const all = [...covered.map((c) => [c[0], c[1]] as [number, number]), [from, to] as [number, number]].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of all) {
    const last = merged[merged.length - 1];
    // Stretches a rounding error apart are one stretch.
    if (last && a <= last[1] + 0.5) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

export function coveredSeconds(covered: readonly [number, number][]): number {
  return covered.reduce((sum, [a, b]) => sum + (b - a), 0);
}

/** A chapter is complete once the covered share of its duration reaches the course's percentage. */
export function isChapterComplete(covered: number, durationSeconds: number, completionPercent: number): boolean {
  return covered * 100 >= durationSeconds * completionPercent - 1e-6;
}

/** A course is complete when every chapter is, and its quiz (if it has one) is passed. */
export function isCourseComplete(input: { chapters: number; completedChapters: number; quizSize: number; quizPassed: boolean }): boolean {
  return input.chapters > 0 && input.completedChapters >= input.chapters && (input.quizSize === 0 || input.quizPassed);
}

export type StudyRules = { minutesPerCreditHour: number; dailyCap: number | null };

/** Seconds a person may still be credited today under the daily cap (no cap: unlimited). */
export function remainingToday(creditedTodaySeconds: number, rules: StudyRules): number {
  if (rules.dailyCap === null) return Number.POSITIVE_INFINITY;
  return Math.max(0, rules.dailyCap * rules.minutesPerCreditHour * 60 - creditedTodaySeconds);
}

/**
 * Studied seconds per day → 学时, one decimal, rounded down: each day counts at most the daily cap,
 * and minutesPerCreditHour minutes make one 学时.
 */
export function studyCreditHours(secondsPerDay: readonly number[], rules: StudyRules): number {
  let tenths = 0;
  for (const seconds of secondsPerDay) {
    const dayTenths = Math.floor((seconds * 10) / (rules.minutesPerCreditHour * 60) + 1e-9);
    tenths += rules.dailyCap === null ? dayTenths : Math.min(dayTenths, Math.round(rules.dailyCap * 10));
  }
  return tenths / 10;
}

/** The China calendar day (UTC+8) of an instant, as YYYY-MM-DD: daily caps follow it. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Course status changes: who moves a course where. */
export type CourseStatus = 'draft' | 'submitted' | 'published' | 'withdrawn';
export type CourseAction = 'submit' | 'publish' | 'reject' | 'withdraw' | 'edit';

const TRANSITIONS: Record<CourseAction, { from: readonly CourseStatus[]; to: CourseStatus }> = {
  edit: { from: ['draft', 'withdrawn'], to: 'draft' },
  submit: { from: ['draft', 'withdrawn'], to: 'submitted' },
  publish: { from: ['submitted'], to: 'published' },
  reject: { from: ['submitted'], to: 'draft' },
  withdraw: { from: ['submitted', 'published'], to: 'withdrawn' },
};

/** The status after `action`, or null when the action is not allowed from `status`. */
export function nextCourseStatus(status: CourseStatus, action: CourseAction): CourseStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(status) ? t.to : null;
}

export type QuizQuestion = { id: string; kind: 'single' | 'multiple'; answer: readonly number[] };

/** Draw `size` questions at random from the bank (Fisher–Yates with the caller's random source). */
export function drawQuestions<T>(bank: readonly T[], size: number, random: (maxExclusive: number) => number): T[] {
  const pool = [...bank];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, Math.min(size, pool.length));
}

/**
 * Score an attempt in whole percent: a single-choice question is right when the one chosen option
 * is the answer; a multiple-choice question only when exactly the right set is chosen.
 */
export function scoreQuiz(questions: readonly QuizQuestion[], answers: Readonly<Record<string, readonly number[]>>, passPercent: number): { scorePercent: number; passed: boolean; correct: number } {
  let correct = 0;
  for (const q of questions) {
    const given = [...new Set(answers[q.id] ?? [])].sort((a, b) => a - b);
    const right = [...q.answer].sort((a, b) => a - b);
    if (q.kind === 'single' && given.length !== 1) continue;
    if (given.length === right.length && given.every((v, i) => v === right[i])) correct++;
  }
  const scorePercent = questions.length ? Math.floor((correct * 100) / questions.length) : 0;
  return { scorePercent, passed: scorePercent >= passPercent, correct };
}

/**
 * An HTTP Range header (one range, bytes) against a file of `size` bytes: the inclusive byte span,
 * 'none' when there is no usable header (send the whole file), or 'unsatisfiable' (416).
 */
export function parseByteRange(header: string | undefined, size: number): { start: number; end: number } | 'none' | 'unsatisfiable' {
  if (!header) return 'none';
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Several ranges or another unit: RFC 9110 lets a server ignore the header and send it all.
  if (!match) return header.trim().startsWith('bytes=') && !header.includes(',') ? 'unsatisfiable' : 'none';
  const [, a = '', b = ''] = match;
  if (a === '' && b === '') return 'unsatisfiable';
  if (a === '') {
    const suffix = Number(b);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/** The type of an uploaded file by its first bytes, never by its name. */
export function sniffMediaType(head: Uint8Array): 'video/mp4' | 'video/webm' | 'application/pdf' | 'image/png' | 'image/jpeg' | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head.length >= 12 && ascii(4, 8) === 'ftyp') return 'video/mp4';
  // EBML magic, and the document type 'webm' in the header (plain Matroska is not accepted).
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return ascii(4, Math.min(head.length, 64)).includes('webm') ? 'video/webm' : null;
  if (ascii(0, 5) === '%PDF-') return 'application/pdf';
  if (head[0] === 0x89 && ascii(1, 4) === 'PNG') return 'image/png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  return null;
}

// The themes of the yearly public-subject reference catalogue (公需科目参考目录), as the seed names them.
export const PUBLIC_SUBJECT_THEMES = [
  'political_study',
  'knowledge_renewal',
  'scientific_spirit',
  'professional_ethics',
  'teamwork',
  'digital_technology',
  'intellectual_property',
  'cyber_security',
  'emergency_management',
] as const;
export type PublicSubjectTheme = (typeof PUBLIC_SUBJECT_THEMES)[number];

export const PUBLIC_SUBJECT_THEME_LABELS: Record<PublicSubjectTheme, { zh: string; en: string }> = {
  political_study: { zh: '政治理论学习', en: 'Political study' },
  knowledge_renewal: { zh: '知识更新', en: 'Knowledge renewal' },
  scientific_spirit: { zh: '科学精神', en: 'Scientific spirit' },
  professional_ethics: { zh: '职业道德', en: 'Professional ethics' },
  teamwork: { zh: '团队协作', en: 'Teamwork' },
  digital_technology: { zh: '数字技术', en: 'Digital technology' },
  intellectual_property: { zh: '知识产权', en: 'Intellectual property' },
  cyber_security: { zh: '网络安全', en: 'Cyber security' },
  emergency_management: { zh: '应急管理', en: 'Emergency management' },
};

export type CatalogueItem = { theme: string; courseId: string };
export type EffectiveItem = CatalogueItem & { source: 'national' | 'province'; free: boolean };

/**
 * A region's effective public-subject list for a year: the national items of the adopted national
 * version (none when the province does not adopt), then the province's own items; a course listed
 * by both appears once, as national. Every course on the list of an adopting province is free to
 * its professionals; the national list alone (no province version) frees nothing.
 */
export function effectiveCatalogue(national: readonly CatalogueItem[] | null, own: { adopts: boolean; items: readonly CatalogueItem[] } | null): EffectiveItem[] {
  const adopting = own !== null;
  const result: EffectiveItem[] = [];
  const seen = new Set<string>();
  if (national && (!own || own.adopts)) {
    for (const item of national) {
      if (seen.has(item.courseId)) continue;
      seen.add(item.courseId);
      result.push({ ...item, source: 'national', free: adopting && own.adopts });
    }
  }
  for (const item of own?.items ?? []) {
    if (seen.has(item.courseId)) continue;
    seen.add(item.courseId);
    result.push({ ...item, source: 'province', free: true });
  }
  return result;
}
