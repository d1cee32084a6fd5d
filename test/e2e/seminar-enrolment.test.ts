import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SYSTEM_ACTOR } from '../../src/platform/context.ts';
import type { Database } from '../../src/platform/db/executor.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { openPglite } from '../../src/platform/db/pglite.ts';
import { type App, buildApp } from '../../src/platform/http/app.ts';
import { PROJECT_ROOT } from '../../src/platform/paths.ts';
import { ensureWebBuilt } from '../../src/platform/web-build.ts';
import { loadReferenceData } from '../../src/modules/registry/index.ts';
import { createBootstrapAccount } from '../../src/modules/registry/accounts/index.ts';
import type { OrgWrite } from '../../src/modules/registry/organisations/repo.ts';
import { testPii } from '../support/app.ts';
import { makeOrganisation, makePerson } from '../support/fixtures.ts';
import { type SeminarFixture, makeHost, makePublishedSeminar } from '../support/seminars.ts';
import { DEMO_PASSWORD, launchBrowser, signIn } from './harness.ts';

/**
 * The running half of an advanced seminar in the browser: a professional enrols in a published
 * seminar, the host admits them (the trainee sees the notice), marks attendance, records an
 * expense, closes the seminar (hours go into the trainee's archive), submits the summary report,
 * and the trainee rates the seminar. The published seminar is made by SQL, as the application
 * half would leave it; the server is the real app in-process on an embedded database.
 */

let db: Database;
let app: App;
let browser: Browser;
let trainee: Page;
let hostPage: Page;
let seminar: SeminarFixture;
let personId: string;
let base = '';

beforeAll(async () => {
  await ensureWebBuilt(() => undefined);
  db = await openPglite();
  await migrate(db);
  await db.transaction((tx) => loadReferenceData(tx));
  const ctx = { db, pii: testPii, actor: SYSTEM_ACTOR, now: new Date(), locale: 'zh-CN' as const, requestId: 'e2e', ip: '127.0.0.1' };
  const host: OrgWrite = await makeHost(db);
  const employer = await makeOrganisation(db);
  const person = await makePerson(db, employer, { name: '林知更' });
  personId = person.id;
  seminar = await makePublishedSeminar(db, host, { seats: 5 });
  await db.transaction(async (tx) => {
    await createBootstrapAccount(tx, ctx, { username: 'e2e.trainee', displayName: '林知更', password: DEMO_PASSWORD, personId: person.id, grants: [{ role: 'professional', scopeType: 'organisation', scopeId: employer.id }] });
    await createBootstrapAccount(tx, ctx, { username: 'e2e.host', displayName: '承办单位', password: DEMO_PASSWORD, grants: [{ role: 'organisation_admin', scopeType: 'organisation', scopeId: host.id }] });
  });
  app = await buildApp({ db, pii: testPii, logLevel: 'silent', webDir: path.join(PROJECT_ROOT, 'web/dist') });
  // A free port chosen by the system: other worktrees run their browser tests on fixed ones.
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
  trainee = await (await browser.newContext()).newPage();
  hostPage = await (await browser.newContext()).newPage();
  await signIn(trainee, base, 'e2e.trainee');
  await signIn(hostPage, base, 'e2e.host');
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await db?.close();
});

describe('seminar enrolment to hours in the archive', () => {
  it('the professional sees the seminar as eligible and enrols', async () => {
    await trainee.goto(`${base}/seminar-enrolment/open`);
    await trainee.getByTestId('open-seminars').getByText('符合条件').waitFor();
    await trainee.getByTestId(`enrol-${seminar.id}`).click();
    await expect.poll(() => trainee.getByTestId(`my-status-${seminar.id}`).textContent(), { timeout: 15_000 }).toBe('已报名（待录取）');
  });

  it('the host admits the enrolee and the trainee sees the notice', async () => {
    await hostPage.goto(`${base}/seminar-enrolment/hosted`);
    await hostPage.getByTestId('hosted-seminars').getByRole('link').first().click();
    await hostPage.getByTestId(`admit-${personId}`).click();
    await hostPage.getByTestId('enrolees').getByText('已录取').waitFor();
    await trainee.goto(`${base}/seminar-enrolment/mine`);
    await trainee.getByTestId('seminar-notices').getByText(/您已被“.*”录取/).waitFor();
  });

  it('after the class: attendance, an expense with its execution rate, closing writes the hours', async () => {
    // The seminar took place: move its dates to a past week.
    await db.query(`UPDATE seminars SET start_date = DATE '2026-01-05', end_date = DATE '2026-01-09', year = $2 WHERE id = $1`, [seminar.id, new Date().getUTCFullYear()]);
    await hostPage.reload();
    await hostPage.getByRole('tab', { name: '考勤' }).click();
    for (const day of ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08']) await hostPage.getByTestId(`att-${personId}-${day}`).check();
    await hostPage.getByTestId('attendance-save').click();
    await hostPage.getByTestId('attendance-grid').getByText('4 / 5').waitFor();
    await hostPage.getByRole('tab', { name: '经费执行' }).click();
    await hostPage.locator('.ant-select[data-testid="expense-category"]').click();
    await hostPage.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '住宿费' }).first().click();
    await hostPage.locator('.ant-select[data-testid="expense-category"]').getByText('住宿费').waitFor();
    await hostPage.getByTestId('expense-amount').fill('5000');
    // The date defaults to today, inside the seminar's year.
    const saved = hostPage.waitForResponse((r) => r.url().endsWith('/expenses') && r.request().method() === 'POST');
    await hostPage.getByTestId('expense-add').click();
    expect((await saved).status()).toBe(201);
    // Budget 10,000 + 5,000 yuan; spent 5,000 → 33.3 % in total.
    await expect.poll(() => hostPage.getByTestId('execution-total').textContent(), { timeout: 15_000 }).toContain('33.3%');
    await hostPage.getByRole('tab', { name: '考勤' }).click();
    await hostPage.getByTestId('attendance-grid').getByText('4 / 5').waitFor();
    const closed = hostPage.waitForResponse((r) => r.url().endsWith('/close') && r.request().method() === 'POST');
    await hostPage.getByTestId('seminar-close').click();
    await hostPage.locator('.ant-popconfirm:visible').getByRole('button', { name: /OK|确\s*定/ }).click();
    expect((await closed).status()).toBe(200);
    const records = () => db.query<{ hours: number; form: string }>(`SELECT hours, form FROM learning_records WHERE person_id = $1 AND source = 'seminar'`, [personId]);
    await expect.poll(records, { timeout: 15_000 }).toEqual([{ hours: 40, form: 'advanced_seminar' }]);
    await hostPage.getByText('已结业', { exact: true }).waitFor();
  });

  it('the host submits the summary report with the figures pre-filled; the trainee rates the seminar', async () => {
    await hostPage.getByRole('tab', { name: '总结报告' }).click();
    await hostPage.getByTestId('report-figures').getByText('80%').waitFor();
    await expect.poll(() => hostPage.getByTestId('report-late').textContent(), { timeout: 15_000 }).toBe('已逾期');
    await hostPage.getByTestId('report-narrative').fill('本期研修班按计划完成。');
    await hostPage.getByTestId('report-submit').click();
    await hostPage.getByText(/已于 .* 提交/).waitFor();

    await trainee.goto(`${base}/seminar-enrolment/mine`);
    await trainee.getByText('已结业，学时已记入档案').waitFor();
    await trainee.getByTestId(`rate-${seminar.id}`).click();
    await trainee.getByRole('button', { name: /OK|确\s*定/ }).click();
    await trainee.getByText('感谢您的评价').waitFor();
    const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM seminar_ratings WHERE seminar_id = $1', [seminar.id]);
    expect(rows[0]?.n).toBe(1);
  });
});
