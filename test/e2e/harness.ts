import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { type Browser, type Page, chromium } from 'playwright-core';

export const DEMO_PASSWORD = 'Demo#E2e2026';
export const ADMIN_PASSWORD = 'Admin#E2e2026';

export type E2eServer = { baseUrl: string; stop: () => Promise<void> };

/** Start the real server (`zhigeng start`) on a fresh embedded database with demo data. */
export async function startServer(port: number): Promise<E2eServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zhigeng-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['bin/zhigeng.js', 'start'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, ZHIGENG_DEMO: '1', ZHIGENG_DEMO_PASSWORD: DEMO_PASSWORD, ZHIGENG_ADMIN_PASSWORD: ADMIN_PASSWORD, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(`${baseUrl}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  // Playwright gives every launch a fresh temporary profile (the empty --user-data-dir).
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
}

export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Pick an option of an Ant Design select, trying again while the dropdown is still opening on a busy machine. */
export async function choose(page: Page, testId: string, text: string): Promise<void> {
  const select = page.locator(`.ant-select[data-testid="${testId}"]`);
  await expect.poll(async () => {
    if ((await select.getByText(text).count()) > 0) return true;
    await select.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click({ timeout: 3_000 }).catch(() => undefined);
    return (await select.getByText(text).count()) > 0;
  }, { timeout: 30_000, interval: 500 }).toBe(true);
}
