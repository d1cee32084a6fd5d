import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser, login, systemContext } from '../support/app.ts';
import { makeOrganisation, makePerson } from '../support/fixtures.ts';
import type { OrgWrite } from '../../src/modules/registry/organisations/repo.ts';
import { recordCourseCompletion } from '../../src/modules/learning/index.ts';
import { extractProofToken } from '../../src/modules/credentials/index.ts';
import { multipartFile } from '../support/multipart.ts';

// Heartbeats are credited by the server's clock: the test moves it (Date only; timers stay real).
const T0 = new Date('2026-11-20T02:00:00Z').getTime();
const clock = (seconds: number) => vi.setSystemTime(T0 + seconds * 1000);

let t: TestApp;
let institute: OrgWrite;
let hospital: OrgWrite;
let person: Awaited<ReturnType<typeof makePerson>>;
let provider: Client;
let hospitalAdmin: Client;
let province: Client;
let otherProvince: Client;
let learner: Client;

const multipart = (data: Buffer, fileName: string) => multipartFile(data, fileName);

/** An MP4-looking file: an ftyp box, then bytes 0..255 repeated, so that ranges can be checked byte for byte. */
const video = Buffer.concat([Buffer.from('000000186674797069736f6d0000020069736f6d6d703431', 'hex'), Buffer.from(Array.from({ length: 4000 }, (_, i) => i % 256))]);

const courseBody = (over: Record<string, unknown> = {}) => ({
  providerId: institute.id, title: '网络安全与数据保护', category: 'public', field: 'cyber_security', hours: 3, modality: 'online',
  targetLevels: ['intermediate', 'senior'], description: '公需科目', completionPercent: 90, quizSize: 2, quizPassPercent: 100, quizMaxAttempts: 3, ...over,
});

let courseId: string;
let videoChapter: string;
let pageChapter: string;
let mediaId: string;
let coverId: string;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  clock(0);
  t = await createTestApp();
  institute = await makeOrganisation(t.db, { regionCode: '330100', roles: ['training_institution'], name: '浙江继续教育学院' });
  hospital = await makeOrganisation(t.db, { regionCode: '330100', roles: ['employer'] });
  person = await makePerson(t.db, hospital, { name: '学员乙' });
  await createUser(t, 'provider', [{ role: 'organisation_admin', scopeType: 'organisation', scopeId: institute.id }]);
  await createUser(t, 'hospital', [{ role: 'organisation_admin', scopeType: 'organisation', scopeId: hospital.id }]);
  await createUser(t, 'zj', [{ role: 'province_admin', scopeType: 'region', scopeId: '330000' }]);
  await createUser(t, 'gd', [{ role: 'province_admin', scopeType: 'region', scopeId: '440000' }]);
  await createUser(t, 'learner', [{ role: 'professional', scopeType: 'organisation', scopeId: hospital.id }], person.id);
  provider = await login(t, 'provider');
  hospitalAdmin = await login(t, 'hospital');
  province = await login(t, 'zj');
  otherProvince = await login(t, 'gd');
  learner = await login(t, 'learner');
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

describe('course catalogue', () => {
  it('only a training institution or CE base offers courses', async () => {
    const res = await hospitalAdmin.post('/api/courses', courseBody({ providerId: hospital.id }));
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('COURSE_PROVIDER_INVALID');
    const created = await provider.post('/api/courses', courseBody());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'draft', providerName: '浙江继续教育学院', hours: 3, abilities: { edit: true, submit: true, review: false } });
    courseId = created.json().id;
  });

  it('chapters: HTML is sanitised, a video file is checked by content, not by name', async () => {
    const page = await provider.post(`/api/courses/${courseId}/chapters`, { title: '导读', kind: 'html', durationSeconds: 20, html: '<h2>导读</h2><script>alert(1)</script><p onclick="x()">正文<a href="javascript:alert(1)">链接</a></p>' });
    expect(page.statusCode).toBe(201);
    expect(page.json().html).toBe('<h2>导读</h2><p>正文<a>链接</a></p>');
    pageChapter = page.json().id;
    const chapter = await provider.post(`/api/courses/${courseId}/chapters`, { title: '第一讲', kind: 'video', durationSeconds: 30 });
    videoChapter = chapter.json().id;
    expect((await provider.post(`/api/courses/${courseId}/submit`)).json()).toMatchObject({ code: 'COURSE_INCOMPLETE' });
    const fake = multipart(Buffer.from('<html>not a video</html>'), 'lecture.mp4');
    const refused = await provider.post(`/api/courses/${courseId}/chapters/${videoChapter}/file`, fake.payload, fake.headers);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('COURSE_MEDIA_TYPE');
    const real = multipart(video, 'lecture.bin');
    const uploaded = await provider.post(`/api/courses/${courseId}/chapters/${videoChapter}/file`, real.payload, real.headers);
    expect(uploaded.statusCode).toBe(201);
    expect(uploaded.json()).toMatchObject({ contentType: 'video/mp4', sizeBytes: video.length });
    mediaId = uploaded.json().id;
  });

  it('a cover must be a PNG or JPEG within its size limit; too large is 413 and nothing is kept', async () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(200, 1)]);
    const big = multipart(Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024, 2)]), 'cover.png');
    const tooLarge = await provider.post(`/api/courses/${courseId}/cover`, big.payload, big.headers);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().code).toBe('PAYLOAD_TOO_LARGE');
    const mp4AsCover = multipart(video, 'cover.png');
    expect((await provider.post(`/api/courses/${courseId}/cover`, mp4AsCover.payload, mp4AsCover.headers)).json().code).toBe('COURSE_MEDIA_TYPE');
    const ok = multipart(png, 'cover.bin');
    const cover = await provider.post(`/api/courses/${courseId}/cover`, ok.payload, ok.headers);
    expect(cover.json()).toMatchObject({ contentType: 'image/png', sizeBytes: png.length });
    coverId = cover.json().id;
    const media = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM course_media WHERE course_id = $1', [courseId]);
    expect(media[0]?.n).toBe(2);
    // Before publication nobody outside the course's scope sees the cover.
    expect((await t.app.inject({ method: 'GET', url: `/api/courses/${courseId}/media/${coverId}` })).statusCode).toBe(404);
  });

  it('the quiz bank must hold the drawn number of questions before submission', async () => {
    const q1 = await provider.post(`/api/courses/${courseId}/questions`, { kind: 'single', stem: '网络安全法施行于哪一年？', options: ['2015', '2017', '2019'], answer: [1] });
    expect(q1.statusCode).toBe(201);
    expect((await provider.post(`/api/courses/${courseId}/questions`, { kind: 'single', stem: '错题', options: ['a', 'b'], answer: [0, 1] })).json().code).toBe('COURSE_QUESTION_INVALID');
    expect((await provider.post(`/api/courses/${courseId}/submit`)).json()).toMatchObject({ code: 'COURSE_QUIZ_BANK_SMALL' });
    await provider.post(`/api/courses/${courseId}/questions`, { kind: 'multiple', stem: '哪些属于个人信息？', options: ['姓名', '身份证号', '天气'], answer: [0, 1] });
    const submitted = await provider.post(`/api/courses/${courseId}/submit`);
    expect(submitted.json().status).toBe('submitted');
  });

  it('a submitted course is not public; another province cannot see it; the province publishes it', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/public/courses' })).json().total).toBe(0);
    expect((await otherProvince.get(`/api/courses/${courseId}`)).statusCode).toBe(404);
    expect((await otherProvince.post(`/api/courses/${courseId}/review`, { decision: 'publish' })).statusCode).toBe(404);
    expect((await provider.post(`/api/courses/${courseId}/review`, { decision: 'publish' })).statusCode).toBe(403);
    expect((await province.post(`/api/courses/${courseId}/review`, { decision: 'reject' })).json().code).toBe('COURSE_REASON_REQUIRED');
    const queue = await province.get('/api/courses?status=submitted');
    expect(queue.json().items.map((c: { id: string }) => c.id)).toEqual([courseId]);
    const published = await province.post(`/api/courses/${courseId}/review`, { decision: 'publish' });
    expect(published.json()).toMatchObject({ status: 'published' });
    expect((await provider.put(`/api/courses/${courseId}`, courseBody({ hours: 5 }))).json().code).toBe('COURSE_STATUS_CONFLICT');
  });

  it('the public listing shows published courses to anyone, filtered by field, category, provider and region', async () => {
    const anon = (url: string) => t.app.inject({ method: 'GET', url }).then((r) => r.json());
    expect((await anon('/api/public/courses')).items.map((c: { title: string }) => c.title)).toEqual(['网络安全与数据保护']);
    expect((await anon('/api/public/courses?field=cyber_security&category=public&regionCode=330000')).total).toBe(1);
    expect((await anon(`/api/public/courses?providerId=${institute.id}&regionCode=330100`)).total).toBe(1);
    expect((await anon('/api/public/courses?field=biotech')).total).toBe(0);
    expect((await anon('/api/public/courses?regionCode=440000')).total).toBe(0);
    const cover = await t.app.inject({ method: 'GET', url: `/api/courses/${courseId}/media/${coverId}` });
    expect([cover.statusCode, cover.headers['content-type']]).toEqual([200, 'image/png']);
    const detail = await anon(`/api/public/courses/${courseId}`);
    expect(detail.chapters.map((c: { title: string }) => c.title)).toEqual(['导读', '第一讲']);
  });

  it('each change is audited', async () => {
    const rows = await t.db.query<{ action: string }>("SELECT action FROM audit_events WHERE entity = 'course' AND entity_id = $1 ORDER BY seq", [courseId]);
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['course.created', 'course.chapter_added', 'course.chapter_file_uploaded', 'course.question_added', 'course.submitted', 'course.review_publish']));
  });
});

describe('video served with range requests', () => {
  const url = () => `/api/courses/${courseId}/media/${mediaId}`;
  it('is not served to someone neither in scope nor enrolled', async () => {
    expect((await t.app.inject({ method: 'GET', url: url() })).statusCode).toBe(404);
    expect((await learner.get(url())).statusCode).toBe(404);
  });

  it('to an enrolled learner: whole file 200, a range 206 with Content-Range, a bad range 416', async () => {
    expect((await learner.post(`/api/me/courses/${courseId}/enrol`)).statusCode).toBe(200);
    const whole = await learner.get(url());
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(Buffer.compare(whole.rawPayload, video)).toBe(0);
    const part = await learner.get(url(), { range: 'bytes=100-355' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-355/${video.length}`);
    expect(part.headers['content-length']).toBe('256');
    expect(Buffer.compare(part.rawPayload, video.subarray(100, 356))).toBe(0);
    const tail = await learner.get(url(), { range: 'bytes=-10' });
    expect(tail.statusCode).toBe(206);
    expect(Buffer.compare(tail.rawPayload, video.subarray(video.length - 10))).toBe(0);
    const head = await learner.request('HEAD', url());
    expect([head.statusCode, head.headers['content-length'], head.rawPayload.length]).toEqual([200, String(video.length), 0]);
    const bad = await learner.get(url(), { range: `bytes=${video.length}-` });
    expect(bad.statusCode).toBe(416);
    expect(bad.headers['content-range']).toBe(`bytes */${video.length}`);
  });
});

describe('honest progress from heartbeats', () => {
  const startSession = async (chapterId: string) => {
    const res = await learner.post(`/api/me/courses/${courseId}/sessions`, { chapterId, position: 0 });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().sessionId as string;
  };
  const beat = (sessionId: string, chapterId: string, position: number) => learner.post(`/api/me/courses/${courseId}/heartbeat`, { sessionId, chapterId, position });

  it('credits normal playback, not a skip ahead, and not a superseded session', async () => {
    clock(100);
    const s1 = await startSession(videoChapter);
    clock(110);
    const first = await beat(s1, videoChapter, 10);
    expect(first.json(), first.body).toHaveProperty('creditedSeconds', 10);
    clock(115);
    // Skipped from 10 s to 29 s in five seconds: five seconds count.
    const skip = (await beat(s1, videoChapter, 29)).json();
    expect(skip.creditedSeconds).toBe(5);
    expect(skip.chapter).toMatchObject({ chapterId: videoChapter, coveredSeconds: 15, completed: false });
    expect(skip.progress).toBeUndefined();
    // A second tab starts: the first tab's heartbeats no longer count.
    clock(116);
    const s2 = await startSession(videoChapter);
    clock(120);
    const stale = await beat(s1, videoChapter, 30);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('COURSE_SESSION_SUPERSEDED');
    // The second tab watches from the start at normal speed: 0 → 10 → 20 → 30 covers the rest.
    clock(126);
    expect((await beat(s2, videoChapter, 10)).json().creditedSeconds).toBe(10);
    clock(136);
    const most = (await beat(s2, videoChapter, 20)).json();
    expect(most.chapter).toMatchObject({ coveredSeconds: 25, completed: false });
    clock(146);
    const done = (await beat(s2, videoChapter, 30)).json();
    expect(done.chapter).toMatchObject({ coveredSeconds: 30, studiedSeconds: 45, completed: true });
    expect(done.progress.chapters.find((c: { chapterId: string }) => c.chapterId === videoChapter)).toMatchObject({ coveredSeconds: 30, completed: true });
    expect(done.progress.completedAt).toBeNull();
  });

  it('the HTML page counts seconds on the page the same way; the quiz opens once every chapter is done', async () => {
    expect((await learner.post(`/api/me/courses/${courseId}/quiz`)).json().code).toBe('COURSE_QUIZ_LOCKED');
    clock(200);
    const s = await startSession(pageChapter);
    clock(210);
    await beat(s, pageChapter, 10);
    clock(220);
    const page = (await beat(s, pageChapter, 20)).json();
    expect(page.progress).toMatchObject({ completedChapters: 2, chapterCount: 2, completedAt: null });
  });

  it('no certificate before completion', async () => {
    expect((await learner.post(`/api/me/courses/${courseId}/certificate`)).json().code).toBe('COURSE_NOT_COMPLETED');
  });

  it('the quiz never sends answers; a failed attempt uses one try; a pass completes the course and writes the hours', async () => {
    const bank = (await provider.get(`/api/courses/${courseId}/questions`)).json().items as { id: string; answer: number[] }[];
    const attempt = (await learner.post(`/api/me/courses/${courseId}/quiz`)).json();
    expect(attempt.questions).toHaveLength(2);
    expect(JSON.stringify(attempt)).not.toContain('answer');
    const wrong = (await learner.post(`/api/me/courses/${courseId}/quiz/${attempt.id}`, { answers: {} })).json();
    expect(wrong).toMatchObject({ passed: false, scorePercent: 0, attemptsLeft: 2 });
    const second = (await learner.post(`/api/me/courses/${courseId}/quiz`)).json();
    const answers = Object.fromEntries(bank.map((q) => [q.id, q.answer]));
    const passed = (await learner.post(`/api/me/courses/${courseId}/quiz/${second.id}`, { answers })).json();
    expect(passed).toMatchObject({ passed: true, scorePercent: 100 });
    expect(passed.progress.completedAt).not.toBeNull();
    expect(passed.progress.recordId).toEqual(expect.any(String));
    const records = (await learner.get('/api/me/learning/records?year=2026')).json().items;
    expect(records).toEqual([expect.objectContaining({ source: 'online_course', form: 'online', status: 'approved', hours: 3, category: 'public', field: 'cyber_security', title: '网络安全与数据保护', providerName: '浙江继续教育学院' })]);
    const compliance = (await learner.get('/api/me/learning/compliance?from=2026&to=2026')).json().items[0];
    expect(compliance).toMatchObject({ totalHours: 3, publicHours: 3 });
  });

  it('a completion arriving twice (or at once from two requests) writes one record', async () => {
    const [a, b] = await Promise.all([learner.post(`/api/me/courses/${courseId}/complete`), learner.post(`/api/me/courses/${courseId}/complete`)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect((await learner.post(`/api/me/courses/${courseId}/complete`)).statusCode).toBe(200);
    const rows = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM learning_records WHERE person_id = $1 AND source = 'online_course'", [person.id]);
    expect(rows[0]?.n).toBe(1);
  });

  it('the completion certificate is a signed PDF whose QR link and file verify like the hours proofs', async () => {
    const res = await learner.post(`/api/me/courses/${courseId}/certificate`);
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toBe('application/pdf');
    const token = extractProofToken(res.rawPayload) ?? '';
    const proofId = res.headers['x-proof-id'] as string;
    const link = await t.app.inject({ method: 'GET', url: `/api/verify/proofs/${proofId}/${token.slice(token.lastIndexOf('.') + 1)}` });
    expect(link.json()).toMatchObject({
      genuine: true,
      statement: { type: 'course-completion-certificate', issuer: '浙江继续教育学院', person: { name: '学员乙', idNumberMasked: person.idNumberMasked }, course: { id: courseId, hours: 3, title: '网络安全与数据保护' } },
    });
    const page = await t.app.inject({ method: 'GET', url: `/verify/proof/${proofId}/${token.slice(token.lastIndexOf('.') + 1)}` });
    expect(page.body).toContain('网络安全与数据保护');
    expect(page.body).toContain('data-genuine="true"');
    const other = await login(t, 'provider');
    expect((await other.post(`/api/me/courses/${courseId}/certificate`)).statusCode).toBe(403);
  });

  it('the learning module writes a completion key once even when called twice directly (ON CONFLICT)', async () => {
    const input = {
      personId: person.id, providerId: institute.id, providerName: '浙江继续教育学院', completionKey: 'zhigeng-course:direct', year: 2026,
      category: 'professional', field: 'other', title: '直接写入', hours: 2, startDate: '2026-11-20', endDate: '2026-11-20',
    };
    const ctx = systemContext(t.db);
    const first = await t.db.transaction((tx) => recordCourseCompletion(tx, ctx, input));
    const second = await t.db.transaction((tx) => recordCourseCompletion(tx, ctx, input));
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    const c = (await learner.get('/api/me/learning/compliance?from=2026&to=2026')).json().items[0];
    expect(c).toMatchObject({ totalHours: 5, professionalHours: 2 });
  });

  it('the daily cap of the province stops crediting study time', async () => {
    await province.put('/api/learning/rules/330000/2026', { patch: { dailyCap: 0.1, minutesPerCreditHour: 45 }, note: '测试：每天 0.1 学时' });
    // 0.1 学时 × 45 min = 270 s a day; 65 s were credited today already (45 video, 20 page).
    clock(300);
    const s = await startSession(videoChapter);
    let credited = 0;
    let capped = false;
    for (let i = 1; i <= 30; i++) {
      clock(300 + i * 10);
      const r = (await beat(s, videoChapter, i * 10)).json();
      credited += r.creditedSeconds;
      capped ||= r.dailyCapReached;
    }
    expect(credited).toBe(270 - 65);
    expect(capped).toBe(true);
  });
});

describe('xAPI statements', () => {
  it('records enrolment, chapter completions, quiz results and course completion in the xAPI shape', async () => {
    const res = await province.get('/api/xapi/statements?limit=100');
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-experience-api-version']).toBe('1.0.3');
    const statements = res.json().statements as { verb: { id: string }; actor: { account: { name: string } }; object: { id: string }; result?: Record<string, unknown>; timestamp: string; stored: string }[];
    expect(statements.map((s) => s.verb.id.split('/').pop())).toEqual(['registered', 'completed', 'completed', 'failed', 'passed', 'completed']);
    expect(statements[0]?.actor.account.name).toBe(person.id);
    expect(JSON.stringify(statements)).not.toContain(person.idNumber);
    expect(JSON.stringify(statements)).not.toContain('学员乙');
    const last = statements[statements.length - 1];
    expect(last?.object.id).toMatch(new RegExp(`/courses/${courseId}$`));
    expect(last?.result).toMatchObject({ completion: true, success: true, duration: expect.stringMatching(/^PT/) });
  });

  it('pages with limit and more; another province sees nothing', async () => {
    const first = (await province.get('/api/xapi/statements?limit=4')).json();
    expect(first.statements).toHaveLength(4);
    expect(first.more).toMatch(/^\/api\/xapi\/statements\?/);
    const next = (await province.get(first.more)).json();
    expect(next.statements).toHaveLength(2);
    expect(next.more).toBe('');
    expect((await otherProvince.get('/api/xapi/statements')).json().statements).toEqual([]);
    expect((await learner.get('/api/xapi/statements')).statusCode).toBe(403);
  });

  it('a learning record store reads them with an xAPI key of its region, and reaches nothing else', async () => {
    const created = await province.post('/api/learning/api-keys', { name: '省学习记录库', purpose: 'xapi', regionCode: '330000' });
    expect(created.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${created.json().key as string}` };
    const read = await t.app.inject({ method: 'GET', url: '/api/xapi/statements?limit=100', headers: bearer });
    expect(read.statusCode).toBe(200);
    expect(read.json().statements).toHaveLength(6);
    expect((await t.app.inject({ method: 'GET', url: '/api/courses', headers: bearer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/learning/compliance?idNumber=x&years=2026', headers: bearer })).statusCode).toBe(403);
    const gdKey = (await otherProvince.post('/api/learning/api-keys', { name: '粤学习记录库', purpose: 'xapi', regionCode: '440000' })).json().key as string;
    expect((await t.app.inject({ method: 'GET', url: '/api/xapi/statements', headers: { authorization: `Bearer ${gdKey}` } })).json().statements).toEqual([]);
    expect((await provider.post('/api/learning/api-keys', { name: 'x', purpose: 'xapi', regionCode: '330000' })).json().code).toBe('LEARNING_APIKEY_PURPOSE_FORBIDDEN');
  });

  it("a city's xAPI key reads the statements of its city's learners only", async () => {
    const read = async (regionCode: string) => {
      const key = (await province.post('/api/learning/api-keys', { name: `市学习记录库 ${regionCode}`, purpose: 'xapi', regionCode })).json().key as string;
      return (await t.app.inject({ method: 'GET', url: '/api/xapi/statements?limit=100', headers: { authorization: `Bearer ${key}` } })).json().statements;
    };
    expect(await read('330100')).toHaveLength(6);
    expect(await read('330200')).toEqual([]);
  });
});
