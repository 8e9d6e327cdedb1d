// The composition check of a 1,000-name candidate list (issue 5, goal under 50 ms), imported by
// `npm run bench -- delegates` (merged into its figures) or alone with `npm run bench -- composition`. Measured on PGlite:
//   - the pure check alone (composition-rules.ts over 1,000 people, the 2025–2030 targets);
//   - the check as the congress personnel page gets it: the service reads the plan and the
//     1,000 candidates with their posts and complaints, and computes eligibility and composition;
//   - the check as the approval checklist runs it (list, complaints, eligibility, composition).
// The service's first call (cold: JIT, PGlite heap) is reported apart, then 3 untimed calls.
import type { Actor } from '../server/src/platform/audit/audit.ts';
import { openPglite } from '../server/src/platform/db/pglite.ts';
import { migrate } from '../server/src/platform/db/migrate.ts';
import { bulkLoadTree, type BulkNode } from '../server/src/domains/organizations/tree-bulk-load.ts';
import { composeServices } from '../server/src/composition.ts';
import { checkComposition, compositionPresets, type CompositionPerson } from '../server/src/domains/personnel/composition-rules.ts';
import { foldVietnamese } from '../shared/src/text.ts';
import { summarize, timeIt } from './stats.ts';

const NAMES = 1000;
const ITER = Number(process.env.BENCH_ITER ?? 50);
const WARMUP = 3;
const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const given = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hương', 'Khánh', 'Lan', 'Minh', 'Nga', 'Phong', 'Quang', 'Thảo', 'Vân'];

/** A deterministic list: a third women, ages 33–59, some minorities, some S&T cadres, half incumbents. */
function people(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    fullName: `${families[i % families.length]} ${i % 3 === 0 ? 'Thị' : 'Văn'} ${given[i % given.length]} ${i}`,
    gender: (i % 3 === 0 ? 'female' : 'male') as 'male' | 'female',
    birthDate: `${1966 + (i % 27)}-${String((i % 12) + 1).padStart(2, '0')}-15`,
    ethnicity: i % 9 === 0 ? 'Tày' : 'Kinh',
    sciTech: i % 20 === 0,
    incumbent: i % 2 === 0,
    standing: i % 10 === 0,
  }));
}

export async function benchComposition(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const list = people(NAMES);
  const preset = compositionPresets['2025-2030'];
  const pure: number[] = [];
  for (let i = 0; i < ITER * 4; i++) {
    const t0 = performance.now();
    checkComposition(list as CompositionPerson[], preset.targets, { onDate: '2025-09-01', bands: preset.bands, mergedUnit: false });
    pure.push(performance.now() - t0);
  }
  const p = summarize(pure);
  out.compositionPureP50Ms = p.median;
  out.compositionPureP95Ms = p.p95;

  const db = await openPglite(undefined);
  try {
    await migrate(db);
    const nodes: BulkNode[] = [
      { key: 'QN', parentKey: null, name: 'Đảng bộ tỉnh Quảng Ninh', typeCode: 'province', kindCode: 'territorial', fullMembers: 0, probationaryMembers: 0 },
      { key: 'QN-MC', parentKey: 'QN', name: 'Đảng bộ thành phố Móng Cái', typeCode: 'district', kindCode: 'territorial', fullMembers: 0, probationaryMembers: 0 },
    ];
    const ids = await db.transaction((tx) => bulkLoadTree(tx, nodes));
    const root = ids.get('QN')!;
    const mc = ids.get('QN-MC')!;
    const services = composeServices(db, { sessionTtlHours: 8, loginMaxFailures: 5, loginWindowMinutes: 15 }, { now: () => new Date('2025-05-15T03:00:00Z') });
    await services.accounts.createUser(null, { username: 'bench', fullName: 'Bench', role: 'admin', scopeOrgId: root, password: 'Bench-2025-mat-khau' }, { mustChangePassword: false });
    const userId = (await db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'bench'`)).rows[0]!.id;
    const admin: Actor = { userId, username: 'bench', role: 'admin', scopeOrgId: root, scopePath: String(root) };
    const campaign = await services.campaigns.create(admin, { name: 'Nhiệm kỳ 2025–2030', preset: 'CT45-2025', rootOrgId: root });
    const congressId = (await db.query<{ id: number }>(`SELECT id FROM congresses WHERE campaign_id = $1 AND org_id = $2`, [campaign.id, mc])).rows[0]!.id;
    await services.congressPersonnel.savePlan(admin, congressId, { preset: '2025-2030', committeeSize: 500, standingSize: 60 });
    // 1,000 people on the list, written set-wise (the per-name route is measured by the integration tests).
    await db.transaction(async (tx) => {
      const r = await tx.query<{ id: number }>(
        `INSERT INTO persons (org_id, full_name, search_text, birth_date, gender, ethnicity, sci_tech)
         SELECT $1, t.n, t.s, t.b::date, t.g, t.e, t.st FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bool[]) AS t(n, s, b, g, e, st) RETURNING id`,
        [mc, list.map((x) => x.fullName), list.map((x) => foldVietnamese(x.fullName)), list.map((x) => x.birthDate), list.map((x) => x.gender), list.map((x) => x.ethnicity), list.map((x) => x.sciTech)],
      );
      await tx.query(
        `INSERT INTO congress_candidates (congress_id, person_id, position, candidacy, incumbent, standing_proposed)
         SELECT $1, t.id, t.ord, 'firstTime', t.inc, t.st FROM unnest($2::int[], $3::bool[], $4::bool[]) WITH ORDINALITY AS t(id, inc, st, ord)`,
        [congressId, r.rows.map((x) => x.id), list.map((x) => x.incumbent), list.map((x) => x.standing)],
      );
    });
    // The first calls compile the rules and grow PGlite's heap: shown apart (first call), then a few
    // more untimed ones, so the percentiles describe the service as it runs, not its start-up.
    const [firstMs] = await timeIt(() => services.congressPersonnel.view(admin, congressId));
    out.compositionServiceFirstCallMs = Math.round(firstMs * 100) / 100;
    for (let i = 0; i < WARMUP; i++) await services.congressPersonnel.view(admin, congressId);
    const served: number[] = [];
    let checked = 0;
    for (let i = 0; i < ITER; i++) {
      const [t, view] = await timeIt(() => services.congressPersonnel.view(admin, congressId));
      served.push(t);
      checked = view.candidates.length;
    }
    // The check alone as the server runs it for the approval checklist: list read, eligibility, composition.
    const checked2: number[] = [];
    const campaignRef = { id: congressId, orgId: mc, campaignId: campaign.id };
    for (let i = 0; i < WARMUP; i++) await services.congressPersonnel.approvalSource(db, campaignRef);
    for (let i = 0; i < ITER; i++) checked2.push((await timeIt(() => services.congressPersonnel.approvalSource(db, campaignRef)))[0]);
    const c = summarize(checked2);
    out.checkFromDatabaseP50Ms = c.median;
    out.checkFromDatabaseP95Ms = c.p95;
    const s = summarize(served);
    out.namesChecked = checked;
    out.compositionServiceP50Ms = s.median;
    out.compositionServiceP95Ms = s.p95;
    out.goalMs = 50;
  } finally {
    await db.close();
  }
  for (const [k, v] of Object.entries(out)) console.log(`${k}: ${v}`);
  return out;
}
