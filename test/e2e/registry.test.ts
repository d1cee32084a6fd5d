import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { type E2eServer, launchBrowser, signIn, startServer } from './harness.ts';

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(3411);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type PersonItem = { id: string; name: string; idNumberMasked: string };

describe('registry journey in a real browser', () => {
  let zjPerson: PersonItem;

  it('a province administrator finds a person and sees the masked ID', async () => {
    const page = await browser.newPage();
    await signIn(page, server.baseUrl, 'province.zj');
    const list = await page.request.get(`${server.baseUrl}/api/people?pageSize=1`);
    zjPerson = ((await list.json()) as { items: PersonItem[] }).items[0] as PersonItem;
    expect(zjPerson.idNumberMasked).toMatch(/^33\d{2}\*{10}[\dX]{4}$/);

    await page.goto(`${server.baseUrl}/people`);
    await page.getByTestId('people-search').fill(zjPerson.name);
    await page.getByTestId('people-search').press('Enter');
    const row = page.locator('tr', { hasText: zjPerson.name }).first();
    await expect.poll(() => row.textContent()).toContain(zjPerson.idNumberMasked);

    await page.goto(`${server.baseUrl}/people/${zjPerson.id}`);
    await page.getByTestId('person-detail').waitFor();
    expect(await page.getByTestId('person-detail').textContent()).toContain(zjPerson.idNumberMasked);
    await page.close();
  });

  it('the administrator records that the person holds a management post (seminar eligibility)', async () => {
    const page = await browser.newPage();
    await signIn(page, server.baseUrl, 'province.zj');
    await page.goto(`${server.baseUrl}/people/${zjPerson.id}`);
    await expect.poll(() => page.getByTestId('person-managementPost-value').textContent()).toBe('否');
    await page.getByTestId('person-edit').click();
    await page.getByTestId('person-managementPost').click();
    await page.getByTestId('person-submit').click();
    await expect.poll(() => page.getByTestId('person-managementPost-value').textContent()).toBe('是');
    const saved = await page.request.get(`${server.baseUrl}/api/people/${zjPerson.id}`);
    expect(((await saved.json()) as { managementPost: boolean }).managementPost).toBe(true);
    await page.close();
  });

  it('saving a person with a wrong check digit shows the message in Chinese, then in English', async () => {
    const page = await browser.newPage();
    await signIn(page, server.baseUrl, 'province.zj');
    await page.goto(`${server.baseUrl}/people`);
    await page.getByTestId('people-new').click();
    await page.getByTestId('person-idNumber').fill('11010519491231002Y'.replace('Y', '3'));
    await page.getByTestId('person-name').fill('测试人员');
    await page.getByTestId('person-submit').click();
    await page.getByText('身份证号码校验位错误').first().waitFor();

    await page.getByTestId('lang-switch').click();
    const english = page.getByText('The check digit of the citizen ID is wrong').first();
    if (!(await english.isVisible().catch(() => false))) {
      await page.getByTestId('person-submit').click();
    }
    await english.waitFor();
    await page.close();
  });

  it('another province administrator cannot open that person', async () => {
    const page = await browser.newPage();
    await signIn(page, server.baseUrl, 'province.gd');
    const api = await page.request.get(`${server.baseUrl}/api/people/${zjPerson.id}`);
    expect(api.status()).toBe(404);
    await page.goto(`${server.baseUrl}/people/${zjPerson.id}`);
    await page.getByText('找不到该人员').first().waitFor();
    expect(await page.content()).not.toContain(zjPerson.idNumberMasked);
    await page.close();
  });
});
