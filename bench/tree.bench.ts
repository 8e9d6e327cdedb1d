import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../server/src/platform/db/db.ts';
import { openPglite } from '../server/src/platform/db/pglite.ts';
import { benchPostgresUrl, openBenchPostgres } from './bench-postgres.ts';
import { migrate } from '../server/src/platform/db/migrate.ts';
import { bulkLoadTree } from '../server/src/domains/organizations/tree-bulk-load.ts';
import { createOrganizationsService } from '../server/src/domains/organizations/organizations.service.ts';
import type { Actor } from '../server/src/platform/audit/audit.ts';
import { nationalTree } from './national-tree.ts';
import { summarize, timeIt } from './stats.ts';
import { measureTreePage } from './tree-page.bench.ts';

const ITER = Number(process.env.BENCH_ITER ?? 40);

async function measure(db: Db, engine: string) {
  const out: Record<string, unknown> = {};
  for (const shape of ['2020', '2025'] as const) {
    const nodes = nationalTree(shape);
    const members = nodes.reduce((s, n) => s + n.fullMembers + n.probationaryMembers, 0);
    const [importMs, ids] = await timeIt(() => db.transaction((tx) => bulkLoadTree(tx, nodes)));
    await db.exec('ANALYZE organizations');
    const rootId = ids.get(`VN${shape}`)!;
    const provinceId = ids.get(`VN${shape}-P7`)!;
    const rootPath = String(rootId);
    const orgs = createOrganizationsService({ db });
    const actor: Actor = { userId: 0, username: 'bench', role: 'viewer', scopeOrgId: rootId, scopePath: rootPath };
    await orgs.rollup(actor, rootId); // warm caches once
    const rootSamples: number[] = [];
    for (let i = 0; i < ITER; i++) rootSamples.push((await timeIt(() => orgs.rollup(actor, rootId)))[0]);
    const provSamples: number[] = [];
    for (let i = 0; i < ITER; i++) provSamples.push((await timeIt(() => orgs.rollup(actor, provinceId)))[0]);
    const childSamples: number[] = [];
    for (let i = 0; i < ITER; i++) childSamples.push((await timeIt(() => orgs.children(actor, provinceId, false)))[0]);
    const check = await orgs.rollup(actor, rootId);
    const row = {
      nodes: nodes.length,
      membersGenerated: members,
      membersRolledUp: check.fullMembers + check.probationaryMembers,
      importMs: Math.round(importMs),
      importNodesPerSec: Math.round((nodes.length / importMs) * 1000),
      rootRollupMs: summarize(rootSamples),
      provinceRollupMs: summarize(provSamples),
      provinceChildrenMs: summarize(childSamples),
    };
    console.log(`[${engine}] shape ${shape}: ${row.nodes} nodes, ${row.membersRolledUp} members; import ${row.importMs} ms; root roll-up median ${row.rootRollupMs.median} ms p95 ${row.rootRollupMs.p95} ms; province roll-up median ${row.provinceRollupMs.median} ms p95 ${row.provinceRollupMs.p95} ms`);
    if (row.membersRolledUp !== members) throw new Error('roll-up does not add up');
    out[shape] = row;
  }
  return out;
}

export async function run() {
  const results: Record<string, unknown> = {};
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-bench-'));
  try {
    const rssBefore = process.memoryUsage().rss;
    const db = await openPglite(path.join(dir, 'pg'));
    await migrate(db);
    results.pglite = await measure(db, 'pglite');
    results.pgliteServerRssMb = Math.round(process.memoryUsage().rss / 1e6);
    results.pgliteRssGrowthMb = Math.round((process.memoryUsage().rss - rssBefore) / 1e6);
    await db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const base = benchPostgresUrl();
  if (base) {
    const { db, cleanup } = await openBenchPostgres(base, 'tree');
    try {
      await migrate(db);
      results.postgres = await measure(db, 'postgres');
    } finally {
      await cleanup();
    }
  } else {
    console.log('PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
  }
  results.browser = await measureTreePage();
  results.goals = { rootRollupP95Ms: { postgres: 50, pglite: 150 }, treePageFirstPaintMs: 1000 };
  return { bench: 'tree', ...results };
}
