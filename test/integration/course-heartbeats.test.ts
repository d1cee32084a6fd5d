import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { type Client, type TestApp, createTestApp, createUser, login, systemContext } from '../support/app.ts';
import { makeOrganisation, makePerson } from '../support/fixtures.ts';
import { createCourse, reviewCourse, submitCourse, withdrawCourse } from '../../src/modules/courses/catalogue/service.ts';
import { addChapter } from '../../src/modules/courses/courseware/service.ts';

// The heartbeat hot path: a per-process cache of each learner's last state, a compare-and-set
// write, and writes of many learners batched into one statement (study/heartbeat*.ts). These tests
// show that none of it changes what is credited.
const T0 = new Date('2026-11-20T02:00:00Z').getTime();
const clock = (seconds: number) => vi.setSystemTime(T0 + seconds * 1000);
const LEARNERS = 6;

let t: TestApp;
let courseId: string;
let chapterId: string;
let employer: Awaited<ReturnType<typeof makeOrganisation>>;
const learners: { client: Client; personId: string; sessionId: string }[] = [];

const beat = (i: number, position: number, sessionId = learners[i]?.sessionId) =>
  learners[i]?.client.post(`/api/me/courses/${courseId}/heartbeat`, { sessionId, chapterId, position });

async function studied(personId: string): Promise<{ studied: number; day: number }> {
  const rows = await t.db.query<{ studied: number; day: number }>(
    `SELECT coalesce((SELECT studied_seconds FROM course_chapter_progress p JOIN course_enrolments e ON e.id = p.enrolment_id WHERE e.person_id = $1), 0) AS studied,
            coalesce((SELECT sum(seconds) FROM course_study_days WHERE person_id = $1), 0) AS day`,
    [personId],
  );
  return rows[0] ?? { studied: -1, day: -1 };
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  clock(0);
  t = await createTestApp();
  const ctx = systemContext(t.db);
  const institute = await makeOrganisation(t.db, { regionCode: '330100', roles: ['training_institution'] });
  employer = await makeOrganisation(t.db, { regionCode: '330100', roles: ['employer'] });
  const course = await createCourse(ctx, {
    providerId: institute.id, title: '心跳测试课程', category: 'professional', field: 'other', hours: 2, modality: 'online',
    targetLevels: [], description: '', completionPercent: 100, quizSize: 0, quizPassPercent: 60, quizMaxAttempts: 3,
  });
  courseId = course.id;
  chapterId = (await addChapter(ctx, courseId, { title: '长章节', kind: 'html', durationSeconds: 600, html: '<p>正文</p>' })).id;
  await submitCourse(ctx, courseId);
  await reviewCourse(ctx, courseId, { decision: 'publish' });
  for (let i = 0; i < LEARNERS; i++) {
    const person = await makePerson(t.db, employer);
    await createUser(t, `hb${i}`, [{ role: 'professional', scopeType: 'organisation', scopeId: employer.id }], person.id);
    const client = await login(t, `hb${i}`);
    expect((await client.post(`/api/me/courses/${courseId}/enrol`)).statusCode).toBe(200);
    const started = await client.post(`/api/me/courses/${courseId}/sessions`, { chapterId, position: 0 });
    learners.push({ client, personId: person.id, sessionId: started.json().sessionId });
  }
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

describe('heartbeats on the hot path', () => {
  it('the heartbeats of many learners at one moment are each credited once', async () => {
    clock(10);
    const answers = await Promise.all(learners.map((_, i) => beat(i, 10)));
    expect(answers.map((a) => [a?.statusCode, a?.json().creditedSeconds])).toEqual(learners.map(() => [200, 10]));
    for (const l of learners) expect(await studied(l.personId)).toEqual({ studied: 10, day: 10 });
  });

  it('two heartbeats of one session at the same moment credit the time once', async () => {
    clock(20);
    const [a, b] = await Promise.all([beat(0, 20), beat(0, 20)]);
    expect([a?.statusCode, b?.statusCode]).toEqual([200, 200]);
    expect((a?.json().creditedSeconds ?? 0) + (b?.json().creditedSeconds ?? 0)).toBe(10);
    expect(await studied(learners[0]?.personId ?? '')).toEqual({ studied: 20, day: 20 });
  });

  it('a cursor moved elsewhere (another instance) wins over the state this process remembers', async () => {
    clock(30);
    // 20 s since its last heartbeat at 10 s.
    expect((await beat(1, 30))?.json().creditedSeconds).toBe(20);
    // Another instance applied a heartbeat at 38 s: this process still remembers the one at 30 s.
    await t.db.query('UPDATE course_study_sessions SET last_beat_at = $2, last_position = 38 WHERE person_id = $1', [learners[1]?.personId, new Date(T0 + 38_000)]);
    clock(40);
    // Credited from 38 s (2 s), not from the remembered 30 s (10 s).
    expect((await beat(1, 40))?.json().creditedSeconds).toBe(2);
    expect((await studied(learners[1]?.personId ?? '')).studied).toBe(10 + 20 + 2);
  });

  it('a session started elsewhere supersedes the remembered one', async () => {
    clock(50);
    expect((await beat(2, 50))?.json().creditedSeconds).toBe(20);
    await t.db.query('UPDATE course_study_sessions SET session_id = $2, last_beat_at = $3 WHERE person_id = $1', [learners[2]?.personId, uuidv7(), new Date(T0 + 55_000)]);
    clock(60);
    const stale = await beat(2, 60);
    expect(stale?.statusCode).toBe(409);
    expect(stale?.json().code).toBe('COURSE_SESSION_SUPERSEDED');
    expect((await studied(learners[2]?.personId ?? '')).studied).toBe(10 + 20);
  });

  it('a heartbeat that completes the chapter completes it once and returns the whole progress', async () => {
    // Watch learner 3's chapter to its end (600 s, and a little past it) at normal speed, 20 s per heartbeat.
    let last;
    for (let s = 30; s <= 610; s += 20) {
      clock(40 + s);
      last = (await beat(3, s))?.json();
    }
    expect(last.chapter).toMatchObject({ completed: true, coveredSeconds: 600 });
    expect(last.progress).toMatchObject({ completedChapters: 1, chapterCount: 1 });
    expect(last.progress.completedAt).not.toBeNull();
    const records = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM learning_records WHERE person_id = $1 AND source = 'online_course'", [learners[3]?.personId]);
    expect(records[0]?.n).toBe(1);
  });
});

describe('a withdrawn course', () => {
  it('leaves the catalogue but stays open to its enrolled learners, who can finish it', async () => {
    await withdrawCourse(systemContext(t.db), courseId, { reason: '课程下架' });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/courses/${courseId}` })).statusCode).toBe(404);
    const mine = await learners[4]?.client.get(`/api/me/courses/${courseId}`);
    expect(mine?.statusCode).toBe(200);
    expect(mine?.json()).toMatchObject({ id: courseId, status: 'withdrawn', chapters: [expect.objectContaining({ id: chapterId })] });
    clock(700);
    const started = await learners[4]?.client.post(`/api/me/courses/${courseId}/sessions`, { chapterId, position: 10 });
    clock(710);
    expect((await learners[4]?.client.post(`/api/me/courses/${courseId}/heartbeat`, { sessionId: started?.json().sessionId, chapterId, position: 20 }))?.json().creditedSeconds).toBe(10);
    // Someone not enrolled finds nothing.
    const other = await makePerson(t.db, employer);
    await createUser(t, 'hb-other', [{ role: 'professional', scopeType: 'organisation', scopeId: employer.id }], other.id);
    const stranger = await login(t, 'hb-other');
    expect((await stranger.get(`/api/me/courses/${courseId}`)).json().code).toBe('COURSE_NOT_ENROLLED');
  });
});
