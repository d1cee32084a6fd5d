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
import { testPii } from '../support/app.ts';
import { DEMO_PASSWORD, choose, launchBrowser, signIn } from './harness.ts';

/** The ministry keeps the working-day calendar in the browser: a bad entry is named under its field, a good list is saved. */
let db: Database;
let app: App;
let browser: Browser;
let page: Page;
let base = '';

beforeAll(async () => {
  await ensureWebBuilt(() => undefined);
  db = await openPglite();
  await migrate(db);
  await db.transaction((tx) => loadReferenceData(tx));
  const ctx = { db, pii: testPii, actor: SYSTEM_ACTOR, now: new Date(), locale: 'zh-CN' as const, requestId: 'e2e', ip: '127.0.0.1' };
  await db.transaction((tx) => createBootstrapAccount(tx, ctx, { username: 'e2e.ministry', displayName: '人社部', password: DEMO_PASSWORD, grants: [{ role: 'national_admin', scopeType: 'nation', scopeId: '000000' }] }));
  app = await buildApp({ db, pii: testPii, logLevel: 'silent', webDir: path.join(PROJECT_ROOT, 'web/dist') });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
  await signIn(page, base, 'e2e.ministry');
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await db?.close();
});

describe('the working-day calendar page', () => {
  it('shows the published holidays of a year with their weekday', async () => {
    await page.goto(`${base}/calendar`);
    await page.getByTestId('calendar-year').fill('2026');
    const row = page.getByTestId('calendar-days').locator('tr', { hasText: '2026-10-10' });
    await row.waitFor();
    expect(await row.textContent()).toContain('调休上班');
  });

  it('names a bad entry under its field and saves nothing; a corrected list is saved', async () => {
    await page.getByTestId('calendar-year').fill('2031');
    await page.getByText('该年度尚未录入节假日安排').waitFor();
    await page.getByTestId('calendar-edit').click();
    await page.getByTestId('calendar-add').click();
    // Tuesday 7 October 2031 listed as an adjusted working day: it is a working day anyway.
    await page.getByTestId('calendar-day-0').fill('2031-10-07');
    await choose(page, 'calendar-working-0', '调休上班');
    await page.getByTestId('calendar-name-0').fill('国庆节调休上班');
    await page.getByTestId('calendar-save').click();
    await page.getByText('周一至周五本来就是工作日').waitFor();
    expect((await (await fetch(`${base}/api/public/calendar/2031`)).json()).days).toEqual([]);
    await page.getByTestId('calendar-day-0').fill('2031-10-11');
    await page.getByTestId('calendar-save').click();
    await page.getByTestId('calendar-days').locator('tr', { hasText: '2031-10-11' }).waitFor();
    const saved = (await (await fetch(`${base}/api/public/calendar/2031`)).json()).days;
    expect(saved).toMatchObject([{ day: '2031-10-11', working: true, name: '国庆节调休上班' }]);
  });
});
