/**
 * The demo province's campaign 2020–2025, told as the seed reports tell it (mid-June 2020):
 * - cells' congresses first, each territorial cell on the same day as the residents elect the
 *   village head ("Dân tin, Đảng cử": 100 % of cell secretaries are village heads);
 * - 47 grassroots pilots held by the end of March 2020, observed by neighbouring units, lessons drawn;
 * - the other grassroots congresses postponed from April to May for Covid-19 (reason recorded,
 *   decided by the provincial Standing Committee), all held by the end of May — a month before
 *   the central deadline 30/6, though after the province's own target 15/5;
 * - 3 district-level pilots in May (Đầm Hà, Than Quảng Ninh, Móng Cái), then Bình Liêu and the
 *   provincial Customs Department in early June: 5 of 20; the other 15 prepared for July (target
 *   31/7), Vân Đồn approved after the provincial Standing Committee's working session of 8/6/2020;
 * - the provincial congress planned for October; the epidemic plan active with its checklist.
 * Exact days of individual congresses, names of people and the cells' common day are
 * illustrative, not from the reports.
 */
import type { Db } from '../platform/db/db.ts';
import type { Services } from '../composition.ts';
import type { Actor } from '../platform/audit/audit.ts';
import { recordAudit } from '../platform/audit/audit.ts';
import { addDays, addWorkingDays, buildCalendar, subtractWorkingDays, weekday } from '../../../shared/src/calendar/working-days.ts';
import { vietnamHolidays } from '../../../shared/src/calendar/vietnam-holidays.ts';
import { campaignsRepo, congressCols, type CongressRow } from '../domains/campaigns/campaigns.repository.ts';
import { evaluate, storedCodes } from '../domains/campaigns/congress-evaluation.ts';

const cal = buildCalendar(vietnamHolidays);

// Own small PRNG and names (seed.ts imports this file; importing it back would make a cycle).
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
const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Tô', 'Vi', 'Nông'];
const middle = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Quang', 'Thu', 'Hồng', 'Xuân', 'Ngọc'];
const given = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Long', 'Mai', 'Nam', 'Phong', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Thắng', 'Thảo', 'Thủy', 'Trung', 'Tuấn', 'Việt', 'Yến'];
const personName = (r: () => number) => `${family[Math.floor(r() * family.length)]} ${middle[Math.floor(r() * middle.length)]} ${given[Math.floor(r() * given.length)]}`;
const PROVINCE_TARGET_REASON = 'Lùi thời gian do dịch Covid-19 theo chỉ đạo của Ban Thường vụ Tỉnh ủy';
const COVID_REASON = 'Thực hiện cách ly xã hội phòng, chống dịch Covid-19 (Chỉ thị 16/CT-TTg); tạm dừng đại hội, tập trung rà soát, hoàn thiện các khâu chuẩn bị';

const pilotLessons = [
  'Chương trình, kịch bản điều hành đại hội chuẩn bị công phu, phù hợp tình hình thực tế; cắt giảm tối thiểu các nội dung không cần thiết nhưng bảo đảm đủ nội dung đại hội.',
  'Bầu trực tiếp bí thư tại đại hội: chuẩn bị kỹ nhân sự, quy trình; số phiếu tập trung cao.',
  'Văn kiện bám sát định hướng của Trung ương và Tỉnh ủy; đánh giá đúng, đủ kết quả nhiệm kỳ trước, nhiệm vụ nhiệm kỳ mới đồng bộ với cấp trên.',
  'Phòng dịch: đại biểu đeo khẩu trang, giữ khoảng cách, không giải lao, không tổ chức ăn trưa, tiêu độc khử trùng sau mỗi phiên họp; cắt giảm khách mời.',
  'Triệu tập các đảng bộ có liên quan dự và rút kinh nghiệm ngay sau đại hội.',
];

/** District-level congresses: [code, start, end, outcome]. Pilots and the two in June as the reports say. */
const districtPlan: [string, string, string, 'pilot' | 'held' | 'approved' | 'personnelReady' | 'documentsReady'][] = [
  ['QN-DH', '2020-05-14', '2020-05-15', 'pilot'],
  ['QN-TKV', '2020-05-21', '2020-05-22', 'pilot'],
  ['QN-MC', '2020-05-27', '2020-05-28', 'pilot'],
  ['QN-BL', '2020-06-04', '2020-06-05', 'held'],
  ['QN-HQ', '2020-06-10', '2020-06-11', 'held'],
  ['QN-VD', '2020-07-06', '2020-07-07', 'approved'],
  ['QN-CT', '2020-07-08', '2020-07-09', 'approved'],
  ['QN-BC', '2020-07-09', '2020-07-10', 'approved'],
  ['QN-TY', '2020-07-13', '2020-07-14', 'approved'],
  ['QN-HH', '2020-07-15', '2020-07-16', 'approved'],
  ['QN-CA', '2020-07-16', '2020-07-17', 'approved'],
  ['QN-BP', '2020-07-20', '2020-07-21', 'personnelReady'],
  ['QN-QS', '2020-07-21', '2020-07-22', 'personnelReady'],
  ['QN-KCQ', '2020-07-22', '2020-07-23', 'personnelReady'],
  ['QN-KDN', '2020-07-23', '2020-07-24', 'personnelReady'],
  ['QN-QY', '2020-07-24', '2020-07-25', 'personnelReady'],
  ['QN-DT', '2020-07-27', '2020-07-28', 'documentsReady'],
  ['QN-UB', '2020-07-27', '2020-07-29', 'documentsReady'],
  ['QN-CP', '2020-07-28', '2020-07-30', 'documentsReady'],
  ['QN-HL', '2020-07-28', '2020-07-30', 'documentsReady'],
];

const directorSeats = [
  'Bí thư Tỉnh ủy',
  'Phó Bí thư Thường trực Tỉnh ủy',
  'Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh ủy',
  'Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy',
  'Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy',
  'Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Tỉnh ủy',
];

/** The weekdays (working days) between two dates, inclusive. */
function workingDays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (weekday(d) <= 5 && !cal.off.has(d)) out.push(d);
  return out;
}

export async function seedCampaign2020(db: Db, services: Services, ids: Map<string, number>): Promise<number> {
  const session = await services.accounts.resolveSession((await services.accounts.login('admin', 'QuangNinh@2020', 'seed')).token, 'seed');
  const actor: Actor = session.actor;
  const rnd = prng(2020_0615);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const campaign = await services.campaigns.create(actor, {
    name: 'Đại hội đảng bộ các cấp tỉnh Quảng Ninh, nhiệm kỳ 2020–2025',
    preset: 'CT35-2019',
    rootOrgId: ids.get('QN')!,
    plan: 'Kế hoạch 308-KH/TU của Ban Chấp hành Đảng bộ tỉnh',
    levels: [
      { level: 2, centralDeadline: '2020-08-31', provincialTarget: '2020-07-31', windowStart: null, maxDays: 3, maxPreparatoryDays: 0.5, source: 'CT 35-CT/TW [C1]; mốc phấn đấu 31/7/2020 của tỉnh (bản tin nguồn 004)', confirmed: true },
      { level: 3, centralDeadline: '2020-06-30', provincialTarget: '2020-05-15', windowStart: '2020-04-01', maxDays: 2, maxPreparatoryDays: null, source: 'CT 35-CT/TW [C1]; tỉnh phấn đấu xong trước 15/5/2020 (bản tin nguồn 000)', confirmed: true },
      { level: 4, centralDeadline: '2020-03-31', provincialTarget: null, windowStart: null, maxDays: 0.5, maxPreparatoryDays: null, source: 'Kế hoạch của tỉnh (minh họa) [U]', confirmed: false },
    ],
    settings: { epidemicPlan: { active: true, measures: [...services.campaigns.presets()[0]!.settings.epidemicPlan.measures] } },
  });
  const cid = campaign.id;

  // ---- Cells and grassroots: historical states entered in bulk (counters rebuilt once) ----
  const rows = (await db.query<CongressRow>(`SELECT ${congressCols} FROM congresses c JOIN organizations o ON o.id = c.org_id WHERE c.campaign_id = $1 ORDER BY c.org_path`, [cid])).rows;
  const full = await services.campaigns.get(actor, cid);
  const camp = { levels: full.levels, settings: full.settings };
  const districtStart = new Map(districtPlan.map(([code, start]) => [ids.get(code)!, start]));
  const grassroots = rows.filter((r) => r.level === 3);
  const pilotIds = new Set<number>();
  // 47 pilots, spread over the districts, never the only unit of a district.
  const byDistrict = new Map<number, CongressRow[]>();
  for (const g of grassroots) {
    const d = Number(g.org_path.split('.')[1]);
    byDistrict.set(d, [...(byDistrict.get(d) ?? []), g]);
  }
  const districts = [...byDistrict.keys()];
  for (let i = 0; pilotIds.size < 47; i++) {
    const list = byDistrict.get(districts[i % districts.length]!)!;
    const candidate = list[Math.floor(i / districts.length) * 7 % list.length]!;
    pilotIds.add(candidate.id);
  }
  const march = workingDays('2020-03-02', '2020-03-31');
  const april = workingDays('2020-04-01', '2020-04-24');
  const may = workingDays('2020-05-04', '2020-05-29');
  const cellDay = '2020-01-05'; // a Sunday: village heads elected and cells' congresses held the same day (illustrative date)
  const agencyCellDays = workingDays('2019-12-16', '2020-01-17');

  type Target = {
    row: CongressRow;
    plannedStart: string;
    plannedEnd: string;
    duration: number;
    notice: string | null;
    pilot: boolean;
    postponedFrom: { start: string; end: string } | null;
    village: CongressRow['village_election'];
  };
  const targets: Target[] = [];
  for (const r of rows) {
    if (r.level < 3) continue;
    if (r.level >= 4) {
      // Cells below the grassroots: half a day; a territorial cell elects its village head the same day.
      const territorial = /^Chi bộ (thôn|khu phố|tổ dân phố|bản|khu) /.test(r.org_name);
      const day = territorial ? cellDay : pick(agencyCellDays);
      const voters = 120 + Math.floor(rnd() * 780);
      targets.push({
        row: r,
        plannedStart: day,
        plannedEnd: day,
        duration: 0.5,
        notice: subtractWorkingDays(cal, day, 32),
        pilot: false,
        postponedFrom: null,
        village: territorial
          ? { electionDate: day, villageName: r.org_name.replace(/^Chi bộ /, ''), voters, votesForHead: Math.round(voters * (0.86 + rnd() * 0.13)), headName: personName(rnd), headIsSecretary: true }
          : null,
      });
      continue;
    }
    const district = Number(r.org_path.split('.')[1]);
    const latest = districtStart.get(district) ? addDays(districtStart.get(district)!, -3) : '2020-05-29';
    const len = r.form === 'delegates' ? 2 : 1;
    const endOf = (d: string) => (len === 2 ? addWorkingDays(cal, d, 1) : d);
    if (pilotIds.has(r.id)) {
      const d = pick(march.slice(0, -1));
      targets.push({ row: r, plannedStart: d, plannedEnd: endOf(d), duration: len, notice: subtractWorkingDays(cal, d, 31), pilot: true, postponedFrom: null, village: null });
    } else {
      const old = pick(april.slice(0, -1));
      const options = may.filter((x) => endOf(x) <= latest && x <= '2020-05-28');
      const d = pick(options.length ? options : may.slice(0, 3));
      targets.push({ row: r, plannedStart: d, plannedEnd: endOf(d), duration: len, notice: null, pilot: false, postponedFrom: { start: old, end: endOf(old) }, village: null });
    }
  }

  await db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('daihoi.bulk_load', 'on', true)`);
    const gl = await campaignsRepo.grassrootsLevel(tx);
    const cols = { id: [] as number[], s: [] as string[], e: [] as string[], dur: [] as number[], notice: [] as (string | null)[], pilot: [] as boolean[], pc: [] as number[], pr: [] as (string | null)[], codes: [] as string[], acc: [] as (string | null)[], ve: [] as (string | null)[], vh: [] as (boolean | null)[] };
    const hist: { id: number; kind: string; from: string | null; to: string | null; details: string }[] = [];
    for (const t of targets) {
      const next: CongressRow = {
        ...t.row,
        status: 'resultsApproved',
        planned_start: t.plannedStart,
        planned_end: t.plannedEnd,
        actual_start: t.plannedStart,
        actual_end: t.plannedEnd,
        duration_days: t.duration,
        notice_date: t.notice,
        is_pilot: t.pilot,
      };
      const codes = storedCodes(evaluate(next, camp, gl));
      cols.id.push(t.row.id);
      cols.s.push(t.plannedStart);
      cols.e.push(t.plannedEnd);
      cols.dur.push(t.duration);
      cols.notice.push(t.notice);
      cols.pilot.push(t.pilot);
      cols.pc.push(t.postponedFrom ? 1 : 0);
      cols.pr.push(t.postponedFrom ? 'epidemic' : null);
      cols.codes.push(codes.join(','));
      cols.acc.push(codes.length ? PROVINCE_TARGET_REASON : null);
      cols.ve.push(t.village ? JSON.stringify(t.village) : null);
      cols.vh.push(t.village ? t.village.headIsSecretary : null);
      const h = (kind: string, from: string | null, to: string | null, details: object) => hist.push({ id: t.row.id, kind, from, to, details: JSON.stringify({ ...details, imported: true }) });
      const first = t.postponedFrom ?? { start: t.plannedStart, end: t.plannedEnd };
      h('scheduled', null, null, { changes: { planned_start: { from: null, to: first.start }, planned_end: { from: null, to: first.end } } });
      if (t.pilot) h('pilot', null, null, { isPilot: true });
      if (t.postponedFrom)
        h('postponed', null, null, { from: t.postponedFrom, to: { start: t.plannedStart, end: t.plannedEnd }, reasonCategory: 'epidemic', reason: COVID_REASON, decidedBy: 'Ban Thường vụ Tỉnh ủy' });
      if (t.village) h('villageElection', null, null, t.village);
      h('status', 'planned', 'documentsReady', {});
      h('status', 'documentsReady', 'personnelReady', {});
      h('status', 'personnelReady', 'approved', {});
      h('status', 'approved', 'held', { actualStart: t.plannedStart, actualEnd: t.plannedEnd, warnings: codes });
      h('status', 'held', 'resultsApproved', {});
    }
    for (let s = 0; s < cols.id.length; s += 5000) {
      const sl = <T>(a: T[]) => a.slice(s, s + 5000);
      await tx.query(
        `UPDATE congresses c SET status = 'resultsApproved', planned_start = t.s, planned_end = t.e, actual_start = t.s, actual_end = t.e, duration_days = t.dur,
           notice_date = t.notice, is_pilot = t.pilot, postpone_count = t.pc, last_postpone_reason = t.pr,
           warning_codes = coalesce(string_to_array(nullif(t.codes, ''), ','), '{}'), warnings_accepted_reason = t.acc,
           village_election = t.ve::jsonb, village_head_is_secretary = t.vh, version = c.version + 1, updated_at = now()
          FROM unnest($1::int[], $2::date[], $3::date[], $4::numeric[], $5::date[], $6::boolean[], $7::int[], $8::text[], $9::text[], $10::text[], $11::text[], $12::boolean[])
               AS t(id, s, e, dur, notice, pilot, pc, pr, codes, acc, ve, vh)
         WHERE c.id = t.id`,
        [sl(cols.id), sl(cols.s), sl(cols.e), sl(cols.dur), sl(cols.notice), sl(cols.pilot), sl(cols.pc), sl(cols.pr), sl(cols.codes), sl(cols.acc), sl(cols.ve), sl(cols.vh)],
      );
    }
    for (let s = 0; s < hist.length; s += 5000) {
      const chunk = hist.slice(s, s + 5000);
      await tx.query(
        `INSERT INTO congress_history (congress_id, actor_user_id, actor_name, kind, from_status, to_status, details)
         SELECT id, $6, $7, k, f, t, d::jsonb FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[]) AS x(id, k, f, t, d)`,
        [chunk.map((x) => x.id), chunk.map((x) => x.kind), chunk.map((x) => x.from), chunk.map((x) => x.to), chunk.map((x) => x.details), actor.userId, actor.username],
      );
    }
    // Pilots: two neighbouring units observe; a lesson is drawn right after.
    const pilots = targets.filter((t) => t.pilot);
    for (const p of pilots) {
      const siblings = (byDistrict.get(Number(p.row.org_path.split('.')[1])) ?? []).filter((g) => g.id !== p.row.id).slice(0, 2);
      if (siblings.length) await tx.query(`INSERT INTO congress_observers (congress_id, org_id) SELECT $1, unnest($2::int[])`, [p.row.id, siblings.map((s) => s.org_id)]);
      await tx.query(`INSERT INTO congress_lessons (congress_id, text, author_user_id, author_name, created_at) VALUES ($1, $2, $3, $4, $5::date + interval '1 day 9 hours')`, [
        p.row.id,
        pilotLessons[p.row.id % pilotLessons.length]!,
        actor.userId,
        actor.username,
        p.plannedEnd,
      ]);
    }
    await tx.query(`SELECT set_config('daihoi.bulk_load', 'off', true)`);
    await campaignsRepo.rebuildRollups(tx, cid);
    await recordAudit(tx, actor, {
      action: 'campaign.imported',
      entityType: 'campaign',
      entityId: cid,
      orgId: ids.get('QN')!,
      summary: `Dữ liệu mẫu: ${targets.length.toLocaleString('vi-VN')} đại hội chi bộ và cơ sở đã tổ chức (47 đại hội điểm cơ sở; ${targets.filter((t) => t.postponedFrom).length} đại hội lùi sang tháng 5/2020 do dịch Covid-19)`,
      details: { congresses: targets.length },
    });
  });

  // ---- District level and the province: through the service, as users would ----
  const congressOfOrg = new Map(rows.map((r) => [r.org_id, r.id]));
  const directors = [];
  for (const position of directorSeats) {
    directors.push(await services.campaigns.createDirector(actor, cid, { orgId: ids.get('QN')!, fullName: `Đồng chí ${personName(rnd)}`, position }));
  }
  const pilotDistricts = districtPlan.filter((d) => d[3] === 'pilot').map((d) => ids.get(d[0])!);
  for (const [i, [code, start, end, outcome]] of districtPlan.entries()) {
    const id = congressOfOrg.get(ids.get(code)!)!;
    let c = await services.campaigns.getCongress(actor, id);
    const notice = subtractWorkingDays(cal, start, 33);
    c = await services.campaigns.updateCongress(actor, id, { version: c.version, plannedStart: start, plannedEnd: end, durationDays: 2, preparatoryDays: 0.5, noticeDate: notice, venue: 'Hội trường Trung tâm Chính trị', expectedAttendance: 200 + ((i * 37) % 150) });
    if (outcome === 'pilot')
      c = await services.campaigns.setPilot(actor, id, { version: c.version, isPilot: true, observerOrgIds: districtPlan.filter((d) => d[3] !== 'pilot').slice(i * 3, i * 3 + 4).map((d) => ids.get(d[0])!) });
    await services.campaigns.setAssignments(actor, id, {
      assignments: [{ directorId: directors[(i % (directors.length - 1)) + 1]!.id, duty: 'direct' }, ...(pilotDistricts.includes(ids.get(code)!) ? [{ directorId: directors[0]!.id, duty: 'attend' as const }] : [])],
    });
    const steps = ['documentsReady', 'personnelReady', 'approved', 'held', 'resultsApproved'] as const;
    const until = outcome === 'pilot' || outcome === 'held' ? 'resultsApproved' : outcome;
    for (const to of steps) {
      c = await services.campaigns.getCongress(actor, id);
      if (to === 'approved') {
        // The approval checklist: the sessions of the safety plan are planned, and non-pilots studied the pilots' lessons.
        for (const [k, day] of [start, end].entries()) {
          await services.campaigns.addSession(actor, id, { label: k === 0 ? 'Phiên trù bị và phiên thứ nhất' : 'Phiên bế mạc', date: day, kind: k === 0 ? 'preparatory' : 'official' });
        }
        if (outcome !== 'pilot') await services.campaigns.confirmLessonsRead(actor, id);
        c = await services.campaigns.getCongress(actor, id);
      }
      // Items other domains add (documents, personnel) have no demo records for these 2020 congresses: they were approved on paper.
      const checklist = to === 'approved' ? await services.campaigns.approvalChecklist(actor, id) : null;
      const paperApproval = checklist && !checklist.ready ? { override: { reason: 'Hồ sơ giấy đã được Ban Thường vụ Tỉnh ủy duyệt năm 2020, trước khi dùng hệ thống' } } : {};
      if (to === 'held') {
        for (const s of c.sessions) await services.campaigns.tickSafety(actor, id, s.id, { checks: Object.fromEntries(camp.settings.epidemicPlan.measures.map((m) => [m.code, true])) });
        c = await services.campaigns.getCongress(actor, id);
      }
      c = await services.campaigns.transition(actor, id, {
        version: c.version,
        to,
        ...(to === 'approved' ? { decisionRef: code === 'QN-VD' ? 'Làm việc với Ban Thường vụ Tỉnh ủy ngày 08/6/2020' : 'Thông báo kết luận duyệt đại hội của Ban Thường vụ Tỉnh ủy' } : {}),
        ...(to === 'resultsApproved' ? { decisionRef: 'Quyết định chuẩn y của Ban Thường vụ Tỉnh ủy' } : {}),
        ...paperApproval,
      });
      if (to === until) break;
    }
    if (outcome === 'pilot') {
      await services.campaigns.addLesson(actor, id, {
        text: 'Ban Thường vụ Tỉnh ủy rút kinh nghiệm ngày 02/6/2020: chương trình, kịch bản điều hành được chuẩn bị công phu; văn kiện bám sát định hướng của Trung ương, Tỉnh ủy; nhân sự chuẩn bị kỹ lưỡng, đúng quy trình; bầu trực tiếp bí thư tại đại hội với số phiếu tập trung cao; các biện pháp phòng dịch thực hiện nghiêm.',
      });
    }
  }
  const province = congressOfOrg.get(ids.get('QN')!)!;
  const pc = await services.campaigns.getCongress(actor, province);
  await services.campaigns.updateCongress(actor, province, {
    version: pc.version,
    plannedStart: '2020-10-14',
    plannedEnd: '2020-10-16',
    durationDays: 3,
    preparatoryDays: 0.5,
    noticeDate: subtractWorkingDays(cal, '2020-10-14', 35),
    venue: 'Trung tâm Hội nghị tỉnh',
    expectedAttendance: 350,
  });
  await services.accounts.logout(session);
  return cid;
}
