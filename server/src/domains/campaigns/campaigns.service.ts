import type { Db, Queryable } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, fail } from '../../platform/http/errors.ts';
import { foldVietnamese, viCollator } from '../../../../shared/src/text.ts';
import type { Campaign, CongressSummary, CreateCampaignRequest, Dashboard, UpdateCampaignRequest } from '../../../../shared/src/contracts/campaigns.ts';
import { pathInside } from '../organizations/organizations.policy.ts';
import { orgsRepo } from '../organizations/organizations.repository.ts';
import { addDays, daysBetween, isWorkingDay, type IsoDate } from '../../../../shared/src/calendar/working-days.ts';
import { directivePresets, type DirectivePresetCode } from './campaign-presets.ts';
import { type CampaignRow, campaignsRepo, type CongressRow } from './campaigns.repository.ts';
import type { CampaignEvents } from './campaigns.events.ts';
import { assertCampaignVisible, assertCanEditCampaign, assertCanReadOrg, campaignVisible, canEditCampaign } from './campaigns.policy.ts';
import { calendarOf, evaluate, storedCodes, todayVn } from './congress-evaluation.ts';
import { createCongressOps } from './congresses.service.ts';
import { type ApprovalCheckSource, campaignsApprovalSource, type OpeningCheck } from './approval-checklist.ts';
import { createProgressImport } from './progress-import.service.ts';
import { levelFigures, type LevelFigures, pct, pctText, progressSeries, sumLevels, type DayCount } from './dashboard-rules.ts';
import { vietnamHolidays } from '../../../../shared/src/calendar/vietnam-holidays.ts';
import { type CampaignSettings, CELL_TYPE_CODES, checkLevelRules, expectedForm, type LevelRule, orgPosition } from './schedule-rules.ts';
import { type SheetSpec, writeWorkbook } from './dashboard-workbook.ts';

export type CampaignsDeps = {
  db: Db;
  clock: Clock;
  events: CampaignEvents;
  /** Items other domains add to the congress approval checklist (wired in composition.ts). */
  approvalChecks?: readonly ApprovalCheckSource[] | undefined;
  /** Hard conditions for recording a congress as held: the quorum at its opening (wired in composition.ts). */
  openingChecks?: readonly OpeningCheck[] | undefined;
};

const EXPORT_MAX_ROWS = 60_000;

function mergeLevels(base: LevelRule[], given: CreateCampaignRequest['levels'] | undefined): LevelRule[] {
  const out = new Map(base.map((l) => [l.level, { ...l }]));
  for (const l of given ?? []) out.set(l.level, { ...l, source: l.source ?? '', confirmed: l.confirmed ?? true });
  return [...out.values()].sort((a, b) => a.level - b.level);
}

export function createCampaignsService(deps: CampaignsDeps) {
  const { db, clock, events } = deps;
  const congressOps = createCongressOps(deps);
  const progressImport = createProgressImport({ db, clock, events, approvalSources: [campaignsApprovalSource, ...(deps.approvalChecks ?? [])], openingChecks: deps.openingChecks ?? [] });
  const today = () => todayVn(clock);
  let levelNamesCache: Map<number, string> | undefined;
  const levelNames = async (q: Queryable) => (levelNamesCache ??= await campaignsRepo.levelNames(q));

  async function loadCampaign(q: Queryable, actor: Actor, id: number, forUpdate = false): Promise<CampaignRow> {
    const c = await campaignsRepo.byId(q, id, forUpdate);
    if (!c) throw new DomainError('CAMPAIGN_NOT_FOUND');
    assertCampaignVisible(actor, c.root_path);
    return c;
  }

  async function present(q: Queryable, actor: Actor, c: CampaignRow, congressCount?: number): Promise<Campaign> {
    const names = await levelNames(q);
    const preset = directivePresets[c.preset as DirectivePresetCode];
    return {
      id: c.id,
      name: c.name,
      termFrom: c.term_from,
      termTo: c.term_to,
      preset: c.preset,
      directive: c.directive,
      plan: c.plan,
      rootOrg: { id: c.root_org_id, code: c.root_code, name: c.root_name },
      levels: c.levels.map((l) => ({ ...l, name: names.get(l.level) ?? `Cấp ${l.level}` })),
      settings: c.settings,
      rules: preset?.rules ?? [],
      status: c.status,
      congressCount: congressCount ?? (await campaignsRepo.congressCount(q, c.id)),
      version: c.version,
      can: { edit: canEditCampaign(actor, c.root_path) && c.status === 'active', sync: canEditCampaign(actor, c.root_path) && c.status === 'active' },
    };
  }

  /** The organization a dashboard is about: inside the campaign and the actor's subtree. */
  async function resolveOrg(actor: Actor, c: CampaignRow, orgId: number | undefined) {
    const id = orgId ?? (pathInside(actor.scopePath, c.root_path) ? actor.scopeOrgId : c.root_org_id);
    const o = await orgsRepo.byId(db, id);
    if (!o) throw new DomainError('ORG_NOT_FOUND');
    assertCanReadOrg(actor, o.path);
    if (!pathInside(o.path, c.root_path)) fail('ORG_OUT_OF_SCOPE');
    return o;
  }

  /** Congresses for every active organization of the subtree that has none yet; form by the rule. */
  async function addCongresses(tx: Queryable, c: Pick<CampaignRow, 'id' | 'root_path' | 'settings'>, onlyMissing: boolean): Promise<number> {
    const gl = await campaignsRepo.grassrootsLevel(tx);
    const orgs = await campaignsRepo.orgsForCampaign(tx, c.root_path, onlyMissing ? c.id : undefined);
    const rows = orgs.map((o) => {
      const isCell = CELL_TYPE_CODES.includes(o.type_code);
      return {
        orgId: o.id,
        path: o.path,
        level: o.level,
        form: expectedForm({ position: orgPosition(o.level, gl), isCell, members: Number(o.members) }, c.settings.delegatesCongressMinMembers).form,
        cellTermMode: isCell && o.level > gl ? c.settings.cellTermModeDefault : null,
      };
    });
    if (rows.length === 0) return 0;
    // Thousands of rows: the row trigger is off and the counters are rebuilt set-wise once.
    await tx.query(`SELECT set_config('daihoi.bulk_load', 'on', true)`);
    await campaignsRepo.insertCongresses(tx, c.id, rows);
    await tx.query(`SELECT set_config('daihoi.bulk_load', 'off', true)`);
    await campaignsRepo.rebuildRollups(tx, c.id);
    return rows.length;
  }

  /** After the levels or settings change, the stored warnings follow (no new reason needed: the campaign changed). */
  async function recomputeWarnings(tx: Queryable, c: CampaignRow): Promise<number> {
    const gl = await campaignsRepo.grassrootsLevel(tx);
    const r = await tx.query<CongressRow>(
      `SELECT c.id, c.level, c.status, c.form, c.contents::int AS contents, c.contents_basis, c.planned_start, c.planned_end, c.duration_days::float8 AS duration_days,
              c.preparatory_days::float8 AS preparatory_days, c.actual_start, c.actual_end, c.notice_date, c.is_pilot, c.warning_codes, o.type_code,
              (SELECT coalesce(sum(r.full_members + r.probationary_members), 0)::int8 FROM org_rollups r WHERE r.org_id = c.org_id) AS members
         FROM congresses c JOIN organizations o ON o.id = c.org_id WHERE c.campaign_id = $1`,
      [c.id],
    );
    const changed: { id: number; codes: string[] }[] = [];
    for (const row of r.rows) {
      const codes = storedCodes(evaluate(row, c, gl));
      if (codes.join(',') !== [...row.warning_codes].sort().join(',')) changed.push({ id: row.id, codes });
    }
    for (let s = 0; s < changed.length; s += 5000) {
      const chunk = changed.slice(s, s + 5000);
      await tx.query(
        `UPDATE congresses c SET warning_codes = string_to_array(nullif(t.codes, ''), ','), version = c.version + 1, updated_at = now()
           FROM unnest($1::int[], $2::text[]) AS t(id, codes) WHERE c.id = t.id`,
        [chunk.map((x) => x.id), chunk.map((x) => x.codes.join(','))],
      );
    }
    return changed.length;
  }

  function summaryOf(r: {
    id: number;
    org_id: number;
    org_code: string;
    org_name: string;
    type_code: string;
    level: number;
    status: CongressSummary['status'];
    form: CongressSummary['form'];
    contents: number;
    start: string | null;
    end: string | null;
    is_pilot: boolean;
    postpone_count: number;
    warning_codes: string[];
  }): CongressSummary {
    return {
      id: r.id,
      org: { id: r.org_id, code: r.org_code, name: r.org_name, typeCode: r.type_code },
      level: r.level,
      status: r.status,
      form: r.form,
      contents: r.contents as 4 | 3 | 2,
      start: r.start,
      end: r.end,
      isPilot: r.is_pilot,
      postponeCount: r.postpone_count,
      warningCodes: r.warning_codes,
    };
  }
  const summaryCols = `c.id, c.org_id, o.code AS org_code, o.name AS org_name, o.type_code, c.level, c.status, c.form, c.contents::int AS contents,
    coalesce(c.actual_start, c.planned_start) AS start, coalesce(c.actual_end, c.planned_end, c.actual_start, c.planned_start) AS "end",
    c.is_pilot, c.postpone_count, c.warning_codes`;

  // ---- dashboard ----

  async function dashboard(actor: Actor, id: number, q: { orgId?: number | undefined; asOf?: string | undefined }): Promise<Dashboard> {
    const c = await loadCampaign(db, actor, id);
    const org = await resolveOrg(actor, c, q.orgId);
    const asOf = q.asOf ?? today();
    const names = await levelNames(db);
    const [metrics, done, kids] = await Promise.all([
      campaignsRepo.metrics(db, c.id, org.id),
      campaignsRepo.daily(db, c.id, org.id, ['done']),
      campaignsRepo.childOrgs(db, c.id, org.id),
    ]);
    const byLevel = new Map<number, Map<string, number>>();
    for (const m of metrics) {
      const mm = byLevel.get(m.level) ?? new Map<string, number>();
      mm.set(m.metric, m.n);
      byLevel.set(m.level, mm);
    }
    const doneBy = new Map<number, DayCount[]>();
    for (const d of done) doneBy.set(d.level, [...(doneBy.get(d.level) ?? []), [d.day, d.n]]);
    const levels: (LevelFigures & { levelName: string; ruleConfirmed: boolean })[] = [...byLevel.keys()]
      .sort((a, b) => a - b)
      .filter((l) => (byLevel.get(l)!.get('total') ?? 0) > 0 || (byLevel.get(l)!.get('status:cancelled') ?? 0) > 0)
      .map((l) => {
        const rule = c.levels.find((x) => x.level === l);
        return { ...levelFigures(l, byLevel.get(l)!, doneBy.get(l) ?? [], rule, asOf), levelName: names.get(l) ?? `Cấp ${l}`, ruleConfirmed: rule?.confirmed ?? true };
      });
    const children = await childFigures(c, kids, asOf);
    let campaignTrusted: Dashboard['campaignTrustedByPeople'] = null;
    if (pathInside(c.root_path, actor.scopePath)) {
      const rootMetrics = org.id === c.root_org_id ? metrics : await campaignsRepo.metrics(db, c.id, c.root_org_id);
      const cells = rootMetrics.filter((m) => m.metric === 'village').reduce((s, m) => s + m.n, 0);
      const heads = rootMetrics.filter((m) => m.metric === 'villageHead').reduce((s, m) => s + m.n, 0);
      campaignTrusted = { cells, secretaryIsHead: heads, pct: pct(heads, cells), pctText: pctText(heads, cells) };
    }
    const ancestorIds = org.path
      .split('.')
      .slice(0, -1)
      .map(Number)
      .filter((_, i, arr) => pathInside(arr.slice(0, i + 1).join('.'), actor.scopePath) && pathInside(arr.slice(0, i + 1).join('.'), c.root_path));
    const an = await orgsRepo.namesByIds(db, ancestorIds);
    return {
      campaign: { id: c.id, name: c.name, termFrom: c.term_from, termTo: c.term_to },
      org: { id: org.id, code: org.code, name: org.name, level: org.level, ancestors: ancestorIds.map((i) => an.get(i)!).filter(Boolean) },
      asOf,
      today: today(),
      totals: sumLevels(levels),
      levels,
      children,
      campaignTrustedByPeople: campaignTrusted,
    };
  }

  async function childFigures(c: CampaignRow, kids: { id: number; code: string; name: string; type_code: string; has_children: boolean }[], asOf: IsoDate) {
    if (kids.length === 0) return [];
    const ids = kids.map((k) => k.id);
    const [m, d, own] = await Promise.all([
      campaignsRepo.childMetrics(db, c.id, ids),
      campaignsRepo.childDone(db, c.id, ids, asOf, c.levels.map((l) => ({ level: l.level, deadline: l.centralDeadline }))),
      campaignsRepo.ownCongresses(db, c.id, ids),
    ]);
    const ownBy = new Map(own.map((x) => [x.org_id, x]));
    return kids
      .sort((a, b) => viCollator.compare(a.name, b.name))
      .map((k) => {
        const mine = m.filter((x) => x.org_id === k.id);
        const g = (metric: string) => mine.filter((x) => x.metric === metric).reduce((s, x) => s + x.n, 0);
        const levelsOf = [...new Set(mine.filter((x) => x.metric === 'total').map((x) => x.level))].sort((a, b) => a - b);
        const byLevel = levelsOf.map((level) => {
          const total = mine.find((x) => x.level === level && x.metric === 'total')?.n ?? 0;
          const dd = d.find((x) => x.org_id === k.id && x.level === level);
          const held = dd?.held ?? 0;
          return { level, total, held, onTime: dd?.on_time ?? 0, completedOn: total > 0 && held >= total ? (dd?.last_day ?? null) : null };
        });
        const total = g('total');
        const held = byLevel.reduce((s, l) => s + l.held, 0);
        const o = ownBy.get(k.id);
        return {
          org: { id: k.id, code: k.code, name: k.name, typeCode: k.type_code, hasChildren: k.has_children },
          congress: o ? { id: o.id, status: o.status, start: o.start, end: o.end, isPilot: o.is_pilot } : null,
          total,
          held,
          heldPct: pct(held, total),
          heldPctText: pctText(held, total),
          onTime: byLevel.reduce((s, l) => s + l.onTime, 0),
          approvalsPending: g('status:personnelReady'),
          postponed: g('postponed'),
          pilots: { total: g('pilot'), held: g('pilotHeld') },
          warned: g('warned'),
          byLevel,
        };
      });
  }

  async function series(actor: Actor, id: number, q: { orgId?: number | undefined; asOf?: string | undefined }) {
    const c = await loadCampaign(db, actor, id);
    const org = await resolveOrg(actor, c, q.orgId);
    const asOf = q.asOf ?? today();
    const names = await levelNames(db);
    const [metrics, days] = await Promise.all([campaignsRepo.metrics(db, c.id, org.id), campaignsRepo.daily(db, c.id, org.id, ['done', 'calPlanned'])]);
    const totals = new Map<number, number>();
    for (const m of metrics) if (m.metric === 'total') totals.set(m.level, m.n);
    return {
      asOf,
      levels: [...totals.keys()]
        .sort((a, b) => a - b)
        .map((level) => {
          const done: DayCount[] = days.filter((x) => x.level === level && x.kind === 'done').map((x) => [x.day, x.n]);
          const planned: DayCount[] = days.filter((x) => x.level === level && x.kind === 'calPlanned').map((x) => [x.day, x.n]);
          return { ...progressSeries(level, totals.get(level)!, done, planned, c.levels.find((l) => l.level === level), asOf), levelName: names.get(level) ?? `Cấp ${level}` };
        }),
    };
  }

  async function calendar(actor: Actor, id: number, q: { orgId?: number | undefined; from: string; to: string; level?: number | undefined }) {
    const c = await loadCampaign(db, actor, id);
    const org = await resolveOrg(actor, c, q.orgId);
    if (q.to < q.from) fail('CONGRESS_DATES_INVALID', 'Ngày cuối trước ngày đầu.');
    if (daysBetween(q.from, q.to) > 366) fail('CONGRESS_DATES_INVALID', 'Lịch chỉ xem tối đa một năm.');
    const cal = calendarOf(c);
    const holidayNames = new Map(vietnamHolidays.flatMap((y) => y.off.map((d) => [d.date, d.name] as const)));
    const days = await campaignsRepo.daily(db, c.id, org.id, ['calDone', 'calPlanned'], q.from, q.to);
    const out: { date: string; held: number; planned: number; holiday: string | null; workingDay: boolean }[] = [];
    for (let d = q.from; d <= q.to; d = addDays(d, 1)) out.push({ date: d, held: 0, planned: 0, holiday: holidayNames.get(d) ?? null, workingDay: isWorkingDay(cal, d) });
    const index = new Map(out.map((x, i) => [x.date, i]));
    for (const x of days) {
      if (q.level !== undefined && x.level !== q.level) continue;
      const i = index.get(x.day);
      if (i === undefined) continue;
      if (x.kind === 'calDone') out[i]!.held += x.n;
      else out[i]!.planned += x.n;
    }
    const LIMIT = 500;
    const r = await db.query<Parameters<typeof summaryOf>[0]>(
      `SELECT ${summaryCols} FROM congresses c JOIN organizations o ON o.id = c.org_id
        WHERE c.campaign_id = $1 AND c.org_path <@ $2::ltree AND c.status <> 'cancelled'
          AND coalesce(c.actual_start, c.planned_start) BETWEEN $3::date AND $4::date ${q.level !== undefined ? 'AND c.level = $6' : ''}
        ORDER BY coalesce(c.actual_start, c.planned_start), c.id LIMIT $5`,
      q.level !== undefined ? [c.id, org.path, q.from, q.to, LIMIT + 1, q.level] : [c.id, org.path, q.from, q.to, LIMIT + 1],
    );
    return { from: q.from, to: q.to, days: out, congresses: r.rows.slice(0, LIMIT).map(summaryOf), truncated: r.rows.length > LIMIT };
  }

  async function listCongresses(
    actor: Actor,
    id: number,
    q: { orgId?: number | undefined; level?: number | undefined; status?: string | undefined; pilot?: string | undefined; postponed?: string | undefined; warned?: string | undefined; q?: string | undefined; limit: number; offset: number },
  ) {
    const c = await loadCampaign(db, actor, id);
    const org = await resolveOrg(actor, c, q.orgId);
    const where = [`c.campaign_id = $1`, `c.org_path <@ $2::ltree`];
    const params: unknown[] = [c.id, org.path];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.level !== undefined) add('c.level = ?', q.level);
    if (q.status) add('c.status = ?', q.status);
    if (q.pilot) add('c.is_pilot = ?', q.pilot === 'true');
    if (q.postponed === 'true') where.push('c.postpone_count > 0');
    if (q.postponed === 'false') where.push('c.postpone_count = 0');
    if (q.warned === 'true') where.push('cardinality(c.warning_codes) > 0');
    if (q.warned === 'false') where.push('cardinality(c.warning_codes) = 0');
    if (q.q) {
      params.push(`%${foldVietnamese(q.q).replace(/[%_\\]/g, '\\$&')}%`, q.q.toLowerCase());
      where.push(`(o.search_text LIKE $${params.length - 1} OR lower(o.code) = $${params.length})`);
    }
    const w = where.join(' AND ');
    const [rows, count] = await Promise.all([
      db.query<Parameters<typeof summaryOf>[0]>(`SELECT ${summaryCols} FROM congresses c JOIN organizations o ON o.id = c.org_id WHERE ${w} ORDER BY c.org_path LIMIT ${q.limit} OFFSET ${q.offset}`, params),
      db.query<{ n: number }>(`SELECT count(*)::int AS n FROM congresses c JOIN organizations o ON o.id = c.org_id WHERE ${w}`, params),
    ]);
    return { total: count.rows[0]!.n, items: rows.rows.map(summaryOf) };
  }

  // ---- export ----

  async function exportView(actor: Actor, id: number, q: { orgId?: number | undefined; asOf?: string | undefined; view: 'dashboard' | 'children' | 'congresses' | 'calendar' | 'series'; from?: string | undefined; to?: string | undefined }) {
    const d = await dashboard(actor, id, q);
    const sheets: SheetSpec[] = [];
    const title = `${d.campaign.name} — ${d.org.name}`;
    const subtitle = `Số liệu tính đến ngày ${d.asOf.split('-').reverse().join('/')}`;
    const levelSheet = (): SheetSpec => ({
      name: 'Theo cấp',
      title,
      subtitle,
      columns: [
        { header: 'Cấp', key: 'levelName', width: 34 },
        { header: 'Tổng số đại hội', key: 'total', type: 'int' },
        { header: 'Đã tổ chức', key: 'held', type: 'int' },
        { header: 'Tỷ lệ', key: 'heldPct', type: 'pct' },
        { header: 'Đúng thời hạn Trung ương', key: 'onTime', type: 'int' },
        { header: 'Thời hạn Trung ương', key: 'centralDeadline', type: 'date' },
        { header: 'Mốc phấn đấu của tỉnh', key: 'provincialTarget', type: 'date' },
        { header: 'Hoàn thành ngày', key: 'completedOn', type: 'date' },
        { header: 'Sớm (+) / muộn (−) so với thời hạn (ngày)', key: 'daysAheadOfDeadline', type: 'int' },
        { header: 'Quá hạn (ngày)', key: 'daysOverdue', type: 'int' },
        { header: 'Chờ cấp trên duyệt', key: 'approvalsPending', type: 'int' },
        { header: 'Đại hội điểm', key: 'pilotsTotal', type: 'int' },
        { header: 'Đại hội điểm đã tổ chức', key: 'pilotsHeld', type: 'int' },
        { header: 'Lùi thời gian', key: 'postponed', type: 'int' },
        { header: 'Trong đó do dịch bệnh', key: 'postponedEpidemic', type: 'int' },
        { header: 'Chưa có lịch', key: 'unscheduled', type: 'int' },
        { header: 'Có cảnh báo', key: 'warned', type: 'int' },
        { header: 'Bí thư chi bộ là trưởng thôn', key: 'heads', type: 'int' },
        { header: 'Chi bộ có bầu trưởng thôn', key: 'cells', type: 'int' },
      ],
      rows: [
        ...d.levels.map((l) => ({
          levelName: l.levelName,
          total: l.total,
          held: l.held,
          heldPct: l.heldPct / 100,
          onTime: l.onTime,
          centralDeadline: l.centralDeadline,
          provincialTarget: l.provincialTarget,
          completedOn: l.completedOn,
          daysAheadOfDeadline: l.daysAheadOfDeadline,
          daysOverdue: l.daysOverdue,
          approvalsPending: l.approvalsPending,
          pilotsTotal: l.pilots.total,
          pilotsHeld: l.pilots.held,
          postponed: l.postponed.total,
          postponedEpidemic: l.postponed.byReason.epidemic,
          unscheduled: l.unscheduled,
          warned: l.warned,
          heads: l.trustedByPeople.secretaryIsHead,
          cells: l.trustedByPeople.cells,
        })),
        {
          levelName: 'Cộng',
          total: d.totals.total,
          held: d.totals.held,
          heldPct: d.totals.heldPct / 100,
          onTime: d.totals.onTime,
          approvalsPending: d.totals.approvalsPending,
          pilotsTotal: d.totals.pilots.total,
          pilotsHeld: d.totals.pilots.held,
          postponed: d.totals.postponed.total,
          postponedEpidemic: d.totals.postponed.byReason.epidemic,
          unscheduled: d.totals.unscheduled,
          warned: d.totals.warned,
          heads: d.totals.trustedByPeople.secretaryIsHead,
          cells: d.totals.trustedByPeople.cells,
          _bold: true,
        },
      ],
    });
    const childSheet = (): SheetSpec => ({
      name: 'Đơn vị trực thuộc',
      title,
      subtitle,
      columns: [
        { header: 'Mã', key: 'code', width: 14 },
        { header: 'Tổ chức đảng', key: 'name', width: 44 },
        { header: 'Trạng thái đại hội của đơn vị', key: 'status', width: 26 },
        { header: 'Ngày đại hội', key: 'start', type: 'date' },
        { header: 'Tổng số đại hội', key: 'total', type: 'int' },
        { header: 'Đã tổ chức', key: 'held', type: 'int' },
        { header: 'Tỷ lệ', key: 'heldPct', type: 'pct' },
        { header: 'Đúng thời hạn', key: 'onTime', type: 'int' },
        { header: 'Chờ duyệt', key: 'approvalsPending', type: 'int' },
        { header: 'Lùi thời gian', key: 'postponed', type: 'int' },
        { header: 'Đại hội điểm', key: 'pilots', type: 'int' },
      ],
      rows: d.children.map((k) => ({
        code: k.org.code,
        name: k.org.name,
        status: k.congress ? statusVi(k.congress.status) : '',
        start: k.congress?.start ?? null,
        total: k.total,
        held: k.held,
        heldPct: k.heldPct / 100,
        onTime: k.onTime,
        approvalsPending: k.approvalsPending,
        postponed: k.postponed,
        pilots: k.pilots.total,
      })),
    });
    if (q.view === 'dashboard' || q.view === 'children') {
      if (q.view === 'dashboard') sheets.push(levelSheet());
      sheets.push(childSheet());
    }
    if (q.view === 'dashboard' || q.view === 'series') {
      const s = await series(actor, id, q);
      sheets.push({
        name: 'Tiến độ',
        title,
        subtitle,
        columns: [
          { header: 'Cấp', key: 'levelName', width: 34 },
          { header: 'Ngày', key: 'date', type: 'date' },
          { header: 'Đã tổ chức (lũy kế)', key: 'held', type: 'int' },
          { header: 'Tỷ lệ đã tổ chức', key: 'heldPct', type: 'pct' },
          { header: 'Dự kiến (lũy kế)', key: 'forecast', type: 'int' },
          { header: 'Tỷ lệ dự kiến', key: 'forecastPct', type: 'pct' },
        ],
        rows: s.levels.flatMap((l) => l.points.map((p) => ({ levelName: l.levelName, date: p.date, held: p.held, heldPct: p.heldPct / 100, forecast: p.forecast, forecastPct: p.forecastPct / 100 }))),
      });
    }
    if (q.view === 'calendar') {
      const from = q.from ?? d.asOf.slice(0, 8) + '01';
      const to = q.to ?? addDays(addDays(from, 32).slice(0, 8) + '01', -1);
      const cal = await calendar(actor, id, { orgId: d.org.id, from, to });
      sheets.push({
        name: 'Lịch',
        title,
        subtitle: `Lịch đại hội từ ${from.split('-').reverse().join('/')} đến ${to.split('-').reverse().join('/')}`,
        columns: [
          { header: 'Ngày', key: 'date', type: 'date' },
          { header: 'Đã tổ chức', key: 'held', type: 'int' },
          { header: 'Dự kiến', key: 'planned', type: 'int' },
          { header: 'Ngày nghỉ', key: 'holiday', width: 40 },
        ],
        rows: cal.days.map((x) => ({ ...x, holiday: x.holiday ?? (x.workingDay ? '' : 'Nghỉ cuối tuần') })),
      });
      sheets.push(congressSheet(cal.congresses, title, 'Đại hội trong kỳ'));
    }
    if (q.view === 'congresses') {
      const list = await listCongresses(actor, id, { orgId: d.org.id, limit: 1, offset: 0 });
      if (list.total > EXPORT_MAX_ROWS) fail('EXPORT_TOO_LARGE', `Phạm vi có ${list.total.toLocaleString('vi-VN')} đại hội, vượt ${EXPORT_MAX_ROWS.toLocaleString('vi-VN')} dòng; hãy chọn đơn vị nhỏ hơn.`);
      const all: CongressSummary[] = [];
      for (let off = 0; off < list.total; off += 500) all.push(...(await listCongresses(actor, id, { orgId: d.org.id, limit: 500, offset: off })).items);
      sheets.push(congressSheet(all, title, 'Danh sách đại hội'));
    }
    const body = await writeWorkbook(sheets);
    const stamp = d.asOf.replaceAll('-', '');
    return { fileName: `dai-hoi-${d.org.code}-${q.view}-${stamp}.xlsx`, body };
  }

  const statusVi = (s: string) =>
    ({ planned: 'Đã có kế hoạch', documentsReady: 'Xong văn kiện', personnelReady: 'Xong nhân sự, chờ duyệt', approved: 'Cấp trên đã duyệt', held: 'Đã tổ chức', resultsApproved: 'Đã chuẩn y', closed: 'Đã kết thúc', cancelled: 'Không tổ chức' })[s] ?? s;

  function congressSheet(list: CongressSummary[], title: string, name: string): SheetSpec {
    return {
      name,
      title,
      subtitle: `${list.length.toLocaleString('vi-VN')} đại hội`,
      columns: [
        { header: 'Mã', key: 'code', width: 16 },
        { header: 'Tổ chức đảng', key: 'name', width: 44 },
        { header: 'Cấp', key: 'level', type: 'int' },
        { header: 'Hình thức', key: 'form', width: 20 },
        { header: 'Số nội dung', key: 'contents', type: 'int' },
        { header: 'Trạng thái', key: 'status', width: 24 },
        { header: 'Khai mạc', key: 'start', type: 'date' },
        { header: 'Bế mạc', key: 'end', type: 'date' },
        { header: 'Đại hội điểm', key: 'pilot', width: 12 },
        { header: 'Số lần lùi', key: 'postponeCount', type: 'int' },
        { header: 'Cảnh báo', key: 'warnings', width: 30 },
      ],
      rows: list.map((x) => ({
        code: x.org.code,
        name: x.org.name,
        level: x.level,
        form: x.form === 'delegates' ? 'Đại hội đại biểu' : 'Đại hội đảng viên',
        contents: x.contents,
        status: statusVi(x.status),
        start: x.start,
        end: x.end,
        pilot: x.isPilot ? 'Có' : '',
        postponeCount: x.postponeCount,
        warnings: x.warningCodes.join(', '),
      })),
    };
  }

  async function get(actor: Actor, id: number): Promise<Campaign> {
    return present(db, actor, await loadCampaign(db, actor, id));
  }

  /** Directors visible to the actor; with `forCongress`, only those of a committee above that congress (who may direct or attend it). */
  async function directors(actor: Actor, id: number, forCongress?: number) {
    const c = await loadCampaign(db, actor, id);
    let above: string | null = null;
    if (forCongress !== undefined) {
      const row = await campaignsRepo.congress(db, forCongress);
      if (!row || row.campaign_id !== c.id) throw new DomainError('CONGRESS_NOT_FOUND');
      assertCanReadOrg(actor, row.org_path);
      above = row.org_path;
    }
    const r = await db.query<{ id: number; org_id: number; code: string; name: string; path: string; full_name: string; position: string; n: number }>(
      `SELECT d.id, o.id AS org_id, o.code, o.name, o.path::text AS path, d.full_name, d.position, (SELECT count(*)::int FROM congress_assignments a WHERE a.director_id = d.id) AS n
         FROM campaign_directors d JOIN organizations o ON o.id = d.org_id WHERE d.campaign_id = $1 ORDER BY o.path, d.id`,
      [c.id],
    );
    // Directors of the actor's own committee or above it direct congresses in the actor's subtree: both are visible.
    return r.rows
      .filter((d) => pathInside(d.path, actor.scopePath) || pathInside(actor.scopePath, d.path))
      .filter((d) => above === null || (d.path !== above && pathInside(above, d.path)))
      .map((d) => ({ id: d.id, org: { id: d.org_id, code: d.code, name: d.name }, fullName: d.full_name, position: d.position, assignments: d.n }));
  }

  return {
    ...congressOps,
    ...progressImport,

    presets: () =>
      Object.values(directivePresets).map((p) => ({ code: p.code, label: p.label, directive: p.directive, guidance: p.guidance, termFrom: p.termFrom, termTo: p.termTo, levels: p.levels, settings: p.settings, rules: p.rules })),

    holidays: () => ({
      years: vietnamHolidays.map((y) => ({ year: y.year, complete: y.complete, notes: [...y.notes], sources: [...y.sources], off: y.off.map((d) => ({ ...d })), workdays: y.workdays.map((w) => ({ ...w })) })),
    }),

    async list(actor: Actor): Promise<Campaign[]> {
      const rows = await campaignsRepo.list(db);
      const out: Campaign[] = [];
      for (const r of rows) if (campaignVisible(actor, r.root_path)) out.push(await present(db, actor, r, r.congress_count));
      return out;
    },

    get,

    /** Creates the campaign and a congress for every active organization of its subtree, in one transaction. */
    async create(actor: Actor, input: CreateCampaignRequest): Promise<Campaign> {
      const preset = directivePresets[input.preset];
      const levels = mergeLevels(preset.levels, input.levels);
      const problems = checkLevelRules(levels);
      if (problems.length) fail('CAMPAIGN_INVALID', problems[0]!.message, problems.map((p) => ({ field: `levels.${p.level}`, code: p.code, message: p.message })));
      const termFrom = input.termFrom ?? preset.termFrom;
      const termTo = input.termTo ?? preset.termTo;
      if (termTo <= termFrom) fail('CAMPAIGN_INVALID', 'Năm kết thúc nhiệm kỳ phải sau năm bắt đầu.', [{ field: 'termTo', code: 'OUT_OF_ORDER', message: 'Năm kết thúc phải sau năm bắt đầu.' }]);
      const settings: CampaignSettings = { ...preset.settings, ...(input.settings ?? {}) } as CampaignSettings;
      const id = await db.transaction(async (tx) => {
        const root = await orgsRepo.byId(tx, input.rootOrgId);
        if (!root) throw new DomainError('ORG_NOT_FOUND');
        assertCanEditCampaign(actor, root.path);
        if (root.status !== 'active') fail('ORG_NOT_ACTIVE');
        const r = await tx.query<{ id: number }>(
          `INSERT INTO campaigns (name, term_from, term_to, preset, directive, plan, root_org_id, levels, settings, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10) RETURNING id`,
          [input.name, termFrom, termTo, input.preset, input.directive ?? preset.directive, input.plan ?? null, root.id, JSON.stringify(levels), JSON.stringify(settings), actor.userId || null],
        );
        const cid = r.rows[0]!.id;
        const n = await addCongresses(tx, { id: cid, root_path: root.path, settings }, false);
        await recordAudit(tx, actor, {
          action: 'campaign.created',
          entityType: 'campaign',
          entityId: cid,
          orgId: root.id,
          summary: `Tạo đợt đại hội "${input.name}" cho ${root.name}: ${n.toLocaleString('vi-VN')} đại hội`,
          details: { preset: input.preset, levels, settings, congresses: n },
        });
        return cid;
      });
      events.emit(id, { type: 'campaign', orgPath: '', status: 'created' });
      return get(actor, id);
    },

    async update(actor: Actor, id: number, input: UpdateCampaignRequest): Promise<Campaign> {
      await db.transaction(async (tx) => {
        const c = await loadCampaign(tx, actor, id, true);
        assertCanEditCampaign(actor, c.root_path);
        if (c.version !== input.version) fail('VERSION_CONFLICT');
        if (c.status === 'closed' && input.status !== 'active') fail('CAMPAIGN_CLOSED');
        const levels = input.levels ? mergeLevels(c.levels, input.levels) : c.levels;
        const problems = checkLevelRules(levels);
        if (problems.length) fail('CAMPAIGN_INVALID', problems[0]!.message, problems.map((p) => ({ field: `levels.${p.level}`, code: p.code, message: p.message })));
        const settings = input.settings ? ({ ...c.settings, ...input.settings } as CampaignSettings) : c.settings;
        await tx.query(
          `UPDATE campaigns SET name = coalesce($2, name), directive = coalesce($3, directive), plan = CASE WHEN $4::boolean THEN $5 ELSE plan END,
             levels = $6::jsonb, settings = $7::jsonb, status = coalesce($8, status), version = version + 1, updated_at = now() WHERE id = $1`,
          [c.id, input.name ?? null, input.directive ?? null, input.plan !== undefined, input.plan ?? null, JSON.stringify(levels), JSON.stringify(settings), input.status ?? null],
        );
        const changed = input.levels || input.settings ? await recomputeWarnings(tx, { ...c, levels, settings }) : 0;
        await recordAudit(tx, actor, {
          action: 'campaign.updated',
          entityType: 'campaign',
          entityId: c.id,
          orgId: c.root_org_id,
          summary: `Sửa đợt đại hội "${c.name}"${changed ? ` (${changed} đại hội đổi cảnh báo)` : ''}`,
          details: { input, warningsChanged: changed },
        });
      });
      events.emit(id, { type: 'campaign', orgPath: '', status: 'updated' });
      return get(actor, id);
    },

    /** New units get a congress; a unit closed or merged before its congress: "không tổ chức". */
    async sync(actor: Actor, id: number) {
      const out = await db.transaction(async (tx) => {
        const c = await loadCampaign(tx, actor, id, true);
        assertCanEditCampaign(actor, c.root_path);
        if (c.status === 'closed') fail('CAMPAIGN_CLOSED');
        const added = await addCongresses(tx, c, true);
        const gone = await tx.query<{ id: number; org_id: number; status: string }>(
          `SELECT c.id, c.org_id, c.status FROM congresses c JOIN organizations o ON o.id = c.org_id
            WHERE c.campaign_id = $1 AND o.status <> 'active' AND c.status IN ('planned', 'documentsReady', 'personnelReady', 'approved') FOR UPDATE OF c`,
          [c.id],
        );
        for (const g of gone.rows) {
          await tx.query(`UPDATE congresses SET status = 'cancelled', version = version + 1, updated_at = now() WHERE id = $1`, [g.id]);
          await campaignsRepo.addHistory(tx, { congressId: g.id, actorId: actor.userId, actorName: actor.username, kind: 'status', from: g.status, to: 'cancelled', details: { reason: 'Tổ chức đã giải thể hoặc hợp nhất' } });
        }
        await recordAudit(tx, actor, {
          action: 'campaign.synced',
          entityType: 'campaign',
          entityId: c.id,
          orgId: c.root_org_id,
          summary: `Cập nhật danh sách đại hội theo cây tổ chức: thêm ${added}, không tổ chức ${gone.rows.length}`,
          details: { added, cancelled: gone.rows.map((g) => g.id) },
        });
        return { added, cancelled: gone.rows.length };
      });
      events.emit(id, { type: 'campaign', orgPath: '', status: 'synced' });
      return out;
    },

    dashboard,
    /** The subtree a live stream may report on. */
    async streamScope(actor: Actor, id: number, orgId: number | undefined) {
      const c = await loadCampaign(db, actor, id);
      const o = await resolveOrg(actor, c, orgId);
      return { orgPath: o.path };
    },
    series,
    calendar,
    listCongresses,
    exportView,

    directors,

    async createDirector(actor: Actor, id: number, input: { orgId: number; fullName: string; position: string }) {
      const dirId = await db.transaction(async (tx) => {
        const c = await loadCampaign(tx, actor, id);
        const o = await orgsRepo.byId(tx, input.orgId);
        if (!o) throw new DomainError('ORG_NOT_FOUND');
        if (actor.role !== 'admin' && actor.role !== 'organizer') fail('FORBIDDEN_ROLE');
        if (!pathInside(o.path, actor.scopePath) || !pathInside(o.path, c.root_path)) fail('ORG_OUT_OF_SCOPE');
        const r = await tx.query<{ id: number }>(`INSERT INTO campaign_directors (campaign_id, org_id, full_name, position) VALUES ($1, $2, $3, $4) RETURNING id`, [
          c.id,
          o.id,
          input.fullName,
          input.position,
        ]);
        await recordAudit(tx, actor, { action: 'campaign.director', entityType: 'campaign', entityId: c.id, orgId: o.id, summary: `Thêm đồng chí ${input.fullName} (${input.position}) vào danh sách phân công chỉ đạo`, details: input });
        return r.rows[0]!.id;
      });
      return (await directors(actor, id)).find((d) => d.id === dirId)!;
    },

    async directorCalendar(actor: Actor, id: number, directorId: number) {
      const c = await loadCampaign(db, actor, id);
      const list = await directors(actor, c.id);
      const director = list.find((d) => d.id === directorId);
      if (!director) throw new DomainError('NOT_FOUND');
      const r = await db.query<Parameters<typeof summaryOf>[0] & { duty: 'direct' | 'attend'; org_path: string }>(
        `SELECT ${summaryCols}, a.duty, c.org_path::text AS org_path FROM congress_assignments a JOIN congresses c ON c.id = a.congress_id JOIN organizations o ON o.id = c.org_id
          WHERE a.director_id = $1 AND c.status <> 'cancelled' ORDER BY coalesce(c.actual_start, c.planned_start) NULLS LAST, c.id`,
        [directorId],
      );
      const items = r.rows.map((x) => ({ congress: summaryOf(x), duty: x.duty, clash: false, visible: pathInside(x.org_path, actor.scopePath) }));
      for (let i = 0; i < items.length; i++)
        for (let j = 0; j < items.length; j++) {
          const a = items[i]!.congress;
          const b = items[j]!.congress;
          if (i !== j && a.start && b.start && a.start <= (b.end ?? b.start) && b.start <= (a.end ?? a.start)) items[i]!.clash = true;
        }
      // Congresses outside the reader's subtree stay on the calendar as busy days, without names.
      return {
        director,
        items: items.map(({ visible, ...x }) => (visible ? x : { ...x, congress: { ...x.congress, id: 0, org: { id: 0, code: '', name: '(ngoài phạm vi)', typeCode: '' } } })),
      };
    },
  };
}
export type CampaignsService = ReturnType<typeof createCampaignsService>;
