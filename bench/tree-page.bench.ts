// The tree page's first paint with a province (issue 2): the real server with the demo data,
// real Chromium; sign in, then load /orgs repeatedly and time until the province's
// district-level committees are visible.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { summarize } from './stats.ts';

const root = path.resolve(import.meta.dirname, '..');

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer();
    srv.listen(0, () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });

export async function measureTreePage(loads = Number(process.env.BENCH_PAGE_LOADS ?? 10)) {
  spawnSync(process.execPath, ['scripts/build-web-if-stale.mjs'], { cwd: root, stdio: 'inherit' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-bench-page-'));
  const port = await freePort();
  const { DATABASE_URL: _omit, ...env } = process.env;
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: root, env: { ...env, DATA_DIR: dir, PORT: String(port), LOG_LEVEL: 'warn' }, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (let i = 0; ; i++) {
      if (i > 600) throw new Error('server did not start');
      const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const page = await (await browser.newContext({ baseURL: base, locale: 'vi-VN', viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto('/');
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('QuangNinh@2020');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('navigation').first().waitFor();
    const samples: number[] = [];
    for (let i = 0; i < loads + 1; i++) {
      const started = performance.now();
      await page.goto('/orgs');
      await page.getByRole('treeitem', { name: 'Đảng bộ thành phố Móng Cái' }).first().waitFor({ state: 'visible' });
      // The first load fills the browser's cache of the app's files, as a returning user has it.
      if (i > 0) samples.push(performance.now() - started);
    }
    const firstPaint = summarize(samples);
    console.log(`tree page with a province (districts visible): median ${firstPaint.median} ms, p95 ${firstPaint.p95} ms over ${firstPaint.n} loads (goal < 1 s)`);
    return { treePageFirstPaintMs: firstPaint, goalMs: 1000 };
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
