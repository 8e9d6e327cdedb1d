import type { Queryable } from '../../../platform/db/db.ts';

// The two facts the minutes need that the election view does not carry: when each round
// was counted, and the organization above the congress (for the letterhead). Read-only.

export type MinutesFacts = { countedAt: Date | null; upperOrgName: string | null };

export async function minutesFacts(db: Queryable, electionId: number, round: number, latest: boolean): Promise<MinutesFacts> {
  const org = await db.query<{ upper: string | null; counted_at: Date | null }>(
    `SELECT p.name AS upper, e.counted_at FROM elections e JOIN organizations o ON o.id = e.org_id
       LEFT JOIN organizations p ON p.id = o.parent_id WHERE e.id = $1`,
    [electionId],
  );
  // Each round is counted once, and every count is audited: the n-th "counted" is round n.
  const counted = await db.query<{ at: Date }>(
    `SELECT at FROM audit_log WHERE entity_type = 'election' AND entity_id = $1 AND action = 'election.counted' ORDER BY id`,
    [String(electionId)],
  );
  const row = org.rows[0];
  const countedAt = counted.rows[round - 1]?.at ?? (latest ? (row?.counted_at ?? null) : null);
  return { countedAt: countedAt ? new Date(countedAt) : null, upperOrgName: row?.upper ?? null };
}
