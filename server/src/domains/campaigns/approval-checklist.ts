/**
 * The congress approval checklist: sources from every domain, read in the caller's transaction.
 * The campaigns domain contributes its own items (dates, notice, pilots' lessons, safety plan);
 * personnel, documents… export an `ApprovalCheckSource` and are wired in composition.ts.
 */
import type { Queryable } from '../../platform/db/db.ts';
import { campaignsRepo } from './campaigns.repository.ts';
import { evaluate } from './congress-evaluation.ts';
import { type ApprovalCheckItem, campaignApprovalItems, verdictOf, type ApprovalVerdict } from './approval-rules.ts';

export type { ApprovalCheckItem } from './approval-rules.ts';

export type ApprovalCongressRef = { id: number; orgId: number; campaignId: number };
export type ApprovalCheckSource = (q: Queryable, congress: ApprovalCongressRef) => Promise<ApprovalCheckItem[]>;

/**
 * A hard condition for recording a congress as held (no override, unlike the approval
 * checklist): the delegates domain's quorum at the opening (Charter Đ11 K6). Null: no objection.
 */
export type OpeningCheck = (q: Queryable, congress: ApprovalCongressRef) => Promise<{ code: string; message: string } | null>;

/** The first refusal among the opening checks, or null. */
export async function runOpeningChecks(q: Queryable, congress: ApprovalCongressRef, checks: readonly OpeningCheck[]) {
  for (const check of checks) {
    const refusal = await check(q, congress);
    if (refusal) return refusal;
  }
  return null;
}

/** Pilot lessons of the congress' level, and the congress' latest "read" confirmation. */
export async function lessonsReadState(q: Queryable, congress: { id: number; campaign_id: number; level: number }) {
  const r = await q.query<{ lessons: number; seen: number | null; by: string | null; at: Date | null }>(
    `SELECT (SELECT count(*)::int FROM congresses p JOIN congress_lessons l ON l.congress_id = p.id
              WHERE p.campaign_id = $2 AND p.level = $3 AND p.is_pilot AND p.id <> $1) AS lessons,
            r.lessons_seen AS seen, r.read_by_name AS by, r.read_at AS at
       FROM (SELECT 1) x LEFT JOIN LATERAL (SELECT lessons_seen, read_by_name, read_at FROM congress_lessons_read WHERE congress_id = $1 ORDER BY id DESC LIMIT 1) r ON true`,
    [congress.id, congress.campaign_id, congress.level],
  );
  const row = r.rows[0]!;
  return { lessons: row.lessons, seen: row.seen, by: row.by, at: row.at ? row.at.toISOString() : null };
}

/** The campaigns domain's own items. */
export const campaignsApprovalSource: ApprovalCheckSource = async (q, ref) => {
  const row = (await campaignsRepo.congress(q, ref.id))!;
  const campaign = (await campaignsRepo.byId(q, row.campaign_id))!;
  const ev = evaluate(row, campaign, await campaignsRepo.grassrootsLevel(q));
  const [lessons, sessions] = await Promise.all([
    lessonsReadState(q, row),
    q.query<{ kind: 'preparatory' | 'official'; n: number }>(`SELECT kind, count(*)::int AS n FROM congress_sessions WHERE congress_id = $1 GROUP BY kind`, [row.id]),
  ]);
  const count = (k: string) => sessions.rows.find((s) => s.kind === k)?.n ?? 0;
  return campaignApprovalItems({
    isPilot: row.is_pilot,
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    warnings: ev.warnings,
    warningsAcceptedReason: row.warnings_accepted_reason,
    noticeDate: row.notice_date,
    noticeWorkingDays: ev.facts.noticeWorkingDays,
    noticeNeeded: campaign.settings.noticeWorkingDays,
    noticeLatest: ev.facts.noticeLatest,
    pilotLessons: lessons.lessons,
    lessonsReadCount: lessons.seen,
    lessonsReadBy: lessons.by,
    epidemicPlanActive: campaign.settings.epidemicPlan.active,
    sessions: { preparatory: count('preparatory'), official: count('official') },
  });
};

/** Runs every source one after the other (PGlite has one connection) and judges the result. */
export async function runApprovalChecks(q: Queryable, ref: ApprovalCongressRef, sources: readonly ApprovalCheckSource[]): Promise<ApprovalVerdict> {
  const items: ApprovalCheckItem[] = [];
  for (const source of sources) items.push(...(await source(q, ref)));
  return verdictOf(items);
}
