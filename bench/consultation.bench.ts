// `npm run bench -- consultation` (issue 6). A national-shaped tree (63 provinces × ~11 districts
// × ~30 grassroots units), a campaign with a congress per unit, the central draft with 40
// sections, and one consultation round for the whole tree. Measured:
//   - ingest through the service's bulk path (`consultations.ingest`: scope and audience checks,
//     one multi-row INSERT … SELECT FROM unnest per batch of 5,000, counters kept by statement
//     triggers, one audit entry per batch): 1,000,000 comments on PostgreSQL with BENCH_WRITERS
//     concurrent writers (default 4), a smaller count on PGlite (one connection, one writer);
//   - after grouping a few thousand comments into themes (some rolled up from provinces), the
//     synthesis page of the busiest section through the real HTTP server (GET …/synthesis/section),
//     for the whole country and for one province, p50/p95; and the overview page.
// The summary-report helper's `benchSummaryReport()` (bench/summary-report.ts) is run too when it
// exists and its figures are merged under `summaryReport`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Db } from '../server/src/platform/db/db.ts';
import { openPglite } from '../server/src/platform/db/pglite.ts';
import { migrate } from '../server/src/platform/db/migrate.ts';
import { bulkLoadTree, type BulkNode } from '../server/src/domains/organizations/tree-bulk-load.ts';
import type { Actor } from '../server/src/platform/audit/audit.ts';
import { composeServices } from '../server/src/composition.ts';
import { buildApp } from '../server/src/app.ts';
import { mulberry32 } from '../server/src/demo/seed.ts';
import { benchPostgresUrl, openBenchPostgres } from './bench-postgres.ts';
import { summarize, timeIt } from './stats.ts';

const PG_COMMENTS = Number(process.env.BENCH_COMMENTS ?? 1_000_000);
const PGLITE_COMMENTS = Number(process.env.BENCH_PGLITE_COMMENTS ?? 200_000);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 4);
const BATCH = 5000;
const ITER = Number(process.env.BENCH_ITER ?? 60);
const SECTIONS = 40;
const ms = (n: number) => Math.round(n);

function tree(): BulkNode[] {
  const rnd = mulberry32(14);
  const nodes: BulkNode[] = [{ key: 'VN', parentKey: null, name: 'Đảng Cộng sản Việt Nam', typeCode: 'central', kindCode: 'other', fullMembers: 0, probationaryMembers: 0 }];
  for (let p = 1; p <= 63; p++) {
    nodes.push({ key: `P${p}`, parentKey: 'VN', name: `Đảng bộ tỉnh số ${p}`, typeCode: 'province', kindCode: 'territorial', fullMembers: 0, probationaryMembers: 0 });
    for (let d = 1; d <= 10 + Math.floor(rnd() * 3); d++) {
      nodes.push({ key: `P${p}D${d}`, parentKey: `P${p}`, name: `Đảng bộ huyện số ${d} tỉnh ${p}`, typeCode: 'district', kindCode: 'territorial', fullMembers: 0, probationaryMembers: 0 });
      for (let g = 1; g <= 25 + Math.floor(rnd() * 10); g++)
        nodes.push({ key: `P${p}D${d}G${g}`, parentKey: `P${p}D${d}`, name: `Đảng bộ xã số ${g}`, typeCode: 'grassrootsCommittee', kindCode: 'territorial', fullMembers: 20 + g, probationaryMembers: 1 });
    }
  }
  return nodes;
}

const proposals = [
  'đề nghị bổ sung giải pháp phát triển nguồn nhân lực chất lượng cao',
  'đề nghị làm rõ nguyên nhân của hạn chế trong cải cách hành chính',
  'nhất trí với dự thảo, đề nghị nhấn mạnh chuyển đổi số',
  'đề nghị cân nhắc chỉ tiêu tăng trưởng cho phù hợp thực tiễn',
  'đề nghị bổ sung nội dung về bảo vệ môi trường và ứng phó biến đổi khí hậu',
  'đề nghị làm rõ cơ chế kiểm soát quyền lực trong công tác cán bộ',
];

async function measure(db: Db, engine: 'pglite' | 'postgres', count: number, writers: number) {
  const out: Record<string, unknown> = { comments: count, writers };
  const nodes = tree();
  const ids = await db.transaction((tx) => bulkLoadTree(tx, nodes));
  out.organizations = nodes.length;
  const rootId = ids.get('VN')!;
  const clock = { now: () => new Date('2020-09-15T03:00:00Z') };
  const services = composeServices(db, { sessionTtlHours: 8, loginMaxFailures: 5, loginWindowMinutes: 15 }, clock);
  const actor: Actor = { userId: 0, username: 'bench', role: 'admin', scopeOrgId: rootId, scopePath: String(rootId) };
  const campaign = await services.campaigns.create(actor, { name: 'Đại hội XIII', preset: 'CT35-2019', rootOrgId: rootId });
  const congress = await db.query<{ id: number }>(`SELECT id FROM congresses WHERE campaign_id = $1 AND org_id = $2`, [campaign.id, rootId]);
  const { documents, consultations, synthesis } = services.documents;
  const doc = await documents.createDocument(actor, congress.rows[0]!.id, { docType: 'politicalReport', title: 'Dự thảo Báo cáo chính trị trình Đại hội XIII' });
  const text = Array.from({ length: SECTIONS }, (_, i) => (i % 8 === 0 ? `${'IVX'[i % 3]}. Phần ${i / 8 + 1}` : `Đoạn ${i}: nội dung dự thảo về nhiệm vụ, giải pháp phát triển đất nước số ${i}.`)).join('\n');
  const version = await documents.addVersion(actor, doc.id, { text });
  const round = await consultations.create(actor, doc.id, {
    versionId: version.id,
    title: 'Lấy ý kiến nhân dân vào dự thảo văn kiện Đại hội XIII',
    audienceOrgId: rootId,
    members: true,
    orgs: true,
    public: true,
    opensAt: '2020-09-01T00:00:00+07:00',
    closesAt: '2020-10-31T00:00:00+07:00',
  });
  const grassroots = nodes.filter((n) => n.typeCode === 'grassrootsCommittee').map((n) => ids.get(n.key)!);
  const keys = Array.from({ length: SECTIONS }, (_, i) => `s${i + 1}`).filter((_, i) => i % 8 !== 0);
  const hot = keys[0]!;
  const rnd = mulberry32(13);
  // A quarter of the comments on the busiest section, the rest spread.
  const batchRows = (b: number) =>
    Array.from({ length: BATCH }, (_, i) => ({
      sectionKey: rnd() < 0.25 ? hot : keys[Math.floor(rnd() * keys.length)]!,
      body: `Ý kiến số ${b * BATCH + i}: ${proposals[Math.floor(rnd() * proposals.length)]}.`,
      authorOrgId: grassroots[Math.floor(rnd() * grassroots.length)]!,
    }));
  const batches = Math.ceil(count / BATCH);
  let nextBatch = 0;
  const worker = async () => {
    for (let b = nextBatch++; b < batches; b = nextBatch++) await consultations.ingest(actor, round.id, { rows: batchRows(b) });
  };
  const [ingestMs] = await timeIt(() => Promise.all(Array.from({ length: writers }, worker)));
  const stored = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM consultation_comments WHERE consultation_id = $1`, [round.id])).rows[0]!.n;
  out.ingested = stored;
  out.ingestMs = ms(ingestMs);
  out.ingestPerSec = Math.round((stored / ingestMs) * 1000);
  console.log(`[${engine}] ingested ${stored} comments in ${ms(ingestMs)} ms = ${out.ingestPerSec}/s (${writers} writer(s), batches of ${BATCH})`);
  await db.exec('ANALYZE');

  // A synthesis in progress: national themes holding 3,000 comments of the busiest section, and
  // a province's theme with its own comments rolled up into one of them.
  const province = ids.get('P7')!;
  const first = await synthesis.section(actor, round.id, { sectionKey: hot, offset: 0, limit: 200 });
  for (let t = 0; t < 5; t++) {
    const theme = await synthesis.createTheme(actor, round.id, { orgId: rootId, sectionKey: hot, title: `Nhóm vấn đề ${t + 1}` });
    const pick = await db.query<{ id: number }>(
      `SELECT id FROM consultation_comments WHERE consultation_id = $1 AND section_key = $2 AND theme_id IS NULL AND status = 'visible' ORDER BY id LIMIT 600`,
      [round.id, hot],
    );
    for (let s = 0; s < pick.rows.length; s += 1000) await synthesis.assign(actor, round.id, { orgId: rootId, commentIds: pick.rows.slice(s, s + 1000).map((r) => Number(r.id)), themeId: theme.id });
    await synthesis.setQuotes(actor, theme.id, pick.rows.slice(0, 3).map((r) => Number(r.id)));
    await synthesis.updateTheme(actor, theme.id, { version: 1, response: 'accepted', responseText: 'Tiếp thu.' });
  }
  const pTheme = await synthesis.createTheme(actor, round.id, { orgId: province, sectionKey: hot, title: 'Ý kiến của tỉnh số 7' });
  const pSection = await synthesis.section(actor, round.id, { orgId: province, sectionKey: hot, offset: 0, limit: 200 });
  await synthesis.assign(actor, round.id, { orgId: province, commentIds: pSection.unthemed.items.map((c) => c.id), themeId: pTheme.id });
  await synthesis.updateTheme(actor, pTheme.id, { version: 1, parentId: first.themes[0]?.id ?? (await synthesis.section(actor, round.id, { sectionKey: hot, offset: 0, limit: 1 })).themes[0]!.id });
  await db.exec('ANALYZE');

  // Through the real HTTP server, as the synthesis page asks for it.
  const app = await buildApp({ cookieSecure: false, logLevel: 'silent', webDist: '/nonexistent', rateLimitMax: 1_000_000 }, services);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  try {
    await services.accounts.createUser(null, { username: 'bench.synth', fullName: 'Tổng hợp', role: 'organizer', scopeOrgId: rootId, password: 'Bench-password-2020' }, { mustChangePassword: false });
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench.synth', password: 'Bench-password-2020' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const get = async (p: string) => {
      const res = await fetch(`http://127.0.0.1:${port}/api${p}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`${p}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const sample = async (p: string) => {
      await get(p);
      const s: number[] = [];
      for (let i = 0; i < ITER; i++) s.push((await timeIt(() => get(p)))[0]);
      return summarize(s);
    };
    const hotCount = (await get(`/consultations/${round.id}/synthesis/section?sectionKey=${hot}`)) as { counts: { total: number } };
    out.busiestSectionComments = hotCount.counts.total;
    out.synthesisSectionNationMs = await sample(`/consultations/${round.id}/synthesis/section?sectionKey=${hot}`);
    out.synthesisSectionNationPage50Ms = await sample(`/consultations/${round.id}/synthesis/section?sectionKey=${hot}&offset=5000`);
    out.synthesisSectionProvinceMs = await sample(`/consultations/${round.id}/synthesis/section?sectionKey=${hot}&orgId=${province}`);
    out.synthesisOverviewNationMs = await sample(`/consultations/${round.id}/synthesis`);
    out.synthesisOverviewProvinceMs = await sample(`/consultations/${round.id}/synthesis?orgId=${province}`);
    const p95 = (k: string) => (out[k] as { p95: number }).p95;
    console.log(
      `[${engine}] synthesis page (${out.busiestSectionComments} comments in the section): nation p95 ${p95('synthesisSectionNationMs')} ms, province p95 ${p95('synthesisSectionProvinceMs')} ms; overview nation p95 ${p95('synthesisOverviewNationMs')} ms`,
    );
  } finally {
    await app.close();
  }
  return out;
}

export async function run() {
  const results: Record<string, unknown> = {};
  const url = benchPostgresUrl();
  if (url) {
    const pg = await openBenchPostgres(url, 'consultation', Math.max(10, WRITERS + 4));
    try {
      await migrate(pg.db);
      results.postgres = await measure(pg.db, 'postgres', PG_COMMENTS, WRITERS);
    } finally {
      await pg.cleanup();
    }
  } else console.log('PostgreSQL not configured (BENCH_DATABASE_URL / TEST_DATABASE_URL): only PGlite measured.');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-bench-consultation-'));
  try {
    const db = await openPglite(path.join(dir, 'pg'));
    await migrate(db);
    results.pglite = await measure(db, 'pglite', PGLITE_COMMENTS, 1);
    await db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  results.goals = { ingestPerSecPostgres: 5000, synthesisSectionP95Ms: 200, summaryReportMs: 5000 };
  if (process.env.BENCH_SUMMARY === '0') results.summaryReport = 'skipped (BENCH_SUMMARY=0)';
  else if (fs.existsSync(new URL('./summary-report.ts', import.meta.url))) {
    const mod = (await import('./summary-report.ts')) as { benchSummaryReport?: () => Promise<Record<string, number>> };
    if (mod.benchSummaryReport) results.summaryReport = await mod.benchSummaryReport();
  } else results.summaryReport = 'bench/summary-report.ts not present';
  return results;
}
