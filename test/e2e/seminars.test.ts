import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../src/platform/config.ts';
import { type RunningServer, startServer } from '../../src/platform/server.ts';
import { ensureWebBuilt } from '../../src/platform/web-build.ts';
import { demoDates } from '../../src/modules/seminars/demo.ts';
import { ADMIN_PASSWORD, DEMO_PASSWORD, choose, launchBrowser, signIn } from './harness.ts';

/**
 * One advanced seminar through every role, in the browser: the host applies (the budget checked
 * live against the limits), the department pre-approves, the ministry draws reviewers with a seed,
 * the drawn experts score it blind, the ministry approves it within the quota and publishes, anyone
 * sees it on the public list, a professional enrols and the host admits them (the trainee gets the
 * notice); then, the class over, the host marks attendance, records an expense against the budget,
 * closes the seminar, and the trainee finds the seminar's hours in the learning archive and the
 * yearly compliance; the host submits the summary report and the trainee rates the seminar.
 *
 * The server is the real one (`startServer`: migrations, reference and demo data, demo accounts)
 * in this process on an embedded database, so that the test can do the one thing no page does:
 * move the class's dates into the past once the trainee is admitted, as time would.
 */

let running: RunningServer;
let dataDir = '';
let base = '';
let browser: Browser;
let seminarId = '';
let personId = '';
let hostPage: Page;
let traineePage: Page;
const { year, start } = demoDates(new Date());
const day = (offset: number) => new Date(start.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
// Three days after the demo's first class, within the year (demoDates keeps five days in one year).
const startDate = new Date(start.getTime() + 7 * 86_400_000).getUTCFullYear() === year ? day(3) : day(0);
const endDate = startDate === day(3) ? day(7) : day(4);
const TITLE = `${year}年端到端测试高级研修班`;

/** Five days that ended 40 days ago, in one year: where the class is moved once it has taken place. */
function pastWeek(): { year: number; days: string[] } {
  let first = Date.parse(`${new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)}T00:00:00Z`) - 44 * 86_400_000;
  if (new Date(first).getUTCFullYear() !== new Date(first + 4 * 86_400_000).getUTCFullYear()) first -= 7 * 86_400_000;
  const days = Array.from({ length: 5 }, (_, i) => new Date(first + i * 86_400_000).toISOString().slice(0, 10));
  return { year: new Date(first).getUTCFullYear(), days };
}
const past = pastWeek();

async function as(username: string, password?: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, base, username, password);
  return page;
}

beforeAll(async () => {
  await ensureWebBuilt(() => undefined);
  dataDir = mkdtempSync(path.join(tmpdir(), 'zhigeng-e2e-seminars-'));
  const config = { ...loadConfig({}), port: 0, dataDir, demo: true, demoPassword: DEMO_PASSWORD, adminPassword: ADMIN_PASSWORD, logLevel: 'silent' };
  running = await startServer(config, () => undefined);
  base = `http://127.0.0.1:${(running.app.server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await running?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('an advanced seminar from application to hours in a trainee archive', () => {
  it('the host drafts an application, the budget is checked live against the limits, and submits it', async () => {
    const page = await as('host.zj');
    await page.goto(`${base}/seminars/new`);
    await page.getByTestId('form-title').fill(TITLE);
    await page.getByTestId('form-start').fill(startDate);
    await page.getByTestId('form-end').fill(endDate);
    await page.getByTestId('form-place').fill('浙江省杭州市');
    // 50 trainees × 5 days × 340 yuan (the demo's limit) = 85,000 yuan allowed for accommodation.
    await page.getByTestId('budget-accommodation').fill('90000');
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
    await page.goto(`${base}/seminars`);
    await page.getByTestId('seminars-table').getByText(TITLE).click();
    await page.getByTestId('seminar-preapprove').click();
    await expect.poll(() => page.getByTestId('seminar-status').textContent()).toBe('初审通过');
    await page.context().close();
  });

  it('the ministry draws three reviewers with a recorded seed', async () => {
    const page = await as('admin', ADMIN_PASSWORD);
    await page.goto(`${base}/seminars/manage`);
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
      await page.goto(`${base}/seminars/reviews`);
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
    await page.goto(`${base}/seminars/manage`);
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
    await page.goto(`${base}/public/seminars`);
    await page.getByTestId('public-seminars').getByText(TITLE).waitFor();
    expect(await page.getByTestId('public-seminars').textContent()).toContain('浙江省杭州市');
    await context.close();
  });

  it('a professional enrols and the host admits them; the trainee sees the notice', async () => {
    const trainee = await as('person.demo');
    // The demo person's generated title may be below the eligibility rule (intermediate or higher):
    // the administrator records an intermediate title first, as the registry would.
    personId = ((await (await trainee.request.get(`${base}/api/auth/me`)).json()) as { me: { personId: string } }).me.personId;
    const admin = await as('admin', ADMIN_PASSWORD);
    const session = (await (await admin.request.get(`${base}/api/auth/me`)).json()) as { csrfToken: string };
    const person = (await (await admin.request.get(`${base}/api/people/${personId}`)).json()) as Record<string, string>;
    if (!['intermediate', 'deputy_senior', 'senior'].includes(person.titleLevel as string)) {
      const body = { name: person.name, regionCode: person.regionCode, employerId: person.employerId, titleSeries: person.titleSeries || '工程技术', titleLevel: 'intermediate', specialty: person.specialty ?? '' };
      const res = await admin.request.put(`${base}/api/people/${personId}`, { data: body, headers: { 'x-csrf-token': session.csrfToken } });
      expect(res.status(), await res.text()).toBe(200);
    }
    await admin.context().close();
    await trainee.goto(`${base}/seminar-enrolment/open`);
    await trainee.getByTestId('open-seminars').getByText('符合条件').first().waitFor();
    await trainee.getByTestId(`enrol-${seminarId}`).click();
    await expect.poll(() => trainee.getByTestId(`my-status-${seminarId}`).textContent(), { timeout: 15_000 }).toBe('已报名（待录取）');
    const host = await as('host.zj');
    await host.goto(`${base}/seminar-enrolment/hosted/${seminarId}`);
    await host.locator('[data-testid^="admit-"]').first().click();
    await host.getByTestId('enrolees').getByText('已录取').waitFor();
    await trainee.goto(`${base}/seminar-enrolment/mine`);
    await trainee.getByTestId('seminar-notices').getByText(/您已被“.*”录取/).waitFor();
    // Read: the notice loses its unread mark and the count goes.
    await trainee.getByTestId('notices-read-all').click();
    await expect.poll(() => trainee.getByTestId('seminar-notices').locator('[data-unread="true"]').count()).toBe(0);
    hostPage = host;
    traineePage = trainee;
  });

  it('after the class: attendance, an expense against the budget, and closing writes the hours', async () => {
    // The class took place: its five days move 40 days into the past (enrolment closed before).
    await running.db.query('UPDATE seminars SET start_date = $2, end_date = $3, year = $4 WHERE id = $1', [seminarId, past.days[0], past.days[4], past.year]);
    await hostPage.reload();
    await hostPage.getByRole('tab', { name: '考勤' }).click();
    for (const d of past.days.slice(0, 4)) await hostPage.getByTestId(`att-${personId}-${d}`).check();
    await hostPage.getByTestId('attendance-save').click();
    await hostPage.getByTestId('attendance-grid').getByText('4 / 5').waitFor();

    await hostPage.getByRole('tab', { name: '经费执行' }).click();
    await choose(hostPage, 'expense-category', '住宿费');
    await hostPage.getByTestId('expense-amount').fill('9000');
    const saved = hostPage.waitForResponse((r) => r.url().endsWith('/expenses') && r.request().method() === 'POST');
    await hostPage.getByTestId('expense-add').click();
    expect((await saved).status()).toBe(201);
    // Budget 60,000 + 30,000 yuan; spent 9,000 → 10 % in total.
    await expect.poll(() => hostPage.getByTestId('execution-total').textContent(), { timeout: 15_000 }).toMatch(/(^|[^0-9.])10(\.0)?%/);

    await hostPage.getByRole('tab', { name: '考勤' }).click();
    await hostPage.getByTestId('attendance-grid').getByText('4 / 5').waitFor();
    const closed = hostPage.waitForResponse((r) => r.url().endsWith('/close') && r.request().method() === 'POST');
    await hostPage.getByTestId('seminar-close').click();
    await hostPage.locator('.ant-popconfirm:visible').getByRole('button', { name: /OK|确\s*定/ }).click();
    expect((await closed).status()).toBe(200);
    await hostPage.getByText('已结业', { exact: true }).waitFor();
  });

  it('the trainee finds the seminar and its hours in the learning archive, exactly once', async () => {
    const rows = await running.db.query<{ hours: number; form: string; source: string; status: string; year: number }>(
      'SELECT hours::float8 AS hours, form, source, status, year FROM learning_records WHERE person_id = $1 AND title = $2',
      [personId, TITLE],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ form: 'advanced_seminar', source: 'seminar', status: 'approved', year: past.year });
    expect(rows[0]?.hours).toBeGreaterThan(0);
    await traineePage.goto(`${base}/learning/archive`);
    const record = traineePage.getByTestId('own-records').locator('tr', { hasText: TITLE });
    await record.waitFor();
    expect(await record.textContent()).toContain(String(rows[0]?.hours));
  });

  it('the host submits the summary report with the figures pre-filled; the trainee rates the seminar', async () => {
    await hostPage.getByRole('tab', { name: '总结报告' }).click();
    await hostPage.getByTestId('report-figures').getByText('80%').waitFor();
    await expect.poll(() => hostPage.getByTestId('report-late').textContent(), { timeout: 15_000 }).toBe('已逾期');
    await hostPage.getByTestId('report-narrative').fill('本期研修班按计划完成。');
    await hostPage.getByTestId('report-submit').click();
    await hostPage.getByText(/已于 .* 提交/).waitFor();

    await traineePage.goto(`${base}/seminar-enrolment/mine`);
    await traineePage.getByText('已结业，学时已记入档案').waitFor();
    await traineePage.getByTestId(`rate-${seminarId}`).click();
    await traineePage.getByRole('button', { name: /OK|确\s*定/ }).click();
    await traineePage.getByText('感谢您的评价').waitFor();
    const ratings = await running.db.query<{ n: number }>('SELECT count(*)::int AS n FROM seminar_ratings WHERE seminar_id = $1', [seminarId]);
    expect(ratings[0]?.n).toBe(1);
  });

  it("the ministry sets a year's enrolment rules on their page: from the defaults to the year's own", async () => {
    const later = past.year + 3;
    const page = await as('admin', ADMIN_PASSWORD);
    await page.goto(`${base}/seminars/enrolment-rules?year=${later}`);
    await expect.poll(() => page.getByTestId('rules-source').getAttribute('data-source')).not.toBe('own');
    await page.getByTestId('rules-reserved').fill('30');
    await page.getByTestId('rules-save').click();
    await expect.poll(() => page.getByTestId('rules-source').getAttribute('data-source')).toBe('own');
    const saved = (await (await page.request.get(`${base}/api/seminar-enrolment/rules/${later}`)).json()) as { reservedSharePct: number; source: string };
    expect(saved).toMatchObject({ reservedSharePct: 30, source: 'own' });
    await page.context().close();
  });

  it("the ministry opens a later year's call on the manage page: 保存 saves it at once (no draft)", async () => {
    const later = past.year + 4;
    const page = await as('admin', ADMIN_PASSWORD);
    await page.goto(`${base}/seminars/manage`);
    await page.getByTestId('manage-year').fill(String(later));
    await page.getByTestId('manage-year').press('Tab');
    await page.getByTestId('call-deadline').fill(`${later}-04-15`);
    const save = page.getByTestId('call-save');
    expect((await save.textContent())?.replace(/\s/g, '')).toBe('保存');
    await save.click();
    await expect.poll(async () => {
      const body = (await (await page.request.get(`${base}/api/seminars/calls/${later}`)).json()) as { call: { deadline: string } | null };
      return body.call?.deadline.slice(0, 10) ?? null;
    }).toBe(`${later}-04-15`);
    await page.context().close();
  });
});
