import type { Queryable } from '../../platform/db/db.ts';
import { viCollator } from '../../../../shared/src/text.ts';
import type { AllocationSettings } from './allocation-rules.ts';
import type { RegisterDelegate, SeatedDelegate } from './register-rules.ts';
import type { DelegateKind, NotSummonedReason, RejectionReason } from '../../../../shared/src/contracts/delegates.ts';

export type CongressHead = {
  id: number;
  campaign_id: number;
  org_id: number;
  org_path: string;
  org_name: string;
  form: 'members' | 'delegates';
  status: string;
  planned_start: string | null;
  planned_end: string | null;
  actual_start: string | null;
  campaign_status: string;
};

export type DelegateRow = {
  id: number;
  congress_id: number;
  person_id: number | null;
  full_name: string;
  name_key: string;
  birth_date: string | null;
  gender: 'male' | 'female' | null;
  party_join_date: string | null;
  position: string | null;
  delegation_org_id: number;
  delegation_name: string;
  kind: DelegateKind;
  alternate_rank: number | null;
  votes: number | null;
  source_election_id: number | null;
  not_summoned_reason: NotSummonedReason | null;
  not_summoned_note: string | null;
  replaced_by_id: number | null;
  replaces_id: number | null;
  substitution_reason: string | null;
  substitution_note: string | null;
  credentials: 'pending' | 'accepted' | 'rejected';
  credentials_reason: RejectionReason | null;
  credentials_note: string | null;
  credentials_checks: Record<string, boolean>;
  note: string | null;
  /** An elected arrival kept beside the same person's other entry (flagged in the register until settled). */
  duplicate_of_id: number | null;
  version: number;
};

export type AllocationRow = {
  id: number;
  congress_id: number;
  settings: AllocationSettings;
  elected_total: number | null;
  ex_officio: number;
  appointed: number;
  decision_ref: string | null;
  version: number;
  updated_by_name: string | null;
  updated_at: string;
};

export type AllocationLineRow = {
  org_id: number;
  members: number;
  formula_seats: number;
  extra_seats: number;
  seats: number;
  adjust_reason: string | null;
  adjusted_by: string | null;
  adjusted_at: string | null;
};

export type SubOrg = { id: number; name: string; fullMembers: number; probationaryMembers: number };

const delegateCols = `d.id, d.congress_id, d.person_id, d.full_name, d.name_key, d.birth_date::text AS birth_date, d.gender, d.party_join_date::text AS party_join_date,
  d.position, d.delegation_org_id, o.name AS delegation_name, d.kind, d.alternate_rank, d.votes, d.source_election_id, d.not_summoned_reason, d.not_summoned_note,
  d.replaced_by_id, d.replaces_id, d.substitution_reason, d.substitution_note, d.credentials, d.credentials_reason, d.credentials_note, d.credentials_checks, d.note, d.duplicate_of_id, d.version`;

export const toRegister = (r: DelegateRow): RegisterDelegate => ({
  id: r.id,
  kind: r.kind,
  delegationOrgId: r.delegation_org_id,
  notSummonedReason: r.not_summoned_reason,
  replacedById: r.replaced_by_id,
  credentials: r.credentials,
  alternateRank: r.alternate_rank,
  votes: r.votes,
  partyJoinDate: r.party_join_date,
});

/** A row as the register's pure rules on one person once and on the seats read it. */
export const toSeated = (r: DelegateRow): SeatedDelegate & { replacesId: number | null } => ({
  id: r.id,
  fullName: r.full_name,
  kind: r.kind,
  personId: r.person_id,
  nameKey: r.name_key,
  birthDate: r.birth_date,
  delegationOrgId: r.delegation_org_id,
  delegationName: r.delegation_name,
  notSummonedReason: r.not_summoned_reason,
  replacedById: r.replaced_by_id,
  replacesId: r.replaces_id,
  credentials: r.credentials,
});

export const delegatesRepo = {
  async congress(q: Queryable, id: number): Promise<CongressHead | undefined> {
    const r = await q.query<CongressHead>(
      `SELECT c.id, c.campaign_id, c.org_id, c.org_path::text AS org_path, o.name AS org_name, c.form, c.status, c.planned_start::text AS planned_start,
              c.planned_end::text AS planned_end, c.actual_start::text AS actual_start, k.status AS campaign_status
         FROM congresses c JOIN organizations o ON o.id = c.org_id JOIN campaigns k ON k.id = c.campaign_id WHERE c.id = $1`,
      [id],
    );
    return r.rows[0];
  },

  /** Directly subordinate active organizations with their subtree members (the tree's roll-ups). */
  async subordinateOrgs(q: Queryable, orgId: number): Promise<SubOrg[]> {
    const r = await q.query<{ id: number; name: string; full: string | null; prob: string | null }>(
      `SELECT o.id, o.name, sum(r.full_members)::text AS full, sum(r.probationary_members)::text AS prob
         FROM organizations o LEFT JOIN org_rollups r ON r.org_id = o.id
        WHERE o.parent_id = $1 AND o.status = 'active'
        GROUP BY o.id, o.name`,
      [orgId],
    );
    return r.rows
      .map((x) => ({ id: x.id, name: x.name, fullMembers: Number(x.full ?? 0), probationaryMembers: Number(x.prob ?? 0) }))
      .sort((a, b) => viCollator.compare(a.name, b.name));
  },

  async delegates(q: Queryable, congressId: number): Promise<DelegateRow[]> {
    const r = await q.query<DelegateRow>(`SELECT ${delegateCols} FROM delegates d JOIN organizations o ON o.id = d.delegation_org_id WHERE d.congress_id = $1`, [congressId]);
    return r.rows;
  },

  async delegate(q: Queryable, id: number, forUpdate = false): Promise<DelegateRow | undefined> {
    const r = await q.query<DelegateRow>(`SELECT ${delegateCols} FROM delegates d JOIN organizations o ON o.id = d.delegation_org_id WHERE d.id = $1${forUpdate ? ' FOR UPDATE OF d' : ''}`, [id]);
    return r.rows[0];
  },

  /**
   * A personnel record a delegate is linked to: read-only, by SQL, as reports read other domains'
   * tables (delegates may not depend on the personnel service; the link keeps no foreign key).
   */
  async person(q: Queryable, id: number): Promise<{ id: number; full_name: string; birth_date: string | null; org_path: string } | undefined> {
    const r = await q.query<{ id: number; full_name: string; birth_date: string | null; org_path: string }>(
      `SELECT p.id, p.full_name, p.birth_date::text AS birth_date, o.path::text AS org_path FROM persons p JOIN organizations o ON o.id = p.org_id WHERE p.id = $1`,
      [id],
    );
    return r.rows[0];
  },

  async allocation(q: Queryable, congressId: number): Promise<{ head: AllocationRow; lines: AllocationLineRow[] } | undefined> {
    const h = await q.query<AllocationRow>(
      `SELECT a.id, a.congress_id, a.settings, a.elected_total, a.ex_officio, a.appointed, a.decision_ref, a.version, u.full_name AS updated_by_name, a.updated_at::text AS updated_at
         FROM delegate_allocations a LEFT JOIN users u ON u.id = a.updated_by WHERE a.congress_id = $1`,
      [congressId],
    );
    const head = h.rows[0];
    if (!head) return undefined;
    const l = await q.query<AllocationLineRow>(
      `SELECT org_id, members, formula_seats, extra_seats, seats, adjust_reason, adjusted_by, adjusted_at::text AS adjusted_at FROM delegate_allocation_rows WHERE allocation_id = $1`,
      [head.id],
    );
    return { head, lines: l.rows };
  },

  async sessions(q: Queryable, congressId: number) {
    const r = await q.query<{ id: number; label: string; date: string; kind: string }>(
      `SELECT id, label, session_date::text AS date, kind FROM congress_sessions WHERE congress_id = $1 ORDER BY session_date, id`,
      [congressId],
    );
    return r.rows;
  },

  async attendance(q: Queryable, congressId: number) {
    const r = await q.query<{ session_id: number; delegate_id: number }>(`SELECT session_id, delegate_id FROM delegate_attendance WHERE congress_id = $1`, [congressId]);
    return r.rows;
  },

  /** The per-congress secret and settings, created on first use. */
  async settings(q: Queryable, congressId: number, newSecret: () => Buffer): Promise<{ badge_secret: Buffer; health_days: number; fever_from: number }> {
    const r = await q.query<{ badge_secret: Buffer | Uint8Array; health_days: number; fever_from: string }>(
      `SELECT badge_secret, health_days, fever_from::text AS fever_from FROM delegate_congress_settings WHERE congress_id = $1`,
      [congressId],
    );
    let row = r.rows[0];
    if (!row) {
      await q.query(`INSERT INTO delegate_congress_settings (congress_id, badge_secret) VALUES ($1, $2) ON CONFLICT (congress_id) DO NOTHING`, [congressId, newSecret()]);
      row = (
        await q.query<{ badge_secret: Buffer | Uint8Array; health_days: number; fever_from: string }>(
          `SELECT badge_secret, health_days, fever_from::text AS fever_from FROM delegate_congress_settings WHERE congress_id = $1`,
          [congressId],
        )
      ).rows[0]!;
    }
    return { badge_secret: Buffer.from(row.badge_secret), health_days: row.health_days, fever_from: Number(row.fever_from) };
  },
};
