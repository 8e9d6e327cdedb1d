import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testEngines, type TestDb } from '../../../../test/support/db.ts';
import ExcelJS from 'exceljs';
import { as, buildProvince, createUser, login, multipartFile, signedIn, testApp, type Session } from '../../../../test/support/app.ts';

const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Giang', 'Đặng Văn Hùng', 'Bùi Thị Lan', 'Đỗ Văn Minh', 'Ngô Thị Nga', 'Dương Văn Phúc'];

describe.each(testEngines)('an election from setup to published result on %s', (engine) => {
  let t: TestDb;
  let ctx: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await openTestDb(engine);
    ctx = await testApp(t.db);
  });
  afterAll(async () => {
    await ctx.app.close();
    await t.cleanup();
  });

  async function setup(seats = 10) {
    const p = await buildProvince(t.db, { districts: 2, grassroots: 1, cells: 1 });
    const organizer = await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D1'));
    const users = await Promise.all(['chief', 'a1', 'b1', 'other'].map(() => createUser(ctx.services, 'counter', p.id('-D1'))));
    const [chiefU, aU, bU, otherU] = users as [typeof users[0], typeof users[0], typeof users[0], typeof users[0]];
    const idOf = async (u: { username: string }) => (await t.db.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [u.username])).rows[0]!.id;
    const created = await as(ctx.app, organizer).post('/api/elections', {
      orgId: p.id('-D1'),
      title: 'Bầu Ban Chấp hành Đảng bộ huyện khóa 2020–2025',
      kind: 'executiveCommittee',
      regulation: '2014',
      congressKind: 'delegates',
      seats,
      summoned: 50,
      exclusions: { delegatesAbsentWholeNotReplaced: 2 },
      candidates: names.slice(0, seats + 1).map((fullName) => ({ fullName })),
    });
    expect(created.statusCode).toBe(201);
    const e = created.json();
    const assigned = await as(ctx.app, organizer).patch(`/api/elections/${e.id}/counters`, {});
    expect(assigned.statusCode).toBe(404); // PUT only
    const put = await ctx.app.inject({
      method: 'PUT',
      url: `/api/elections/${e.id}/counters`,
      headers: { cookie: organizer.cookie, 'x-csrf-token': organizer.csrf },
      payload: { counters: [{ userId: await idOf(chiefU), isChief: true }, { userId: await idOf(aU), team: 'A' }, { userId: await idOf(bU), team: 'B' }] },
    });
    expect(put.statusCode).toBe(200);
    const s = async (u: { username: string; password: string }) => login(ctx.app, u.username, u.password);
    return { p, e: put.json(), organizer, chief: await s(chiefU), a: await s(aU), b: await s(bU), other: await s(otherU) };
  }

  it('orders the list by given name, then computes D from the exclusions', async () => {
    const { e } = await setup();
    // Given names: An, Bình, Cường, Dung, Em, Giang, Hùng → already in order; D = 50 − 2.
    expect(e.candidates.map((c: { fullName: string }) => c.fullName)).toEqual(names);
    expect(e.listIssues.filter((i: { severity: string }) => i.severity === 'error')).toEqual([]);
    expect(e.denominator.value).toBe(48);
    expect(e.denominator.threshold).toBe(25);
    expect(e.form).toBe('strike');
    expect(e.unconfirmedRules.length).toBeGreaterThan(0);
  });

  it('refuses to open entry below the 2/3 quorum or without an approved list', async () => {
    const { e, organizer } = await setup();
    const low = await as(ctx.app, organizer).post(`/api/elections/${e.id}/open-entry`, { version: e.version, present: 33, ballotsIssued: 33, ballotsCollected: 33, listVote: { agree: 33, disagree: 0, present: 33 } });
    expect(low.json().error.code).toBe('QUORUM_NOT_MET');
    const notApproved = await as(ctx.app, organizer).post(`/api/elections/${e.id}/open-entry`, { version: e.version, present: 40, ballotsIssued: 40, ballotsCollected: 40, listVote: { agree: 20, disagree: 20, present: 40 } });
    expect(notApproved.json().error.code).toBe('ELECTION_LIST_NOT_APPROVED');
  });

  it('takes 40 ballots from two teams, lists the 3 discrepancies, counts only after reconciliation', async () => {
    const { e, organizer, chief, a, b, other } = await setup(10);
    const opened = await as(ctx.app, organizer).post(`/api/elections/${e.id}/open-entry`, { version: e.version, present: 45, ballotsIssued: 41, ballotsCollected: 40, listVote: { agree: 44, disagree: 1, present: 45 } });
    expect(opened.json().status).toBe('entry');
    // Ballot i strikes names by a fixed pattern; 38 strikes nobody (keeps 11 > 10 seats) and 39 is not stamped: both invalid.
    const paper = (i: number) =>
      i === 38 ? { kind: 'strike', struck: [] } : i === 39 ? { kind: 'invalid', reason: 'NOT_STAMPED' } : { kind: 'strike', struck: [1 + (i % 11), 1 + ((i * 3) % 11)].filter((v, k, arr) => arr.indexOf(v) === k) };
    for (let i = 1; i <= 40; i++) {
      const ra = await as(ctx.app, a).post(`/api/elections/${e.id}/ballots`, { serial: i, entry: paper(i) });
      expect(ra.statusCode).toBe(200);
      // Team B mistypes 3 ballots: 5 and 17 differ, 23 is skipped.
      if (i === 23) continue;
      const typed = i === 5 || i === 17 ? { kind: 'strike', struck: [11] } : paper(i);
      expect((await as(ctx.app, b).post(`/api/elections/${e.id}/ballots`, { serial: i, entry: typed })).statusCode).toBe(200);
    }
    // Teams see only their own entries.
    const mineB = (await as(ctx.app, b).get(`/api/elections/${e.id}/ballots/mine`)).json();
    expect(mineB.team).toBe('B');
    expect(mineB.entered).toBe(39);
    expect(mineB.entries.find((x: { serial: number }) => x.serial === 5).entry).toEqual({ kind: 'strike', struck: [11] });
    // Outsiders cannot type; a serial beyond those issued or a name number off the list is refused.
    expect((await as(ctx.app, other).post(`/api/elections/${e.id}/ballots`, { serial: 1, entry: paper(1) })).json().error.code).toBe('NOT_AN_ENTRY_TEAM_MEMBER');
    expect((await as(ctx.app, a).post(`/api/elections/${e.id}/ballots`, { serial: 42, entry: paper(1) })).json().error.code).toBe('BALLOT_SERIAL_UNKNOWN');
    expect((await as(ctx.app, a).post(`/api/elections/${e.id}/ballots`, { serial: 2, entry: { kind: 'strike', struck: [12] } })).json().error.code).toBe('BALLOT_UNKNOWN_CANDIDATE');
    expect((await as(ctx.app, a).post(`/api/elections/${e.id}/ballots`, { serial: 2, entry: { kind: 'strike', struck: [1] } })).json().error.code).toBe('BALLOT_CORRECTION_NEEDS_REASON');

    const rec = (await as(ctx.app, chief).get(`/api/elections/${e.id}/reconciliation`)).json();
    expect(rec.problems.map((p: { serial: number; state: string }) => [p.serial, p.state])).toEqual([
      [5, 'differs'],
      [17, 'differs'],
      [23, 'missingB'],
    ]);
    expect(rec.canCount).toBe(false);
    expect((await as(ctx.app, a).get(`/api/elections/${e.id}/reconciliation`)).json().error.code).toBe('FORBIDDEN_ROLE');
    const early = await as(ctx.app, chief).post(`/api/elections/${e.id}/count`);
    expect(early.json().error.code).toBe('BALLOTS_NOT_RECONCILED');
    expect((await as(ctx.app, chief).get(`/api/elections/${e.id}/projector`)).json().result).toBeNull();

    for (const serial of [5, 17, 23]) {
      const r = await as(ctx.app, chief).post(`/api/elections/${e.id}/resolutions`, { serial, entry: paper(serial), reason: 'Đối chiếu phiếu giấy' });
      expect(r.statusCode).toBe(200);
    }
    const counted = (await as(ctx.app, chief).post(`/api/elections/${e.id}/count`)).json();
    expect(counted.status).toBe('counted');
    const res = counted.result;
    expect(res.ballots).toEqual({ collected: 40, valid: 38, invalid: 2, invalidReasons: { KEEPS_TOO_MANY: 1, NOT_STAMPED: 1 } });
    // Expected votes computed from the paper pattern, independently of the engine.
    const expected = new Map<number, number>();
    for (let i = 1; i <= 40; i++) {
      if (i === 38 || i === 39) continue;
      const struck = new Set((paper(i) as { struck: number[] }).struck);
      for (let n = 1; n <= 11; n++) if (!struck.has(n)) expected.set(n, (expected.get(n) ?? 0) + 1);
    }
    for (const c of res.candidates) expect(c.votes).toBe(expected.get(c.ballotNo) ?? 0);
    for (const id of res.elected) expect(expected.get(id)! * 2).toBeGreaterThan(48);
    expect(res.elected.length).toBeLessThanOrEqual(10);
    // The projector shows nothing until the chief publishes.
    expect((await as(ctx.app, organizer).get(`/api/elections/${e.id}/projector`)).json().result).toBeNull();
    expect((await as(ctx.app, a).post(`/api/elections/${e.id}/publish`)).json().error.code).toBe('FORBIDDEN_ROLE');
    expect((await as(ctx.app, chief).post(`/api/elections/${e.id}/publish`)).json().status).toBe('published');
    expect((await as(ctx.app, organizer).get(`/api/elections/${e.id}/projector`)).json().result.elected).toEqual(res.elected);
    // Reconciled ballots cannot be changed after counting; the entry log keeps every save.
    expect((await as(ctx.app, chief).post(`/api/elections/${e.id}/resolutions`, { serial: 5, entry: paper(5), reason: 'x' })).json().error.code).toBe('ELECTION_WRONG_STATUS');
    const log = (await as(ctx.app, chief).get(`/api/elections/${e.id}/entry-log`)).json();
    expect(log).toHaveLength(40 + 39 + 3);
    const audit = await t.db.query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE entity_type = 'election' AND entity_id = $1 GROUP BY action ORDER BY action`,
      [String(e.id)],
    );
    expect(Object.fromEntries(audit.rows.map((r) => [r.action, r.n]))).toMatchObject({ 'ballot.entered': 79, 'ballot.reconciled': 3, 'election.counted': 1, 'election.published': 1 });
  });

  it('refuses at save a ballot typed in the wrong form or naming someone not on the ballot, and stores nothing', async () => {
    const { e, organizer, a } = await setup(10);
    const opened = await as(ctx.app, organizer).post(`/api/elections/${e.id}/open-entry`, { version: e.version, present: 45, ballotsIssued: 45, ballotsCollected: 45, listVote: { agree: 44, disagree: 1, present: 45 } });
    expect(opened.json().form).toBe('strike');
    const marks = await as(ctx.app, a).post(`/api/elections/${e.id}/ballots`, { serial: 1, entry: { kind: 'marks', marks: { '2': 'disagree' } } });
    expect(marks.statusCode).toBe(422);
    expect(marks.json().error).toMatchObject({ code: 'BALLOT_WRONG_FORM', details: [{ field: 'entry' }] });
    const outside = await as(ctx.app, a).post(`/api/elections/${e.id}/ballots`, { serial: 1, entry: { kind: 'strike', struck: [3, 12] } });
    expect(outside.json().error.code).toBe('BALLOT_UNKNOWN_CANDIDATE');
    expect(outside.json().error.message).toContain('12');
    const stored = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM ballot_entries WHERE election_id = $1', [e.id]);
    expect(stored.rows[0]!.n).toBe(0);
  });

  it('admits a floor nominee only with more than 30 % of those present agreeing, keeps every vote, and re-orders the list', async () => {
    const { e, organizer, other } = await setup(10);
    // 30 % of 45 is 13.5: 13 agreeing is not enough, 14 is (integer arithmetic, R1.11).
    const refused = await as(ctx.app, organizer).post(`/api/elections/${e.id}/nominations`, { version: e.version, fullName: 'Lý Văn Tâm', nominatedBy: 'floor', present: 45, approvals: 13 });
    expect(refused.statusCode).toBe(200);
    expect(refused.json()).toMatchObject({ admitted: false, needed: 14 });
    const afterRefusal = refused.json().election;
    expect(afterRefusal.candidates).toHaveLength(11);
    const admitted = await as(ctx.app, organizer).post(`/api/elections/${e.id}/nominations`, { version: afterRefusal.version, fullName: 'Lê Thị Bảo', nominatedBy: 'self', present: 45, approvals: 14 });
    expect(admitted.json()).toMatchObject({ admitted: true, needed: 14 });
    const list = admitted.json().election.candidates as { ballotNo: number; fullName: string; nominatedBy: string }[];
    // Given name "Bảo" sorts between "An" and "Bình": she is number 2 and everyone after moves down.
    expect(list.map((c) => c.fullName)).toEqual([names[0], 'Lê Thị Bảo', ...names.slice(1)]);
    expect(list.map((c) => c.ballotNo)).toEqual(list.map((_, i) => i + 1));
    expect(list[1]!.nominatedBy).toBe('self');
    // Admitted by its recorded vote, the name raises no list error (12 names for 10 seats is still a valid surplus).
    expect(admitted.json().election.listIssues.filter((i: { severity: string }) => i.severity === 'error')).toEqual([]);
    expect(admitted.json().election.nominations.votes.map((v: { fullName: string; admitted: boolean }) => [v.fullName, v.admitted])).toEqual([
      ['Lý Văn Tâm', false],
      ['Lê Thị Bảo', true],
    ]);
    const audit = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'election.nomination' AND entity_id = $1`, [String(e.id)]);
    expect(audit.rows[0]!.n).toBe(2);

    const again = await as(ctx.app, organizer).post(`/api/elections/${e.id}/nominations`, { version: admitted.json().election.version, fullName: 'lê thị  Bảo', nominatedBy: 'floor', present: 45, approvals: 40 });
    expect(again.json().error.code).toBe('ELECTION_LIST_INVALID');
    const tooMany = await as(ctx.app, organizer).post(`/api/elections/${e.id}/nominations`, { version: admitted.json().election.version, fullName: 'Mai Văn Quý', nominatedBy: 'floor', present: 45, approvals: 46 });
    expect(tooMany.json().error.code).toBe('VALIDATION_FAILED');
    const notManager = await as(ctx.app, other).post(`/api/elections/${e.id}/nominations`, { version: admitted.json().election.version, fullName: 'Mai Văn Quý', nominatedBy: 'floor', present: 45, approvals: 30 });
    expect(notManager.statusCode).toBe(403);
  });

  it('refuses floor and self nominees in a new list: they need the congress\' vote first', async () => {
    const p = await buildProvince(t.db, { districts: 1, grassroots: 1, cells: 1 });
    const organizer = await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D1'));
    const res = await as(ctx.app, organizer).post('/api/elections', {
      orgId: p.id('-D1'), title: 'Bầu Ban Chấp hành', kind: 'executiveCommittee', regulation: '2024', congressKind: 'delegates', seats: 2, summoned: 50,
      candidates: [{ fullName: 'Nguyễn Văn An' }, { fullName: 'Trần Thị Bình' }, { fullName: 'Lê Văn Cường', nominatedBy: 'floor' }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'ELECTION_LIST_INVALID', details: [{ field: 'candidates', code: 'NOMINEE_NEEDS_VOTE' }] });
  });

  it('reads a candidate list from Excel or CSV, naming every bad row, storing nothing', async () => {
    const p = await buildProvince(t.db, { districts: 1, grassroots: 1, cells: 1 });
    const organizer = await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D1'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['DANH SÁCH BẦU CỬ']);
    ws.addRow(['STT', 'Họ và tên']);
    ws.addRow([1, 'Trần Thị Bình']);
    ws.addRow([2, { formula: 'A1&"x"' }]);
    ws.addRow([3, 'Nguyễn Văn An']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const send = (name: string, data: Buffer) => {
      const m = multipartFile(name, data);
      return ctx.app.inject({ method: 'POST', url: '/api/elections/candidate-file', payload: m.payload, headers: { ...m.headers, cookie: organizer.cookie, 'x-csrf-token': organizer.csrf } });
    };
    const read = await send('danh-sach.xlsx', xlsx);
    expect(read.statusCode).toBe(200);
    expect(read.json().names).toEqual(['Trần Thị Bình', 'Nguyễn Văn An']);
    expect(read.json().problems).toEqual([expect.objectContaining({ row: 4, column: 'B', code: 'FORMULA' })]);
    const csv = await send('danh-sach.csv', Buffer.from('\uFEFFSTT;Họ và tên\r\n1;Lê Văn Hà\r\n2;Lê Văn Hạ\r\n', 'utf8'));
    expect(csv.json()).toEqual({ names: ['Lê Văn Hà', 'Lê Văn Hạ'], problems: [] });
    const broken = await send('hong.xlsx', Buffer.from('not a zip'));
    expect(broken.statusCode).toBe(422);
    expect(broken.json().error.code).toBe('IMPORT_FILE_INVALID');
    const viewer = await signedIn(ctx.app, ctx.services, 'viewer', p.id('-D1'));
    const m = multipartFile('danh-sach.xlsx', xlsx);
    const refused = await ctx.app.inject({ method: 'POST', url: '/api/elections/candidate-file', payload: m.payload, headers: { ...m.headers, cookie: viewer.cookie, 'x-csrf-token': viewer.csrf } });
    expect(refused.statusCode).toBe(403);
  });

  it('offers its organizers the users who may sit on the counting committee: active, with a scope reaching the congress', async () => {
    const { e, p, organizer, a } = await setup();
    const above = await createUser(ctx.services, 'counter', p.id(''));
    const below = await createUser(ctx.services, 'counter', p.id('-D1-G1'));
    const beside = await createUser(ctx.services, 'counter', p.id('-D2'));
    const retired = await createUser(ctx.services, 'counter', p.id('-D1'));
    await t.db.query('UPDATE users SET active = false WHERE username = $1', [retired.username]);
    const res = await as(ctx.app, organizer).get(`/api/elections/${e.id}/eligible-counters`);
    expect(res.statusCode).toBe(200);
    const list = res.json() as { id: number; username: string; fullName: string; role: string; scopeOrgName: string }[];
    const names = list.map((u) => u.username);
    expect(names).toEqual(expect.arrayContaining([above.username, organizer.username, a.username]));
    for (const u of [below, beside, retired]) expect(names).not.toContain(u.username);
    expect(list.find((u) => u.username === a.username)).toMatchObject({ role: 'counter', scopeOrgName: 'Đảng bộ huyện Móng Cái' });
    // Typists and other districts do not get the list.
    expect((await as(ctx.app, a).get(`/api/elections/${e.id}/eligible-counters`)).json().error.code).toBe('FORBIDDEN_ROLE');
    const outsider = await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D2'));
    expect((await as(ctx.app, outsider).get(`/api/elections/${e.id}/eligible-counters`)).json().error.code).toBe('ORG_OUT_OF_SCOPE');
  });

  it('offers the invalid-ballot reasons of its regulation, saying which are rulings and which need a note', async () => {
    const { e } = await setup();
    const codes = e.invalidReasons.map((r: { code: string }) => r.code);
    // QĐ 244 (2014) does not have the case QĐ 190 added.
    expect(codes).not.toContain('CASE_ADDED_BY_QD190');
    expect(e.invalidReasons.find((r: { code: string }) => r.code === 'KEEPS_TOO_MANY')).toMatchObject({ derivedFromMarks: true, requiresNote: false });
    expect(e.invalidReasons.find((r: { code: string }) => r.code === 'NOT_STAMPED')).toMatchObject({ derivedFromMarks: false, requiresNote: false });
    expect(e.invalidReasons.find((r: { code: string }) => r.code === 'OTHER_COMMITTEE_RULING')).toMatchObject({ derivedFromMarks: false, requiresNote: true });
  });

  it('types ballots by one-key codes unless the organizer chooses the numbers before entry opens; audited (ADR 0007)', async () => {
    const { e, organizer, p } = await setup();
    const api = as(ctx.app, organizer);
    expect(e).toMatchObject({ entryKeys: 'keys', roundEntryKeys: 'keys', maxKeyedNames: 84 });
    const outsider = as(ctx.app, await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D2')));
    expect((await outsider.put(`/api/elections/${e.id}/entry-keys`, { version: e.version, entryKeys: 'numbers' })).json().error.code).toBe('ORG_OUT_OF_SCOPE');
    expect((await api.put(`/api/elections/${e.id}/entry-keys`, { version: e.version, entryKeys: 'letters' })).statusCode).toBe(400);
    const numbers = await api.put(`/api/elections/${e.id}/entry-keys`, { version: e.version, entryKeys: 'numbers' });
    expect(numbers.json()).toMatchObject({ entryKeys: 'numbers', roundEntryKeys: 'numbers', version: e.version + 1 });
    expect((await api.put(`/api/elections/${e.id}/entry-keys`, { version: e.version, entryKeys: 'keys' })).json().error.code).toBe('VERSION_CONFLICT');
    const audit = await t.db.query<{ details: { before: string; after: string } }>(`SELECT details FROM audit_log WHERE action = 'election.entry_keys_set' AND entity_id = $1`, [String(e.id)]);
    expect(audit.rows.map((r) => r.details)).toEqual([{ before: 'keys', after: 'numbers' }]);
    const opened = await api.post(`/api/elections/${e.id}/open-entry`, { version: e.version + 1, present: 48, ballotsIssued: 48, ballotsCollected: 48, listVote: { agree: 48, disagree: 0, present: 48 } });
    expect(opened.statusCode, opened.body).toBe(200);
    // The ballots are printed: the way they are typed no longer changes.
    expect((await api.put(`/api/elections/${e.id}/entry-keys`, { version: opened.json().version, entryKeys: 'keys' })).json().error.code).toBe('ELECTION_WRONG_STATUS');
    // A list of two groups of codes (ADR 0008) starts on the codes; a longer one on the numbers.
    const listOf = (names: number, seats: number) =>
      api.post('/api/elections', {
        orgId: p.id('-D1'),
        title: `Danh sách ${names} người`,
        kind: 'executiveCommittee',
        regulation: '2024',
        congressKind: 'delegates',
        seats,
        summoned: 300,
        candidates: Array.from({ length: names }, (_, i) => ({ fullName: `Nguyễn Văn Người ${i + 1}` })),
      });
    expect((await listOf(61, 55)).json()).toMatchObject({ entryKeys: 'keys', roundEntryKeys: 'keys' });
    expect((await listOf(85, 75)).json()).toMatchObject({ entryKeys: 'numbers', roundEntryKeys: 'numbers' });
  });

  it('keeps another district out of the election', async () => {
    const { e, p } = await setup();
    const outsider: Session = await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D2'));
    const res = await as(ctx.app, outsider).get(`/api/elections/${e.id}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ORG_OUT_OF_SCOPE');
    expect(res.body).not.toContain('Ban Chấp hành');
    const viewer = await signedIn(ctx.app, ctx.services, 'viewer', p.id(''));
    expect((await as(ctx.app, viewer).post('/api/elections', { orgId: p.id('-D1'), title: 'x', kind: 'secretary', regulation: '2024', congressKind: 'conference', seats: 1, summoned: 15, candidates: [{ fullName: 'Lê Văn A' }] })).json().error.code).toBe('FORBIDDEN_ROLE');
  });

  /**
   * A cell congress of 12 electing 2 of 3, counted to a tie: An 10, Bình 7, Cường 7 of D = 12, so
   * Bình and Cường tie for the last seat. `settings` are [U] settings set before entry opens.
   */
  async function tiedCellElection(settings?: Record<string, unknown>) {
    const p = await buildProvince(t.db, { districts: 1, grassroots: 1, cells: 1 });
    const organizer = await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D1-G1'));
    const users = await Promise.all([0, 1, 2].map(() => createUser(ctx.services, 'counter', p.id('-D1-G1'))));
    const ids = await Promise.all(users.map(async (u) => (await t.db.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [u.username])).rows[0]!.id));
    const [chief, a, b] = await Promise.all(users.map((u) => login(ctx.app, u.username, u.password)));
    const created = (
      await as(ctx.app, organizer).post('/api/elections', {
        orgId: p.id('-D1-G1'),
        title: 'Bầu Chi ủy',
        kind: 'executiveCommittee',
        regulation: '2024',
        congressKind: 'members',
        seats: 2,
        summoned: 12,
        candidates: [{ fullName: 'Lê Văn An' }, { fullName: 'Lê Thị Bình' }, { fullName: 'Lê Văn Cường' }],
      })
    ).json();
    await ctx.app.inject({
      method: 'PUT',
      url: `/api/elections/${created.id}/counters`,
      headers: { cookie: organizer.cookie, 'x-csrf-token': organizer.csrf },
      payload: { counters: [{ userId: ids[0], isChief: true }, { userId: ids[1], team: 'A' }, { userId: ids[2], team: 'B' }] },
    });
    let version = (await as(ctx.app, organizer).get(`/api/elections/${created.id}`)).json().version;
    if (settings) {
      const set = await as(ctx.app, organizer).put(`/api/elections/${created.id}/rule-settings`, { version, settings });
      expect(set.statusCode, set.body).toBe(200);
      version = set.json().version;
    }
    expect((await as(ctx.app, organizer).post(`/api/elections/${created.id}/open-entry`, { version, present: 12, ballotsIssued: 12, ballotsCollected: 12, listVote: { agree: 12, disagree: 0, present: 12 } })).statusCode).toBe(200);
    const enterAll = async (ballots: { kind: 'strike'; struck: number[] }[]) => {
      for (const [i, entry] of ballots.entries()) {
        for (const team of [a!, b!]) expect((await as(ctx.app, team).post(`/api/elections/${created.id}/ballots`, { serial: i + 1, entry })).statusCode).toBe(200);
      }
    };
    const strike = (n: number, times: number) => Array.from({ length: times }, () => ({ kind: 'strike' as const, struck: [n] }));
    await enterAll([...strike(1, 2), ...strike(2, 5), ...strike(3, 5)]);
    const first = (await as(ctx.app, chief!).post(`/api/elections/${created.id}/count`)).json();
    expect((await as(ctx.app, chief!).post(`/api/elections/${created.id}/publish`)).statusCode).toBe(200);
    const published = (await as(ctx.app, organizer).get(`/api/elections/${created.id}`)).json();
    return { p, created, organizer, chief: chief!, enterAll, strike, first, published };
  }

  it('breaks a tie at the cut-off with a round among the tied only, then closes', async () => {
    const { p, created, organizer, chief, enterAll, strike, first, published } = await tiedCellElection();
    expect(first.result.elected).toEqual([1]);
    expect(first.result.tie).toEqual({ ballotNos: [2, 3], seats: 1 });
    expect(published.phase.kind).toBe('awaitingRound');
    expect(published.phase.next.purpose).toBe('tieBreak');
    expect(published.phase.next.candidates.map((c: { fullName: string }) => c.fullName)).toEqual(['Lê Thị Bình', 'Lê Văn Cường']);
    // No decision is needed, and none may be forced on a tie-break.
    expect((await as(ctx.app, organizer).post(`/api/elections/${created.id}/next-round`, { version: published.version, decision: 'stop' })).json().error.code).toBe('ELECTION_INVALID');
    const opened = (await as(ctx.app, organizer).post(`/api/elections/${created.id}/next-round`, { version: published.version, present: 12, ballotsIssued: 12, ballotsCollected: 12 })).json();
    expect([opened.status, opened.currentRound, opened.round.ballotSeats]).toEqual(['entry', 2, 1]);
    // On the tie-break ballot Bình is 1 and Cường is 2: 7 keep Bình, 5 keep Cường. The most votes win, no majority needed.
    await enterAll([...strike(2, 7), ...strike(1, 5)]);
    const second = (await as(ctx.app, chief!).post(`/api/elections/${created.id}/count`)).json();
    expect(second.result.round).toBe(2);
    expect(second.result.elected).toEqual([2]);
    expect(second.outcome.elected).toEqual([1, 2]);
    expect(second.outcome.finished).toBe(true);
    expect(second.rounds).toHaveLength(2);
    await as(ctx.app, chief!).post(`/api/elections/${created.id}/publish`);
    const done = (await as(ctx.app, organizer).get(`/api/elections/${created.id}`)).json();
    expect(done.phase.kind).toBe('closed');
    // Results now wait for the upper committee: deadlines run from the closing day.
    expect(done.approval.status).toBe('pending');
    expect(done.approval.canApprove).toBe(false);
    const closedOn = done.approval.closedOn as string;
    const workdaysBetween = (from: string, to: string) => {
      let n = 0;
      for (let t = Date.parse(from) + 86_400_000; t <= Date.parse(to); t += 86_400_000) if (![0, 6].includes(new Date(t).getUTCDay())) n++;
      return n;
    };
    // At least 15 weekdays (holidays only push it later).
    expect(workdaysBetween(closedOn, done.approval.deadlines.complaintsUntil)).toBeGreaterThanOrEqual(15);
    expect((await as(ctx.app, organizer).post(`/api/elections/${created.id}/approve`, { version: done.version, decisionNo: '12-QĐ/HU', decisionDate: closedOn })).json().error.code).toBe('FORBIDDEN_ROLE');
    const upper = await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D1'));
    const early = await as(ctx.app, upper).post(`/api/elections/${created.id}/approve`, { version: done.version, decisionNo: '12-QĐ/HU', decisionDate: '2000-01-01' });
    expect(early.json().error.details[0].code).toBe('DATE_BEFORE_CLOSING');
    const approved = (await as(ctx.app, upper).post(`/api/elections/${created.id}/approve`, { version: done.version, decisionNo: '12-QĐ/HU', decisionDate: closedOn })).json();
    expect([approved.approval.status, approved.approval.decisionNo]).toEqual(['approved', '12-QĐ/HU']);
    expect((await as(ctx.app, organizer).post(`/api/elections/${created.id}/next-round`, { version: approved.version })).json().error.code).toBe('ELECTION_WRONG_STATUS');
  });

  it('leaves a seat empty when the congress stops after a persistent tie; the upper committee records its appointment, once', async () => {
    const { p, created, organizer, chief, enterAll, strike, published } = await tiedCellElection();
    const opened = (await as(ctx.app, organizer).post(`/api/elections/${created.id}/next-round`, { version: published.version, present: 12, ballotsIssued: 12, ballotsCollected: 12 })).json();
    expect(opened.status).toBe('entry');
    // The tie-break ties again, 6 to 6: the congress decides, and stops.
    await enterAll([...strike(2, 6), ...strike(1, 6)]);
    await as(ctx.app, chief).post(`/api/elections/${created.id}/count`);
    await as(ctx.app, chief).post(`/api/elections/${created.id}/publish`);
    const tied = (await as(ctx.app, organizer).get(`/api/elections/${created.id}`)).json();
    expect(tied.phase.kind).toBe('awaitingCongressDecision');
    expect(tied.vacancies).toMatchObject({ vacant: 0, canAppoint: false });
    const stopped = (await as(ctx.app, organizer).post(`/api/elections/${created.id}/next-round`, { version: tied.version, decision: 'stop' })).json();
    expect(stopped.phase.kind).toBe('closed');
    expect(stopped.vacancies).toEqual({ vacant: 1, appointed: [], canAppoint: false });

    const body = (version: number, decisionDate = stopped.approval.closedOn as string) => ({ version, fullName: 'Hoàng Thị Mai', decisionNo: '45-QĐ/ĐU', decisionDate });
    // The cell's own organizer cannot; the committee above can, not before the election closed, and only for the empty seat.
    expect((await as(ctx.app, organizer).post(`/api/elections/${created.id}/appointments`, body(stopped.version))).json().error.code).toBe('FORBIDDEN_ROLE');
    const upper = await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D1'));
    const upperView = (await as(ctx.app, upper).get(`/api/elections/${created.id}`)).json();
    expect(upperView.vacancies.canAppoint).toBe(true);
    expect((await as(ctx.app, upper).post(`/api/elections/${created.id}/appointments`, body(stopped.version, '2000-01-01'))).json().error.details[0].code).toBe('DATE_BEFORE_CLOSING');
    const appointed = await as(ctx.app, upper).post(`/api/elections/${created.id}/appointments`, body(stopped.version));
    expect(appointed.statusCode, appointed.body).toBe(200);
    expect(appointed.json().vacancies).toMatchObject({ vacant: 1, canAppoint: false, appointed: [{ fullName: 'Hoàng Thị Mai', decisionNo: '45-QĐ/ĐU' }] });
    expect((await as(ctx.app, upper).post(`/api/elections/${created.id}/appointments`, body(appointed.json().version))).json().error.code).toBe('ELECTION_INVALID');
    const audit = await t.db.query<{ summary: string }>(`SELECT summary FROM audit_log WHERE action = 'election.appointment_recorded' AND entity_id = $1`, [String(created.id)]);
    expect(audit.rows.map((r) => r.summary)).toEqual(['Cấp trên chỉ định Hoàng Thị Mai vào chỗ trống (QĐ 45-QĐ/ĐU): Bầu Chi ủy']);
  });

  it('opens a tie-break round below two thirds with a recorded warning by default, and refuses it when the [U] setting says block', async () => {
    const warned = await tiedCellElection();
    const opened = await as(ctx.app, warned.organizer).post(`/api/elections/${warned.created.id}/next-round`, { version: warned.published.version, present: 7, ballotsIssued: 7, ballotsCollected: 7 });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().quorumWarning).toBe('Vòng 2 mở khi có mặt 7/12, dưới hai phần ba số được triệu tập (chỉ cảnh báo — thiết lập chưa xác nhận).');
    const audit = await t.db.query<{ summary: string; details: { quorumWarning?: string } }>(`SELECT summary, details FROM audit_log WHERE action = 'election.round_opened' AND entity_id = $1`, [String(warned.created.id)]);
    expect(audit.rows[0]!.details.quorumWarning).toBe('Có mặt 7/12, cần ít nhất 8 (hai phần ba số được triệu tập).');
    expect(audit.rows[0]!.summary).toContain('cảnh báo');

    const strict = await tiedCellElection({ quorumRecheckEachRound: 'block' });
    expect(strict.published.unconfirmedRules.find((r: { id: string }) => r.id === 'quorumRecheckEachRound')).toMatchObject({ value: 'block', defaultValue: 'warn', overridden: true, editable: false });
    const refused = await as(ctx.app, strict.organizer).post(`/api/elections/${strict.created.id}/next-round`, { version: strict.published.version, present: 7, ballotsIssued: 7, ballotsCollected: 7 });
    expect(refused.json().error.code).toBe('QUORUM_NOT_MET');
    expect(refused.json().error.message).toContain('Có mặt 7/12, cần ít nhất 8');
    expect((await as(ctx.app, strict.organizer).post(`/api/elections/${strict.created.id}/next-round`, { version: strict.published.version, present: 8, ballotsIssued: 8, ballotsCollected: 8 })).statusCode).toBe(200);
  });

  it('changes the [U] settings only while the election is set up, checked by the engine and audited', async () => {
    const { e, organizer, p } = await setup();
    const api = as(ctx.app, organizer);
    const bad = await api.put(`/api/elections/${e.id}/rule-settings`, { version: e.version, settings: { percentDecimals: 9 } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'settings.percentDecimals', code: 'SETTING_VALUE_INVALID' });
    expect((await api.put(`/api/elections/${e.id}/rule-settings`, { version: e.version, settings: { threshold: 'plurality' } })).json().error.details[0].code).toBe('RULE_NOT_CONFIGURABLE');
    expect((await api.put(`/api/elections/${e.id}/rule-settings`, { version: e.version, settings: { ballotOrder: 'asEntered' } })).json().error.details[0].code).toBe('RULE_NOT_CONFIGURABLE');
    const outsider = as(ctx.app, await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D2')));
    expect((await outsider.put(`/api/elections/${e.id}/rule-settings`, { version: e.version, settings: { percentDecimals: 1 } })).json().error.code).toBe('ORG_OUT_OF_SCOPE');
    const set = await api.put(`/api/elections/${e.id}/rule-settings`, { version: e.version, settings: { percentDecimals: 1, conveningSurplusPercent: { min: 10, max: 20 } } });
    expect(set.statusCode, set.body).toBe(200);
    const rules = set.json().unconfirmedRules as { id: string; value: unknown; overridden: boolean; editable: boolean }[];
    expect(rules.find((r) => r.id === 'percentDecimals')).toMatchObject({ value: 1, overridden: true, editable: true });
    // Back to the default: nothing stored for it.
    const back = await api.put(`/api/elections/${e.id}/rule-settings`, { version: set.json().version, settings: { percentDecimals: 2 } });
    expect((await t.db.query<{ rule_settings: unknown }>(`SELECT rule_settings FROM elections WHERE id = $1`, [e.id])).rows[0]!.rule_settings).toEqual({ conveningSurplusPercent: { min: 10, max: 20 } });
    const audit = await t.db.query<{ details: { before: unknown; after: unknown } }>(`SELECT details FROM audit_log WHERE action = 'election.rule_settings_set' AND entity_id = $1 ORDER BY id`, [String(e.id)]);
    expect(audit.rows.map((r) => r.details.after)).toEqual([{ percentDecimals: 1, conveningSurplusPercent: { min: 10, max: 20 } }, { conveningSurplusPercent: { min: 10, max: 20 } }]);
    const opened = await api.post(`/api/elections/${e.id}/open-entry`, { version: back.json().version, present: 45, ballotsIssued: 45, ballotsCollected: 45, listVote: { agree: 45, disagree: 0, present: 45 } });
    expect(opened.statusCode).toBe(200);
    expect((await api.put(`/api/elections/${e.id}/rule-settings`, { version: opened.json().version, settings: { percentDecimals: 1 } })).json().error.code).toBe('ELECTION_WRONG_STATUS');
  });

  it('refuses to open entry when delegates of fewer than two thirds of the subordinate organisations are present (Charter Đ11 K6 b)', async () => {
    const { e, organizer } = await setup();
    const open = (total: number, withDelegatesPresent: number) =>
      as(ctx.app, organizer).post(`/api/elections/${e.id}/open-entry`, { version: e.version, present: 45, ballotsIssued: 45, ballotsCollected: 45, listVote: { agree: 45, disagree: 0, present: 45 }, subordinateOrgs: { total, withDelegatesPresent } });
    const low = (await open(9, 5)).json();
    expect(low.error.code).toBe('QUORUM_NOT_MET');
    expect(low.error.message).toContain('Tổ chức đảng trực thuộc có đại biểu tham dự 5/9, cần ít nhất 6.');
    expect(low.error.details).toEqual([{ field: 'subordinateOrgs', code: 'SUBORDINATE_ORGS_BELOW_TWO_THIRDS', message: expect.any(String) }]);
    expect((await open(9, 10)).json().error.details[0].field).toBe('subordinateOrgs');
    const ok = await open(9, 6);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().subordinateOrgs).toEqual({ total: 9, withDelegatesPresent: 6 });
  });

  it('leaves a seat to the congress when too few pass the threshold: further round with an added name, or stop', async () => {
    const p = await buildProvince(t.db, { districts: 1, grassroots: 1, cells: 1 });
    const organizer = await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D1-G1'));
    const users = await Promise.all([0, 1, 2].map(() => createUser(ctx.services, 'counter', p.id('-D1-G1'))));
    const ids = await Promise.all(users.map(async (u) => (await t.db.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [u.username])).rows[0]!.id));
    const [chief, a, b] = await Promise.all(users.map((u) => login(ctx.app, u.username, u.password)));
    const e = (await as(ctx.app, organizer).post('/api/elections', { orgId: p.id('-D1-G1'), title: 'Bầu Chi ủy', kind: 'executiveCommittee', regulation: '2024', congressKind: 'members', seats: 2, summoned: 12, candidates: [{ fullName: 'Lê Văn An' }, { fullName: 'Lê Thị Bình' }, { fullName: 'Lê Văn Cường' }] })).json();
    await ctx.app.inject({ method: 'PUT', url: `/api/elections/${e.id}/counters`, headers: { cookie: organizer.cookie, 'x-csrf-token': organizer.csrf }, payload: { counters: [{ userId: ids[0], isChief: true }, { userId: ids[1], team: 'A' }, { userId: ids[2], team: 'B' }] } });
    const v1 = (await as(ctx.app, organizer).get(`/api/elections/${e.id}`)).json().version;
    await as(ctx.app, organizer).post(`/api/elections/${e.id}/open-entry`, { version: v1, present: 12, ballotsIssued: 12, ballotsCollected: 12, listVote: { agree: 12, disagree: 0, present: 12 } });
    // 6 strike Bình, 6 strike Cường: An 12, Bình 6, Cường 6 — exactly half is not elected.
    for (let serial = 1; serial <= 12; serial++) {
      for (const team of [a!, b!]) await as(ctx.app, team).post(`/api/elections/${e.id}/ballots`, { serial, entry: { kind: 'strike', struck: [serial <= 6 ? 2 : 3] } });
    }
    const counted = (await as(ctx.app, chief!).post(`/api/elections/${e.id}/count`)).json();
    expect(counted.result.elected).toEqual([1]);
    expect(counted.result.tie).toBeNull();
    expect(counted.result.unfilledSeats.official).toBe(1);
    await as(ctx.app, chief!).post(`/api/elections/${e.id}/publish`);
    const pub = (await as(ctx.app, organizer).get(`/api/elections/${e.id}`)).json();
    expect([pub.phase.kind, pub.phase.reason]).toEqual(['awaitingCongressDecision', 'SEATS_REMAIN']);
    const noDecision = await as(ctx.app, organizer).post(`/api/elections/${e.id}/next-round`, { version: pub.version, present: 12, ballotsIssued: 12, ballotsCollected: 12 });
    expect(noDecision.json().error.details[0].code).toBe('DECISION_REQUIRED');
    const further = (await as(ctx.app, organizer).post(`/api/elections/${e.id}/next-round`, { version: pub.version, decision: 'furtherRound', keepBallotNos: [2], addCandidates: ['Đinh Văn Dũng'], present: 11, ballotsIssued: 11, ballotsCollected: 11 })).json();
    expect(further.round.purpose).toBe('further');
    expect(further.round.candidates.map((c: { fullName: string }) => c.fullName)).toEqual(['Lê Thị Bình', 'Đinh Văn Dũng']);
    expect(further.round.ballotSeats).toBe(1);
    // An elected candidate cannot stand again.
    expect(further.candidates.find((c: { fullName: string }) => c.fullName === 'Đinh Văn Dũng').roundAdded).toBe(2);
  });
});
