import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testEngines, type TestDb } from '../../../../test/support/db.ts';
import { as, buildProvince, createUser, login, manualClock, type Session, signedIn, testApp } from '../../../../test/support/app.ts';

type Ctx = Awaited<ReturnType<typeof testApp>>;
type Section = { key: string; title: string; figures: Record<string, number | null>; paragraphs: string[]; tables: { title: string; rows: Record<string, unknown>[] }[] };

const pct2 = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part * 10_000) / whole) / 100);

describe.each(testEngines)('registers and the campaign summary report on %s', (engine) => {
  let t: TestDb;
  let ctx: Ctx;
  // Starts mid-June 2020; moved to each congress day so elections close during their congress.
  const clock = manualClock(new Date('2020-06-15T03:00:00Z'));
  const setDay = (iso: string) => clock.advance(new Date(`${iso}T03:00:00Z`).getTime() - clock.now().getTime());
  beforeAll(async () => {
    t = await openTestDb(engine);
    ctx = await testApp(t.db, clock);
  });
  afterAll(async () => {
    await ctx.app.close();
    await t.cleanup();
  });

  const put = (s: Session, url: string, payload: unknown) => ctx.app.inject({ method: 'PUT', url, payload: payload as object, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });

  /** A province (2 districts × 2 grassroots × 2 cells), a campaign, and three counters for every election. */
  async function setup() {
    setDay('2020-06-15');
    const p = await buildProvince(t.db, { districts: 2, grassroots: 2, cells: 2 });
    const adminS = await signedIn(ctx.app, ctx.services, 'admin', p.id(''));
    const admin = as(ctx.app, adminS);
    const res = await admin.post('/api/campaigns', {
      name: 'Đại hội đảng bộ các cấp nhiệm kỳ 2020–2025',
      preset: 'CT35-2019',
      rootOrgId: p.id(''),
      levels: [
        { level: 3, centralDeadline: '2020-06-30', provincialTarget: '2020-05-15', windowStart: '2020-03-01', maxDays: 2, maxPreparatoryDays: null },
        { level: 2, centralDeadline: '2020-08-31', provincialTarget: '2020-07-31', windowStart: null, maxDays: 3, maxPreparatoryDays: 0.5 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const campaign = res.json();
    const list = (await admin.get(`/api/campaigns/${campaign.id}/congresses?limit=500`)).json();
    const congressOf = (key: string) => list.items.find((c: { org: { id: number } }) => c.org.id === p.id(key)) as { id: number };
    const users = await Promise.all([0, 1, 2].map(() => createUser(ctx.services, 'counter', p.id(''))));
    const ids = await Promise.all(users.map(async (u) => (await t.db.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [u.username])).rows[0]!.id));
    const [chief, a, b] = (await Promise.all(users.map((u) => login(ctx.app, u.username, u.password)))) as [Session, Session, Session];
    return { p, admin, adminS, campaign, congressOf, counters: { ids, chief, a, b } };
  }
  type Setup = Awaited<ReturnType<typeof setup>>;

  const hold = async (s: Setup, key: string, start: string, end: string, pilot = false) => {
    const id = s.congressOf(key).id;
    let c = (await s.admin.get(`/api/congresses/${id}`)).json();
    if (pilot) c = (await put(s.adminS, `/api/congresses/${id}/pilot`, { version: c.version, isPilot: true })).json();
    expect((await s.admin.patch(`/api/congresses/${id}`, { version: c.version, plannedStart: start, plannedEnd: end, override: { reason: 'Theo kế hoạch đã duyệt' } })).statusCode).toBe(200);
    c = (await s.admin.get(`/api/congresses/${id}`)).json();
    const held = await s.admin.post(`/api/congresses/${id}/transition`, { version: c.version, to: 'held', override: { reason: 'Nhập số liệu đã có' } });
    expect(held.statusCode, held.body).toBe(200);
    return id;
  };

  /** A one-name secretary election run through entry by both teams, counted and published on `day`. */
  async function secretaryElection(s: Setup, key: string, o: { kind: 'secretary' | 'cellSecretary'; congressKind: 'members' | 'delegates' | 'conference'; summoned: number; agree: number; day: string }) {
    setDay(o.day);
    const created = await s.admin.post('/api/elections', {
      orgId: s.p.id(key),
      title: `Bầu bí thư ${key}`,
      kind: o.kind,
      regulation: '2014',
      congressKind: o.congressKind,
      seats: 1,
      summoned: o.summoned,
      candidates: [{ fullName: 'Nguyễn Văn Bí' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const e = created.json();
    const [chiefId, aId, bId] = s.counters.ids;
    expect((await put(s.adminS, `/api/elections/${e.id}/counters`, { counters: [{ userId: chiefId, isChief: true }, { userId: aId, team: 'A' }, { userId: bId, team: 'B' }] })).statusCode).toBe(200);
    const v = (await s.admin.get(`/api/elections/${e.id}`)).json().version;
    const n = o.summoned;
    const opened = await s.admin.post(`/api/elections/${e.id}/open-entry`, { version: v, present: n, ballotsIssued: n, ballotsCollected: n, listVote: { agree: n, disagree: 0, present: n } });
    expect(opened.statusCode, opened.body).toBe(200);
    for (let serial = 1; serial <= n; serial++) {
      const entry = { kind: 'marks', marks: { '1': serial <= o.agree ? 'agree' : 'disagree' } };
      for (const team of [s.counters.a, s.counters.b]) {
        const r = await as(ctx.app, team).post(`/api/elections/${e.id}/ballots`, { serial, entry });
        expect(r.statusCode, r.body).toBe(200);
      }
    }
    expect((await as(ctx.app, s.counters.chief).post(`/api/elections/${e.id}/count`)).statusCode).toBe(200);
    expect((await as(ctx.app, s.counters.chief).post(`/api/elections/${e.id}/publish`)).statusCode).toBe(200);
    setDay('2020-06-15');
    return e.id as number;
  }

  const section = (r: { sections: Section[] }, key: string) => r.sections.find((x) => x.key === key)!;

  it('builds every figure of the summary report from the rows, and the DOCX and XLSX say the same', async () => {
    const s = await setup();
    const { p, admin, campaign } = s;
    // Congresses: D1's grassroots a pilot in March and one in May, D2-G1 in May, the district D1 in June; cells of D1-G1.
    const held: { key: string; start: string; end: string; level: number; pilot?: boolean }[] = [
      { key: '-D1-G1', start: '2020-03-20', end: '2020-03-21', level: 3, pilot: true },
      { key: '-D1-G2', start: '2020-05-26', end: '2020-05-27', level: 3 },
      { key: '-D2-G1', start: '2020-05-08', end: '2020-05-09', level: 3 },
      { key: '-D1', start: '2020-06-10', end: '2020-06-11', level: 2 },
      { key: '-D1-G1-C1', start: '2020-01-05', end: '2020-01-05', level: 4 },
      { key: '-D1-G1-C2', start: '2020-01-05', end: '2020-01-05', level: 4 },
    ];
    for (const h of held) await hold(s, h.key, h.start, h.end, h.pilot);
    const pilotId = s.congressOf('-D1-G1').id;
    expect((await admin.post(`/api/congresses/${pilotId}/lessons`, { text: 'Chuẩn bị kỹ nhân sự, bầu trực tiếp bí thư với số phiếu tập trung cao.' })).statusCode).toBe(201);
    // "Dân tin, Đảng cử" on both cells of D1-G1: one secretary is the village head, one is not.
    for (const [k, isHead] of [['-D1-G1-C1', true], ['-D1-G1-C2', false]] as const) {
      const id = s.congressOf(k).id;
      const r = await put(s.adminS, `/api/congresses/${id}/village-election`, { electionDate: '2020-01-05', villageName: `Thôn ${k}`, voters: 300, votesForHead: 280, headName: 'Lê Văn Trưởng', headIsSecretary: isHead });
      expect(r.statusCode, r.body).toBe(200);
    }
    // Secretaries: voted by the congress at D1 (12 of 12), D1-G1 (8 of 9) and the cell D1-G1-C1 (10 of 10);
    // D2-G1's secretary voted by the committee's conference (not direct); D1-G2's election closed after its congress.
    const elections = [
      { key: '-D1', kind: 'secretary' as const, congressKind: 'delegates' as const, summoned: 12, agree: 12, day: '2020-06-11' },
      { key: '-D1-G1', kind: 'secretary' as const, congressKind: 'members' as const, summoned: 9, agree: 8, day: '2020-03-21' },
      { key: '-D1-G1-C1', kind: 'cellSecretary' as const, congressKind: 'members' as const, summoned: 10, agree: 10, day: '2020-01-05' },
      { key: '-D2-G1', kind: 'secretary' as const, congressKind: 'conference' as const, summoned: 7, agree: 7, day: '2020-05-09' },
      { key: '-D1-G2', kind: 'secretary' as const, congressKind: 'members' as const, summoned: 9, agree: 9, day: '2020-06-01' },
    ];
    for (const e of elections) await secretaryElection(s, e.key, e);

    // Registers: entries inside and outside the province, inside and outside the period.
    const oversight = [
      { orgId: p.id(''), kind: 'inspection', mode: 'regular', subjectType: 'organization', subjectOrgId: p.id('-D1'), subjectName: 'Đảng bộ huyện Móng Cái', startedOn: '2020-02-10' },
      { orgId: p.id('-D1'), kind: 'inspection', mode: 'violationSigns', subjectType: 'member', subjectName: 'Trần Văn Vi', committeeMember: true, startedOn: '2020-04-02', violationFound: true },
      { orgId: p.id('-D1'), kind: 'inspection', mode: 'regular', subjectType: 'member', subjectName: '=HYPERLINK("http://x")', startedOn: '2020-04-03' },
      { orgId: p.id('-D2'), kind: 'supervision', mode: 'thematic', subjectType: 'organization', subjectName: 'Đảng bộ xã Số 2.1', startedOn: '2020-05-20' },
      { orgId: p.id('-D2'), kind: 'supervision', mode: 'thematic', subjectType: 'member', subjectName: 'Lê Thị Giám', startedOn: '2020-05-21' },
      // Before the report's period (its first congress is 05/01/2020): not counted.
      { orgId: p.id('-D2'), kind: 'supervision', mode: 'regular', subjectType: 'member', subjectName: 'Phạm Văn Cũ', startedOn: '2019-11-30' },
    ];
    for (const o of oversight) expect((await admin.post('/api/registers/oversight', o)).statusCode).toBe(201);
    const disciplines = [
      { orgId: p.id('-D1'), subjectType: 'member', subjectName: 'Trần Văn Vi', committeeMember: true, form: 'warning', decidedOn: '2020-05-05' },
      { orgId: p.id('-D1'), subjectType: 'member', subjectName: 'Ngô Văn Lỗi', form: 'reprimand', decidedOn: '2020-05-06' },
      { orgId: p.id('-D2'), subjectType: 'organization', subjectName: 'Chi bộ thôn 2', form: 'reprimand', decidedOn: '2020-05-07' },
      { orgId: p.id('-D2'), subjectType: 'member', subjectName: 'Sau Ngày Báo', form: 'expulsion', decidedOn: '2020-06-20' },
    ];
    for (const d of disciplines) expect((await admin.post('/api/registers/disciplines', d)).statusCode).toBe(201);
    const study = [
      { orgId: p.id(''), title: 'Quán triệt Nghị quyết Tỉnh ủy năm 2020', heldFrom: '2020-02-01', heldTo: '2020-02-28', expected: 50_502, attended: 49_356 },
      { orgId: p.id('-D2'), title: 'Học tập Chỉ thị 05-CT/TW', heldFrom: '2020-04-01', heldTo: '2020-04-02', expected: 120, attended: 110 },
    ];
    for (const x of study) expect((await admin.post('/api/registers/study-sessions', x)).statusCode).toBe(201);
    const resolution = (await admin.post('/api/registers/resolutions', { orgId: p.id(''), title: 'Nghị quyết Tỉnh ủy năm 2020', ref: '01-NQ/TU', adoptedOn: '2019-12-20', taskGroups: 7 })).json();
    let res = (await admin.post(`/api/registers/resolutions/${resolution.id}/targets`, { position: 1, name: 'Tăng trưởng GRDP', unit: '%', targetValue: 8 })).json();
    res = (await admin.post(`/api/registers/resolutions/${resolution.id}/targets`, { position: 2, name: 'Tỷ lệ hộ nghèo', unit: '%', targetValue: 1, direction: 'atMost' })).json();
    res = (await admin.post(`/api/registers/resolutions/${resolution.id}/targets`, { position: 3, name: 'Kết nạp đảng viên mới', unit: 'đảng viên', targetValue: 2000 })).json();
    const [t1, t2] = res.targets as { id: number }[];
    await admin.post(`/api/registers/targets/${t1!.id}/progress`, { asOf: '2020-03-31', value: 4.1 });
    await admin.post(`/api/registers/targets/${t1!.id}/progress`, { asOf: '2020-06-30', value: 8.5 }); // after the report's date
    await admin.post(`/api/registers/targets/${t2!.id}/progress`, { asOf: '2020-06-01', value: 0.8 });

    // ---- The report, as of 15/06/2020 ----
    const r = (await admin.get(`/api/campaigns/${campaign.id}/summary-report?asOf=2020-06-15`)).json();
    expect(r.org.id).toBe(p.id(''));
    expect(r.from).toBe('2020-01-05');
    expect(r.sections.map((x: Section) => x.key)).toEqual(expect.arrayContaining(['congresses', 'pilots', 'secretaries', 'trustedByPeople', 'oversight', 'discipline', 'study', 'targets']));

    // Congresses per level: held rows counted directly from the congresses table; the same as the dashboard.
    const byLevel = (await t.db.query<{ level: number; total: number; held: number; on_time: number }>(
      `SELECT level, count(*) FILTER (WHERE status <> 'cancelled')::int AS total,
              count(*) FILTER (WHERE status IN ('held','resultsApproved','closed') AND actual_end <= '2020-06-15')::int AS held,
              count(*) FILTER (WHERE status IN ('held','resultsApproved','closed') AND actual_end <= least('2020-06-15'::date, CASE level WHEN 3 THEN '2020-06-30'::date WHEN 2 THEN '2020-08-31'::date ELSE '2020-06-15'::date END))::int AS on_time
         FROM congresses WHERE campaign_id = $1 GROUP BY level`, [campaign.id])).rows;
    const cg = section(r, 'congresses');
    for (const l of byLevel) {
      expect(cg.figures[`total.L${l.level}`]).toBe(l.total);
      expect(cg.figures[`held.L${l.level}`]).toBe(l.held);
      expect(cg.figures[`heldPct.L${l.level}`]).toBe(pct2(l.held, l.total));
      if (l.level !== 4) expect(cg.figures[`onTime.L${l.level}`]).toBe(l.on_time);
    }
    const dash = (await admin.get(`/api/campaigns/${campaign.id}/dashboard?asOf=2020-06-15`)).json();
    expect(cg.figures.held).toBe(dash.totals.held);
    expect(cg.figures.onTime).toBe(dash.totals.onTime);

    // Pilots and lessons.
    const pl = section(r, 'pilots');
    expect(pl.figures).toMatchObject({ pilots: 1, pilotsHeld: 1, lessons: 1 });

    // Secretaries elected directly: from the stored results, independently of the report's rules.
    const stored = (await t.db.query<{ org_id: number; kind: string; congress_kind: string; closed_on: string; result: { denominator: number; elected: number[]; candidates: { ballotNo: number; votes: number }[] } }>(
      `SELECT org_id, kind, congress_kind, closed_on::text, result FROM elections WHERE org_id = ANY($1::int[])`, [elections.map((e) => p.id(e.key))])).rows;
    const heldBy = new Map(held.map((h) => [p.id(h.key), h]));
    const direct = stored.filter((e) => {
      const h = heldBy.get(e.org_id);
      return h && ['secretary', 'cellSecretary'].includes(e.kind) && e.congress_kind !== 'conference' && e.closed_on >= h.start && e.closed_on <= h.end && e.result.elected.length > 0;
    });
    const shares = direct.filter((e) => heldBy.get(e.org_id)!.level !== 4).map((e) => {
      const c = e.result.candidates.find((x) => x.ballotNo === e.result.elected[0])!;
      return { votes: c.votes, d: e.result.denominator };
    });
    const sec = section(r, 'secretaries');
    // Cells under a grassroots committee always elect their secretary at the congress: left out of this figure.
    const committees = held.filter((h) => h.level !== 4);
    const counted = direct.filter((e) => heldBy.get(e.org_id)!.level !== 4);
    expect(counted).toHaveLength(2);
    expect(sec.figures.direct).toBe(counted.length);
    expect(sec.figures.electingCongresses).toBe(committees.length);
    expect(sec.figures.directPct).toBe(pct2(counted.length, committees.length));
    expect(sec.figures.secretaries).toBe(shares.length);
    expect(sec.figures.atFull).toBe(shares.filter((x) => x.votes === x.d).length);
    expect(sec.figures['band.from80']).toBe(shares.filter((x) => x.votes * 100 >= 80 * x.d && x.votes * 100 < 90 * x.d).length);
    expect(sec.figures.minShare).toBe(Math.round((Math.min(...shares.map((x) => x.votes / x.d)) * 10_000)) / 100);
    for (const l of [2, 3]) expect(sec.figures[`direct.L${l}`]).toBe(direct.filter((e) => heldBy.get(e.org_id)!.level === l).length);
    expect(sec.figures['direct.L4']).toBeUndefined();

    // "Dân tin, Đảng cử".
    const trusted = (await t.db.query<{ cells: number; heads: number }>(
      `SELECT count(*) FILTER (WHERE village_head_is_secretary IS NOT NULL)::int AS cells, count(*) FILTER (WHERE village_head_is_secretary)::int AS heads FROM congresses WHERE campaign_id = $1 AND status <> 'cancelled'`, [campaign.id])).rows[0]!;
    expect(section(r, 'trustedByPeople').figures).toMatchObject({ cells: trusted.cells, secretaryIsHead: trusted.heads, pct: pct2(trusted.heads, trusted.cells) });

    // Registers, filtered by the period [from, asOf] as the test's own arithmetic.
    const inPeriod = (d: string) => d >= r.from && d <= '2020-06-15';
    const ov = oversight.filter((o) => inPeriod(o.startedOn));
    const ovf = section(r, 'oversight').figures;
    for (const k of ['inspection', 'supervision']) {
      expect(ovf[`${k}.orgs`]).toBe(ov.filter((o) => o.kind === k && o.subjectType === 'organization').length);
      expect(ovf[`${k}.members`]).toBe(ov.filter((o) => o.kind === k && o.subjectType === 'member').length);
    }
    expect(ovf['inspection.violationSigns.members']).toBe(1);
    const dis = disciplines.filter((d) => inPeriod(d.decidedOn));
    expect(section(r, 'discipline').figures).toMatchObject({
      members: dis.filter((d) => d.subjectType === 'member').length,
      committeeMembers: dis.filter((d) => d.committeeMember).length,
      orgs: dis.filter((d) => d.subjectType === 'organization').length,
      'member.warning': 1,
      'member.expulsion': 0,
    });
    const st = section(r, 'study');
    const exp = study.reduce((a, x) => a + x.expected, 0);
    const att = study.reduce((a, x) => a + x.attended, 0);
    expect(st.figures).toMatchObject({ sessions: 2, expected: exp, attended: att, pct: pct2(att, exp) });
    expect(section(r, 'targets').figures).toMatchObject({ resolutions: 1, targets: 3, achieved: 1, notYet: 1, noData: 1 });

    // ---- DOCX: Vietnamese with diacritics, the same figures; XLSX: one sheet per section, text stays text ----
    const docx = await ctx.app.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/summary-report.docx?asOf=2020-06-15`, headers: { cookie: s.adminS.cookie } });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(String(docx.headers['content-disposition'])).toContain('.docx');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(xml).toContain('BẦU TRỰC TIẾP BÍ THƯ TẠI ĐẠI HỘI');
    for (const line of st.paragraphs) expect(xml).toContain(line);
    const xlsx = await ctx.app.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/summary-report.xlsx?asOf=2020-06-15`, headers: { cookie: s.adminS.cookie } });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toHaveLength(r.sections.length + (r.missing.length ? 1 : 0));
    expect(wb.worksheets[0]!.getRow(1).getCell(1).value).toBe('Kết quả tổ chức đại hội các cấp');
    // The register's own export: the formula-looking name is a string cell, never a formula.
    const ex = await ctx.app.inject({ method: 'GET', url: `/api/registers/oversight/export?orgId=${p.id('-D1')}`, headers: { cookie: s.adminS.cookie } });
    expect(ex.statusCode).toBe(200);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(ex.rawPayload as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    wb2.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(c)));
    const evil = cells.find((c) => String(c.value).startsWith('=HYPERLINK'))!;
    expect(evil.type).toBe(ExcelJS.ValueType.String);
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
    expect(cells.filter((c) => c.value === 'Kiểm tra')).toHaveLength(2);
  });

  it('reads the personnel, delegates and documents tables: composition of the new committee, credentials, comments', async () => {
    const s = await setup();
    const { p, admin, campaign } = s;
    const d1 = await hold(s, '-D1', '2020-06-10', '2020-06-11');
    const electionId = await secretaryElection(s, '-D1', { kind: 'secretary', congressKind: 'delegates', summoned: 5, agree: 5, day: '2020-06-11' });
    // The new committee of D1: 6 members, born so that on the report's date 2 are under 40; 2 women, 1 ethnic minority.
    const people = [
      { name: 'Nguyễn Thị An', gender: 'female', birth: '1985-03-01', eth: 'Kinh' },
      { name: 'Trần Văn Bình', gender: 'male', birth: '1970-05-02', eth: 'Kinh' },
      { name: 'Lò Văn Chiến', gender: 'male', birth: '1983-07-03', eth: 'Thái' },
      { name: 'Lê Thị Dung', gender: 'female', birth: '1965-09-04', eth: 'Kinh' },
      { name: 'Phạm Văn Em', gender: 'male', birth: '1968-11-05', eth: 'Kinh' },
      { name: 'Vũ Văn Giang', gender: 'male', birth: '1972-01-06', eth: 'Kinh' },
    ];
    for (const [i, x] of people.entries()) {
      const person = await t.db.query<{ id: number }>(`INSERT INTO persons (org_id, full_name, search_text, birth_date, gender, ethnicity) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, [p.id('-D1'), x.name, x.name.toLowerCase(), x.birth, x.gender, x.eth]);
      await t.db.query(`INSERT INTO committee_members (org_id, congress_id, election_id, person_id, full_name, ballot_no, body, term_from, term_to, elected_on) VALUES ($1, $2, $3, $4, $5, $6, 'executiveCommittee', 2020, 2025, '2020-06-11')`, [
        p.id('-D1'), d1, electionId, person.rows[0]!.id, x.name, i + 1,
      ]);
    }
    // Delegates of D1's congress: 3 official (2 accepted, 1 pending), 1 alternate, 1 not summoned.
    const delegate = (name: string, kind: string, credentials: string, notSummoned: string | null = null) =>
      t.db.query(`INSERT INTO delegates (congress_id, full_name, name_key, delegation_org_id, kind, credentials, not_summoned_reason) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [d1, name, name.toLowerCase(), p.id('-D1-G1'), kind, credentials, notSummoned]);
    await delegate('Đại biểu Một', 'official', 'accepted');
    await delegate('Đại biểu Hai', 'official', 'accepted');
    await delegate('Đại biểu Ba', 'official', 'pending');
    await delegate('Đại biểu Bốn', 'alternate', 'pending');
    await delegate('Đại biểu Năm', 'official', 'pending', 'transferredOut');
    // Đại biểu Sáu could not attend; the alternate Bảy replaced them and was accepted.
    await delegate('Đại biểu Sáu', 'official', 'accepted');
    await delegate('Đại biểu Bảy', 'official', 'accepted');
    await t.db.query(
      `UPDATE delegates d SET replaced_by_id = (SELECT id FROM delegates WHERE congress_id = $1 AND full_name = 'Đại biểu Bảy') WHERE congress_id = $1 AND full_name = 'Đại biểu Sáu'`,
      [d1],
    );
    await t.db.query(`UPDATE delegates d SET replaces_id = (SELECT id FROM delegates WHERE congress_id = $1 AND full_name = 'Đại biểu Sáu') WHERE congress_id = $1 AND full_name = 'Đại biểu Bảy'`, [d1]);
    // A draft resolution of D1 with one consultation: 3 member comments, 2 public, one of them hidden.
    const doc = await t.db.query<{ id: number }>(`INSERT INTO congress_documents (congress_id, doc_type, title) VALUES ($1, 'draftResolution', 'Dự thảo Nghị quyết') RETURNING id`, [d1]);
    const ver = await t.db.query<{ id: number }>(`INSERT INTO document_versions (document_id, no, source) VALUES ($1, 1, 'text') RETURNING id`, [doc.rows[0]!.id]);
    const k = await t.db.query<{ id: number }>(
      `INSERT INTO consultations (document_id, version_id, title, audience_org_id, audience_path, opens_at, closes_at, secret) VALUES ($1, $2, 'Lấy ý kiến', $3, (SELECT path FROM organizations WHERE id = $3), '2020-05-01', '2020-05-20', 's') RETURNING id`,
      [doc.rows[0]!.id, ver.rows[0]!.id, p.id('-D1')],
    );
    const comments = [['member', 'visible'], ['member', 'visible'], ['member', 'hidden'], ['public', 'visible'], ['public', 'visible']];
    for (const [i, [channel, status]] of comments.entries())
      await t.db.query(`INSERT INTO consultation_comments (consultation_id, section_key, channel, author_org_path, body, body_hash, status) VALUES ($1, 's1', $2, (SELECT path FROM organizations WHERE id = $3), $4, $5, $6)`, [k.rows[0]!.id, channel, p.id('-D1'), `Ý kiến ${i}`, `h${i}`, status]);

    const r = (await admin.get(`/api/campaigns/${campaign.id}/summary-report?asOf=2020-06-15`)).json();
    expect(r.missing).toEqual([]);
    const onDate = '2020-06-15';
    const age = (b: string) => Number(onDate.slice(0, 4)) - Number(b.slice(0, 4)) - (onDate.slice(5) < b.slice(5) ? 1 : 0);
    expect(section(r, 'personnel').figures).toMatchObject({
      committees: 1,
      members: people.length,
      female: people.filter((x) => x.gender === 'female').length,
      femalePct: pct2(people.filter((x) => x.gender === 'female').length, people.length),
      young: people.filter((x) => age(x.birth) < 40).length,
      ethnicMinority: people.filter((x) => x.eth !== 'Kinh').length,
      newMember: people.length,
      previousMembers: null,
    });
    expect(section(r, 'delegates').figures).toMatchObject({ congresses: 1, total: 7, summoned: 4, accepted: 3, pending: 1, rejected: 0, notSummoned: 1, substitutes: 1, 'kind.official': 6, 'kind.alternate': 1 });
    expect(section(r, 'documents').figures).toMatchObject({
      documents: 1,
      consultations: 1,
      comments: comments.length,
      hidden: comments.filter((x) => x[1] === 'hidden').length,
      'channel.member': comments.filter((x) => x[0] === 'member').length,
      'channel.public': comments.filter((x) => x[0] === 'public').length,
    });
    // D2's organizer sees none of D1's committee, delegates or comments.
    const d2 = as(ctx.app, await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D2')));
    const own = (await d2.get(`/api/campaigns/${campaign.id}/summary-report?asOf=2020-06-15`)).json();
    expect([section(own, 'personnel').figures.members, section(own, 'delegates').figures.total, section(own, 'documents').figures.comments]).toEqual([0, 0, 0]);
  });

  it('registers: subtree and period filters, edits with versions, audit entries, and bad input named by field', async () => {
    const s = await setup();
    const { p, admin } = s;
    const mk = (orgKey: string, startedOn: string, subjectName = 'Đảng viên A') => admin.post('/api/registers/oversight', { orgId: p.id(orgKey), kind: 'inspection', mode: 'regular', subjectType: 'member', subjectName, startedOn });
    const a = (await mk('-D1', '2020-03-01')).json();
    await mk('-D1-G1', '2020-04-01');
    await mk('-D2', '2020-05-01');
    const list = (url: string) => admin.get(url).then((x) => x.json());
    expect((await list(`/api/registers/oversight?orgId=${p.id('-D1')}`)).total).toBe(2);
    expect((await list(`/api/registers/oversight?orgId=${p.id('')}&from=2020-03-15&to=2020-04-30`)).total).toBe(1);
    expect((await list(`/api/registers/oversight?orgId=${p.id('')}&kind=supervision`)).total).toBe(0);
    // Edit with the version; a stale version is refused.
    const ok = await admin.patch(`/api/registers/oversight/${a.id}`, { version: a.version, conclusion: 'Không vi phạm', violationFound: false });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ conclusion: 'Không vi phạm', version: a.version + 1, committeeMember: false });
    expect((await admin.patch(`/api/registers/oversight/${a.id}`, { version: a.version, conclusion: 'x' })).json().error.code).toBe('VERSION_CONFLICT');
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity_type = 'report.oversight' AND entity_id = $1 ORDER BY id`, [String(a.id)]);
    expect(audit.rows.map((x) => x.action)).toEqual(['report.oversight.created', 'report.oversight.updated']);
    // Bad input: a form of discipline the Charter does not have for a member; a supervision "on signs of violation"; more attendees than expected.
    const bad1 = await admin.post('/api/registers/disciplines', { orgId: p.id('-D1'), subjectType: 'member', subjectName: 'X', form: 'dissolution', decidedOn: '2020-05-01' });
    expect([bad1.statusCode, bad1.json().error.code, bad1.json().error.details[0].field]).toEqual([422, 'REGISTER_ENTRY_INVALID', 'form']);
    const bad2 = await admin.post('/api/registers/oversight', { orgId: p.id('-D1'), kind: 'supervision', mode: 'violationSigns', subjectType: 'member', subjectName: 'X', startedOn: '2020-05-01' });
    expect(bad2.json().error.details[0].field).toBe('mode');
    const bad3 = await admin.post('/api/registers/study-sessions', { orgId: p.id('-D1'), title: 'Học tập', heldFrom: '2020-05-01', heldTo: '2020-05-01', expected: 10, attended: 11 });
    expect(bad3.json().error.details[0].field).toBe('attended');
    const bad4 = await admin.post('/api/registers/oversight', { orgId: p.id('-D1'), kind: 'inspection', mode: 'regular', subjectType: 'member', subjectName: 'X', startedOn: '2020-02-30' });
    expect(bad4.json().error.code).toBe('VALIDATION_FAILED');
    // An edit that would break a rule is checked on the merged entry.
    const d = (await admin.post('/api/registers/disciplines', { orgId: p.id('-D1'), subjectType: 'organization', subjectName: 'Chi bộ 1', form: 'dissolution', decidedOn: '2020-05-01' })).json();
    expect((await admin.patch(`/api/registers/disciplines/${d.id}`, { version: d.version, subjectType: 'member' })).json().error.details[0].code).toBe('FORM_NOT_FOR_SUBJECT');
    // A target's position is unique in its resolution; progress on the same date corrects it, audited with the old value.
    const r = (await admin.post('/api/registers/resolutions', { orgId: p.id(''), title: 'NQ', adoptedOn: '2020-01-01' })).json();
    const r1 = (await admin.post(`/api/registers/resolutions/${r.id}/targets`, { position: 1, name: 'A', unit: '%', targetValue: 5 })).json();
    expect((await admin.post(`/api/registers/resolutions/${r.id}/targets`, { position: 1, name: 'B', unit: '%', targetValue: 5 })).json().error.details[0].code).toBe('POSITION_TAKEN');
    const tid = r1.targets[0].id;
    await admin.post(`/api/registers/targets/${tid}/progress`, { asOf: '2020-06-01', value: 3 });
    const after = (await admin.post(`/api/registers/targets/${tid}/progress`, { asOf: '2020-06-01', value: 6 })).json();
    expect(after.targets[0].progress).toEqual([{ asOf: '2020-06-01', value: 6, note: null }]);
    expect(after.targets[0].latest.status).toBe('achieved');
    const pa = await t.db.query<{ details: { previous: number } }>(`SELECT details FROM audit_log WHERE action = 'report.target.progress' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [String(tid)]);
    expect(pa.rows[0]!.details.previous).toBe(3);
  });

  it('a user of another subtree can neither read nor change the registers or the report of this one', async () => {
    const s = await setup();
    const { p, admin, campaign } = s;
    const entry = (await admin.post('/api/registers/disciplines', { orgId: p.id('-D1'), subjectType: 'member', subjectName: 'Trần Văn Vi', form: 'warning', decidedOn: '2020-05-05' })).json();
    const res = (await admin.post('/api/registers/resolutions', { orgId: p.id('-D1'), title: 'NQ huyện', adoptedOn: '2020-01-01' })).json();
    const d2 = as(ctx.app, await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D2')));
    const expect403 = async (call: Promise<{ statusCode: number; json: () => { error: { code: string } } }>) => {
      const x = await call;
      expect([x.statusCode, x.json().error.code]).toEqual([403, 'ORG_OUT_OF_SCOPE']);
    };
    await expect403(d2.get(`/api/registers/disciplines/${entry.id}`));
    await expect403(d2.get(`/api/registers/disciplines?orgId=${p.id('-D1')}`));
    await expect403(d2.patch(`/api/registers/disciplines/${entry.id}`, { version: entry.version, reason: 'x' }));
    await expect403(d2.post('/api/registers/disciplines', { orgId: p.id('-D1'), subjectType: 'member', subjectName: 'Y', form: 'warning', decidedOn: '2020-05-05' }));
    await expect403(d2.get(`/api/registers/resolutions/${res.id}`));
    await expect403(d2.post(`/api/registers/resolutions/${res.id}/targets`, { position: 1, name: 'A', unit: '%', targetValue: 1 }));
    await expect403(d2.get(`/api/campaigns/${campaign.id}/summary-report?orgId=${p.id('-D1')}`));
    await expect403(d2.get(`/api/campaigns/${campaign.id}/summary-report.docx?orgId=${p.id('-D1')}`));
    await expect403(d2.get(`/api/registers/disciplines/export?orgId=${p.id('-D1')}`));
    // Their own list and report cover their subtree only.
    expect((await d2.get('/api/registers/disciplines')).json().total).toBe(0);
    const own = (await d2.get(`/api/campaigns/${campaign.id}/summary-report?asOf=2020-06-15`)).json();
    expect(own.org.id).toBe(p.id('-D2'));
    expect(own.sections.find((x: Section) => x.key === 'discipline').figures.members).toBe(0);
    // A read-only leader reads but cannot write.
    const viewer = as(ctx.app, await signedIn(ctx.app, ctx.services, 'viewer', p.id('')));
    expect((await viewer.get(`/api/registers/disciplines/${entry.id}`)).statusCode).toBe(200);
    const w = await viewer.post('/api/registers/disciplines', { orgId: p.id('-D1'), subjectType: 'member', subjectName: 'Y', form: 'warning', decidedOn: '2020-05-05' });
    expect([w.statusCode, w.json().error.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    // Nothing was written by the refused calls.
    const n = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM report_disciplines d JOIN organizations o ON o.id = d.org_id WHERE o.path <@ (SELECT path FROM organizations WHERE id = $1)`, [p.id('')]);
    expect(n.rows[0]!.n).toBe(1);
  });
});
