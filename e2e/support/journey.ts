import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newUserPage, takeScriptErrors } from './browser.ts';
import { startServer, type TestServer } from './server.ts';

export type Journey = { server: TestServer; browser: Browser; context: BrowserContext; page: Page };

/**
 * The hooks every browser journey file needs: one server and one Chromium for the file, a fresh
 * user profile, no script error left behind by any test, everything closed at the end.
 * `ready` receives them once started (a file keeps its own `page`, `server`… variables).
 */
export function journeyHooks(ready: (j: Journey) => void | Promise<void>) {
  let j: Partial<Journey> = {};
  beforeAll(async () => {
    const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    j = { server, browser, ...(await newUserPage(browser, server.url)) };
    await ready(j as Journey);
  });
  afterEach(() => {
    expect(takeScriptErrors()).toEqual([]);
  });
  afterAll(async () => {
    await j.context?.close();
    await j.browser?.close();
    await j.server?.stop();
  });
}
