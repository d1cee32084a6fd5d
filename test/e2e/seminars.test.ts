import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_PASSWORD, type E2eServer, launchBrowser, signIn, startServer } from './harness.ts';
import { demoDates } from '../../src/modules/seminars/demo.ts';

/**
 * One seminar from application to publication: the host applies (the budget checked live against
 * the limits), the department pre-approves, the ministry draws reviewers with a seed, the drawn
 * experts score it blind, the ministry approves it within the quota and publishes, and it appears
 * on the public list; a professional enrols through the enrolment half's pages and the host
 * admits them (the trainee gets the notice). Attendance, closing and the hours in the archive need
 * the class to be over, which a seminar enrolled today cannot be: the enrolment half's browser
 * test (seminar-enrolment.test.ts) follows a published seminar with past dates through them.
 */

let server: E2eServer;
let browser: Browser;
let seminarId = '';
const { year, start } = demoDates(new Date());
const day = (offset: number) => new Date(start.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
// Three days after the demo's first class, within the year (demoDates keeps five days in one year).
const startDate = new Date(start.getTime() + 7 * 86_400_000).getUTCFullYear() === year ? day(3) : day(0);
const endDate = startDate === day(3) ? day(7) : day(4);
const TITLE = `${year}年端到端测试高级研修班`;

async function as(username: string, password?: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, server.baseUrl, username, password);
  return page;
}

beforeAll(async () => {
  server = await startServer(3441);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('an advanced seminar from application to publication', () => {
  it('the host drafts an application, the budget is checked live against the limits, and submits it', async () => {
    const page = await as('host.zj');
    await page.goto(`${server.baseUrl}/seminars/new`);
    await page.getByTestId('form-title').fill(TITLE);
    await page.getByTestId('form-start').fill(startDate);
    await page.getByTestId('form-end').fill(endDate);
    await page.getByTestId('form-place').fill('浙江省杭州市');
    // 50 trainees × 5 days × 300 yuan = 75,000 yuan allowed for accommodation.
    await page.getByTestId('budget-accommodation').fill('80000');
    await page.getByTestId('budget-meals').click();
    await page.getByTestId('budget-over-accommodation').waitFor();
    await page.getByTestId('budget-accommodation').fill('60000');
    await page.getByTestId('budget-meals').fill('30000');
    await page.getByTestId('budget-meals').blur();
    await expect.poll(() => page.getByTestId('budget-over-accommodation').count()).toBe(0);
    await page.getByTestId('form-save').click();
    await page.waitForURL(/\/seminars\/[0-9a-f-]{36}$/);
    seminarId = page.url().split('/').pop() as string;
    await expect.poll(() => page.getByTestId('seminar-status').textContent()).toBe('草稿');
    await page.getByTestId('seminar-submit').click();
    await expect.poll(() => page.getByTestId('seminar-status').textContent()).toBe('待初审');
    await page.context().close();
  });

  it('the competent department pre-approves it from its queue', async () => {
    const page = await as('dept.miit');
    await page.goto(`${server.baseUrl}/seminars`);
    await page.getByTestId('seminars-table').getByText(TITLE).click();
    await page.getByTestId('seminar-preapprove').click();
    await expect.poll(() => page.getByTestId('seminar-status').textContent()).toBe('初审通过');
    await page.context().close();
  });

  it('the ministry draws three reviewers with a recorded seed', async () => {
    const page = await as('admin', ADMIN_PASSWORD);
    await page.goto(`${server.baseUrl}/seminars/manage`);
    await page.getByTestId('manage-year').fill(String(year));
    await page.getByTestId('tab-draw').click();
    await page.getByTestId('draw-seed').fill('e2e-2026');
    await page.getByTestId('draw-run').click();
    await expect.poll(() => page.getByTestId('draws-table').getByText('e2e-2026').count()).toBe(1);
    await page.context().close();
  });

  it('each drawn expert scores it in the blind view', async () => {
    let scored = 0;
    for (const username of ['expert.demo', 'expert.wang', 'expert.li', 'expert.zhao']) {
      const page = await as(username);
      await page.goto(`${server.baseUrl}/seminars/reviews`);
      await page.getByText('评审采用匿名方式').waitFor();
      const card = page.getByTestId(`assignment-${seminarId}`);
      await page.waitForLoadState('networkidle');
      if ((await card.count()) === 0) {
        await page.context().close();
        continue;
      }
      expect(await card.textContent()).not.toContain('承办单位');
      for (const code of ['necessity', 'content', 'faculty', 'organisation', 'budget']) await card.getByTestId(`score-${code}`).fill(String(80 + scored));
      await card.getByTestId('score-comment').fill('选题契合需求');
      await card.getByTestId('score-submit').click();
      await card.getByTestId('score-total').waitFor();
      scored++;
      await page.context().close();
    }
    expect(scored).toBe(3);
  });

  it('the ministry approves it within the quota and publishes the list', async () => {
    const page = await as('admin', ADMIN_PASSWORD);
    await page.goto(`${server.baseUrl}/seminars/manage`);
    await page.getByTestId('manage-year').fill(String(year));
    await page.getByTestId('tab-selection').click();
    await page.getByTestId(`approve-${seminarId}`).click();
    await expect.poll(() => page.getByTestId('ranking-table').getByText('入选').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('quota-next_gen_it').textContent()).toContain('剩余');
    await page.getByTestId('publish').click();
    await page.getByText(/已公布 1 个项目/).waitFor();
    await page.context().close();
  });

  it('anyone sees it on the public list without signing in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/public/seminars`);
    await page.getByTestId('public-seminars').getByText(TITLE).waitFor();
    expect(await page.getByTestId('public-seminars').textContent()).toContain('浙江省杭州市');
    await context.close();
  });

  it('a professional enrols and the host admits them; the trainee sees the notice', async () => {
    const trainee = await as('person.demo');
    // The demo person's generated title may be below the eligibility rule (intermediate or higher):
    // the administrator records an intermediate title first, as the registry would.
    const personId = ((await (await trainee.request.get(`${server.baseUrl}/api/auth/me`)).json()) as { me: { personId: string } }).me.personId;
    const admin = await as('admin', ADMIN_PASSWORD);
    const session = (await (await admin.request.get(`${server.baseUrl}/api/auth/me`)).json()) as { csrfToken: string };
    const person = (await (await admin.request.get(`${server.baseUrl}/api/people/${personId}`)).json()) as Record<string, string>;
    if (!['intermediate', 'deputy_senior', 'senior'].includes(person.titleLevel as string)) {
      const body = { name: person.name, regionCode: person.regionCode, employerId: person.employerId, titleSeries: person.titleSeries || '工程技术', titleLevel: 'intermediate', specialty: person.specialty ?? '' };
      const res = await admin.request.put(`${server.baseUrl}/api/people/${personId}`, { data: body, headers: { 'x-csrf-token': session.csrfToken } });
      expect(res.status(), await res.text()).toBe(200);
    }
    await admin.context().close();
    await trainee.goto(`${server.baseUrl}/seminar-enrolment/open`);
    await trainee.getByTestId(`enrol-${seminarId}`).click();
    await expect.poll(() => trainee.getByTestId(`my-status-${seminarId}`).textContent(), { timeout: 15_000 }).toBe('已报名（待录取）');
    const host = await as('host.zj');
    await host.goto(`${server.baseUrl}/seminar-enrolment/hosted/${seminarId}`);
    await host.locator('[data-testid^="admit-"]').first().click();
    await host.getByTestId('enrolees').getByText('已录取').waitFor();
    await trainee.goto(`${server.baseUrl}/seminar-enrolment/mine`);
    await trainee.getByTestId('seminar-notices').getByText(/您已被“.*”录取/).waitFor();
    await host.context().close();
    await trainee.context().close();
  });
});
