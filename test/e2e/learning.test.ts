import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type E2eServer, choose, launchBrowser, signIn, startServer } from './harness.ts';
import { extractProofToken } from '../../src/modules/credentials/index.ts';

/**
 * One journey across two roles: a professional declares hours, the employer approves them, the
 * professional downloads the signed proof, and its QR page says genuine while a tampered link
 * and a tampered file say not genuine. The archive and review pages are preferred; where a test
 * id is missing, that step goes through the same API the page calls, and the run prints which
 * path each step took.
 */

let server: E2eServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const paths: string[] = [];
const TITLE = `端到端研修 ${Date.now()}`;
const YEAR = 2026;

let pdf: Buffer;
let token: string;
let verifyUrl: string;
let personName: string;

beforeAll(async () => {
  server = await startServer(3421);
  browser = await launchBrowser();
});
afterAll(async () => {
  console.info(`learning e2e paths:\n  ${paths.join('\n  ')}`);
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

async function signedInPage(username: string): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, server.baseUrl, username);
  return page;
}

async function hasTestId(page: Page, id: string, timeout = 8_000): Promise<boolean> {
  return page.getByTestId(id).first().waitFor({ state: 'visible', timeout }).then(
    () => true,
    () => false,
  );
}

/** The CSRF header for page.request calls, as the web client sends it. */
async function csrf(page: Page): Promise<Record<string, string>> {
  const me = (await (await page.request.get(`${server.baseUrl}/api/auth/me`)).json()) as { csrfToken: string };
  return { 'x-csrf-token': me.csrfToken };
}

type RecordItem = { id: string; title: string; status: string };

async function findRecord(page: Page, url: string): Promise<RecordItem | undefined> {
  const list = (await (await page.request.get(`${server.baseUrl}${url}`)).json()) as { items: RecordItem[] };
  return list.items.find((r) => r.title === TITLE);
}

/** The input behind a test id, whether antd put the id on the input or on its wrapper. */
function inputOf(page: Page, testId: string) {
  const target = page.getByTestId(testId);
  return target.locator('xpath=self::input').or(target.locator('input')).first();
}

async function declareInPage(page: Page): Promise<void> {
  await page.getByTestId('record-declare').click();
  await page.getByTestId('record-title').waitFor();
  await choose(page, 'record-form', '培训班');
  await inputOf(page, 'record-title').fill(TITLE);
  const period = page.locator('input[data-testid="record-period"], [data-testid="record-period"] input');
  await period.nth(0).click();
  await period.nth(0).fill(`${YEAR}-09-01`);
  await period.nth(0).press('Enter');
  await period.nth(1).fill(`${YEAR}-09-05`);
  await period.nth(1).press('Enter');
  await inputOf(page, 'record-hours').fill('45');
  await choose(page, 'record-field', '新一代信息技术');
  await page.getByTestId('record-submit').click();
  // A new declaration goes on to its evidence; none is needed here.
  if (await hasTestId(page, 'evidence-done', 15_000)) await page.getByTestId('evidence-done').click();
}

async function declareRecord(): Promise<void> {
  const page = await signedInPage('person.demo');
  personName = ((await (await page.request.get(`${server.baseUrl}/api/auth/me`)).json()) as { me: { displayName: string } }).me.displayName;
  await page.goto(`${server.baseUrl}/learning/archive`);
  if (await hasTestId(page, 'record-declare')) {
    await declareInPage(page);
    paths.push('declare: UI (record-declare, record-form select, record-title, record-period, record-hours, record-field, record-submit)');
  } else {
    const res = await page.request.post(`${server.baseUrl}/api/me/learning/records`, {
      headers: await csrf(page),
      data: { year: YEAR, category: 'professional', form: 'training', title: TITLE, providerName: '浙江大学', startDate: `${YEAR}-09-01`, endDate: `${YEAR}-09-05`, hours: 45, field: 'next_gen_it' },
    });
    expect(res.status()).toBe(201);
    paths.push('declare: API POST /api/me/learning/records (test id record-declare missing)');
  }
  await expect.poll(async () => (await findRecord(page, '/api/me/learning/records'))?.status, { timeout: 15_000 }).toBe('submitted');
  await page.close();
}

async function approveRecord(): Promise<void> {
  const page = await signedInPage('org.demo');
  await page.goto(`${server.baseUrl}/learning/review`);
  const record = await findRecord(page, `/api/learning/records?status=submitted&q=${encodeURIComponent(TITLE)}`);
  expect(record).toBeDefined();
  if (await hasTestId(page, 'review-queue')) {
    if (await hasTestId(page, 'review-queue-search', 2_000)) {
      await inputOf(page, 'review-queue-search').fill(TITLE);
      await inputOf(page, 'review-queue-search').press('Enter');
    }
    const row = page.locator('tr', { hasText: TITLE }).first();
    await row.waitFor();
    // The decision sits in the row or, in this app, in the drawer the row opens.
    if (!(await row.getByTestId('record-approve').isVisible())) await row.getByTestId('record-open').click();
    await page.getByTestId('record-approve').first().click();
    paths.push('approve: UI (review-queue, record-approve)');
  } else {
    const res = await page.request.post(`${server.baseUrl}/api/learning/records/${record?.id}/review`, { headers: await csrf(page), data: { decision: 'approve' } });
    expect(res.status()).toBe(200);
    paths.push('approve: API POST /api/learning/records/:id/review (test id review-queue missing)');
  }
  await expect.poll(async () => (await findRecord(page, `/api/learning/records?status=approved&q=${encodeURIComponent(TITLE)}`))?.status, { timeout: 15_000 }).toBe('approved');
  await page.close();
}

async function downloadProof(): Promise<void> {
  const page = await signedInPage('person.demo');
  await page.goto(`${server.baseUrl}/learning/archive`);
  if (await hasTestId(page, 'proof-download')) {
    const years = page.getByTestId('proof-years');
    for (const label of await years.locator('label').allTextContents()) {
      const box = years.getByLabel(label.trim(), { exact: true });
      if (label.trim() === String(YEAR)) await box.check();
      else await box.uncheck();
    }
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('proof-download').click()]);
    expect(download.suggestedFilename()).toBe(`学时证明-${YEAR}.pdf`);
    pdf = await readFile((await download.path()) as string);
    paths.push('download: UI (proof-years, proof-download)');
  } else {
    const res = await page.request.post(`${server.baseUrl}/api/me/learning/proofs`, { headers: await csrf(page), data: { years: [YEAR] } });
    expect(res.status()).toBe(201);
    expect(res.headers()['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`学时证明-${YEAR}.pdf`)}`);
    pdf = await res.body();
    paths.push('download: API POST /api/me/learning/proofs (test id proof-download missing)');
  }
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  token = extractProofToken(pdf) ?? '';
  const [, payload, signature] = token.split('.') as [string, string, string];
  const statement = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { proofId: string; person: { name: string }; years: { year: number; totalHours: number }[] };
  expect(statement.person.name).toBe(personName);
  expect(statement.years.map((y) => y.year)).toEqual([YEAR]);
  expect(statement.years[0]?.totalHours).toBeGreaterThanOrEqual(45);
  verifyUrl = /\/URI \((https?:\/\/[^)]+\/verify\/proof\/[^)]+)\)/.exec(pdf.toString('latin1'))?.[1] ?? '';
  expect(verifyUrl).toBe(`${server.baseUrl}/verify/proof/${statement.proofId}/${signature}`);

  const { compactVerify, importJWK } = await import('jose');
  const jwks = (await (await page.request.get(`${server.baseUrl}/.well-known/jwks.json`)).json()) as { keys: Parameters<typeof importJWK>[0][] };
  await expect(compactVerify(token, await importJWK(jwks.keys[0] as Parameters<typeof importJWK>[0], 'EdDSA'))).resolves.toBeDefined();
  await page.close();
}

async function openVerifyPage(): Promise<void> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
  page.on('pageerror', (e) => void problems.push(e.message));

  await page.goto(verifyUrl);
  const verdict = page.getByTestId('verify-verdict');
  expect(await verdict.getAttribute('data-genuine')).toBe('true');
  expect(await verdict.textContent()).toContain('真实有效');
  expect(await page.locator('body').textContent()).toContain(personName);

  const at = verifyUrl.length - 10;
  const tampered = verifyUrl.slice(0, at) + (verifyUrl[at] === 'A' ? 'B' : 'A') + verifyUrl.slice(at + 1);
  await page.goto(tampered);
  expect(await verdict.getAttribute('data-genuine')).toBe('false');
  expect(await verdict.textContent()).toContain('验证失败');
  expect(await page.locator('body').textContent()).not.toContain(personName);
  expect(problems).toEqual([]);
}

async function checkProofFiles(): Promise<void> {
  const context = await browser.newContext();
  contexts.push(context);
  const check = (file: Buffer) => context.request.post(`${server.baseUrl}/api/verify/proofs`, { multipart: { file: { name: 'proof.pdf', mimeType: 'application/pdf', buffer: file } } });
  expect(await (await check(pdf)).json()).toMatchObject({ genuine: true });
  const tampered = Buffer.from(pdf);
  const at = pdf.indexOf(token) + token.indexOf('.') + 20;
  tampered[at] = tampered[at] === 0x41 ? 0x42 : 0x41;
  expect(await (await check(tampered)).json()).toMatchObject({ genuine: false });
}

describe('learning journey in a real browser: declare, approve, prove, verify', () => {
  it('a professional declares a record on the archive page', declareRecord);
  it('the employer approves it on the review page', approveRecord);
  it('the professional downloads the proof of hours, whose token the published key verifies', downloadProof);
  it('the QR page says genuine without signing in; one changed signature character says not genuine', openVerifyPage);
  it('a proof file with one byte of its embedded token changed is reported as not genuine', checkProofFiles);
});
