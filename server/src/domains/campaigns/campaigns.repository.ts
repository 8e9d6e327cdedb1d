import type { Queryable } from '../../platform/db/db.ts';
import type { CongressStatus } from './lifecycle-rules.ts';
import type { CampaignSettings, CellTermMode, CongressContents, CongressForm, LevelRule } from './schedule-rules.ts';

export type CampaignRow = {
  id: number;
  name: string;
  term_from: number;
  term_to: number;
  preset: string;
  directive: string;
  plan: string | null;
  root_org_id: number;
  root_path: string;
  root_code: string;
  root_name: string;
  levels: LevelRule[];
  settings: CampaignSettings;
  status: 'active' | 'closed';
  version: number;
};

export type VillageElection = { electionDate: string; villageName: string; voters: number; votesForHead: number; headName: string; headIsSecretary: boolean };

export type CongressRow = {
  id: number;
  campaign_id: number;
  org_id: number;
  org_path: string;
  level: number;
  status: CongressStatus;
  form: CongressForm;
  contents: CongressContents;
  contents_basis: string | null;
  cell_term_mode: CellTermMode | null;
  planned_start: string | null;
  planned_end: string | null;
  duration_days: number | null;
  preparatory_days: number;
  actual_start: string | null;
  actual_end: string | null;
  notice_date: string | null;
  venue: string | null;
  expected_attendance: number | null;
  is_pilot: boolean;
  postpone_count: number;
  last_postpone_reason: string | null;
  held_override: boolean;
  warning_codes: string[];
  warnings_accepted_reason: string | null;
  approval_ref: string | null;
  results_ref: string | null;
  village_election: VillageElection | null;
  village_head_is_secretary: boolean | null;
  version: number;
  // joined
  org_code: string;
  org_name: string;
  type_code: string;
  members: number;
};

export const campaignCols = `ca.id, ca.name, ca.term_from, ca.term_to, ca.preset, ca.directive, ca.plan, ca.root_org_id, ro.path::text AS root_path,
  ro.code AS root_code, ro.name AS root_name, ca.levels, ca.settings, ca.status, ca.version`;

// numeric columns come back as text on some drivers: cast to float8 so both engines give numbers.
export const congressCols = `c.id, c.campaign_id, c.org_id, c.org_path::text AS org_path, c.level, c.status, c.form, c.contents::int AS contents, c.contents_basis,
  c.cell_term_mode, c.planned_start, c.planned_end, c.duration_days::float8 AS duration_days, c.preparatory_days::float8 AS preparatory_days,
  c.actual_start, c.actual_end, c.notice_date, c.venue, c.expected_attendance, c.is_pilot, c.postpone_count, c.last_postpone_reason,
  c.held_override, c.warning_codes, c.warnings_accepted_reason, c.approval_ref, c.results_ref, c.village_election, c.village_head_is_secretary, c.version,
  o.code AS org_code, o.name AS org_name, o.type_code,
  (SELECT coalesce(sum(r.full_members + r.probationary_members), 0)::int8 FROM org_rollups r WHERE r.org_id = c.org_id) AS members`;

export const campaignsRepo = {
  async byId(q: Queryable, id: number, forUpdate = false): Promise<CampaignRow | undefined> {
    const r = await q.query<CampaignRow>(
      `SELECT ${campaignCols} FROM campaigns ca JOIN organizations ro ON ro.id = ca.root_org_id WHERE ca.id = $1${forUpdate ? ' FOR UPDATE OF ca' : ''}`,
      [id],
    );
    return r.rows[0];
  },
  async list(q: Queryable): Promise<(CampaignRow & { congress_count: number })[]> {
    const r = await q.query<CampaignRow & { congress_count: number }>(
      `SELECT ${campaignCols}, (SELECT count(*)::int FROM congresses c WHERE c.campaign_id = ca.id AND c.status <> 'cancelled') AS congress_count
         FROM campaigns ca JOIN organizations ro ON ro.id = ca.root_org_id ORDER BY ca.term_from DESC, ca.id DESC`,
    );
    return r.rows;
  },
  async congressCount(q: Queryable, campaignId: number): Promise<number> {
    const r = await q.query<{ n: number }>(`SELECT coalesce(sum(n), 0)::int AS n FROM campaign_rollups r JOIN campaigns ca ON ca.id = r.campaign_id AND r.org_id = ca.root_org_id WHERE r.campaign_id = $1 AND r.metric = 'total'`, [campaignId]);
    return r.rows[0]!.n;
  },
  async congress(q: Queryable, id: number, forUpdate = false): Promise<CongressRow | undefined> {
    const r = await q.query<CongressRow>(
      `SELECT ${congressCols} FROM congresses c JOIN organizations o ON o.id = c.org_id WHERE c.id = $1${forUpdate ? ' FOR UPDATE OF c' : ''}`,
      [id],
    );
    return r.rows[0];
  },
  async congressesByIds(q: Queryable, ids: number[]): Promise<CongressRow[]> {
    if (ids.length === 0) return [];
    const r = await q.query<CongressRow>(`SELECT ${congressCols} FROM congresses c JOIN organizations o ON o.id = c.org_id WHERE c.id = ANY($1::int[])`, [ids]);
    return r.rows;
  },
  async history(q: Queryable, congressId: number, kinds?: string[]) {
    const r = await q.query<{ at: Date; actor_name: string | null; kind: string; from_status: string | null; to_status: string | null; details: Record<string, unknown> }>(
      `SELECT at, actor_name, kind, from_status, to_status, details FROM congress_history WHERE congress_id = $1 ${kinds ? 'AND kind = ANY($2::text[])' : ''} ORDER BY id`,
      kinds ? [congressId, kinds] : [congressId],
    );
    return r.rows;
  },
  async addHistory(
    q: Queryable,
    h: { congressId: number; actorId: number | null; actorName: string | null; kind: string; from?: string | null; to?: string | null; details?: unknown },
  ) {
    await q.query(
      `INSERT INTO congress_history (congress_id, actor_user_id, actor_name, kind, from_status, to_status, details) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
      [h.congressId, h.actorId, h.actorName, h.kind, h.from ?? null, h.to ?? null, JSON.stringify(h.details ?? {})],
    );
  },
  async grassrootsLevel(q: Queryable): Promise<number> {
    const r = await q.query<{ level: number | null }>(`SELECT min(level) AS level FROM org_types WHERE is_grassroots`);
    return r.rows[0]?.level ?? 3;
  },
  async levelNames(q: Queryable): Promise<Map<number, string>> {
    const r = await q.query<{ level: number; name_vi: string }>(`SELECT level, name_vi FROM org_levels`);
    return new Map(r.rows.map((x) => [x.level, x.name_vi]));
  },
  /** Active organizations of a subtree with what the form rule needs (members of their subtree). */
  async orgsForCampaign(q: Queryable, rootPath: string, exceptCampaignId?: number) {
    const r = await q.query<{ id: number; path: string; type_code: string; level: number; members: number }>(
      `SELECT o.id, o.path::text AS path, o.type_code, t.level,
              (SELECT coalesce(sum(r.full_members + r.probationary_members), 0)::int8 FROM org_rollups r WHERE r.org_id = o.id) AS members
         FROM organizations o JOIN org_types t ON t.code = o.type_code
        WHERE o.path <@ $1::ltree AND o.status = 'active'
          ${exceptCampaignId ? 'AND NOT EXISTS (SELECT 1 FROM congresses c WHERE c.campaign_id = $2 AND c.org_id = o.id)' : ''}
        ORDER BY o.path`,
      exceptCampaignId ? [rootPath, exceptCampaignId] : [rootPath],
    );
    return r.rows;
  },
  async insertCongresses(
    q: Queryable,
    campaignId: number,
    rows: { orgId: number; path: string; level: number; form: CongressForm; cellTermMode: CellTermMode | null }[],
  ): Promise<number[]> {
    const ids: number[] = [];
    const BATCH = 5000;
    for (let s = 0; s < rows.length; s += BATCH) {
      const chunk = rows.slice(s, s + BATCH);
      const r = await q.query<{ id: number }>(
        `INSERT INTO congresses (campaign_id, org_id, org_path, level, form, cell_term_mode)
         SELECT $1, o, p::ltree, l, f, m FROM unnest($2::int[], $3::text[], $4::int[], $5::text[], $6::text[]) AS t(o, p, l, f, m)
         RETURNING id`,
        [campaignId, chunk.map((x) => x.orgId), chunk.map((x) => x.path), chunk.map((x) => x.level), chunk.map((x) => x.form), chunk.map((x) => x.cellTermMode)],
      );
      ids.push(...r.rows.map((x) => x.id));
    }
    return ids;
  },
  async rebuildRollups(q: Queryable, campaignId: number) {
    await q.query(`SELECT campaign_rollup_rebuild($1)`, [campaignId]);
  },
  async metrics(q: Queryable, campaignId: number, orgId: number) {
    const r = await q.query<{ level: number; metric: string; n: number }>(`SELECT level, metric, n FROM campaign_rollups WHERE campaign_id = $1 AND org_id = $2 AND n <> 0`, [
      campaignId,
      orgId,
    ]);
    return r.rows;
  },
  async daily(q: Queryable, campaignId: number, orgId: number, kinds: string[], from?: string, to?: string) {
    const r = await q.query<{ level: number; kind: string; day: string; n: number }>(
      `SELECT level, kind, day, n FROM campaign_daily WHERE campaign_id = $1 AND org_id = $2 AND kind = ANY($3::text[]) AND n <> 0
          ${from ? 'AND day >= $4::date AND day <= $5::date' : ''} ORDER BY day`,
      from ? [campaignId, orgId, kinds, from, to] : [campaignId, orgId, kinds],
    );
    return r.rows;
  },
  async childOrgs(q: Queryable, campaignId: number, parentId: number) {
    const r = await q.query<{ id: number; code: string; name: string; type_code: string; has_children: boolean }>(
      `SELECT o.id, o.code, o.name, o.type_code, EXISTS (SELECT 1 FROM organizations k WHERE k.parent_id = o.id AND k.status = 'active') AS has_children
         FROM organizations o
        WHERE o.parent_id = $2 AND EXISTS (SELECT 1 FROM campaign_rollups r WHERE r.campaign_id = $1 AND r.org_id = o.id AND r.metric = 'total' AND r.n > 0)`,
      [campaignId, parentId],
    );
    return r.rows;
  },
  async childMetrics(q: Queryable, campaignId: number, childIds: number[]) {
    const r = await q.query<{ org_id: number; level: number; metric: string; n: number }>(
      `SELECT org_id, level, metric, n FROM campaign_rollups
        WHERE campaign_id = $1 AND org_id = ANY($2::int[]) AND n <> 0
          AND metric IN ('total', 'pilot', 'pilotHeld', 'postponed', 'status:personnelReady', 'warned')`,
      [campaignId, childIds],
    );
    return r.rows;
  },
  /** Held (as of a day), held by each level's deadline, and the last closing day, per child and level. */
  async childDone(q: Queryable, campaignId: number, childIds: number[], asOf: string, deadlines: { level: number; deadline: string | null }[]) {
    const r = await q.query<{ org_id: number; level: number; held: number; on_time: number; last_day: string | null }>(
      `SELECT d.org_id, d.level,
              coalesce(sum(d.n) FILTER (WHERE d.day <= $3::date), 0)::int AS held,
              coalesce(sum(d.n) FILTER (WHERE d.day <= least($3::date, coalesce(dl.deadline, $3::date))), 0)::int AS on_time,
              max(d.day) FILTER (WHERE d.day <= $3::date AND d.n > 0) AS last_day
         FROM campaign_daily d
         LEFT JOIN unnest($4::int[], $5::date[]) AS dl(level, deadline) ON dl.level = d.level
        WHERE d.campaign_id = $1 AND d.kind = 'done' AND d.org_id = ANY($2::int[])
        GROUP BY d.org_id, d.level`,
      [campaignId, childIds, asOf, deadlines.map((x) => x.level), deadlines.map((x) => x.deadline)],
    );
    return r.rows;
  },
  async ownCongresses(q: Queryable, campaignId: number, orgIds: number[]) {
    const r = await q.query<{ id: number; org_id: number; status: CongressStatus; start: string | null; end: string | null; is_pilot: boolean }>(
      `SELECT id, org_id, status, coalesce(actual_start, planned_start) AS start, coalesce(actual_end, planned_end, actual_start, planned_start) AS "end", is_pilot
         FROM congresses WHERE campaign_id = $1 AND org_id = ANY($2::int[])`,
      [campaignId, orgIds],
    );
    return r.rows;
  },
};
