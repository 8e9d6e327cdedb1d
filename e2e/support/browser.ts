import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from './server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const screenshotsDir = path.join(repoRoot, 'screenshots');

/** Chromium may still be being installed by apt on a fresh machine: wait for it rather than fail. */
async function waitForChromium() {
  const deadline = Date.now() + 15 * 60_000;
  while (!fs.existsSync(CHROMIUM)) {
    if (Date.now() > deadline) throw new Error(`Chromium not found at ${CHROMIUM}; install the Debian package "chromium".`);
    await new Promise((r) => setTimeout(r, 5_000));
  }
}

export async function launchBrowser(): Promise<Browser> {
  await waitForChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// Uncaught exceptions and console errors of the pages, checked after each test. A refused request
// (401, 403, 409…) is part of the journeys: the browser's own "Failed to load resource" line is not a bug.
let scriptErrors: string[] = [];
export function takeScriptErrors(): string[] {
  const out = scriptErrors;
  scriptErrors = [];
  return out;
}

/** A fresh browser profile as a Vietnamese user in Quảng Ninh would have it. */
export async function newUserPage(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  // The first frames of the stack say where a production-build error came from.
  page.on('pageerror', (e) => scriptErrors.push(`pageerror: ${e.message}${e.stack ? `\n${e.stack.split('\n').slice(1, 6).join('\n')}` : ''}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) scriptErrors.push(`console: ${m.text()}`);
  });
  return { context, page };
}

export async function signIn(page: Page, username: string, password: string) {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
}

/** Saves screenshots/<name>.png; a dialog is shot as the viewport shows it (its mask does not span a full-page shot). */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}) {
  fs.mkdirSync(screenshotsDir, { recursive: true });
  // Let antd's motion settle so the picture shows the page, not a transition.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: opts.fullPage ?? true });
}

/** Waits until the locator is visible; fails the test with the locator in the message otherwise. */
export async function seen(locator: Locator, timeout = 15_000): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator;
}

/** Waits until the locator has no visible match (e.g. a button the user must not have). */
export async function gone(locator: Locator, timeout = 5_000) {
  await expect.poll(async () => locator.count(), { timeout }).toBe(0);
}

export async function textOf(locator: Locator): Promise<string> {
  await seen(locator);
  return (await locator.first().innerText()).replace(/\s+/g, ' ').trim();
}

/** The tree item of an organization, by its exact name. */
export const treeItem = (page: Page, name: string) =>
  page.getByRole('tree').getByRole('treeitem').filter({ has: page.getByText(name, { exact: true }) });
