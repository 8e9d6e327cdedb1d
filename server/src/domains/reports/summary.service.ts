import type { Db } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/http/errors.ts';
import type { CampaignsService } from '../campaigns/index.ts';
import { orgsRepo } from '../organizations/organizations.repository.ts';
import { todayVn } from '../campaigns/congress-evaluation.ts';
import type { SummaryQuery, SummaryReport } from '../../../../shared/src/contracts/reports.ts';
import { type SectionBuilder, summarySections } from './summary-sections.ts';
import { summaryDocx } from './summary-docx.ts';
import { summaryWorkbook } from './summary-workbook.ts';

/**
 * The campaign's summary report for one organization of it: every figure computed from the
 * data when asked. Scope: the campaign's dashboard (campaigns service) resolves the organization
 * and refuses one outside the reader's subtree (403 ORG_OUT_OF_SCOPE), so the report can never
 * cover more than its dashboard could show.
 */
export function createSummaryService(deps: { db: Db; clock: Clock; campaigns: CampaignsService; sections?: SectionBuilder[] }) {
  const { db, clock, campaigns } = deps;
  const sections = deps.sections ?? summarySections;
  const present = new Map<string, boolean>();

  async function tablesExist(names: string[]): Promise<boolean> {
    for (const t of names) {
      // Once a table exists it stays (forward-only migrations); a missing one is checked again next time.
      if (present.get(t)) continue;
      const r = await db.query<{ ok: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS ok`, [t]);
      if (!r.rows[0]!.ok) return false;
      present.set(t, true);
    }
    return true;
  }

  async function build(actor: Actor, campaignId: number, q: SummaryQuery): Promise<SummaryReport> {
    const asOf = q.asOf ?? todayVn(clock);
    const dashboard = await campaigns.dashboard(actor, campaignId, { orgId: q.orgId, asOf });
    const org = await orgsRepo.byId(db, dashboard.org.id);
    if (!org) throw new DomainError('ORG_NOT_FOUND');
    let from = q.from;
    if (!from) {
      const first = await db.query<{ d: string | null }>(`SELECT min(coalesce(actual_start, planned_start))::text AS d FROM congresses WHERE campaign_id = $1 AND org_path <@ $2::ltree`, [campaignId, org.path]);
      from = first.rows[0]?.d ?? `${dashboard.campaign.termFrom}-01-01`;
    }
    if (from > asOf) from = asOf;
    const ctx = { q: db, actor, campaign: dashboard.campaign, org: { id: org.id, code: org.code, name: org.name, path: org.path }, from, asOf, dashboard };
    const out: SummaryReport['sections'] = [];
    const missing: string[] = [];
    for (const s of sections) {
      if (s.requires && !(await tablesExist(s.requires))) {
        missing.push(s.title);
        continue;
      }
      out.push({ key: s.key, title: s.title, ...(await s.build(ctx)) });
    }
    return { campaign: dashboard.campaign, org: { id: org.id, code: org.code, name: org.name }, from, asOf, sections: out, missing };
  }

  const fileBase = (r: SummaryReport) => `bao-cao-tong-ket-${r.org.code}-${r.asOf.replaceAll('-', '')}`;

  return {
    build,
    async docx(actor: Actor, campaignId: number, q: SummaryQuery) {
      const r = await build(actor, campaignId, q);
      return { fileName: `${fileBase(r)}.docx`, body: await summaryDocx(r, clock.now()) };
    },
    async xlsx(actor: Actor, campaignId: number, q: SummaryQuery) {
      const r = await build(actor, campaignId, q);
      return { fileName: `${fileBase(r)}.xlsx`, body: await summaryWorkbook(r) };
    },
  };
}
export type SummaryService = ReturnType<typeof createSummaryService>;
