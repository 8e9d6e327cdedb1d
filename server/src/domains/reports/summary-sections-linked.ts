/**
 * Sections that read other domains' tables: the new committees' composition against the
 * targets and the concurrent-post models (personnel), delegates and credentials (delegates),
 * documents and consultations (documents). Each names the tables it needs; the summary
 * service leaves a section out, and lists it as missing, until those tables exist. Rules are
 * the owning domain's: composition by personnel's `checkComposition`, concurrent posts by
 * personnel's own report (with the reader's scope checks).
 */
import { checkComposition, createConcurrentPostsService } from '../personnel/index.ts';
import type { AgeBands, CompositionPerson, CompositionTarget, Measure } from '../personnel/composition-rules.ts';
import { formatNumberVi } from '../../../../shared/src/format.ts';
import { pct } from './report-rules.ts';
import { HELD, levelNameOf, n, pt, type ReportContext, type SectionBuilder, table } from './summary-section.ts';

// ---- Personnel: composition of the new committees, concurrent posts ----

type Member = CompositionPerson & { congressId: number; level: number };
type CountedKey = 'female' | 'young' | 'ethnicMinority' | 'newMember';
type Tally = { level: number; committees: number; members: number } & Record<CountedKey, number>;
type Plan = { congress_id: number; targets: CompositionTarget[]; settings: { ageBands?: AgeBands }; reference_month: string; merged_unit: boolean };

/** The measures the report counts for every committee, as zero-share "targets" so personnel's rule does the counting. */
const COUNTED: { key: CountedKey; label: string; measure: Measure }[] = [
  { key: 'female', label: 'Nữ', measure: 'female' },
  { key: 'young', label: 'Trẻ (dưới mốc tuổi của kế hoạch)', measure: 'young' },
  { key: 'ethnicMinority', label: 'Người dân tộc thiểu số', measure: 'ethnicMinority' },
  { key: 'newMember', label: 'Tham gia lần đầu', measure: 'newMember' },
];
const countingTargets: CompositionTarget[] = COUNTED.map((c) => ({ key: c.key, label: c.label, measure: c.measure, over: 'all', rule: { kind: 'minShare', value: 0 }, source: '', confirmed: true }));
const DEFAULT_BANDS: AgeBands = { youngBelow: 40, middleFrom: 40, middleTo: 50 };

function counts(people: CompositionPerson[], bands: AgeBands, onDate: string) {
  const r = checkComposition(people, countingTargets, { onDate, bands, mergedUnit: false });
  return Object.fromEntries(COUNTED.map((c) => [c.key, r.find((x) => x.key === c.key)?.count ?? 0])) as Record<CountedKey, number>;
}

async function membersOf(c: ReportContext, where: string, params: unknown[]): Promise<Member[]> {
  const r = await c.q.query<{ congress_id: number; level: number; gender: 'male' | 'female'; birth_date: string; ethnicity: string; sci_tech: boolean; incumbent: boolean; standing: boolean }>(
    `SELECT cm.congress_id, cg.level, p.gender, p.birth_date::text, p.ethnicity, p.sci_tech,
            coalesce((SELECT bool_or(cc.incumbent) FROM congress_candidates cc WHERE cc.congress_id = cm.congress_id AND cc.person_id = cm.person_id), false) AS incumbent,
            EXISTS (SELECT 1 FROM committee_members s WHERE s.congress_id = cm.congress_id AND s.person_id = cm.person_id AND s.body = 'standingCommittee') AS standing
       FROM committee_members cm JOIN persons p ON p.id = cm.person_id JOIN congresses cg ON cg.id = cm.congress_id
      WHERE cm.body = 'executiveCommittee' AND ${where}`,
    params,
  );
  return r.rows.map((x) => ({ congressId: x.congress_id, level: x.level, gender: x.gender, birthDate: x.birth_date, ethnicity: x.ethnicity, sciTech: x.sci_tech, incumbent: x.incumbent, standing: x.standing }));
}

export const personnelSection: SectionBuilder = {
  key: 'personnel',
  title: 'Cơ cấu cấp ủy khóa mới và các mô hình bố trí cán bộ',
  requires: ['committee_members', 'persons', 'personnel_plans', 'congress_candidates', 'concurrent_post_targets', 'person_posts'],
  build: async (c) => {
    const nameOf = levelNameOf(c);
    const members = await membersOf(c, `cg.campaign_id = $1 AND cg.org_path <@ $2::ltree AND cg.status IN ${HELD} AND cg.actual_end <= $3::date`, [c.campaign.id, c.org.path, c.asOf]);
    const congressIds = [...new Set(members.map((m) => m.congressId))];
    const plans = new Map(
      (await c.q.query<Plan>(`SELECT congress_id, targets, settings, reference_month, merged_unit FROM personnel_plans WHERE congress_id = ANY($1::int[])`, [congressIds])).rows.map((p) => [p.congress_id, p]),
    );
    const onDateOf = (id: number) => (plans.get(id) ? `${plans.get(id)!.reference_month}-01` : c.asOf);
    const bandsOf = (id: number) => plans.get(id)?.settings.ageBands ?? DEFAULT_BANDS;
    // Figures per level: each committee counted with its own plan's age bands and reference date.
    const levels = [...new Set(members.map((m) => m.level))].sort((a, b) => a - b);
    const perLevel = levels.map((level) => {
      const sum: Tally = { level, committees: 0, members: 0, female: 0, young: 0, ethnicMinority: 0, newMember: 0 };
      for (const id of congressIds) {
        const people = members.filter((m) => m.congressId === id && m.level === level);
        if (!people.length) continue;
        const k = counts(people, bandsOf(id), onDateOf(id));
        sum.committees += 1;
        sum.members += people.length;
        for (const key of COUNTED.map((x) => x.key)) sum[key] += k[key]!;
      }
      return sum;
    });
    // Targets: how many committees met each target of their plan.
    const byTarget = new Map<string, { label: string; met: number; missed: number; notApplicable: number }>();
    for (const id of congressIds) {
      const plan = plans.get(id);
      if (!plan) continue;
      const people = members.filter((m) => m.congressId === id);
      for (const r of checkComposition(people, plan.targets, { onDate: onDateOf(id), bands: bandsOf(id), mergedUnit: plan.merged_unit })) {
        const t = byTarget.get(r.key) ?? { label: r.label, met: 0, missed: 0, notApplicable: 0 };
        t[r.status === 'met' ? 'met' : r.status === 'missed' ? 'missed' : 'notApplicable']++;
        byTarget.set(r.key, t);
      }
    }
    // The previous term, where its committees are recorded (elected before this campaign's term).
    const previous = await membersOf(c, `cg.org_path <@ $1::ltree AND cm.term_to <= $2 AND cg.status <> 'cancelled'`, [c.org.path, c.campaign.termFrom]);
    const prevTotal = previous.length;
    const prevCounts = prevTotal ? counts(previous, DEFAULT_BANDS, `${c.campaign.termFrom - 5}-01-01`) : null;
    // Concurrent-post models, by personnel's own report (which checks the reader's scope again).
    const concurrent = await createConcurrentPostsService({ db: c.q }).report(c.actor, c.org.id);

    const total = perLevel.reduce((s, l) => s + l.members, 0);
    const sumOf = (k: CountedKey) => perLevel.reduce((s, l) => s + l[k], 0);
    const figures: Record<string, number | null> = {
      committees: perLevel.reduce((s, l) => s + l.committees, 0),
      members: total,
      female: sumOf('female'),
      femalePct: pct(sumOf('female'), total),
      young: sumOf('young'),
      ethnicMinority: sumOf('ethnicMinority'),
      newMember: sumOf('newMember'),
      previousMembers: prevTotal || null,
      previousFemalePct: prevCounts ? pct(prevCounts.female!, prevTotal) : null,
    };
    for (const [key, t] of byTarget) {
      figures[`target.${key}.met`] = t.met;
      figures[`target.${key}.missed`] = t.missed;
    }
    for (const f of concurrent.figures) figures[`concurrent.${f.model}.L${f.level}`] = f.applying;
    const paragraphs = total
      ? [
          `${n(figures.committees!)} cấp ủy khóa mới đã ghi nhận danh sách trúng cử với ${n(total)} cấp ủy viên: nữ ${n(sumOf('female'))} (${pt(sumOf('female'), total)}), trẻ ${n(sumOf('young'))} (${pt(sumOf('young'), total)}), người dân tộc thiểu số ${n(sumOf('ethnicMinority'))} (${pt(sumOf('ethnicMinority'), total)}), tham gia lần đầu ${n(sumOf('newMember'))} (${pt(sumOf('newMember'), total)}).`,
          prevCounts ? `Nhiệm kỳ trước: ${n(prevTotal)} cấp ủy viên, nữ ${pt(prevCounts.female!, prevTotal)}, trẻ ${pt(prevCounts.young!, prevTotal)}.` : 'Chưa ghi nhận danh sách cấp ủy nhiệm kỳ trước để so sánh.',
        ]
      : ['Chưa có cấp ủy khóa mới nào được ghi nhận danh sách trúng cử (kết quả bầu cử gắn với người trong hồ sơ nhân sự).'];
    paragraphs.push(...concurrent.figures.filter((f) => f.units > 0).map((f) => `${f.modelLabel}: ${f.text}.`));
    return {
      paragraphs,
      tables: [
        table(
          'Cơ cấu cấp ủy khóa mới theo cấp',
          [
            { key: 'level', header: 'Cấp', type: 'text' },
            { key: 'committees', header: 'Số cấp ủy', type: 'int' },
            { key: 'members', header: 'Cấp ủy viên', type: 'int' },
            { key: 'femalePct', header: 'Nữ', type: 'pct' },
            { key: 'youngPct', header: 'Trẻ', type: 'pct' },
            { key: 'ethnicPct', header: 'Dân tộc thiểu số', type: 'pct' },
            { key: 'newPct', header: 'Tham gia lần đầu', type: 'pct' },
          ],
          perLevel.map((l) => ({
            level: nameOf(l.level),
            committees: l.committees,
            members: l.members,
            femalePct: pct(l.female, l.members),
            youngPct: pct(l.young, l.members),
            ethnicPct: pct(l.ethnicMinority, l.members),
            newPct: pct(l.newMember, l.members),
          })),
        ),
        table(
          'Đạt mục tiêu cơ cấu (số cấp ủy)',
          [
            { key: 'label', header: 'Mục tiêu', type: 'text' },
            { key: 'met', header: 'Đạt', type: 'int' },
            { key: 'missed', header: 'Chưa đạt', type: 'int' },
            { key: 'na', header: 'Không áp dụng', type: 'int' },
          ],
          [...byTarget.values()].map((t) => ({ label: t.label, met: t.met, missed: t.missed, na: t.notApplicable })),
        ),
        table(
          'Các mô hình bố trí cán bộ',
          [
            { key: 'model', header: 'Mô hình', type: 'text' },
            { key: 'level', header: 'Cấp', type: 'text' },
            { key: 'applying', header: 'Số đơn vị thực hiện', type: 'int' },
            { key: 'base', header: 'Trên tổng số', type: 'int' },
            { key: 'share', header: 'Tỷ lệ', type: 'pct' },
            { key: 'target', header: 'Mục tiêu', type: 'text' },
          ],
          concurrent.figures.map((f) => ({
            model: f.modelLabel,
            level: f.levelName,
            applying: f.applying,
            base: f.base,
            share: f.share === null ? null : Math.round(f.share * 10_000) / 100,
            target: f.target ? (f.target.kind === 'share' ? `${formatNumberVi(f.target.value, 2)}%` : `${n(f.target.value)} đơn vị`) : '',
          })),
        ),
      ],
      chart: total
        ? {
            title: 'Cơ cấu cấp ủy khóa mới (%)',
            unit: 'pct',
            categories: COUNTED.map((x) => x.label),
            series: [
              { name: 'Khóa mới', values: COUNTED.map((x) => pct(sumOf(x.key), total)) },
              ...(prevCounts ? [{ name: 'Nhiệm kỳ trước', values: COUNTED.map((x) => pct(prevCounts[x.key]!, prevTotal)) }] : []),
            ],
          }
        : null,
      figures,
      notes: [
        'Tính trên danh sách trúng cử Ban Chấp hành của các đại hội đã tổ chức, theo quy tắc cơ cấu của phân hệ nhân sự (mốc tuổi và ngày tính tuổi theo kế hoạch nhân sự của từng đại hội; không có kế hoạch thì dưới 40 tuổi, tính đến ngày báo cáo).',
        '“Tham gia lần đầu”: không phải cấp ủy viên khóa trước theo danh sách nhân sự giới thiệu.',
      ],
    };
  },
};

// ---- Delegates and credentials ----

export const delegatesSection: SectionBuilder = {
  key: 'delegates',
  title: 'Đại biểu và thẩm tra tư cách đại biểu',
  requires: ['delegates', 'delegate_attendance'],
  build: async (c) => {
    const rows = (
      await c.q.query<{ kind: string; credentials: string; not_summoned: boolean; substitute: boolean; replaced: boolean; n: number }>(
        `SELECT d.kind, d.credentials, d.not_summoned_reason IS NOT NULL AS not_summoned, d.replaces_id IS NOT NULL AS substitute, d.replaced_by_id IS NOT NULL AS replaced, count(*)::int AS n
           FROM delegates d JOIN congresses cg ON cg.id = d.congress_id
          WHERE cg.campaign_id = $1 AND cg.org_path <@ $2::ltree GROUP BY 1, 2, 3, 4, 5`,
        [c.campaign.id, c.org.path],
      )
    ).rows;
    const extra = (
      await c.q.query<{ congresses: number; attended: number }>(
        `SELECT count(DISTINCT d.congress_id)::int AS congresses,
                (SELECT count(DISTINCT a.delegate_id)::int FROM delegate_attendance a JOIN congresses cg2 ON cg2.id = a.congress_id WHERE cg2.campaign_id = $1 AND cg2.org_path <@ $2::ltree) AS attended
           FROM delegates d JOIN congresses cg ON cg.id = d.congress_id WHERE cg.campaign_id = $1 AND cg.org_path <@ $2::ltree`,
        [c.campaign.id, c.org.path],
      )
    ).rows[0]!;
    const sum = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((s, r) => s + r.n, 0);
    const kinds = ['official', 'alternate', 'exOfficio', 'appointed'] as const;
    const kindVi = { official: 'Chính thức (được bầu)', alternate: 'Dự khuyết', exOfficio: 'Đương nhiên', appointed: 'Chỉ định' } as const;
    // Credentials are examined for those summoned to vote: not those not summoned, not officials an
    // alternate replaced, and alternates only once substituted in.
    const summoned = (r: (typeof rows)[number]) => !r.not_summoned && !r.replaced && (r.kind !== 'alternate' || r.substitute);
    const figures: Record<string, number | null> = {
      congresses: extra.congresses,
      total: sum(() => true),
      summoned: sum(summoned),
      accepted: sum((r) => summoned(r) && r.credentials === 'accepted'),
      rejected: sum((r) => summoned(r) && r.credentials === 'rejected'),
      pending: sum((r) => summoned(r) && r.credentials === 'pending'),
      notSummoned: sum((r) => r.not_summoned),
      substitutes: sum((r) => r.substitute),
      attended: extra.attended,
    };
    for (const k of kinds) figures[`kind.${k}`] = sum((r) => r.kind === k);
    return {
      paragraphs: figures.total
        ? [
            `${n(figures.congresses!)} đại hội đã lập danh sách đại biểu với ${n(figures.total!)} đại biểu (chính thức ${n(figures['kind.official']!)}, dự khuyết ${n(figures['kind.alternate']!)}, đương nhiên ${n(figures['kind.exOfficio']!)}, chỉ định ${n(figures['kind.appointed']!)}).`,
            `Thẩm tra tư cách: ${n(figures.accepted!)}/${n(figures.summoned!)} đại biểu được triệu tập đủ tư cách (${pt(figures.accepted!, figures.summoned!)}), ${n(figures.rejected!)} không đủ tư cách, ${n(figures.pending!)} chưa thẩm tra; ${n(figures.substitutes!)} đại biểu dự khuyết thay thế; ${n(figures.notSummoned!)} đại biểu không triệu tập; ${n(figures.attended!)} đại biểu đã điểm danh dự đại hội.`,
          ]
        : ['Chưa có đại hội nào lập danh sách đại biểu.'],
      tables: [
        table(
          'Đại biểu theo loại',
          [
            { key: 'kind', header: 'Loại đại biểu', type: 'text' },
            { key: 'total', header: 'Số đại biểu', type: 'int' },
            { key: 'accepted', header: 'Đủ tư cách', type: 'int' },
            { key: 'rejected', header: 'Không đủ tư cách', type: 'int' },
            { key: 'pending', header: 'Chưa thẩm tra', type: 'int' },
          ],
          kinds.map((k) => ({
            kind: kindVi[k],
            total: sum((r) => r.kind === k),
            accepted: sum((r) => r.kind === k && r.credentials === 'accepted'),
            rejected: sum((r) => r.kind === k && r.credentials === 'rejected'),
            pending: sum((r) => r.kind === k && r.credentials === 'pending'),
          })),
        ),
      ],
      chart: null,
      figures,
      notes: ['Đại biểu được triệu tập: mọi loại trừ dự khuyết chưa thay thế, đại biểu đã được thay thế và người không triệu tập; tỷ lệ đủ tư cách tính trên số này. Số liệu theo danh sách hiện tại của phân hệ đại biểu.'],
    };
  },
};

// ---- Documents and consultation ----

export const documentsSection: SectionBuilder = {
  key: 'documents',
  title: 'Văn kiện và lấy ý kiến góp ý',
  requires: ['congress_documents', 'consultations', 'consultation_comments', 'synthesis_themes'],
  build: async (c) => {
    const docs = (
      await c.q.query<{ doc_type: string; n: number; approved: number }>(
        `SELECT d.doc_type, count(*)::int AS n, count(*) FILTER (WHERE d.approved_version_id IS NOT NULL)::int AS approved
           FROM congress_documents d JOIN congresses cg ON cg.id = d.congress_id WHERE cg.campaign_id = $1 AND cg.org_path <@ $2::ltree GROUP BY 1`,
        [c.campaign.id, c.org.path],
      )
    ).rows;
    const rounds = (
      await c.q.query<{ id: number }>(
        `SELECT k.id FROM consultations k JOIN congress_documents d ON d.id = k.document_id JOIN congresses cg ON cg.id = d.congress_id
          WHERE cg.campaign_id = $1 AND cg.org_path <@ $2::ltree`,
        [c.campaign.id, c.org.path],
      )
    ).rows.map((r) => r.id);
    const comments = (
      await c.q.query<{ channel: string; status: string; n: number }>(`SELECT channel, status, count(*)::int AS n FROM consultation_comments WHERE consultation_id = ANY($1::int[]) GROUP BY 1, 2`, [rounds])
    ).rows;
    const themes = (await c.q.query<{ response: string | null; n: number }>(`SELECT response, count(*)::int AS n FROM synthesis_themes WHERE consultation_id = ANY($1::int[]) GROUP BY 1`, [rounds])).rows;
    const sumC = (f: (r: (typeof comments)[number]) => boolean) => comments.filter(f).reduce((s, r) => s + r.n, 0);
    const channels = ['member', 'org', 'public', 'import'] as const;
    const channelVi = { member: 'Đảng viên', org: 'Tổ chức', public: 'Nhân dân (đường dẫn công khai)', import: 'Tổng hợp từ văn bản' } as const;
    const typeVi: Record<string, string> = { politicalReport: 'Báo cáo chính trị', committeeReview: 'Báo cáo kiểm điểm của cấp ủy', draftResolution: 'Dự thảo nghị quyết', actionProgram: 'Chương trình hành động', upperDraftComments: 'Góp ý dự thảo văn kiện cấp trên', other: 'Văn kiện khác' };
    const responses = (k: string | null) => themes.filter((t) => t.response === k).reduce((s, t) => s + t.n, 0);
    const total = sumC(() => true);
    const figures: Record<string, number | null> = {
      documents: docs.reduce((s, d) => s + d.n, 0),
      approved: docs.reduce((s, d) => s + d.approved, 0),
      consultations: rounds.length,
      comments: total,
      hidden: sumC((r) => r.status === 'hidden'),
      merged: sumC((r) => r.status === 'merged'),
      themes: themes.reduce((s, t) => s + t.n, 0),
      accepted: responses('accepted'),
      explained: responses('explained'),
      notAccepted: responses('notAccepted'),
    };
    for (const ch of channels) figures[`channel.${ch}`] = sumC((r) => r.channel === ch);
    return {
      paragraphs: [
        figures.documents
          ? `${n(figures.documents)} văn kiện được đưa lên hệ thống, ${n(figures.approved!)} văn kiện đã được duyệt trình đại hội.`
          : 'Chưa có văn kiện nào được đưa lên hệ thống.',
        rounds.length
          ? `Tổ chức ${n(rounds.length)} đợt lấy ý kiến, nhận ${n(total)} ý kiến góp ý (${channels.filter((ch) => figures[`channel.${ch}`]).map((ch) => `${channelVi[ch].toLowerCase()} ${n(figures[`channel.${ch}`]!)}`).join(', ')}); tổng hợp thành ${n(figures.themes!)} nhóm ý kiến: tiếp thu ${n(figures.accepted!)}, giải trình ${n(figures.explained!)}, không tiếp thu ${n(figures.notAccepted!)}.`
          : 'Chưa tổ chức đợt lấy ý kiến nào.',
      ],
      tables: [
        table(
          'Văn kiện theo loại',
          [
            { key: 'type', header: 'Loại văn kiện', type: 'text' },
            { key: 'n', header: 'Số văn kiện', type: 'int' },
            { key: 'approved', header: 'Đã duyệt', type: 'int' },
          ],
          docs.map((d) => ({ type: typeVi[d.doc_type] ?? d.doc_type, n: d.n, approved: d.approved })),
        ),
        table(
          'Ý kiến góp ý theo kênh',
          [
            { key: 'channel', header: 'Kênh', type: 'text' },
            { key: 'n', header: 'Số ý kiến', type: 'int' },
            { key: 'pct', header: 'Tỷ lệ', type: 'pct' },
          ],
          channels.map((ch) => ({ channel: channelVi[ch], n: figures[`channel.${ch}`]!, pct: pct(figures[`channel.${ch}`]!, total) })),
        ),
      ],
      chart: total ? { title: 'Ý kiến góp ý theo kênh', unit: 'count', categories: channels.map((ch) => channelVi[ch]), series: [{ name: 'Số ý kiến', values: channels.map((ch) => figures[`channel.${ch}`]!) }] } : null,
      figures,
      notes: ['Số ý kiến gồm cả ý kiến đã ẩn hoặc gộp khi kiểm duyệt (ghi riêng trong số liệu); tính đến thời điểm lập báo cáo.'],
    };
  },
};
