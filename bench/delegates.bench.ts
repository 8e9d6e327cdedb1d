// Issue 5's benchmark: checking in 1,500 delegates by the code on their badges, through the real
// HTTP server, one request per delegate. The figure is the server's own time per check-in
// (Fastify's elapsed time, request in to response out; goal p95 under 20 ms), with the round
// trip seen by the client beside it. One door (sequential) and three doors at once. On PGlite
// and, when BENCH_DATABASE_URL / TEST_DATABASE_URL is set, on PostgreSQL. The personnel helper's
// composition check of a 1,000-name list is merged in from bench/composition.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../server/src/app.ts';
import { composeServices } from '../server/src/composition.ts';
import type { Db } from '../server/src/platform/db/db.ts';
import { openPglite } from '../server/src/platform/db/pglite.ts';
import { migrate } from '../server/src/platform/db/migrate.ts';
import { bulkLoadTree, type BulkNode } from '../server/src/domains/organizations/tree-bulk-load.ts';
import { foldVietnamese } from '../shared/src/text.ts';
import { benchPostgresUrl, openBenchPostgres } from './bench-postgres.ts';
import { summarize } from './stats.ts';

const DELEGATES = 1500;
const DISTRICTS = 30;

async function openBenchDb(engine: 'pglite' | 'postgres'): Promise<{ db: Db; cleanup: () => Promise<void> }> {
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-bench-dl-'));
    const db = await openPglite(path.join(dir, 'pg'));
    return {
      db,
      cleanup: async () => {
        await db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  return openBenchPostgres(benchPostgresUrl()!, 'dl', 10);
}

async function runOn(engine: 'pglite' | 'postgres') {
  const { db, cleanup } = await openBenchDb(engine);
  await migrate(db);
  const nodes: BulkNode[] = [{ key: 'P', parentKey: null, name: 'Đảng bộ tỉnh Thử', typeCode: 'province', kindCode: 'territorial', fullMembers: 0, probationaryMembers: 0 }];
  for (let i = 0; i < DISTRICTS; i++) nodes.push({ key: `P-${i}`, parentKey: 'P', name: `Đảng bộ huyện Số ${i + 1}`, typeCode: 'district', kindCode: 'territorial', fullMembers: 2000 + 37 * i, probationaryMembers: 40 });
  const ids = await db.transaction((tx) => bulkLoadTree(tx, nodes));
  const services = composeServices(db, { sessionTtlHours: 8, loginMaxFailures: 50, loginWindowMinutes: 15 });
  const pw = 'Mat-khau-bench-2020';
  await services.accounts.createUser(null, { username: 'bench.admin', fullName: 'Ban Tổ chức', role: 'admin', scopeOrgId: ids.get('P')!, password: pw }, { mustChangePassword: false });
  const session = await services.accounts.resolveSession((await services.accounts.login('bench.admin', pw, 'bench')).token, 'bench');
  const campaign = await services.campaigns.create(session.actor, { name: 'Nhiệm kỳ thử', preset: 'CT35-2019', rootOrgId: ids.get('P')! } as Parameters<typeof services.campaigns.create>[1]);
  const congressId = (await db.query<{ id: number }>(`SELECT id FROM congresses WHERE campaign_id = $1 AND org_id = $2`, [campaign.id, ids.get('P')!])).rows[0]!.id;
  await db.query(`UPDATE congresses SET form = 'delegates', planned_start = '2020-10-14', planned_end = '2020-10-16' WHERE id = $1`, [congressId]);
  // The register is set up in bulk: the check-ins are what is measured.
  await db.transaction(async (tx) => {
    for (let k = 0; k < DELEGATES; k += 500) {
      const rows = Array.from({ length: Math.min(500, DELEGATES - k) }, (_, j) => {
        const i = k + j;
        const name = `Đại biểu Thử ${i + 1}`;
        return [congressId, name, foldVietnamese(name), `19${60 + (i % 30)}-01-${String(1 + (i % 28)).padStart(2, '0')}`, ids.get(`P-${i % DISTRICTS}`)!, i < 60 ? 'exOfficio' : 'official'];
      });
      await tx.query(
        `INSERT INTO delegates (congress_id, full_name, name_key, birth_date, delegation_org_id, kind)
         SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::date[], $5::int[], $6::text[])`,
        [0, 1, 2, 3, 4, 5].map((c) => rows.map((r) => r[c])),
      );
    }
  });
  const codes = (await services.delegates.register(session.actor, congressId)).delegates.map((d) => d.badgeCode!);
  const { id: sessionId } = await services.delegates.addSession(session.actor, congressId, { label: 'Phiên khai mạc', date: '2020-10-14', kind: 'official' });
  const { id: session2 } = await services.delegates.addSession(session.actor, congressId, { label: 'Phiên thứ hai', date: '2020-10-15', kind: 'official' });

  const app = await buildApp({ cookieSecure: false, logLevel: 'silent', webDist: '/nonexistent', rateLimitMax: 1_000_000 }, services);
  const serverMs: number[] = [];
  app.addHook('onResponse', async (req, reply) => {
    if (req.url.endsWith('/check-in')) serverMs.push(reply.elapsedTime);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench.admin', password: pw }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const checkIn = async (sid: number, code: string) => {
    const t0 = performance.now();
    const r = await fetch(`${base}/api/congresses/${congressId}/check-in`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify({ sessionId: sid, code, method: 'scan' }) });
    const body = (await r.json()) as { status?: string };
    if (r.status !== 200 || body.status !== 'checkedIn') throw new Error(`check-in ${code}: ${r.status} ${JSON.stringify(body)}`);
    return performance.now() - t0;
  };
  try {
    // One door: 1,500 delegates one after the other.
    const roundTrip: number[] = [];
    const t0 = performance.now();
    for (const code of codes) roundTrip.push(await checkIn(sessionId, code));
    const oneDoorSeconds = (performance.now() - t0) / 1000;
    const server1 = summarize(serverMs.splice(0));
    const rt1 = summarize(roundTrip);
    console.log(`[${engine}] one door, ${DELEGATES} check-ins: server median ${server1.median} ms p95 ${server1.p95} ms; round trip median ${rt1.median} ms p95 ${rt1.p95} ms; ${Math.round(DELEGATES / oneDoorSeconds)} check-ins/s`);
    // Three doors at once, the next session.
    const doors = [0, 1, 2].map((d) => codes.filter((_, i) => i % 3 === d));
    await Promise.all(doors.map(async (list) => { for (const code of list) await checkIn(session2, code); }));
    const server3 = summarize(serverMs.splice(0));
    console.log(`[${engine}] three doors at once: server median ${server3.median} ms p95 ${server3.p95} ms`);
    // The quorum panel after the last arrival.
    const q0 = performance.now();
    const q = await fetch(`${base}/api/congresses/${congressId}/quorum?sessionId=${sessionId}`, { headers: { cookie } });
    const quorum = (await q.json()) as { ok: boolean; present: number };
    const quorumMs = Math.round((performance.now() - q0) * 10) / 10;
    if (!quorum.ok || quorum.present !== DELEGATES) throw new Error(`quorum: ${JSON.stringify(quorum)}`);
    console.log(`[${engine}] quorum panel with ${DELEGATES} present: ${quorumMs} ms`);
    return {
      checkInServerMedianMs: server1.median,
      checkInServerP95Ms: server1.p95,
      checkInRoundTripP95Ms: rt1.p95,
      threeDoorsServerP95Ms: server3.p95,
      quorumMs,
      checkInsPerSecond: Math.round(DELEGATES / oneDoorSeconds),
    };
  } finally {
    await app.close();
    await cleanup();
  }
}

export async function run() {
  const out: Record<string, unknown> = { delegates: DELEGATES, goalP95Ms: 20 };
  for (const engine of ['pglite', ...(benchPostgresUrl() ? ['postgres' as const] : [])] as const) out[engine] = await runOn(engine);
  if (!benchPostgresUrl()) console.log('PostgreSQL not measured: set BENCH_DATABASE_URL or TEST_DATABASE_URL.');
  // The personnel helper's composition check (same issue), when its benchmark is present.
  const compositionFile = new URL('./composition.ts', import.meta.url);
  if (fs.existsSync(compositionFile)) {
    const { benchComposition } = (await import('./composition.ts')) as { benchComposition: () => Promise<Record<string, number>> };
    out.composition = await benchComposition();
  } else console.log('bench/composition.ts not found: the composition check is not measured here.');
  return out;
}
