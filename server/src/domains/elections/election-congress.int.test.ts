import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testEngines, type TestDb } from '../../../../test/support/db.ts';
import ExcelJS from 'exceljs';
import { as, buildProvince, createUser, manualClock, multipartFile, signedIn, testApp } from '../../../../test/support/app.ts';

/** R1.18: the denominator of an election held at a delegates' congress comes from its register and check-in. */
describe.each(testEngines)('an election held at a congress takes its denominator from the register on %s', (engine) => {
  let t: TestDb;
  let ctx: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await openTestDb(engine);
    ctx = await testApp(t.db, manualClock(new Date('2020-10-14T01:00:00Z')));
  });
  afterAll(async () => {
    await ctx.app.close();
    await t.cleanup();
  });

  async function setup() {
    const p = await buildProvince(t.db, { districts: 3, grassroots: 1, cells: 1 });
    const adminS = await signedIn(ctx.app, ctx.services, 'admin', p.id(''));
    const admin = as(ctx.app, adminS);
    const campaign = await admin.post('/api/campaigns', { name: 'Nhiệm kỳ 2020–2025', preset: 'CT35-2019', rootOrgId: p.id('') });
    expect(campaign.statusCode, campaign.body).toBe(201);
    const list = (await admin.get(`/api/campaigns/${campaign.json().id}/congresses?limit=500`)).json();
    const congressOf = (key: string) => (list.items.find((c: { org: { id: number } }) => c.org.id === p.id(key)) as { id: number }).id;
    const province = congressOf('');
    await t.db.query(`UPDATE congresses SET planned_start = '2020-10-14', planned_end = '2020-10-16', form = 'delegates' WHERE id = $1`, [province]);
    const add = async (body: Record<string, unknown>) => {
      const r = await admin.post(`/api/congresses/${province}/delegates`, body);
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as number;
    };
    const convener = [await add({ fullName: 'Nguyễn Văn Đức', kind: 'exOfficio' }), await add({ fullName: 'Trần Thị Hoa', kind: 'exOfficio' })];
    const officials: number[] = [];
    for (const [k, key] of ['-D1', '-D2', '-D3'].entries()) {
      for (let i = 1; i <= 2; i++) officials.push(await add({ fullName: `Đại biểu ${k + 1}.${i}`, kind: 'official', delegationOrgId: p.id(key), birthDate: `197${k}-0${i}-15` }));
    }
    const counters = await Promise.all([0, 1, 2].map(() => createUser(ctx.services, 'counter', p.id(''))));
    const idOf = async (u: { username: string }) => (await t.db.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [u.username])).rows[0]!.id;
    const counterIds = await Promise.all(counters.map(idOf));
    return { p, admin, adminS, province, congressOf, convener, officials, counterIds, campaignId: campaign.json().id as number };
  }

  const electionBody = (orgId: number, congressId: number | undefined, extra: Record<string, unknown> = {}) => ({
    orgId,
    title: 'Bầu Ban Chấp hành Đảng bộ tỉnh',
    kind: 'executiveCommittee',
    regulation: '2014',
    congressKind: 'delegates',
    seats: 2,
    // Typed figures that disagree with the register: the register wins for a linked election.
    summoned: 999,
    exclusions: {},
    candidates: ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'].map((fullName) => ({ fullName })),
    ...(congressId === undefined ? {} : { congressId }),
    ...extra,
  });

  it('takes summoned from the register at setup and the absent-for-the-whole-congress counts from check-in when entry opens', async () => {
    const { p, admin, province, convener, officials, counterIds } = await setup();
    const options = (await admin.get(`/api/orgs/${p.id('')}/election-congresses`)).json();
    expect(options).toEqual([expect.objectContaining({ id: province, form: 'delegates', figures: expect.objectContaining({ registered: true, summoned: 8, sessionsHeld: 0, latestSession: null }) })]);

    const created = await admin.post('/api/elections', electionBody(p.id(''), province));
    expect(created.statusCode, created.body).toBe(201);
    const e = created.json();
    expect(e).toMatchObject({ congressId: province, summoned: 8, exclusions: {}, denominator: { value: 8, threshold: 5 }, denominatorSource: { kind: 'congressRegister', at: 'create', sessionsHeld: 0, exclusionsFromCheckIn: false } });

    // The opening session: one convening-committee member and one official never come.
    const s1 = (await admin.post(`/api/congresses/${province}/attendance-sessions`, { label: 'Phiên khai mạc', date: '2020-10-14', kind: 'official' })).json().id;
    for (const id of [convener[0]!, ...officials.slice(0, 5)]) expect((await admin.post(`/api/congresses/${province}/check-in/manual`, { sessionId: s1, delegateId: id })).statusCode).toBe(200);
    const withCheckIn = (await admin.get(`/api/orgs/${p.id('')}/election-congresses`)).json()[0].figures;
    expect(withCheckIn).toMatchObject({ sessionsHeld: 1, latestSession: { label: 'Phiên khai mạc', present: 6 }, exclusions: { convenerMembersAbsentWhole: 1, delegatesAbsentWholeNotReplaced: 1 } });

    expect((await admin.put(`/api/elections/${e.id}/counters`, { counters: [{ userId: counterIds[0], isChief: true }, { userId: counterIds[1], team: 'A' }, { userId: counterIds[2], team: 'B' }] })).statusCode).toBe(200);
    const version = (await admin.get(`/api/elections/${e.id}`)).json().version;
    const opened = await admin.post(`/api/elections/${e.id}/open-entry`, { version, present: 6, ballotsIssued: 6, ballotsCollected: 6, listVote: { agree: 6, disagree: 0, present: 6 } });
    expect(opened.statusCode, opened.body).toBe(200);
    // D = 8 summoned − 1 convening-committee member − 1 official absent for the whole congress (R1.18).
    expect(opened.json()).toMatchObject({ summoned: 8, exclusions: { convenerMembersAbsentWhole: 1, delegatesAbsentWholeNotReplaced: 1 }, denominator: { value: 6, threshold: 4 }, denominatorSource: { at: 'openEntry', sessionsHeld: 1, exclusionsFromCheckIn: true } });
    const audit = await t.db.query<{ details: { before: { summoned: number }; after: { exclusions: Record<string, number> } } }>(
      `SELECT details FROM audit_log WHERE action = 'election.denominator_taken' AND entity_id = $1`,
      [String(e.id)],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.details.before.summoned).toBe(8);
    expect(audit.rows[0]!.details.after.exclusions).toEqual({ convenerMembersAbsentWhole: 1, delegatesAbsentWholeNotReplaced: 1 });
  });

  it('opens no round while check-in shows delegates of fewer than two thirds of the subordinate organisations, whatever is typed (Charter Đ11 K6 b)', async () => {
    const { p, admin, province, convener, officials, counterIds } = await setup();
    for (const n of [1, 2, 3, 4]) expect((await admin.post(`/api/congresses/${province}/delegates`, { fullName: `Ủy viên ${n}`, kind: 'exOfficio' })).statusCode).toBe(201);
    const e = (await admin.post('/api/elections', electionBody(p.id(''), province))).json();
    const conveners = (await admin.get(`/api/congresses/${province}/delegates`)).json().delegates.filter((d: { kind: string }) => d.kind === 'exOfficio').map((d: { id: number }) => d.id) as number[];
    expect(conveners).toEqual(expect.arrayContaining(convener));
    // 12 summoned, 8 present (two thirds) — but only the first district's delegates came: 1 of 3 organisations.
    const s1 = (await admin.post(`/api/congresses/${province}/attendance-sessions`, { label: 'Phiên khai mạc', date: '2020-10-14', kind: 'official' })).json().id;
    for (const id of [...conveners, officials[0]!, officials[1]!]) expect((await admin.post(`/api/congresses/${province}/check-in/manual`, { sessionId: s1, delegateId: id })).statusCode).toBe(200);
    expect((await admin.put(`/api/elections/${e.id}/counters`, { counters: [{ userId: counterIds[0], isChief: true }, { userId: counterIds[1], team: 'A' }, { userId: counterIds[2], team: 'B' }] })).statusCode).toBe(200);
    const version = (await admin.get(`/api/elections/${e.id}`)).json().version;
    const body = { version, present: 8, ballotsIssued: 8, ballotsCollected: 8, listVote: { agree: 8, disagree: 0, present: 8 }, subordinateOrgs: { total: 3, withDelegatesPresent: 3 } };
    const refused = (await admin.post(`/api/elections/${e.id}/open-entry`, body)).json();
    expect(refused.error.code).toBe('QUORUM_NOT_MET');
    expect(refused.error.message).toContain('Tổ chức đảng trực thuộc có đại biểu tham dự 1/3 (điểm danh Phiên khai mạc), cần ít nhất 2.');
    // A delegate of the second district arrives: two of three organisations.
    expect((await admin.post(`/api/congresses/${province}/check-in/manual`, { sessionId: s1, delegateId: officials[2]! })).statusCode).toBe(200);
    const opened = await admin.post(`/api/elections/${e.id}/open-entry`, { ...body, present: 9, ballotsIssued: 9, ballotsCollected: 9 });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().subordinateOrgs).toEqual({ total: 3, withDelegatesPresent: 2 });
  });

  it('records the congress as held only if an official session checked in here reached the quorum (Charter Đ11 K6)', async () => {
    const { p, admin, adminS, province, convener, officials, campaignId } = await setup();
    const held = async () => {
      const c = (await admin.get(`/api/congresses/${province}`)).json();
      return admin.post(`/api/congresses/${province}/transition`, { version: c.version, to: 'held', actualStart: '2020-10-14', actualEnd: '2020-10-14', override: { reason: 'Ghi nhận để kiểm thử' } });
    };
    // 8 summoned; 4 checked in at the opening: below two thirds (6).
    const s1 = (await admin.post(`/api/congresses/${province}/attendance-sessions`, { label: 'Phiên khai mạc', date: '2020-10-14', kind: 'official' })).json().id;
    for (const id of [convener[0]!, ...officials.slice(0, 3)]) expect((await admin.post(`/api/congresses/${province}/check-in/manual`, { sessionId: s1, delegateId: id })).statusCode).toBe(200);
    const refused = (await held()).json();
    expect(refused.error.code).toBe('QUORUM_NOT_MET');
    expect(refused.error.message).toBe('Điểm danh Phiên khai mạc ngày 14/10/2020: có mặt 4/8 đại biểu, cần ít nhất 6. Đại hội không đủ điều kiện khai mạc (Điều lệ Đảng Đ11 K6): chỉ có thể lùi ngày hoặc triệu tập lại.');
    // The Excel progress import refuses the same row, naming it.
    const tpl = await admin.get(`/api/campaigns/${campaignId}/progress-import/template`);
    expect(tpl.statusCode, tpl.body.slice(0, 300)).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(3).values as unknown[]).map((v) => String(v ?? ''));
    ws.eachRow((row, n) => {
      if (n <= 3 || String(row.getCell(1).value) !== p.prefix) return;
      row.getCell(header.indexOf('Trạng thái')).value = 'Đã tổ chức';
      row.getCell(header.indexOf('Ngày bắt đầu')).value = '14/10/2020';
      row.getCell(header.indexOf('Ngày kết thúc')).value = '14/10/2020';
      row.getCell(header.indexOf('Lý do ngoại lệ')).value = 'Ghi nhận để kiểm thử';
    });
    const file = multipartFile('tien-do.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const preview = await ctx.app.inject({ method: 'POST', url: `/api/campaigns/${campaignId}/progress-import/preview`, payload: file.payload, headers: { cookie: adminS.cookie, 'x-csrf-token': adminS.csrf, ...file.headers } });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().issues).toContainEqual(expect.objectContaining({ code: 'QUORUM_NOT_MET', message: expect.stringMatching(/^Dòng \d+: Điểm danh Phiên khai mạc ngày 14\/10\/2020: có mặt 4\/8 đại biểu/) }));

    // Summoned again: a second opening session reaches it.
    const s2 = (await admin.post(`/api/congresses/${province}/attendance-sessions`, { label: 'Phiên khai mạc (triệu tập lại)', date: '2020-10-14', kind: 'official' })).json().id;
    for (const id of [...convener, ...officials.slice(0, 4)]) expect((await admin.post(`/api/congresses/${province}/check-in/manual`, { sessionId: s2, delegateId: id })).statusCode).toBe(200);
    const ok = await held();
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('held');
  });

  it('counts the complaint window from the congress closing day once it is recorded, until then from the election’s last day', async () => {
    const { p, admin, province } = await setup();
    const e = (await admin.post('/api/elections', electionBody(p.id(''), province))).json();
    // The election finished on the congress' second day (set directly: the counting path is tested elsewhere).
    await t.db.query(`UPDATE elections SET status = 'published', closed_on = '2020-10-15' WHERE id = $1`, [e.id]);
    const before = (await admin.get(`/api/elections/${e.id}`)).json().approval;
    expect(before.countedFrom).toEqual({ date: '2020-10-15', basis: 'electionClosed' });
    // The congress closes the next day: the 15 working days run from 16/10/2020 (a Friday) → 06/11/2020.
    await t.db.query(`UPDATE congresses SET actual_start = '2020-10-14', actual_end = '2020-10-16' WHERE id = $1`, [province]);
    const after = (await admin.get(`/api/elections/${e.id}`)).json().approval;
    expect(after.countedFrom).toEqual({ date: '2020-10-16', basis: 'congressClosed' });
    expect(after.deadlines.complaintsUntil).toBe('2020-11-06');
    expect(before.deadlines.complaintsUntil < after.deadlines.complaintsUntil).toBe(true);
  });

  it('refuses a congress of another organization or of the other form, and keeps typed figures for an election held at no congress', async () => {
    const { p, admin, province, congressOf } = await setup();
    const other = await admin.post('/api/elections', electionBody(p.id(''), congressOf('-D1')));
    expect(other.statusCode).toBe(422);
    expect(other.json().error.details[0]).toMatchObject({ field: 'congressId', code: 'ELECTION_CONGRESS_MISMATCH' });
    const wrongForm = await admin.post('/api/elections', electionBody(p.id(''), province, { congressKind: 'members' }));
    expect(wrongForm.json().error.details[0].message).toContain('đại hội đại biểu');
    const typed = await admin.post('/api/elections', electionBody(p.id(''), undefined));
    expect(typed.json()).toMatchObject({ congressId: null, summoned: 999, denominatorSource: null });
  });

  it('shows a district organizer only the congresses of their own subtree', async () => {
    const { p } = await setup();
    const organizer = as(ctx.app, await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D1')));
    const r = await organizer.get(`/api/orgs/${p.id('')}/election-congresses`);
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('ORG_OUT_OF_SCOPE');
    expect((await organizer.get(`/api/orgs/${p.id('-D1')}/election-congresses`)).statusCode).toBe(200);
  });
});
