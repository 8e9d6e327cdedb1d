/**
 * The summary report (báo cáo tổng kết) as an ordered list of section builders. Each builder
 * reads what it needs through the context and returns one section in the shape the page, the
 * DOCX and the XLSX all render (paragraphs, tables, one optional chart, named figures). To add
 * a section, append a builder; one whose `requires` tables are absent is listed as missing.
 */
import {
  disciplineFormLabels,
  disciplineForms,
  disciplineFormsFor,
  oversightModeLabels,
  oversightModes,
  type ReportChart,
} from '../../../../shared/src/contracts/reports.ts';
import { formatDateVi, formatNumberVi, formatPercentVi } from '../../../../shared/src/format.ts';
import { attendance, closedDuringCongress, electedVotes, isDirectSecretaryElection, pct, shareDistribution, type StoredHistoryItem, type SecretaryVote } from './report-rules.ts';
import { targetsOf } from './resolutions.service.ts';
import { empty, HELD, levelNameOf, n, period, pt, type SectionBuilder, SUBORDINATE_CELLS, table } from './summary-section.ts';
import { delegatesSection, documentsSection, personnelSection } from './summary-sections-linked.ts';

export type { ReportContext, SectionBuilder } from './summary-section.ts';

// ---- 1. Congresses held per level, on time, ahead of the deadline (the dashboard's roll-ups) ----

const congressesSection: SectionBuilder = {
  key: 'congresses',
  title: 'Kết quả tổ chức đại hội các cấp',
  build: async (c) => {
    const levels = c.dashboard.levels.filter((l) => l.total > 0);
    const t = c.dashboard.totals;
    const paragraphs = [`Tính đến ngày ${formatDateVi(c.asOf)}, ${c.org.name} đã tổ chức ${n(t.held)}/${n(t.total)} đại hội (${t.heldPctText}), trong đó ${n(t.onTime)} đại hội đúng thời hạn của Trung ương.`];
    for (const l of levels) {
      let s = `${l.levelName}: ${n(l.held)}/${n(l.total)} đại hội (${l.heldPctText})`;
      if (l.completedOn) {
        s += `, hoàn thành ngày ${formatDateVi(l.completedOn)}`;
        if (l.daysAheadOfDeadline !== null && l.centralDeadline)
          s += l.daysAheadOfDeadline >= 0 ? `, sớm ${n(l.daysAheadOfDeadline)} ngày so với thời hạn của Trung ương (${formatDateVi(l.centralDeadline)})` : `, chậm ${n(-l.daysAheadOfDeadline)} ngày so với thời hạn của Trung ương (${formatDateVi(l.centralDeadline)})`;
        if (l.daysAheadOfTarget !== null && l.provincialTarget)
          s += l.daysAheadOfTarget >= 0 ? `, sớm ${n(l.daysAheadOfTarget)} ngày so với mốc phấn đấu (${formatDateVi(l.provincialTarget)})` : `, sau mốc phấn đấu ${formatDateVi(l.provincialTarget)} ${n(-l.daysAheadOfTarget)} ngày`;
      } else if (l.centralDeadline) s += `; còn ${n(l.remaining)} đại hội, thời hạn của Trung ương ${formatDateVi(l.centralDeadline)}`;
      if (l.postponed.total) s += `; ${n(l.postponed.total)} đại hội phải lùi thời gian (do dịch bệnh: ${n(l.postponed.byReason.epidemic)})`;
      paragraphs.push(s + '.');
    }
    const figures: Record<string, number | null> = { total: t.total, held: t.held, heldPct: t.heldPct, onTime: t.onTime, postponed: t.postponed.total };
    for (const l of levels) {
      figures[`total.L${l.level}`] = l.total;
      figures[`held.L${l.level}`] = l.held;
      figures[`heldPct.L${l.level}`] = l.heldPct;
      figures[`onTime.L${l.level}`] = l.onTime;
      figures[`onTarget.L${l.level}`] = l.onTarget;
      figures[`daysAheadOfDeadline.L${l.level}`] = l.daysAheadOfDeadline;
      figures[`daysAheadOfTarget.L${l.level}`] = l.daysAheadOfTarget;
    }
    return {
      paragraphs,
      tables: [
        table(
          'Đại hội theo cấp',
          [
            { key: 'level', header: 'Cấp', type: 'text' },
            { key: 'total', header: 'Số đại hội', type: 'int' },
            { key: 'held', header: 'Đã tổ chức', type: 'int' },
            { key: 'heldPct', header: 'Tỷ lệ', type: 'pct' },
            { key: 'onTime', header: 'Đúng thời hạn TW', type: 'int' },
            { key: 'onTarget', header: 'Trước mốc phấn đấu', type: 'int' },
            { key: 'postponed', header: 'Lùi thời gian', type: 'int' },
            { key: 'deadline', header: 'Thời hạn TW', type: 'date' },
            { key: 'completedOn', header: 'Hoàn thành ngày', type: 'date' },
            { key: 'ahead', header: 'Sớm hơn thời hạn (ngày)', type: 'int' },
          ],
          levels.map((l) => ({
            level: l.levelName,
            total: l.total,
            held: l.held,
            heldPct: l.heldPct,
            onTime: l.onTime,
            onTarget: l.onTarget,
            postponed: l.postponed.total,
            deadline: l.centralDeadline,
            completedOn: l.completedOn,
            ahead: l.daysAheadOfDeadline,
          })),
        ),
      ],
      chart: levels.length
        ? {
            title: 'Tỷ lệ đại hội đã tổ chức theo cấp',
            unit: 'pct',
            categories: levels.map((l) => l.levelName),
            series: [
              { name: 'Đã tổ chức', values: levels.map((l) => l.heldPct) },
              { name: 'Đúng thời hạn TW', values: levels.map((l) => pct(l.onTime, l.total)) },
            ],
          }
        : null,
      figures,
      notes: ['Số liệu lấy từ bảng tổng hợp tiến độ của đợt đại hội (cùng cách tính với trang theo dõi tiến độ): đại hội tính là đã tổ chức vào ngày bế mạc.'],
    };
  },
};

// ---- 2. Pilots and their lessons ----

const pilotsSection: SectionBuilder = {
  key: 'pilots',
  title: 'Đại hội điểm và bài học kinh nghiệm',
  build: async (c) => {
    const nameOf = levelNameOf(c);
    const rows = (
      await c.q.query<{ id: number; org_name: string; level: number; start: string | null; end: string | null; held: boolean; observers: number; lessons: string[] | null }>(
        `SELECT c.id, o.name AS org_name, c.level, c.actual_start::text AS start, coalesce(c.actual_end, c.actual_start)::text AS "end",
                (c.status IN ${HELD} AND c.actual_end <= $3::date) AS held,
                (SELECT count(*)::int FROM congress_observers x WHERE x.congress_id = c.id) AS observers,
                (SELECT array_agg(l.text ORDER BY l.id) FROM congress_lessons l WHERE l.congress_id = c.id) AS lessons
           FROM congresses c JOIN organizations o ON o.id = c.org_id
          WHERE c.campaign_id = $1 AND c.org_path <@ $2::ltree AND c.is_pilot AND c.status <> 'cancelled'
          ORDER BY c.level, coalesce(c.actual_start, c.planned_start) NULLS LAST, c.id`,
        [c.campaign.id, c.org.path, c.asOf],
      )
    ).rows;
    const held = rows.filter((r) => r.held);
    const lessons = rows.flatMap((r) => (r.lessons ?? []).map((text) => ({ org: r.org_name, level: nameOf(r.level), text })));
    const levels = [...new Set(rows.map((r) => r.level))];
    const paragraphs = rows.length
      ? [
          `Đã tổ chức ${n(held.length)}/${n(rows.length)} đại hội điểm (${levels.map((l) => `${nameOf(l)}: ${n(held.filter((r) => r.level === l).length)}`).join('; ')}); ${n(rows.reduce((s, r) => s + r.observers, 0))} lượt tổ chức đảng được mời dự, rút kinh nghiệm; ${n(lessons.length)} bài học kinh nghiệm được ghi nhận.`,
        ]
      : ['Đợt đại hội không có đại hội điểm trong phạm vi này.'];
    // The same lesson often comes from several pilots: the report quotes each once, with how many drew it.
    const distinct = new Map<string, { text: string; orgs: string[] }>();
    for (const l of lessons) {
      const d = distinct.get(l.text) ?? { text: l.text, orgs: [] };
      d.orgs.push(l.org);
      distinct.set(l.text, d);
    }
    return {
      paragraphs,
      tables: [
        table(
          'Đại hội điểm',
          [
            { key: 'org', header: 'Tổ chức đảng', type: 'text' },
            { key: 'level', header: 'Cấp', type: 'text' },
            { key: 'start', header: 'Khai mạc', type: 'date' },
            { key: 'end', header: 'Bế mạc', type: 'date' },
            { key: 'observers', header: 'Đơn vị dự rút kinh nghiệm', type: 'int' },
            { key: 'lessons', header: 'Số bài học', type: 'int' },
          ],
          rows.map((r) => ({ org: r.org_name, level: nameOf(r.level), start: r.held ? r.start : null, end: r.held ? r.end : null, observers: r.observers, lessons: r.lessons?.length ?? 0 })),
        ),
        table(
          'Bài học kinh nghiệm',
          [
            { key: 'text', header: 'Bài học', type: 'text' },
            { key: 'count', header: 'Số đại hội điểm rút ra', type: 'int' },
            { key: 'orgs', header: 'Ví dụ', type: 'text' },
          ],
          [...distinct.values()].map((d) => ({ text: d.text, count: d.orgs.length, orgs: d.orgs.slice(0, 3).join('; ') + (d.orgs.length > 3 ? '; …' : '') })),
        ),
      ],
      chart: null,
      figures: { pilots: rows.length, pilotsHeld: held.length, observers: rows.reduce((s, r) => s + r.observers, 0), lessons: lessons.length },
      notes: [],
    };
  },
};

// ---- 3. Secretaries elected directly at the congress, and their vote shares ----

const secretariesSection: SectionBuilder = {
  key: 'secretaries',
  title: 'Bầu trực tiếp bí thư tại đại hội',
  build: async (c) => {
    const nameOf = levelNameOf(c);
    const held = (
      await c.q.query<{ level: number; electing: number }>(
        `SELECT c.level, count(*) FILTER (WHERE c.contents = 4)::int AS electing FROM congresses c JOIN organizations o ON o.id = c.org_id
          WHERE c.campaign_id = $1 AND c.org_path <@ $2::ltree AND c.status IN ${HELD} AND c.actual_end <= $3::date AND o.type_code NOT IN ${SUBORDINATE_CELLS}
          GROUP BY c.level ORDER BY c.level`,
        [c.campaign.id, c.org.path, c.asOf],
      )
    ).rows;
    const elections = (
      await c.q.query<{ congress_id: number; level: number; kind: string; congress_kind: string; closed_on: string | null; start: string | null; end: string | null; history: StoredHistoryItem[] }>(
        `SELECT c.id AS congress_id, c.level, e.kind, e.congress_kind, e.closed_on::text, c.actual_start::text AS start, coalesce(c.actual_end, c.actual_start)::text AS "end", e.history
           FROM congresses c JOIN organizations o ON o.id = c.org_id JOIN elections e ON e.org_id = c.org_id
          WHERE c.campaign_id = $1 AND c.org_path <@ $2::ltree AND c.status IN ${HELD} AND c.actual_end <= $3::date AND o.type_code NOT IN ${SUBORDINATE_CELLS}
            AND e.kind IN ('secretary', 'cellSecretary') AND e.closed_on IS NOT NULL AND e.closed_on BETWEEN c.actual_start AND coalesce(c.actual_end, c.actual_start)`,
        [c.campaign.id, c.org.path, c.asOf],
      )
    ).rows.filter((e) => isDirectSecretaryElection({ kind: e.kind, congressKind: e.congress_kind }) && closedDuringCongress(e.closed_on, e.start, e.end));
    const byLevel = new Map<number, { congresses: Set<number>; votes: SecretaryVote[] }>();
    for (const e of elections) {
      const votes = electedVotes(e.history);
      if (votes.length === 0) continue;
      const b = byLevel.get(e.level) ?? { congresses: new Set<number>(), votes: [] };
      b.congresses.add(e.congress_id);
      b.votes.push(...votes);
      byLevel.set(e.level, b);
    }
    const allVotes = [...byLevel.values()].flatMap((b) => b.votes);
    const dist = shareDistribution(allVotes);
    const electing = held.reduce((s, h) => s + h.electing, 0);
    const direct = [...byLevel.values()].reduce((s, b) => s + b.congresses.size, 0);
    const levelRows = held.map((h) => {
      const b = byLevel.get(h.level);
      const d = shareDistribution(b?.votes ?? []);
      return { level: nameOf(h.level), electing: h.electing, direct: b?.congresses.size ?? 0, pct: pct(b?.congresses.size ?? 0, h.electing), atFull: d.atFull, min: d.min, mean: d.mean };
    });
    const figures: Record<string, number | null> = { electingCongresses: electing, direct, directPct: pct(direct, electing), secretaries: dist.count, atFull: dist.atFull, atFullPct: dist.bands[0]!.pct, minShare: dist.min, meanShare: dist.mean };
    for (const b of dist.bands) figures[`band.${b.key}`] = b.count;
    for (const h of held) {
      figures[`direct.L${h.level}`] = byLevel.get(h.level)?.congresses.size ?? 0;
      figures[`electing.L${h.level}`] = h.electing;
    }
    return {
      paragraphs: [
        electing
          ? `${n(direct)}/${n(electing)} đại hội đã bầu cấp ủy khóa mới bầu trực tiếp bí thư tại đại hội (${pt(direct, electing)}).`
          : 'Chưa có đại hội nào bầu cấp ủy khóa mới trong kỳ.',
        ...(dist.count
          ? [
              `${n(dist.atFull)}/${n(dist.count)} đồng chí bí thư đạt 100% số phiếu bầu (${pt(dist.atFull, dist.count)}); tỷ lệ phiếu thấp nhất ${formatNumberVi(dist.min!, 2)}%, bình quân ${formatNumberVi(dist.mean!, 2)}%.`,
            ]
          : []),
      ],
      tables: [
        table(
          'Theo cấp',
          [
            { key: 'level', header: 'Cấp', type: 'text' },
            { key: 'electing', header: 'Đại hội bầu cấp ủy', type: 'int' },
            { key: 'direct', header: 'Bầu trực tiếp bí thư', type: 'int' },
            { key: 'pct', header: 'Tỷ lệ', type: 'pct' },
            { key: 'atFull', header: 'Đạt 100% phiếu', type: 'int' },
            { key: 'min', header: 'Thấp nhất (%)', type: 'num' },
            { key: 'mean', header: 'Bình quân (%)', type: 'num' },
          ],
          levelRows,
        ),
        table(
          'Phân bố tỷ lệ phiếu bầu của bí thư (so với số được triệu tập tính trúng cử, D)',
          [
            { key: 'band', header: 'Tỷ lệ phiếu', type: 'text' },
            { key: 'count', header: 'Số bí thư', type: 'int' },
            { key: 'pct', header: 'Tỷ lệ', type: 'pct' },
          ],
          dist.bands.map((b) => ({ band: b.label, count: b.count, pct: b.pct })),
        ),
      ],
      chart: dist.count ? { title: 'Số bí thư theo tỷ lệ phiếu bầu', unit: 'count', categories: dist.bands.map((b) => b.label), series: [{ name: 'Số bí thư', values: dist.bands.map((b) => b.count) }] } : null,
      figures,
      notes: [
        'Bầu trực tiếp: cuộc bầu bí thư (bí thư chi bộ) do chính đại hội (đại hội đảng viên hoặc đại biểu) bầu, không phải hội nghị cấp ủy khóa mới; tính các cuộc bầu kết thúc trong thời gian đại hội.',
        'Tỷ lệ phiếu tính trên D của vòng bầu đã bầu ra bí thư (Quy chế bầu cử: số được triệu tập trừ các trường hợp được trừ), như ngưỡng trúng cử và biên bản kiểm phiếu; không tính trên số phiếu hợp lệ, để người vắng mặt hay phiếu không hợp lệ không bị bỏ qua. 100% nghĩa là số phiếu bằng D.',
        'Mẫu số của tỷ lệ bầu trực tiếp: đại hội cấp cơ sở trở lên đã tổ chức có bầu cấp ủy khóa mới (đại hội 4 nội dung). Chi bộ trực thuộc đảng ủy cơ sở luôn bầu bí thư tại đại hội (Điều lệ Đảng, Điều 24) nên không tính.',
      ],
    };
  },
};

// ---- 4. "Dân tin, Đảng cử" ----

const trustedSection: SectionBuilder = {
  key: 'trustedByPeople',
  title: '“Dân tin, Đảng cử”: bí thư chi bộ đồng thời là trưởng thôn, bản, khu phố',
  build: async (c) => {
    const t = c.dashboard.totals.trustedByPeople;
    return {
      paragraphs: t.cells
        ? [`${n(t.secretaryIsHead)}/${n(t.cells)} chi bộ thôn, bản, khu phố đã ghi nhận kết quả bầu trưởng thôn có bí thư chi bộ đồng thời là trưởng thôn, bản, khu phố (${t.pctText}).`]
        : ['Chưa có chi bộ nào ghi nhận kết quả bầu trưởng thôn, bản, khu phố.'],
      tables: [
        table(
          'Dân tin, Đảng cử',
          [
            { key: 'cells', header: 'Chi bộ có kết quả bầu trưởng thôn', type: 'int' },
            { key: 'heads', header: 'Bí thư là trưởng thôn', type: 'int' },
            { key: 'pct', header: 'Tỷ lệ', type: 'pct' },
          ],
          [{ cells: t.cells, heads: t.secretaryIsHead, pct: t.pct }],
        ),
      ],
      chart: null,
      figures: { cells: t.cells, secretaryIsHead: t.secretaryIsHead, pct: t.pct },
      notes: ['Số liệu lấy từ bảng tổng hợp tiến độ của đợt đại hội (ghi nhận tại trang từng đại hội chi bộ).'],
    };
  },
};

// ---- 5–8. The registers ----

const oversightSection: SectionBuilder = {
  key: 'oversight',
  title: 'Công tác kiểm tra, giám sát',
  build: async (c) => {
    const rows = (
      await c.q.query<{ kind: 'inspection' | 'supervision'; mode: (typeof oversightModes)[number]; orgs: number; members: number; committee: number }>(
        `SELECT r.kind, r.mode, count(*) FILTER (WHERE r.subject_type = 'organization')::int AS orgs, count(*) FILTER (WHERE r.subject_type = 'member')::int AS members,
                count(*) FILTER (WHERE r.committee_member)::int AS committee
           FROM report_oversight r JOIN organizations o ON o.id = r.org_id
          WHERE o.path <@ $1::ltree AND r.started_on BETWEEN $2::date AND $3::date GROUP BY r.kind, r.mode`,
        [c.org.path, c.from, c.asOf],
      )
    ).rows;
    const sum = (kind: string, f: 'orgs' | 'members' | 'committee', mode?: string) => rows.filter((r) => r.kind === kind && (!mode || r.mode === mode)).reduce((s, r) => s + r[f], 0);
    const figures: Record<string, number | null> = {};
    for (const k of ['inspection', 'supervision'] as const) {
      figures[`${k}.orgs`] = sum(k, 'orgs');
      figures[`${k}.members`] = sum(k, 'members');
      figures[`${k}.committeeMembers`] = sum(k, 'committee');
      for (const m of oversightModes) {
        figures[`${k}.${m}.orgs`] = sum(k, 'orgs', m);
        figures[`${k}.${m}.members`] = sum(k, 'members', m);
      }
    }
    const any = rows.length > 0;
    const parts: string[] = [];
    const planned = (f: 'orgs' | 'members') => figures[`inspection.regular.${f}`]! + figures[`inspection.thematic.${f}`]!;
    if (planned('orgs') || planned('members')) parts.push(`kiểm tra ${n(planned('orgs'))} tổ chức đảng và ${n(planned('members'))} đảng viên`);
    if (figures['supervision.thematic.orgs'] || figures['supervision.thematic.members'])
      parts.push(`giám sát chuyên đề ${n(figures['supervision.thematic.orgs']!)} tổ chức đảng và ${n(figures['supervision.thematic.members']!)} đảng viên`);
    if (figures['supervision.regular.orgs'] || figures['supervision.regular.members'])
      parts.push(`giám sát thường xuyên ${n(figures['supervision.regular.orgs']!)} tổ chức đảng và ${n(figures['supervision.regular.members']!)} đảng viên`);
    if (figures['inspection.violationSigns.orgs'] || figures['inspection.violationSigns.members'])
      parts.push(
        `kiểm tra khi có dấu hiệu vi phạm ${figures['inspection.violationSigns.orgs'] ? `${n(figures['inspection.violationSigns.orgs']!)} tổ chức đảng và ` : ''}${n(figures['inspection.violationSigns.members']!)} đảng viên`,
      );
    return {
      paragraphs: any ? [`Trong kỳ (${period(c)}), các cấp ủy, ủy ban kiểm tra đã ${parts.join('; ')}.`] : empty('cuộc kiểm tra, giám sát nào'),
      tables: [
        table(
          'Kiểm tra, giám sát theo hình thức',
          [
            { key: 'kind', header: 'Loại', type: 'text' },
            { key: 'mode', header: 'Hình thức', type: 'text' },
            { key: 'orgs', header: 'Tổ chức đảng', type: 'int' },
            { key: 'members', header: 'Đảng viên', type: 'int' },
            { key: 'committee', header: 'Trong đó cấp ủy viên', type: 'int' },
          ],
          (['inspection', 'supervision'] as const).flatMap((k) =>
            oversightModes
              .filter((m) => k === 'inspection' || m !== 'violationSigns')
              .map((m) => ({ kind: k === 'inspection' ? 'Kiểm tra' : 'Giám sát', mode: oversightModeLabels[m], orgs: sum(k, 'orgs', m), members: sum(k, 'members', m), committee: sum(k, 'committee', m) })),
          ),
        ),
      ],
      chart: any
        ? {
            title: 'Kiểm tra, giám sát',
            unit: 'count',
            categories: ['Kiểm tra', 'Giám sát'],
            series: [
              { name: 'Tổ chức đảng', values: [figures['inspection.orgs']!, figures['supervision.orgs']!] },
              { name: 'Đảng viên', values: [figures['inspection.members']!, figures['supervision.members']!] },
            ],
          }
        : null,
      figures,
      notes: [`Sổ theo dõi kiểm tra, giám sát; tính theo ngày bắt đầu ${period(c)}.`],
    };
  },
};

const disciplineSection: SectionBuilder = {
  key: 'discipline',
  title: 'Thi hành kỷ luật',
  build: async (c) => {
    const rows = (
      await c.q.query<{ subject_type: 'organization' | 'member'; form: (typeof disciplineForms)[number]; n: number; committee: number }>(
        `SELECT r.subject_type, r.form, count(*)::int AS n, count(*) FILTER (WHERE r.committee_member)::int AS committee
           FROM report_disciplines r JOIN organizations o ON o.id = r.org_id
          WHERE o.path <@ $1::ltree AND r.decided_on BETWEEN $2::date AND $3::date GROUP BY r.subject_type, r.form`,
        [c.org.path, c.from, c.asOf],
      )
    ).rows;
    const count = (t: 'organization' | 'member', form?: string) => rows.filter((r) => r.subject_type === t && (!form || r.form === form)).reduce((s, r) => s + r.n, 0);
    const committee = rows.reduce((s, r) => s + r.committee, 0);
    const members = count('member');
    const orgs = count('organization');
    const figures: Record<string, number | null> = { members, committeeMembers: committee, orgs };
    for (const f of disciplineForms) {
      if (disciplineFormsFor.member.includes(f)) figures[`member.${f}`] = count('member', f);
      if (disciplineFormsFor.organization.includes(f)) figures[`organization.${f}`] = count('organization', f);
    }
    const byForm = (t: 'organization' | 'member') =>
      disciplineFormsFor[t]
        .filter((f) => count(t, f) > 0)
        .map((f) => `${disciplineFormLabels[f].toLowerCase()} ${n(count(t, f))}`)
        .join(', ');
    const paragraphs = rows.length
      ? [
          `Các tổ chức đảng có thẩm quyền đã thi hành kỷ luật ${n(members)} đảng viên${committee ? `, trong đó có ${n(committee)} cấp ủy viên` : ''}${members ? ` (${byForm('member')})` : ''}${orgs ? `; ${n(orgs)} tổ chức đảng (${byForm('organization')})` : ''}.`,
        ]
      : empty('quyết định kỷ luật nào');
    return {
      paragraphs,
      tables: [
        table(
          'Kỷ luật theo hình thức',
          [
            { key: 'subject', header: 'Đối tượng', type: 'text' },
            { key: 'form', header: 'Hình thức', type: 'text' },
            { key: 'n', header: 'Số trường hợp', type: 'int' },
          ],
          (['member', 'organization'] as const).flatMap((t) => disciplineFormsFor[t].map((f) => ({ subject: t === 'member' ? 'Đảng viên' : 'Tổ chức đảng', form: disciplineFormLabels[f], n: count(t, f) }))),
        ),
      ],
      chart: members
        ? { title: 'Đảng viên bị kỷ luật theo hình thức', unit: 'count', categories: disciplineFormsFor.member.map((f) => disciplineFormLabels[f]), series: [{ name: 'Đảng viên', values: disciplineFormsFor.member.map((f) => count('member', f)) }] }
        : null,
      figures,
      notes: [`Sổ theo dõi kỷ luật; tính theo ngày quyết định ${period(c)}.`],
    };
  },
};

const studySection: SectionBuilder = {
  key: 'study',
  title: 'Học tập, quán triệt nghị quyết',
  build: async (c) => {
    const rows = (
      await c.q.query<{ org_name: string; title: string; held_from: string; held_to: string; expected: number; attended: number }>(
        `SELECT o.name AS org_name, r.title, r.held_from::text, r.held_to::text, r.expected, r.attended
           FROM report_study_sessions r JOIN organizations o ON o.id = r.org_id
          WHERE o.path <@ $1::ltree AND r.held_from BETWEEN $2::date AND $3::date ORDER BY r.held_from, r.id`,
        [c.org.path, c.from, c.asOf],
      )
    ).rows;
    const a = attendance(rows);
    return {
      paragraphs: rows.length ? [`Tổ chức ${n(a.sessions)} đợt học tập, quán triệt với ${n(a.attended)}/${n(a.expected)} đảng viên dự học, đạt ${formatPercentVi(a.attended, a.expected)}.`] : empty('đợt học tập, quán triệt nào'),
      tables: [
        table(
          'Các đợt học tập, quán triệt',
          [
            { key: 'org', header: 'Tổ chức đảng', type: 'text' },
            { key: 'title', header: 'Nội dung', type: 'text' },
            { key: 'from', header: 'Từ ngày', type: 'date' },
            { key: 'to', header: 'Đến ngày', type: 'date' },
            { key: 'expected', header: 'Số phải học', type: 'int' },
            { key: 'attended', header: 'Số dự học', type: 'int' },
            { key: 'pct', header: 'Tỷ lệ', type: 'pct' },
          ],
          rows.map((r) => ({ org: r.org_name, title: r.title, from: r.held_from, to: r.held_to, expected: r.expected, attended: r.attended, pct: pct(r.attended, r.expected) })),
        ),
      ],
      chart: null,
      figures: { sessions: a.sessions, expected: a.expected, attended: a.attended, pct: a.pct },
      notes: ['Tỷ lệ chung = tổng số dự học / tổng số phải học (không lấy bình quân các tỷ lệ).'],
    };
  },
};

const targetsSection: SectionBuilder = {
  key: 'targets',
  title: 'Thực hiện các chỉ tiêu nghị quyết',
  build: async (c) => {
    const resolutions = (
      await c.q.query<{ id: number; title: string; ref: string | null; task_groups: number; org_name: string }>(
        `SELECT r.id, r.title, r.ref, r.task_groups, o.name AS org_name FROM report_resolutions r JOIN organizations o ON o.id = r.org_id
          WHERE o.path <@ $1::ltree AND r.adopted_on <= $2::date ORDER BY r.adopted_on, r.id`,
        [c.org.path, c.asOf],
      )
    ).rows;
    const targets = await targetsOf(
      c.q,
      resolutions.map((r) => r.id),
      c.asOf,
    );
    const statusVi = { achieved: 'Đạt', notYet: 'Chưa đạt', noData: 'Chưa có số liệu' } as const;
    const all = resolutions.flatMap((r) => targets.get(r.id)!.map((t) => ({ r, t })));
    const achieved = all.filter((x) => x.t.latest.status === 'achieved').length;
    const withData = all.filter((x) => x.t.latest.status !== 'noData');
    return {
      paragraphs: resolutions.length
        ? resolutions.map((r) => {
            const ts = targets.get(r.id)!;
            const ok = ts.filter((t) => t.latest.status === 'achieved').length;
            return `${r.title}${r.ref ? ` (${r.ref})` : ''}: ${n(ts.length)} chỉ tiêu${r.task_groups ? `, ${n(r.task_groups)} nhóm nhiệm vụ, giải pháp` : ''}; đến ngày ${formatDateVi(c.asOf)} đạt ${n(ok)}/${n(ts.length)} chỉ tiêu${ts.length - ok ? `, ${n(ts.filter((t) => t.latest.status === 'noData').length)} chỉ tiêu chưa có số liệu` : ''}.`;
          })
        : ['Chưa có nghị quyết nào được ghi vào sổ theo dõi chỉ tiêu.'],
      tables: [
        table(
          'Chỉ tiêu và tiến độ',
          [
            { key: 'resolution', header: 'Nghị quyết', type: 'text' },
            { key: 'position', header: 'STT', type: 'int' },
            { key: 'name', header: 'Chỉ tiêu', type: 'text' },
            { key: 'target', header: 'Mục tiêu', type: 'num' },
            { key: 'unit', header: 'Đơn vị', type: 'text' },
            { key: 'value', header: 'Thực hiện', type: 'num' },
            { key: 'asOf', header: 'Số liệu ngày', type: 'date' },
            { key: 'progress', header: 'So với mục tiêu', type: 'pct' },
            { key: 'status', header: 'Đánh giá', type: 'text' },
          ],
          all.map(({ r, t }) => ({
            resolution: r.title,
            position: t.position,
            name: t.name,
            target: t.targetValue,
            unit: t.unit,
            value: t.latest.value,
            asOf: t.latest.valueAsOf,
            progress: t.latest.progressPct,
            status: statusVi[t.latest.status],
          })),
        ),
      ],
      chart: withData.length
        ? {
            title: 'Mức thực hiện so với mục tiêu (%)',
            unit: 'pct',
            categories: withData.map((x) => `${x.t.position}. ${x.t.name}`),
            series: [{ name: 'So với mục tiêu', values: withData.map((x) => Math.min(x.t.latest.progressPct ?? 0, 150)) }],
          }
        : null,
      figures: { resolutions: resolutions.length, targets: all.length, achieved, notYet: all.filter((x) => x.t.latest.status === 'notYet').length, noData: all.length - withData.length },
      notes: ['Giá trị thực hiện là số liệu gần nhất đến ngày báo cáo. Chỉ tiêu “không vượt quá” (ví dụ tỷ lệ hộ nghèo) đạt khi thực hiện không cao hơn mục tiêu.'],
    };
  },
};

/** The report, in order. A section whose `requires` tables are missing is left out and named in `missing`. */
export const summarySections: SectionBuilder[] = [
  congressesSection,
  pilotsSection,
  secretariesSection,
  trustedSection,
  personnelSection,
  delegatesSection,
  documentsSection,
  oversightSection,
  disciplineSection,
  studySection,
  targetsSection,
];

/** A chart as a table, for readers of the DOCX who cannot see the image and for checks. */
export function chartRows(chart: ReportChart) {
  return chart.categories.map((cat, i) => ({ category: cat, ...Object.fromEntries(chart.series.map((s) => [s.name, s.values[i] ?? 0])) }));
}
