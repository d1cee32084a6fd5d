import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_PASSWORD, type E2eServer, launchBrowser, signIn, startServer } from './harness.ts';

/**
 * The ministry's journey: create a plan, paste the seed's attachment table, read the findings,
 * map the row labelled 合计 to 其他, accept the two column sums that disagree, save (923,500
 * people), publish, split a target to a province, and open the dashboard with its chart and
 * map of China.
 */

const SEED = readFileSync(new URL('../../src/modules/plans/data/plan-2023.txt', import.meta.url), 'utf8');

let server: E2eServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer(3431);
  browser = await launchBrowser();
  const context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
  await signIn(page, server.baseUrl, 'admin', ADMIN_PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('annual plan from the seed table to the dashboard', () => {
  it('creates a draft plan', async () => {
    await page.goto(`${server.baseUrl}/plans`);
    await page.getByTestId('plan-create').click();
    await page.getByTestId('plan-year').fill('2026');
    await page.getByTestId('plan-title').fill('2026年专业技术人员能力提升项目计划（端到端）');
    await page.getByRole('button', { name: /OK|确\s*定/ }).click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('plan-status').textContent()).toBe('草稿');
  });

  it('checks the pasted table and shows its findings with row, column, expected and found', async () => {
    await page.getByRole('tab', { name: '导入计划表' }).click();
    await page.getByTestId('plan-import-text').fill(SEED);
    await page.getByTestId('plan-import-check').click();
    const findings = page.getByTestId('plan-import-findings');
    await findings.getByText('第 11 行“合计”不是已知的主管部门').waitFor();
    await expect.poll(() => findings.getByText('第 14 列“应急管理”各部门之和 177000 与合计行 177500 不符').count()).toBe(1);
    await expect.poll(() => page.getByTestId('plan-import-totals').textContent()).toContain('923,500');
    expect(await page.getByTestId('plan-import-commit').isDisabled()).toBe(true);
  });

  it('maps 合计 to 其他, accepts the mismatches and saves 923,500 people', async () => {
    await page.getByTestId('plan-map-row-合计').click();
    await page.keyboard.type('其他');
    await page.keyboard.press('Enter');
    await page.getByTestId('plan-import-findings').getByText('提示').first().waitFor();
    await expect.poll(() => page.getByTestId('plan-import-findings').getByText('需处理').count()).toBe(0);
    await page.getByTestId('plan-import-accept').click();
    await page.getByTestId('plan-import-commit').click();
    await expect.poll(() => page.getByTestId('plan-national-people').textContent()).toBe('92.35 万人');
  });

  it('publishes the plan', async () => {
    await page.getByTestId('plan-publish').click();
    await expect.poll(() => page.getByTestId('plan-status').textContent()).toBe('已发布');
  });

});

describe('the published plan', () => {
  it('splits a national target to a province, which must add up', async () => {
    await page.getByRole('tab', { name: '分解下达' }).click();
    await page.getByTestId('split-target').click();
    await page.keyboard.type('数字技术 · 工业和信息化部');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('split-sum').textContent()).toBe('已分解 0 / 目标 67,000');
    expect(await page.getByTestId('split-save').isDisabled()).toBe(true);
    await page.locator('.ant-input-number input').first().fill('67000');
    await expect.poll(() => page.getByTestId('split-sum').textContent()).toBe('已分解 67,000 / 目标 67,000');
    await page.getByTestId('split-save').click();
    await page.getByText('分解已保存').waitFor();
  });

  it('shows the dashboard with the chart by field and the map of China', async () => {
    await page.getByRole('link', { name: '计划完成情况' }).first().click();
    await page.waitForURL(/\/plans\/dashboard/);
    const table = page.getByTestId('dashboard-table');
    await table.getByText('数字技术').waitFor();
    await page.getByTestId('dashboard-bar').locator('canvas').waitFor();
    await page.getByTestId('plan-map').locator('canvas').waitFor();
    // The demo's approved 2026 records count: some people trained, against 923,500.
    await page.getByRole('tab', { name: '按地区' }).click();
    await table.getByText('浙江省').waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('dashboard-export').click();
    expect((await download).suggestedFilename()).toBe('plan-dashboard-region.xlsx');
    await table.getByText('浙江省').click();
    await page.getByText('杭州市').first().waitFor();
  });
});
