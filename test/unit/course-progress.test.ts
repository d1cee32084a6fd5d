import { describe, expect, it } from 'vitest';
import {
  MAX_CREDIT_PER_BEAT, type StudyCursor, chinaDay, coveredSeconds, creditHeartbeat, drawQuestions, isChapterComplete, isCourseComplete,
  effectiveCatalogue, mergeCovered, nextCourseStatus, parseByteRange, remainingToday, scoreQuiz, sniffMediaType, studyCreditHours,
} from '../../src/modules/courses/rules.ts';

const t0 = new Date('2026-03-01T02:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const cursor = (over: Partial<StudyCursor> = {}): StudyCursor => ({ sessionId: 's1', chapterId: 'c1', at: t0, position: 100, ...over });
const beat = (seconds: number, position: number, over: { sessionId?: string; chapterId?: string } = {}) => ({ sessionId: 's1', chapterId: 'c1', at: at(seconds), position, ...over });

describe('a heartbeat credits only time watched at normal speed', () => {
  it('normal playback: ten seconds later, ten seconds further → ten seconds, covering the stretch just played', () => {
    expect(creditHeartbeat(cursor(), beat(10, 110))).toEqual({ kind: 'credited', seconds: 10, segment: [100, 110] });
  });

  it('double speed: twenty seconds of video in ten seconds of clock → ten seconds', () => {
    expect(creditHeartbeat(cursor(), beat(10, 120))).toEqual({ kind: 'credited', seconds: 10, segment: [110, 120] });
  });

  it('skipping ahead: a jump of 500 seconds in ten seconds of clock → only the ten seconds', () => {
    expect(creditHeartbeat(cursor(), beat(10, 600))).toEqual({ kind: 'credited', seconds: 10, segment: [590, 600] });
  });

  it('going back or pausing credits nothing', () => {
    expect(creditHeartbeat(cursor(), beat(10, 50))).toEqual({ kind: 'credited', seconds: 0, segment: null });
    expect(creditHeartbeat(cursor(), beat(10, 100))).toEqual({ kind: 'credited', seconds: 0, segment: null });
  });

  it('a heartbeat stamped before the cursor (clock skew, replay) credits nothing', () => {
    expect(creditHeartbeat(cursor(), beat(-5, 110))).toEqual({ kind: 'credited', seconds: 0, segment: null });
  });

  it('the first heartbeat of a session, or after changing chapter, only sets the cursor', () => {
    expect(creditHeartbeat(null, beat(10, 110))).toEqual({ kind: 'credited', seconds: 0, segment: null });
    expect(creditHeartbeat(cursor(), beat(10, 110, { chapterId: 'c2' }))).toEqual({ kind: 'credited', seconds: 0, segment: null });
  });

  it('one lost heartbeat: the next one, twenty seconds on, still credits the twenty seconds', () => {
    expect(creditHeartbeat(cursor(), beat(20, 120))).toEqual({ kind: 'credited', seconds: 20, segment: [100, 120] });
  });

  it('a long silence (tab closed, laptop asleep) credits at most two intervals, whatever the advance', () => {
    const outcome = creditHeartbeat(cursor(), beat(3600, 3700));
    expect(outcome).toEqual({ kind: 'credited', seconds: MAX_CREDIT_PER_BEAT, segment: [3700 - MAX_CREDIT_PER_BEAT, 3700] });
  });
});

describe('two simultaneous sessions of one person do not both count', () => {
  it('heartbeats of a session that is not the counting one are superseded, whatever they claim', () => {
    expect(creditHeartbeat(cursor({ sessionId: 's2' }), beat(10, 110))).toEqual({ kind: 'superseded' });
  });

  it('alternating heartbeats of two tabs credit only the counting tab\'s wall-clock time', () => {
    // Tab s1 counts; tab s2 plays the same chapter in parallel; only s1's heartbeats move the cursor.
    let c: StudyCursor = cursor();
    let total = 0;
    for (let i = 1; i <= 6; i++) {
      const a = creditHeartbeat(c, beat(i * 10, 100 + i * 10));
      const b = creditHeartbeat(c, beat(i * 10 + 1, 400 + i * 10, { sessionId: 's2' }));
      expect(b.kind).toBe('superseded');
      if (a.kind === 'credited') total += a.seconds;
      c = { ...c, at: at(i * 10), position: 100 + i * 10 };
    }
    expect(total).toBe(60);
  });
});

describe('coverage and completion', () => {
  it('merges overlapping and adjacent stretches and clips them to the duration', () => {
    let covered: [number, number][] = [];
    covered = mergeCovered(covered, [10, 20], 100);
    covered = mergeCovered(covered, [30, 40], 100);
    covered = mergeCovered(covered, [15, 30.2], 100);
    covered = mergeCovered(covered, [95, 120], 100);
    expect(covered).toEqual([[10, 40], [95, 100]]);
    expect(coveredSeconds(covered)).toBe(35);
  });

  it('watching the same minute twice covers it once', () => {
    const once = mergeCovered([], [0, 60], 600);
    expect(coveredSeconds(mergeCovered(once, [0, 60], 600))).toBe(60);
  });

  it.each([
    [89, 100, 90, false],
    [90, 100, 90, true],
    [100, 100, 100, true],
    [99.5, 100, 100, false],
  ])('covered %s of %s seconds at %s%% → complete: %s', (covered, duration, percent, expected) => {
    expect(isChapterComplete(covered, duration, percent)).toBe(expected);
  });

  it.each([
    [{ chapters: 3, completedChapters: 3, quizSize: 5, quizPassed: true }, true],
    [{ chapters: 3, completedChapters: 3, quizSize: 5, quizPassed: false }, false],
    [{ chapters: 3, completedChapters: 2, quizSize: 0, quizPassed: false }, false],
    [{ chapters: 3, completedChapters: 3, quizSize: 0, quizPassed: false }, true],
    [{ chapters: 0, completedChapters: 0, quizSize: 0, quizPassed: false }, false],
  ])('course completion %o → %s', (input, expected) => {
    expect(isCourseComplete(input)).toBe(expected);
  });
});

describe('studied time becomes 学时 by the province rules', () => {
  const chengdu = { minutesPerCreditHour: 45, dailyCap: 6 };
  it('45 minutes make one 学时, rounded down to a tenth', () => {
    expect(studyCreditHours([45 * 60], chengdu)).toBe(1);
    expect(studyCreditHours([44 * 60], chengdu)).toBe(0.9);
  });
  it('a day counts at most the daily cap; days add up', () => {
    expect(studyCreditHours([10 * 3600], chengdu)).toBe(6);
    expect(studyCreditHours([10 * 3600, 45 * 60], chengdu)).toBe(7);
    expect(studyCreditHours([10 * 3600], { minutesPerCreditHour: 45, dailyCap: null })).toBe(13.3);
  });
  it('the daily cap leaves this many seconds to credit today', () => {
    expect(remainingToday(0, chengdu)).toBe(6 * 45 * 60);
    expect(remainingToday(6 * 45 * 60 + 5, chengdu)).toBe(0);
    expect(remainingToday(1e9, { minutesPerCreditHour: 45, dailyCap: null })).toBe(Number.POSITIVE_INFINITY);
  });
  it('the day is the China calendar day', () => {
    expect(chinaDay(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(chinaDay(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });
});

describe('course status', () => {
  it.each([
    ['draft', 'submit', 'submitted'],
    ['submitted', 'publish', 'published'],
    ['submitted', 'reject', 'draft'],
    ['published', 'withdraw', 'withdrawn'],
    ['withdrawn', 'submit', 'submitted'],
    ['draft', 'publish', null],
    ['published', 'edit', null],
    ['published', 'submit', null],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextCourseStatus(from, action)).toBe(to);
  });
});

describe('quiz', () => {
  const bank = [
    { id: 'q1', kind: 'single' as const, answer: [1] },
    { id: 'q2', kind: 'multiple' as const, answer: [0, 2] },
    { id: 'q3', kind: 'single' as const, answer: [0] },
  ];
  it('draws the asked number of distinct questions from the bank', () => {
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const drawn = drawQuestions(bank, 2, random);
    expect(drawn).toHaveLength(2);
    expect(new Set(drawn.map((q) => q.id)).size).toBe(2);
    expect(drawQuestions(bank, 10, random)).toHaveLength(3);
  });
  it('a multiple-choice question needs exactly the right set; a single one exactly one option', () => {
    expect(scoreQuiz(bank, { q1: [1], q2: [2, 0], q3: [0] }, 60)).toEqual({ scorePercent: 100, passed: true, correct: 3 });
    expect(scoreQuiz(bank, { q1: [1], q2: [0], q3: [0, 1] }, 60)).toEqual({ scorePercent: 33, passed: false, correct: 1 });
    expect(scoreQuiz(bank, { q1: [1], q2: [0, 2] }, 60)).toEqual({ scorePercent: 66, passed: true, correct: 2 });
  });
});

describe('byte ranges and file types', () => {
  it.each([
    [undefined, 'none'],
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=900-', { start: 900, end: 999 }],
    ['bytes=-100', { start: 900, end: 999 }],
    ['bytes=500-5000', { start: 500, end: 999 }],
    ['bytes=1000-', 'unsatisfiable'],
    ['bytes=50-10', 'unsatisfiable'],
    ['bytes=-0', 'unsatisfiable'],
    ['bytes=x-y', 'unsatisfiable'],
    ['bytes=0-1,5-6', 'none'],
  ])('Range %s on 1000 bytes → %o', (header, expected) => {
    expect(parseByteRange(header, 1000)).toEqual(expected);
  });

  it('knows files by content, not by name', () => {
    const mp4 = Buffer.from('000000186674797069736f6d0000020069736f6d', 'hex');
    const webm = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84]), Buffer.from('webm')]);
    const mkv = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x88]), Buffer.from('matroska')]);
    expect(sniffMediaType(mp4)).toBe('video/mp4');
    expect(sniffMediaType(webm)).toBe('video/webm');
    expect(sniffMediaType(mkv)).toBeNull();
    expect(sniffMediaType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMediaType(Buffer.from('<html>video.mp4</html>'))).toBeNull();
  });
});

describe('public-subject catalogue', () => {
  const national = [{ theme: 'cyber_security', courseId: 'a' }, { theme: 'teamwork', courseId: 'b' }];
  it('a province that adopts gets the national items and its own, all free; a course listed twice appears once', () => {
    expect(effectiveCatalogue(national, { adopts: true, items: [{ theme: 'digital_technology', courseId: 'c' }, { theme: 'teamwork', courseId: 'b' }] })).toEqual([
      { theme: 'cyber_security', courseId: 'a', source: 'national', free: true },
      { theme: 'teamwork', courseId: 'b', source: 'national', free: true },
      { theme: 'digital_technology', courseId: 'c', source: 'province', free: true },
    ]);
  });
  it('a province that does not adopt has only its own list', () => {
    expect(effectiveCatalogue(national, { adopts: false, items: [{ theme: 'teamwork', courseId: 'c' }] })).toEqual([{ theme: 'teamwork', courseId: 'c', source: 'province', free: true }]);
  });
  it('without a province version the national list shows, but frees nothing', () => {
    expect(effectiveCatalogue(national, null).map((i) => i.free)).toEqual([false, false]);
  });
});
