// `npm run bench -- campaigns` (issue 4, Performance). On the national 2020-shaped tree of the
// foundation benchmark (~250,000 organizations), one campaign with a congress for every
// organization; about 70 % of them held, with dates, so the day histograms are realistic.
// Measured, on PGlite and (when BENCH_DATABASE_URL or TEST_DATABASE_URL is set) PostgreSQL:
//   - creating the campaign (250,000 congresses, counters rebuilt set-wise) and a full rebuild;
//   - the dashboard (levels + children drill-down) for the root and for one province, p50/p95,
//     through the service (the HTTP layer adds JSON encoding only); the progress series and a
//     month of calendar at the root;
//   - status changes per second through the service, alone and with 200 dashboards connected by
//     server-sent events to a real listening HTTP server, and how long the change takes to reach
//     every connected dashboard (p50/p95/max). On PostgreSQL also with 8 concurrent writers.
// Pending (not measured here): several server processes behind a load balancer (events are
// in-process; LISTEN/NOTIFY would relay them), and browsers rendering the dashboards.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Db } from '../server/src/platform/db/db.ts';
import { openPglite } from '../server/src/platform/db/pglite.ts';
import { benchPostgresUrl, openBenchPostgres } from './bench-postgres.ts';
import { migrate } from '../server/src/platform/db/migrate.ts';
import { bulkLoadTree } from '../server/src/domains/organizations/tree-bulk-load.ts';
import type { Actor } from '../server/src/platform/audit/audit.ts';
import { composeServices } from '../server/src/composition.ts';
import { buildApp } from '../server/src/app.ts';
import { nationalTree } from './national-tree.ts';
import { summarize, timeIt } from './stats.ts';

const ITER = Number(process.env.BENCH_ITER ?? 30);
const LISTENERS = Number(process.env.BENCH_LISTENERS ?? 200);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 200);

const ms = (n: number) => Math.round(n);

async function measure(db: Db, engine: string) {
  const out: Record<string, unknown> = {};
  const nodes = nationalTree('2020');
  const [loadMs, ids] = await timeIt(() => db.transaction((tx) => bulkLoadTree(tx, nodes)));
  await db.exec('ANALYZE');
  const rootId = ids.get('VN2020')!;
  const provinceId = ids.get('VN2020-P7')!;
  const services = composeServices(db, { sessionTtlHours: 8, loginMaxFailures: 5, loginWindowMinutes: 15 }, { now: () => new Date('2020-06-15T03:00:00Z') });
  const admin: Actor = { userId: 0, username: 'bench', role: 'admin', scopeOrgId: rootId, scopePath: String(rootId) };
  const [createMs, campaign] = await timeIt(() => services.campaigns.create(admin, { name: 'Toàn quốc 2020–2025', preset: 'CT35-2019', rootOrgId: rootId }));
  out.organizations = nodes.length;
  out.congresses = campaign.congressCount;
  out.treeLoadMs = ms(loadMs);
  out.createCampaignMs = ms(createMs);
  // About 70 % held, with dates by level (cells Dec–Jan, grassroots Mar–May, districts May–Jul), set-wise.
  await db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('daihoi.bulk_load', 'on', true)`);
    await tx.query(`SELECT setseed(0.2020)`);
    await tx.query(
      `UPDATE congresses SET
         planned_start = CASE level WHEN 4 THEN date '2019-12-16' + (random() * 40)::int WHEN 3 THEN date '2020-03-02' + (random() * 85)::int
                                    WHEN 2 THEN date '2020-05-10' + (random() * 80)::int ELSE date '2020-10-10' + (random() * 20)::int END
        WHERE campaign_id = $1`,
      [campaign.id],
    );
    await tx.query(
      `UPDATE congresses SET planned_end = planned_start + CASE WHEN level >= 4 THEN 0 ELSE 1 END,
         status = CASE WHEN level >= 2 AND random() < 0.7 THEN 'resultsApproved' WHEN level >= 2 THEN (ARRAY['planned', 'documentsReady', 'personnelReady', 'approved'])[1 + (random() * 3)::int] ELSE 'planned' END
        WHERE campaign_id = $1`,
      [campaign.id],
    );
    await tx.query(`UPDATE congresses SET actual_start = planned_start, actual_end = planned_end, is_pilot = random() < 0.02 WHERE campaign_id = $1 AND status = 'resultsApproved'`, [campaign.id]);
    await tx.query(`SELECT set_config('daihoi.bulk_load', 'off', true)`);
  });
  const [rebuildMs] = await timeIt(() => db.query(`SELECT campaign_rollup_rebuild($1)`, [campaign.id]));
  await db.exec('ANALYZE');
  out.rebuildCountersMs = ms(rebuildMs);
  const counters = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM campaign_rollups WHERE campaign_id = $1`, [campaign.id]);
  const daily = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM campaign_daily WHERE campaign_id = $1`, [campaign.id]);
  out.counterRows = { rollups: counters.rows[0]!.n, daily: daily.rows[0]!.n };

  const sample = async (fn: () => Promise<unknown>) => {
    await fn();
    const s: number[] = [];
    for (let i = 0; i < ITER; i++) s.push((await timeIt(fn))[0]);
    return summarize(s);
  };
  const check = await services.campaigns.dashboard(admin, campaign.id, {});
  out.rootHeld = { total: check.totals.total, held: check.totals.held, children: check.children.length };
  out.rootDashboardMs = await sample(() => services.campaigns.dashboard(admin, campaign.id, {}));
  out.provinceDashboardMs = await sample(() => services.campaigns.dashboard(admin, campaign.id, { orgId: provinceId }));
  out.rootSeriesMs = await sample(() => services.campaigns.series(admin, campaign.id, {}));
  out.rootCalendarMonthMs = await sample(() => services.campaigns.calendar(admin, campaign.id, { from: '2020-05-01', to: '2020-05-31' }));
  const pd = await services.campaigns.dashboard(admin, campaign.id, { orgId: provinceId });
  out.provinceFigures = { total: pd.totals.total, held: pd.totals.held, heldPct: pd.totals.heldPctText };
  console.log(`[${engine}] root dashboard p50 ${(out.rootDashboardMs as { median: number }).median} ms p95 ${(out.rootDashboardMs as { p95: number }).p95} ms; province p50 ${(out.provinceDashboardMs as { median: number }).median} ms p95 ${(out.provinceDashboardMs as { p95: number }).p95} ms`);

  // ---- status changes: planned congresses move to documentsReady, one HTTP request each, as clients send them ----
  const planned = (
    await db.query<{ id: number }>(`SELECT id FROM congresses WHERE campaign_id = $1 AND status = 'planned' AND version = 1 AND level IN (3, 4) ORDER BY id LIMIT $2`, [campaign.id, CHANGES * 3])
  ).rows.map((r) => r.id);
  const app = await buildApp({ cookieSecure: false, logLevel: 'silent', webDist: '/nonexistent', rateLimitMax: 1_000_000 }, services);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  const session = async (username: string, role: 'admin' | 'viewer') => {
    await services.accounts.createUser(null, { username, fullName: username, role, scopeOrgId: rootId, password: 'Bench-password-2020' }, { mustChangePassword: false });
    const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'Bench-password-2020' }) });
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  };
  const writer = await session('bench.admin', 'admin');
  const sentAt = new Map<number, number>();
  let next = 0;
  const change = async () => {
    const id = planned[next++]!;
    sentAt.set(id, performance.now());
    const res = await fetch(`http://127.0.0.1:${port}/api/congresses/${id}/transition`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: writer.cookie, 'x-csrf-token': writer.csrf },
      body: JSON.stringify({ version: 1, to: 'documentsReady' }),
    });
    if (res.status !== 200) throw new Error(`transition ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
  const [aloneMs] = await timeIt(async () => {
    for (let i = 0; i < CHANGES; i++) await change();
  });
  out.statusChangesPerSecNoListeners = Math.round((CHANGES / aloneMs) * 1000);

  const viewer = await session('bench.viewer', 'viewer');
  const agent = new http.Agent({ keepAlive: true, maxSockets: LISTENERS + 10 });
  // Per listener: when each congress id first arrived.
  const arrived: Map<number, number>[] = Array.from({ length: LISTENERS }, () => new Map());
  const requests: http.ClientRequest[] = [];
  await Promise.all(
    Array.from(
      { length: LISTENERS },
      (_, i) =>
        new Promise<void>((resolve, reject) => {
          let buf = '';
          const req = http.get({ host: '127.0.0.1', port, agent, path: `/api/campaigns/${campaign.id}/events`, headers: { cookie: viewer.cookie } }, (res) => {
            if (res.statusCode !== 200) reject(new Error(`SSE ${res.statusCode}`));
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              const now = performance.now();
              buf += chunk;
              const parts = buf.split('\n\n');
              buf = parts.pop()!;
              for (const part of parts) {
                if (part.startsWith(': connected')) resolve();
                const m = /^event: changed\ndata: (.*)$/m.exec(part);
                if (m) for (const cid of (JSON.parse(m[1]!) as { congressIds: number[] }).congressIds) if (!arrived[i]!.has(cid)) arrived[i]!.set(cid, now);
              }
            });
          });
          req.on('error', reject);
          requests.push(req);
        }),
    ),
  );
  out.sseListenersConnected = services.campaignEvents.listenerCount(campaign.id);
  const burstIds = planned.slice(next, next + CHANGES);
  const [withMs] = await timeIt(async () => {
    for (let i = 0; i < CHANGES; i++) await change();
  });
  out.statusChangesPerSecWith200Listeners = Math.round((CHANGES / withMs) * 1000);
  await new Promise((r) => setTimeout(r, 1000));
  const lat: number[] = [];
  let missed = 0;
  for (const a of arrived)
    for (const id of burstIds) {
      const t = a.get(id);
      if (t === undefined) missed++;
      else lat.push(t - sentAt.get(id)!);
    }
  // From the moment the change request is sent to the moment each connected dashboard has the event (batched every 200 ms).
  out.eventDeliveryMsFromChangeRequest = { ...summarize(lat), listeners: LISTENERS, changes: burstIds.length, missed };
  for (const r of requests) r.destroy();
  agent.destroy();

  if (db.engine === 'postgres') {
    // 8 writers at once: the ancestors' counter rows serialize the writes (row locks, taken in key order: no deadlock).
    const [concMs] = await timeIt(async () => {
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let i = 0; i < CHANGES / 8; i++) await change();
        }),
      );
    });
    out.statusChangesPerSec8Writers = Math.round((CHANGES / concMs) * 1000);
  }
  await app.close();
  const verify = await services.campaigns.dashboard(admin, campaign.id, {});
  const docs = verify.levels.reduce((s, l) => s + l.statuses.documentsReady, 0);
  out.documentsReadyAfter = docs;
  return out;
}

export async function run() {
  const results: Record<string, unknown> = {};
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-bench-camp-'));
  try {
    const db = await openPglite(path.join(dir, 'pg'));
    await migrate(db);
    results.pglite = await measure(db, 'pglite');
    results.pgliteRssMb = Math.round(process.memoryUsage().rss / 1e6);
    await db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const base = benchPostgresUrl();
  if (base) {
    const { db, cleanup } = await openBenchPostgres(base, 'camp', 12);
    try {
      await migrate(db);
      results.postgres = await measure(db, 'postgres');
    } finally {
      await cleanup();
    }
  } else {
    console.log('PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
    results.postgres = 'pending: set BENCH_DATABASE_URL or TEST_DATABASE_URL';
  }
  results.goals = { provinceDashboardP95Ms: { postgres: 100 }, rootDashboardP95Ms: { postgres: 300 }, eventDeliveryMs: 1000, listeners: LISTENERS };
  results.pending = ['several server processes (events are in-process; PostgreSQL LISTEN/NOTIFY would relay them)', 'browser rendering of the dashboards'];
  return { bench: 'campaigns', ...results };
}
