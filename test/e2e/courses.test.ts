import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN_PASSWORD, type E2eServer, launchBrowser, signIn, startServer } from './harness.ts';

/**
 * One journey: the national administrator sets up and publishes a course (through the API the
 * provider's and reviewer's pages call), then a professional enrols in the browser, plays the
 * short video chapter to its end, passes the quiz, and sees the hours in the archive.
 *
 * The video is a 3-second VP8 WebM made once with Chromium's MediaRecorder (Debian's chromium
 * plays WebM/VP8 but may lack H.264); the upload check accepts MP4 (ftyp) and WebM (EBML).
 */

const CLIP = readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'clip-3s.webm'));
const TITLE = `端到端课程 ${Date.now()}`;

let server: E2eServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let courseId: string;

beforeAll(async () => {
  server = await startServer(3431);
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

async function signedInPage(username: string, password?: string): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, server.baseUrl, username, password);
  return page;
}

async function csrf(page: Page): Promise<Record<string, string>> {
  const me = (await (await page.request.get(`${server.baseUrl}/api/auth/me`)).json()) as { csrfToken: string };
  return { 'x-csrf-token': me.csrfToken };
}

describe('a professional studies an online course to the end', () => {
  it('the course is set up, its video uploaded, and published', async () => {
    const admin = await signedInPage('admin', ADMIN_PASSWORD);
    const headers = await csrf(admin);
    const api = (url: string) => `${server.baseUrl}${url}`;
    const orgs = (await (await admin.request.get(api('/api/organisations?role=training_institution&regionCode=330000'))).json()) as { items: { id: string }[] };
    expect(orgs.items.length).toBeGreaterThan(0);
    const course = await admin.request.post(api('/api/courses'), {
      headers,
      data: { providerId: orgs.items[0]?.id, title: TITLE, category: 'public', field: 'cyber_security', hours: 2, modality: 'online', quizSize: 1, quizPassPercent: 100 },
    });
    expect(course.status()).toBe(201);
    courseId = ((await course.json()) as { id: string }).id;
    const chapter = (await (await admin.request.post(api(`/api/courses/${courseId}/chapters`), { headers, data: { title: '短视频', kind: 'video', durationSeconds: 3 } })).json()) as { id: string };
    const upload = await admin.request.post(api(`/api/courses/${courseId}/chapters/${chapter.id}/file`), {
      headers,
      multipart: { file: { name: 'clip.webm', mimeType: 'video/webm', buffer: CLIP } },
    });
    expect(upload.status()).toBe(201);
    await admin.request.post(api(`/api/courses/${courseId}/questions`), { headers, data: { kind: 'single', stem: '网络安全法施行于哪一年？', options: ['2015 年', '2017 年'], answer: [1] } });
    expect((await admin.request.post(api(`/api/courses/${courseId}/submit`), { headers })).status()).toBe(200);
    expect((await admin.request.post(api(`/api/courses/${courseId}/review`), { headers, data: { decision: 'publish' } })).status()).toBe(200);
  });

  it('the public catalogue lists it without signing in', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/catalogue`);
    await expect.poll(() => page.getByTestId('course-link').allTextContents(), { timeout: 15_000 }).toContain(TITLE);
  });

  it('enrols, plays the video to its end, passes the quiz and sees the hours in the archive', async () => {
    const page = await signedInPage('person.demo');
    await page.goto(`${server.baseUrl}/courses/${courseId}`);
    await page.getByTestId('course-enrol').click();
    await page.waitForURL((url) => url.pathname === `/courses/${courseId}/learn`);
    const video = page.getByTestId('chapter-video');
    await video.waitFor({ state: 'visible' });
    // The session starts when the chapter opens; then play, muted, to the end.
    await page.waitForTimeout(500);
    await video.evaluate((v: HTMLVideoElement) => v.play());
    await page.getByTestId('chapter-done').waitFor({ state: 'visible', timeout: 20_000 });
    await page.getByTestId('quiz-start').click();
    await page.getByText('2017 年').click();
    await page.getByTestId('quiz-submit').click();
    await page.getByTestId('course-completed').waitFor({ state: 'visible', timeout: 10_000 });
    await page.goto(`${server.baseUrl}/learning/archive`);
    const row = page.locator('tr', { hasText: TITLE });
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await row.textContent()).toContain('2');
    const records = (await (await page.request.get(`${server.baseUrl}/api/me/learning/records`)).json()) as { items: { title: string; hours: number; source: string; status: string }[] };
    expect(records.items.find((r) => r.title === TITLE)).toMatchObject({ hours: 2, source: 'online_course', status: 'approved' });
  });
});
