/**
 * The demo province's party-building registers and secretary elections, so its summary report
 * tells the seed reports' story (figures of seed 002, Bến Tre, first half of 2020, used for the
 * demo province as the brief of issue 6 says; dates and names are illustrative):
 * - inspections 72 organizations and 526 members; thematic supervision 30 organizations and 37
 *   members; the provincial Standing Committee's regular supervision of 3 organizations and 3
 *   members; inspections on signs of violation of 27 members;
 * - 54 members disciplined, 19 of them committee members;
 * - study sessions: 49,356 of 50,502 members = 97.73 %;
 * - the province's resolution for 2020: 25 targets, 7 task groups, progress at 31/3 and 15/6;
 * - every grassroots and district-level congress held elected its secretary directly, with
 *   high vote shares and many at 100 % (seeds 000, 001, 003).
 * Elections are stored as the election service stores a counted and published one: the
 * counting engine counts the ballots and `presentRound` shapes the result.
 */
import type { Db, Queryable } from '../platform/db/db.ts';
import type { Services } from '../composition.ts';
import type { Actor } from '../platform/audit/audit.ts';
import { recordAudit } from '../platform/audit/audit.ts';
import { type BallotEntry, computeDenominator, countRound, resolveRuleSet, startElection } from '../domains/elections/counting/index.ts';
import { presentRound } from '../domains/elections/round-result.ts';

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Tô', 'Vi', 'Nông', 'Hà', 'Lương'];
const middle = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Quang', 'Thu', 'Hồng', 'Xuân', 'Ngọc', 'Hữu', 'Thành'];
const given = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Long', 'Mai', 'Nam', 'Phong', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Thắng', 'Thảo', 'Thủy', 'Trung', 'Tuấn', 'Việt', 'Yến', 'Lợi', 'Toàn'];

/** The 25 targets of the province's resolution for 2020 (illustrative): [name, unit, target, direction, 31/3 value, 15/6 value]. */
const targets2020: [string, string, number, 'atLeast' | 'atMost', number | null, number | null][] = [
  ['Tốc độ tăng trưởng GRDP', '%', 12, 'atLeast', 6.2, 8.1],
  ['GRDP bình quân đầu người', 'USD', 8500, 'atLeast', null, 4100],
  ['Tổng thu ngân sách nhà nước trên địa bàn', 'tỷ đồng', 50_000, 'atLeast', 10_900, 21_300],
  ['Thu ngân sách nội địa', 'tỷ đồng', 36_000, 'atLeast', 8_200, 16_100],
  ['Tổng vốn đầu tư toàn xã hội', 'tỷ đồng', 90_000, 'atLeast', 17_500, 38_000],
  ['Tổng lượt khách du lịch', 'triệu lượt', 16, 'atLeast', 2.3, 3.1],
  ['Sản lượng than nguyên khai', 'triệu tấn', 41, 'atLeast', 10.9, 21.4],
  ['Giá trị xuất khẩu trên địa bàn', 'triệu USD', 2_800, 'atLeast', 610, 1_250],
  ['Tỷ lệ đô thị hóa', '%', 66, 'atLeast', null, 65.2],
  ['Tỷ lệ hộ nghèo (chuẩn tỉnh)', '%', 1, 'atMost', 1.2, 0.9],
  ['Tỷ lệ lao động qua đào tạo', '%', 84, 'atLeast', null, 83.1],
  ['Số lao động được giải quyết việc làm', 'người', 18_500, 'atLeast', 4_200, 9_600],
  ['Tỷ lệ dân số tham gia bảo hiểm y tế', '%', 95.5, 'atLeast', 94.1, 95.6],
  ['Số bác sĩ trên 1 vạn dân', 'bác sĩ', 13, 'atLeast', null, 12.4],
  ['Tỷ lệ trường học đạt chuẩn quốc gia', '%', 85, 'atLeast', null, 83.5],
  ['Tỷ lệ xã đạt chuẩn nông thôn mới', '%', 100, 'atLeast', 93.6, 96.8],
  ['Tỷ lệ che phủ rừng', '%', 55, 'atLeast', null, 54.6],
  ['Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý', '%', 98, 'atLeast', 96.4, 97.1],
  ['Tỷ lệ dân số đô thị được dùng nước sạch', '%', 100, 'atLeast', 99.2, 99.6],
  ['Số doanh nghiệp thành lập mới', 'doanh nghiệp', 2_000, 'atLeast', 410, 920],
  ['Tỷ lệ thủ tục hành chính giải quyết trực tuyến mức độ 3, 4', '%', 70, 'atLeast', 58, 66],
  ['Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên', '%', 85, 'atLeast', null, null],
  ['Số đảng viên mới được kết nạp', 'đảng viên', 2_600, 'atLeast', 680, 1_350],
  ['Tỷ lệ đảng viên được học tập, quán triệt nghị quyết', '%', 95, 'atLeast', null, 97.73],
  ['Tỷ lệ chi bộ, đảng bộ tổ chức đại hội đúng thời hạn', '%', 100, 'atLeast', 6.4, 100],
];

/** Dates of the first half of 2020 (weekdays), spread evenly. */
function weekdays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/** The share of a whole split into `parts` integer pieces by weights, summing exactly. */
function splitExact(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const out = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - out.reduce((s, x) => s + x, 0);
  for (let i = 0; rest > 0; i = (i + 1) % out.length, rest--) out[i]!++;
  return out;
}

async function seedSecretaryElections(tx: Queryable, actor: Actor, campaignId: number, rnd: () => number) {
  const congresses = (
    await tx.query<{ org_id: number; form: 'members' | 'delegates'; type_code: string; end: string; members: number }>(
      `SELECT c.org_id, c.form, o.type_code, c.actual_end::text AS "end",
              (SELECT coalesce(sum(r.full_members), 0)::int FROM org_rollups r WHERE r.org_id = c.org_id) AS members
         FROM congresses c JOIN organizations o ON o.id = c.org_id
        WHERE c.campaign_id = $1 AND c.status IN ('held', 'resultsApproved', 'closed') AND c.contents = 4 AND c.actual_end IS NOT NULL
          AND o.type_code NOT IN ('subordinateCell', 'subordinateCellL5') ORDER BY c.org_path`,
      [campaignId],
    )
  ).rows;
  const rs = resolveRuleSet('2014');
  if (!rs.ok) throw new Error('rule set');
  const rows: { org: number; title: string; kind: string; ck: string; summoned: number; present: number; result: string; history: string; closed: string; name: string }[] = [];
  for (const c of congresses) {
    const kind = c.type_code === 'grassrootsCell' ? 'cellSecretary' : 'secretary';
    // Members' congress: the official members; delegates' congress: the delegates summoned.
    const summoned = c.form === 'members' ? Math.max(5, Math.min(c.members || 20, 400)) : 100 + Math.floor(rnd() * 200);
    const r = rnd();
    // "Nhiều chi, đảng bộ đồng chí bí thư cấp ủy đạt 100% phiếu bầu": about 4 in 10 unanimous, the rest high.
    const against = r < 0.42 ? 0 : r < 0.85 ? 1 + Math.floor(rnd() * Math.max(1, summoned * 0.04)) : Math.ceil(summoned * (0.05 + rnd() * 0.12));
    const absent = rnd() < 0.3 ? 1 : 0;
    const present = summoned - absent;
    const den = computeDenominator({ congress: c.form, summoned, exclusions: {} }, rs.value);
    if (!den.ok) continue;
    const started = startElection({ kind, seats: 1, candidates: ['1'], denominator: den.value.denominator, ruleSet: rs.value });
    if (!started.ok) continue;
    const ballots: BallotEntry[] = Array.from({ length: present }, (_, i) => ({ kind: 'marks', marks: { '1': i < Math.min(against, present) ? 'disagree' : 'agree' } }));
    const counted = countRound(started.value, ballots);
    if (!counted.ok || counted.value.decision.filled.official.length === 0) continue;
    const name = `${family[Math.floor(rnd() * family.length)]} ${middle[Math.floor(rnd() * middle.length)]} ${given[Math.floor(rnd() * given.length)]}`;
    const result = presentRound(counted.value, den.value, rs.value, () => name, { present, ballotsIssued: present });
    const { tally, plan } = counted.value;
    const history = [{ type: 'round', number: plan.number, purpose: plan.purpose, valid: tally.valid, votes: tally.votes.map((v) => ({ id: v.id, votes: v.votes })), result }];
    rows.push({ org: c.org_id, title: `Bầu bí thư tại đại hội, nhiệm kỳ 2020–2025`, kind, ck: c.form, summoned, present, result: JSON.stringify(result), history: JSON.stringify(history), closed: c.end, name });
  }
  if (rows.length === 0) return 0;
  const ids = await tx.query<{ id: number }>(
    `INSERT INTO elections (org_id, title, kind, regulation, congress_kind, seats, summoned, present, ballots_issued, ballots_collected, list_vote, status, result, history,
                            counted_at, published_at, closed_on, created_by)
     SELECT t.org, t.title, t.kind, '2014', t.ck, 1, t.summoned, t.present, t.present, t.present,
            jsonb_build_object('agree', t.present, 'disagree', 0, 'present', t.present), 'published', t.result::jsonb, t.history::jsonb,
            t.closed::date + interval '10 hours', t.closed::date + interval '10 hours', t.closed::date, $10
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[]) AS t(org, title, kind, ck, summoned, present, result, history, closed)
     RETURNING id`,
    [rows.map((r) => r.org), rows.map((r) => r.title), rows.map((r) => r.kind), rows.map((r) => r.ck), rows.map((r) => r.summoned), rows.map((r) => r.present), rows.map((r) => r.result), rows.map((r) => r.history), rows.map((r) => r.closed), actor.userId],
  );
  await tx.query(`INSERT INTO election_candidates (election_id, ballot_no, full_name) SELECT unnest($1::int[]), 1, unnest($2::text[])`, [ids.rows.map((r) => r.id), rows.map((r) => r.name)]);
  return rows.length;
}

export async function seedReportsDemo(db: Db, services: Services, ids: Map<string, number>, campaignId: number): Promise<void> {
  const session = await services.accounts.resolveSession((await services.accounts.login('admin', 'QuangNinh@2020', 'seed')).token, 'seed');
  const actor = session.actor;
  const rnd = prng(2020_0629);
  const person = () => `${family[Math.floor(rnd() * family.length)]} ${middle[Math.floor(rnd() * middle.length)]} ${given[Math.floor(rnd() * given.length)]}`;
  const province = ids.get('QN')!;
  const days = weekdays('2020-01-06', '2020-06-12');
  const day = () => days[Math.floor(rnd() * days.length)]!;

  await db.transaction(async (tx) => {
    const secretaries = await seedSecretaryElections(tx, actor, campaignId, rnd);
    const districts = (await tx.query<{ id: number; name: string }>(`SELECT id, name FROM organizations WHERE parent_id = $1 AND status = 'active' ORDER BY id`, [province])).rows;
    const units = (await tx.query<{ id: number; name: string; district: number }>(
      `SELECT o.id, o.name, p.id AS district FROM organizations o JOIN organizations p ON p.id = o.parent_id WHERE p.parent_id = $1 AND o.status = 'active' AND p.status = 'active' ORDER BY o.id`,
      [province],
    )).rows;
    const pickUnit = () => units[Math.floor(rnd() * units.length)]!;

    // ---- Inspections and supervisions ----
    type O = { org: number; kind: string; mode: string; st: string; sorg: number | null; sname: string; cm: boolean; on: string; ref: string | null; v: boolean | null };
    const ov: O[] = [];
    const orgSubject = (kind: string, mode: string, keeper?: number) => {
      const u = pickUnit();
      ov.push({ org: keeper ?? u.district, kind, mode, st: 'organization', sorg: u.id, sname: u.name, cm: false, on: day(), ref: null, v: kind === 'inspection' ? rnd() < 0.08 : null });
    };
    const memberSubject = (kind: string, mode: string, keeper?: number, v: boolean | null = null) => {
      const u = pickUnit();
      ov.push({ org: keeper ?? u.district, kind, mode, st: 'member', sorg: null, sname: person(), cm: rnd() < 0.25, on: day(), ref: null, v });
    };
    for (let i = 0; i < 72; i++) orgSubject('inspection', i % 3 === 0 ? 'thematic' : 'regular');
    for (let i = 0; i < 526; i++) memberSubject('inspection', i % 4 === 0 ? 'thematic' : 'regular', undefined, rnd() < 0.05);
    for (let i = 0; i < 30; i++) orgSubject('supervision', 'thematic');
    for (let i = 0; i < 37; i++) memberSubject('supervision', 'thematic');
    // The provincial Standing Committee's own regular supervision: 3 organizations, 3 members.
    for (let i = 0; i < 3; i++) orgSubject('supervision', 'regular', province);
    for (let i = 0; i < 3; i++) memberSubject('supervision', 'regular', province);
    for (let i = 0; i < 27; i++) memberSubject('inspection', 'violationSigns', undefined, i < 22);
    ov.forEach((o, i) => (o.ref = `${100 + i}-QĐ/${o.kind === 'inspection' ? 'UBKT' : 'TU'}`));
    await tx.query(
      `INSERT INTO report_oversight (org_id, kind, mode, subject_type, subject_org_id, subject_name, committee_member, started_on, decision_ref, violation_found, created_by)
       SELECT t.org, t.kind, t.mode, t.st, t.sorg, t.sname, t.cm, t.on::date, t.ref, t.v, $11
         FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::boolean[], $8::text[], $9::text[], $10::boolean[]) AS t(org, kind, mode, st, sorg, sname, cm, "on", ref, v)`,
      [ov.map((o) => o.org), ov.map((o) => o.kind), ov.map((o) => o.mode), ov.map((o) => o.st), ov.map((o) => o.sorg), ov.map((o) => o.sname), ov.map((o) => (o.st === 'member' ? o.cm : false)), ov.map((o) => o.on), ov.map((o) => o.ref), ov.map((o) => o.v), actor.userId],
    );

    // ---- Discipline: 54 members, 19 of them committee members ----
    const forms = [...Array(30).fill('reprimand'), ...Array(15).fill('warning'), ...Array(3).fill('dismissal'), ...Array(6).fill('expulsion')] as string[];
    // Exactly 19 committee members, spread over the forms.
    const committee = new Set([0, 1, 3, 4, 6, 7, 9, 10, 12, 13, 15, 16, 18, 30, 31, 33, 45, 46, 48]);
    const dis = forms.map((form, i) => ({ org: pickUnit().district, name: person(), cm: committee.has(i), form, on: day() }));
    await tx.query(
      `INSERT INTO report_disciplines (org_id, subject_type, subject_name, committee_member, form, decided_on, decision_ref, created_by)
       SELECT t.org, 'member', t.name, t.cm, t.form, t.on::date, 'QĐ ' || (200 + t.n) || '-QĐ/UBKT', $6
         FROM unnest($1::int[], $2::text[], $3::boolean[], $4::text[], $5::text[]) WITH ORDINALITY AS t(org, name, cm, form, "on", n)`,
      [dis.map((d) => d.org), dis.map((d) => d.name), dis.map((d) => d.cm), dis.map((d) => d.form), dis.map((d) => d.on), actor.userId],
    );

    // ---- Study sessions: 49,356 of 50,502 members = 97.73 %, one series per district-level committee ----
    const weights = districts.map(() => 1 + rnd() * 3);
    const expected = splitExact(50_502, weights);
    const absent = splitExact(50_502 - 49_356, weights);
    await tx.query(
      `INSERT INTO report_study_sessions (org_id, title, subject, held_from, held_to, expected, attended, created_by)
       SELECT t.org, 'Bồi dưỡng chuyên đề nâng cao nhận thức chính trị, tư tưởng cho cán bộ, đảng viên', 'Nghị quyết Tỉnh ủy năm 2020; Chỉ thị 05-CT/TW',
              t.f::date, t.f::date + 2, t.e, t.e - t.a, $5
         FROM unnest($1::int[], $2::text[], $3::int[], $4::int[]) AS t(org, f, e, a)`,
      [districts.map((d) => d.id), districts.map((_, i) => weekdays('2020-02-10', '2020-03-13')[i] ?? '2020-03-13'), expected, absent, actor.userId],
    );

    // ---- The resolution for 2020: 25 targets, 7 task groups ----
    const res = await tx.query<{ id: number }>(
      `INSERT INTO report_resolutions (org_id, title, ref, adopted_on, task_groups, created_by) VALUES ($1, 'Nghị quyết của Ban Chấp hành Đảng bộ tỉnh về nhiệm vụ năm 2020 “Bứt phá về đích”', '15-NQ/TU', '2019-12-13', 7, $2) RETURNING id`,
      [province, actor.userId],
    );
    const tids = await tx.query<{ id: number }>(
      `INSERT INTO report_targets (resolution_id, position, name, unit, target_value, direction)
       SELECT $1, t.n, t.name, t.unit, t.v, t.dir FROM unnest($2::text[], $3::text[], $4::numeric[], $5::text[]) WITH ORDINALITY AS t(name, unit, v, dir, n) RETURNING id`,
      [res.rows[0]!.id, targets2020.map((x) => x[0]), targets2020.map((x) => x[1]), targets2020.map((x) => x[2]), targets2020.map((x) => x[3])],
    );
    const prog: { t: number; on: string; v: number }[] = [];
    targets2020.forEach((x, i) => {
      const id = tids.rows[i]!.id;
      if (x[4] !== null) prog.push({ t: id, on: '2020-03-31', v: x[4] });
      if (x[5] !== null) prog.push({ t: id, on: '2020-06-15', v: x[5] });
    });
    await tx.query(`INSERT INTO report_target_progress (target_id, as_of, value, recorded_by) SELECT unnest($1::int[]), unnest($2::date[]), unnest($3::numeric[]), $4`, [
      prog.map((p) => p.t),
      prog.map((p) => p.on),
      prog.map((p) => p.v),
      actor.userId,
    ]);

    await recordAudit(tx, actor, {
      action: 'report.imported',
      entityType: 'report',
      entityId: 'demo',
      orgId: province,
      summary: `Dữ liệu mẫu: ${secretaries} cuộc bầu bí thư tại đại hội; sổ kiểm tra, giám sát ${ov.length} dòng; kỷ luật ${dis.length}; học tập ${districts.length} đợt; nghị quyết năm 2020 với ${targets2020.length} chỉ tiêu`,
      details: { secretaries, oversight: ov.length, disciplines: dis.length, studySessions: districts.length, targets: targets2020.length },
    });
  });
  await services.accounts.logout(session);
}
