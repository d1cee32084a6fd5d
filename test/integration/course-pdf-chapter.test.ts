import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser, login } from '../support/app.ts';
import { makeOrganisation } from '../support/fixtures.ts';
import { multipartFile } from '../support/multipart.ts';

/** PDF chapters: the file is checked by its content (a PDF header), whatever its name, and served to the course's scope only. */
let t: TestApp;
let provider: Client;
let courseId: string;

const multipart = (data: Buffer, fileName: string) => multipartFile(data, fileName);

const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 2000 }, (_, i) => i % 256)), Buffer.from('\n%%EOF\n')]);
const mp4 = Buffer.concat([Buffer.from('000000186674797069736f6d0000020069736f6d6d703431', 'hex'), Buffer.alloc(500, 3)]);

beforeAll(async () => {
  t = await createTestApp();
  const institute = await makeOrganisation(t.db, { regionCode: '330100', roles: ['training_institution'] });
  await createUser(t, 'provider', [{ role: 'organisation_admin', scopeType: 'organisation', scopeId: institute.id }]);
  provider = await login(t, 'provider');
  const created = await provider.post('/api/courses', {
    providerId: institute.id, title: '知识产权实务讲义', category: 'professional', field: 'digital_tech', hours: 2, modality: 'online',
    targetLevels: ['intermediate'], description: '讲义', completionPercent: 90, quizSize: 1, quizPassPercent: 60, quizMaxAttempts: 3,
  });
  expect(created.statusCode, created.body).toBe(201);
  courseId = created.json().id;
});
afterAll(async () => {
  await t.close();
});

describe('a PDF chapter', () => {
  let pdfChapter: string;
  let videoChapter: string;

  it('takes a PDF by its content and refuses anything else, whatever the file is called', async () => {
    pdfChapter = (await provider.post(`/api/courses/${courseId}/chapters`, { title: '讲义', kind: 'pdf', durationSeconds: 600 })).json().id;
    videoChapter = (await provider.post(`/api/courses/${courseId}/chapters`, { title: '视频', kind: 'video', durationSeconds: 60 })).json().id;
    const video = multipart(mp4, 'notes.pdf');
    const refused = await provider.post(`/api/courses/${courseId}/chapters/${pdfChapter}/file`, video.payload, video.headers);
    expect([refused.statusCode, refused.json().code]).toEqual([422, 'COURSE_MEDIA_TYPE']);
    const pdfAsVideo = multipart(pdf, 'lecture.mp4');
    const wrongKind = await provider.post(`/api/courses/${courseId}/chapters/${videoChapter}/file`, pdfAsVideo.payload, pdfAsVideo.headers);
    expect([wrongKind.statusCode, wrongKind.json().code]).toEqual([422, 'COURSE_MEDIA_TYPE']);
    const real = multipart(pdf, 'notes.bin');
    const uploaded = await provider.post(`/api/courses/${courseId}/chapters/${pdfChapter}/file`, real.payload, real.headers);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json()).toMatchObject({ contentType: 'application/pdf', sizeBytes: pdf.length });
    const kept = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM course_media WHERE course_id = $1', [courseId]);
    expect(kept[0]?.n).toBe(1);
  });

  it('is served whole and in ranges to the course scope, and to nobody outside it before publication', async () => {
    const chapter = (await provider.get(`/api/courses/${courseId}`)).json().chapters.find((c: { id: string }) => c.id === pdfChapter);
    expect(chapter).toMatchObject({ kind: 'pdf', contentType: 'application/pdf' });
    const url = `/api/courses/${courseId}/media/${chapter.mediaId}`;
    const whole = await provider.get(url);
    expect([whole.statusCode, whole.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(Buffer.compare(whole.rawPayload, pdf)).toBe(0);
    const page = await provider.get(url, { range: 'bytes=0-8' });
    expect([page.statusCode, page.rawPayload.toString()]).toEqual([206, '%PDF-1.4\n']);
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
  });
});
