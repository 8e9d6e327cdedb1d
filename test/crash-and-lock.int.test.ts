import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
// Node itself with the tsx loader, so kill -9 hits the server process and not a wrapper.
const node = process.execPath;
const serverArgs = ['--import', 'tsx', 'server/src/main.ts'];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

type Running = { proc: ChildProcess; port: number; output: () => string };

function startServer(dataDir: string, port: number): Running {
  let out = '';
  const proc = spawn(node, serverArgs, {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DEMO_DATA: 'true', WEB_DIST: '/nonexistent', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  return { proc, port, output: () => out };
}

async function waitHealthy(r: Running, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (r.proc.exitCode !== null) throw new Error(`server exited: ${r.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${r.port}/api/health`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((res) => setTimeout(res, 200));
  }
  throw new Error(`server not healthy: ${r.output()}`);
}

const exited = (p: ChildProcess) => new Promise<number | null>((resolve) => (p.exitCode !== null ? resolve(p.exitCode) : p.once('exit', (c) => resolve(c))));

describe('embedded database: one process per data directory, nothing acknowledged is lost', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-crash-'));
  const running: ChildProcess[] = [];
  afterAll(() => {
    for (const p of running) p.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second server on the same directory, survives kill -9, and keeps acknowledged writes', async () => {
    const first = startServer(dir, await freePort());
    running.push(first.proc);
    await waitHealthy(first);
    expect(first.output()).toContain('admin');

    const second = startServer(dir, await freePort());
    running.push(second.proc);
    expect(await exited(second.proc)).toBe(2);
    expect(second.output()).toMatch(/đang được tiến trình \d+ sử dụng/);

    const base = `http://127.0.0.1:${first.port}`;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'QuangNinh@2020' }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken, scopeOrg } = await login.json();
    const created = await fetch(`${base}/api/orgs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ code: 'CRASH-1', name: 'Đảng bộ Kiểm thử Sự cố', parentId: scopeOrg.id, typeCode: 'district', kindCode: 'other' }),
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();

    first.proc.kill('SIGKILL');
    await exited(first.proc);

    const third = startServer(dir, await freePort());
    running.push(third.proc);
    await waitHealthy(third);
    // The demo data is not seeded twice, and the acknowledged unit is there.
    expect(third.output()).not.toContain('Dữ liệu mẫu đã được tạo');
    const base3 = `http://127.0.0.1:${third.port}`;
    const login3 = await fetch(`${base3}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'QuangNinh@2020' }) });
    const cookie3 = login3.headers.get('set-cookie')!.split(';')[0]!;
    const org = await fetch(`${base3}/api/orgs/${id}`, { headers: { cookie: cookie3 } });
    expect(org.status).toBe(200);
    expect((await org.json()).name).toBe('Đảng bộ Kiểm thử Sự cố');
    third.proc.kill('SIGTERM');
    expect(await exited(third.proc)).toBe(0);
    expect(fs.existsSync(path.join(dir, 'daihoi.lock'))).toBe(false);
  });

  it('keeps every acknowledged ballot when the server is killed during entry', async () => {
    const dir2 = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-crash-entry-'));
    try {
      const srv = startServer(dir2, await freePort());
      running.push(srv.proc);
      await waitHealthy(srv);
      const base = `http://127.0.0.1:${srv.port}`;
      const signIn = async (b: string, username: string, password: string) => {
        const r = await fetch(`${b}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
        expect(r.status).toBe(200);
        const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
        const me = await r.json();
        const call = async (method: string, url: string, body?: unknown) => {
          const res = await fetch(`${b}${url}`, { method, headers: { cookie, 'x-csrf-token': me.csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
          return { status: res.status, json: await res.json() };
        };
        return { me, call };
      };
      const organizer = await signIn(base, 'mongcai', 'MongCai@2020');
      // The demo congress' committee election, still being prepared (the demo also holds past secretary elections).
      const election = ((await organizer.call('GET', `/api/orgs/${organizer.me.scopeOrg.id}/elections`)).json as { id: number; kind: string; status: string }[]).find(
        (x) => x.kind === 'executiveCommittee' && x.status === 'setup',
      )!;
      const users = await Promise.all(['kiemphieu', 'nhapphieu.a', 'nhapphieu.b'].map(async (u, i) => (await signIn(base, u, ['KiemPhieu@2020', 'NhapPhieuA@2020', 'NhapPhieuB@2020'][i]!)).me.id));
      expect((await organizer.call('PUT', `/api/elections/${election.id}/counters`, { counters: [{ userId: users[0], isChief: true }, { userId: users[1], team: 'A' }, { userId: users[2], team: 'B' }] })).status).toBe(200);
      const e = (await organizer.call('GET', `/api/elections/${election.id}`)).json;
      expect((await organizer.call('POST', `/api/elections/${election.id}/open-entry`, { version: e.version, present: 240, ballotsIssued: 240, ballotsCollected: 240, listVote: { agree: 238, disagree: 2, present: 240 } })).status).toBe(200);
      const teamA = await signIn(base, 'nhapphieu.a', 'NhapPhieuA@2020');
      // Entry goes on at full speed; the server is killed mid-stream, with requests in flight.
      const acknowledged: number[] = [];
      let stop = false;
      const typing = (async () => {
        for (let serial = 1; serial <= 240 && !stop; serial++) {
          try {
            const r = await teamA.call('POST', `/api/elections/${election.id}/ballots`, { serial, entry: { kind: 'strike', struck: [1 + (serial % 41), 1 + ((serial * 7) % 41), 1 + ((serial * 13) % 41), 1 + ((serial * 29) % 41)] } });
            if (r.status === 200) acknowledged.push(serial);
          } catch {
            return; // connection reset by the kill: not acknowledged
          }
        }
      })();
      while (acknowledged.length < 15) await new Promise((r) => setTimeout(r, 5));
      srv.proc.kill('SIGKILL');
      stop = true;
      await exited(srv.proc);
      await typing;
      const again = startServer(dir2, await freePort());
      running.push(again.proc);
      await waitHealthy(again);
      const teamA2 = await signIn(`http://127.0.0.1:${again.port}`, 'nhapphieu.a', 'NhapPhieuA@2020');
      const mine = (await teamA2.call('GET', `/api/elections/${election.id}/ballots/mine`)).json;
      const stored = new Set(mine.entries.map((x: { serial: number }) => x.serial));
      for (const serial of acknowledged) expect(stored.has(serial)).toBe(true);
      // At most the one request in flight may have committed without its answer arriving.
      expect(stored.size - acknowledged.length).toBeLessThanOrEqual(1);
      again.proc.kill('SIGTERM');
      await exited(again.proc);
    } finally {
      fs.rmSync(dir2, { recursive: true, force: true });
    }
  });

  it('stops with a clear message on a bad setting', async () => {
    const bad = spawn(node, serverArgs, { cwd: root, env: { ...process.env, PORT: 'tám nghìn', DATA_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    bad.stderr.on('data', (d) => (err += d));
    expect(await exited(bad)).toBe(2);
    expect(err).toMatch(/PORT/);
    expect(err).toMatch(/Cấu hình không hợp lệ/);
  });
});
