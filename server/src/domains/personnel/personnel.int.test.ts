import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testEngines, type TestDb } from '../../../../test/support/db.ts';
import { as, buildProvince, createUser, login, manualClock, type Session, signedIn, testApp, multipartFile as multipart } from '../../../../test/support/app.ts';
import { listMigrations, splitSql } from '../../platform/db/migrate.ts';

type Ctx = Awaited<ReturnType<typeof testApp>>;


async function peopleFile(rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Can bo');
  ws.addRow(['Mã cán bộ', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Mã tổ chức', 'Chức vụ hiện tại']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(testEngines)('personnel on %s', (engine) => {
  let t: TestDb;
  let ctx: Ctx;
  // Mid-June 2020: district congresses of Quảng Ninh were being prepared.
  const clock = manualClock(new Date('2020-06-15T03:00:00Z'));
  beforeAll(async () => {
    t = await openTestDb(engine);
    ctx = await testApp(t.db, clock);
  });
  afterAll(async () => {
    await ctx.app.close();
    await t.cleanup();
  });
  const put = (s: Session, url: string, payload: unknown) => ctx.app.inject({ method: 'PUT', url, payload: payload as object, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });

  /** A province, a CT 35/2019 campaign, an organizer of district D1 and one of district D2. */
  async function setup() {
    const p = await buildProvince(t.db, { districts: 2, grassroots: 1, cells: 1 });
    const admin = as(ctx.app, await signedIn(ctx.app, ctx.services, 'admin', p.id('')));
    const campaign = (await admin.post('/api/campaigns', { name: 'Nhiệm kỳ 2020–2025', preset: 'CT35-2019', rootOrgId: p.id('') })).json();
    const list = (await admin.get(`/api/campaigns/${campaign.id}/congresses?limit=500`)).json();
    const congressId = list.items.find((c: { org: { id: number } }) => c.org.id === p.id('-D1')).id as number;
    const orgS = await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D1'));
    const otherS = await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D2'));
    return { p, admin, org: as(ctx.app, orgS), orgS, other: as(ctx.app, otherS), otherS, congressId };
  }
  const person = (orgId: number, fullName: string, birthDate: string, gender: 'male' | 'female' = 'male', extra: Record<string, unknown> = {}) => ({ orgId, fullName, birthDate, gender, ...extra });

  it('keeps a profile with posts and a computed retirement date; another subtree neither reads nor writes it', async () => {
    const { p, org, other } = await setup();
    const created = await org.post(
      '/api/people',
      person(p.id('-D1'), 'Nguyễn Thị Hương', '1975-03-15', 'female', {
        ethnicity: 'Tày',
        politicalTheory: 'advanced',
        partyJoinDate: '1998-05-19',
        posts: [{ orgId: p.id('-D1'), role: 'deputySecretary', title: 'Phó Bí thư Huyện ủy' }],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const h = created.json();
    // Woman born 3/1975: the 2033 age (59 y 4 m) lands in 7/2034, too late for 2033; the 2034 age (59 y 8 m) lands in 11/2034.
    expect(h.retirement).toMatchObject({ month: '2034-11', source: 'computed', ageText: '59 tuổi 8 tháng' });
    expect(h.posts).toEqual(['Phó Bí thư Huyện ủy']);
    expect((await other.get(`/api/people/${h.id}`)).json().error.code).toBe('ORG_OUT_OF_SCOPE');
    expect((await other.get(`/api/people?orgId=${p.id('-D1')}`)).json().error.code).toBe('ORG_OUT_OF_SCOPE');
    expect((await other.get('/api/people')).json()).toEqual([]);
    const stolen = await other.patch(`/api/people/${h.id}`, { ...person(p.id('-D2'), 'Nguyễn Thị Hương', '1975-03-15', 'female'), version: h.version });
    expect(stolen.json().error.code).toBe('ORG_OUT_OF_SCOPE');
    const intoOther = await org.post('/api/people', person(p.id('-D2'), 'Trần Văn Bảo', '1970-01-01'));
    expect(intoOther.json().error.code).toBe('ORG_OUT_OF_SCOPE');
    const badDate = await org.post('/api/people', person(p.id('-D1'), 'Trần Văn Bảo', '1970-01-01', 'male', { partyJoinDate: '1969-01-01' }));
    expect(badDate.json().error).toMatchObject({ code: 'PERSON_INVALID', details: [{ field: 'partyJoinDate' }] });
    // Search folds diacritics.
    expect((await org.get('/api/people?q=huong')).json().map((x: { fullName: string }) => x.fullName)).toEqual(['Nguyễn Thị Hương']);
    const audit = await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'person.created' AND entity_id = $1`, [String(h.id)]);
    expect(audit.rows).toHaveLength(1);
  });

  it('attaches documents through the file store, refusing a file whose content does not match its type', async () => {
    const { p, orgS, otherS } = await setup();
    const h = (await as(ctx.app, orgS).post('/api/people', person(p.id('-D1'), 'Lê Văn Dũng', '1972-02-02'))).json();
    const upload = (s: Session, name: string, data: Buffer) => {
      const m = multipart(name, data, { label: 'Sơ yếu lý lịch' });
      return ctx.app.inject({ method: 'POST', url: `/api/people/${h.id}/documents`, payload: m.payload, headers: { ...m.headers, cookie: s.cookie, 'x-csrf-token': s.csrf } });
    };
    const pdf = Buffer.from('%PDF-1.4\n% Sơ yếu lý lịch\n');
    const ok = await upload(orgS, 'so-yeu-ly-lich.pdf', pdf);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ label: 'Sơ yếu lý lịch', fileName: 'so-yeu-ly-lich.pdf' });
    expect((await upload(orgS, 'ly-lich.pdf', Buffer.from('MZ not a pdf'))).json().error.code).toBe('FILE_TYPE_REFUSED');
    expect((await upload(otherS, 'x.pdf', pdf)).json().error.code).toBe('ORG_OUT_OF_SCOPE');
    const got = await as(ctx.app, orgS).get(`/api/people/${h.id}/documents/${ok.json().id}`);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(pdf)).toBe(true);
    expect((await as(ctx.app, otherS).get(`/api/people/${h.id}/documents/${ok.json().id}`)).json().error.code).toBe('ORG_OUT_OF_SCOPE');
  });

  it('imports people from Excel: errors name row and column and nothing is written until the file is clean', async () => {
    const { p, orgS } = await setup();
    const d1 = (await t.db.query<{ code: string }>(`SELECT code FROM organizations WHERE id = $1`, [p.id('-D1')])).rows[0]!.code;
    const d2 = (await t.db.query<{ code: string }>(`SELECT code FROM organizations WHERE id = $1`, [p.id('-D2')])).rows[0]!.code;
    const upload = async (rows: (string | number)[][]) => {
      const m = multipart('can-bo.xlsx', await peopleFile(rows));
      return ctx.app.inject({ method: 'POST', url: '/api/people/import/preview', payload: m.payload, headers: { ...m.headers, cookie: orgS.cookie, 'x-csrf-token': orgS.csrf } });
    };
    const code = `${p.prefix}-CB1`;
    const bad = await upload([
      [code, 'Phạm Văn Hải', '12/05/1968', 'Nam', 'Kinh', d1, 'Chủ tịch UBND huyện'],
      ['', 'Đỗ Thị Lan', '31/02/1980', 'Nữ', 'Kinh', d1, ''],
      ['', 'Vi Văn Thắng', '01/01/1979', 'Không rõ', 'Tày', d2, ''],
      ['', '=HYPERLINK("x")', '01/01/1979', 'Nam', 'Kinh', d1, ''],
    ]);
    expect(bad.statusCode, bad.body).toBe(200);
    const preview = bad.json();
    expect(preview.canApply).toBe(false);
    expect(preview.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'Ngày sinh', code: 'BAD_DATE' }),
        expect.objectContaining({ row: 4, column: 'Giới tính', code: 'BAD_GENDER' }),
        expect.objectContaining({ row: 4, column: 'Mã tổ chức', code: 'ORG_OUT_OF_SCOPE' }),
        expect.objectContaining({ row: 5, column: 'Họ và tên', code: 'FORMULA_LIKE' }),
      ]),
    );
    const refused = await as(ctx.app, orgS).post(`/api/people/import/${preview.batchId}/apply`);
    expect(refused.json().error.code).toBe('IMPORT_HAS_ERRORS');
    expect((await t.db.query(`SELECT 1 FROM persons WHERE code = $1`, [code])).rows).toHaveLength(0);
    const clean = (await upload([[code, 'Phạm Văn Hải', '12/05/1968', 'Nam', 'Kinh', d1, 'Chủ tịch UBND huyện'], ['', 'Đỗ Thị Lan', '28/02/1980', 'Nữ', 'Kinh', d1, '']])).json();
    expect(clean).toMatchObject({ canApply: true, toCreate: 2, toUpdate: 0, errors: [] });
    expect((await as(ctx.app, orgS).post(`/api/people/import/${clean.batchId}/apply`)).json()).toEqual({ created: 2, updated: 0 });
    // The same file again updates the coded person instead of doubling them.
    const again = (await upload([[code, 'Phạm Văn Hải', '12/05/1968', 'Nam', 'Kinh', d1, 'Chủ tịch UBND huyện']])).json();
    expect(again).toMatchObject({ toCreate: 0, toUpdate: 1 });
    const hai = (await as(ctx.app, orgS).get(`/api/people?q=${encodeURIComponent('Phạm Văn Hải')}`)).json();
    expect(hai).toHaveLength(1);
    expect(hai[0].posts).toEqual(['Chủ tịch UBND huyện']);
    const tpl = await as(ctx.app, orgS).get('/api/people/import/template');
    expect(tpl.headers['content-disposition']).toContain('mau-nhap-can-bo.xlsx');
  });

  it('plan → candidate list with eligibility → complaint blocks approval → election from the list → new committee → first meeting', async () => {
    const { p, org, orgS, other, congressId } = await setup();
    const D1 = p.id('-D1');
    const mk = async (name: string, birth: string, gender: 'male' | 'female' = 'male', ethnicity = 'Kinh') => (await org.post('/api/people', person(D1, name, birth, gender, { ethnicity }))).json().id as number;
    const an = await mk('Hoàng Văn An', '1970-04-10');
    const binh = await mk('Lê Thị Bình', '1982-09-01', 'female', 'Tày');
    const cuong = await mk('Trần Văn Cường', '1975-01-20');
    const dung = await mk('Phạm Thị Dung', '1978-07-07', 'female');
    // Born 5/1962: reaches 60 y 6 m in 11/2022, 29 months after the district reference month 6/2020.
    const old = await mk('Vũ Văn Giáp', '1962-05-03');

    // Out of scope: D2 cannot see or plan D1's congress.
    expect((await other.get(`/api/congresses/${congressId}/personnel`)).json().error.code).toBe('ORG_OUT_OF_SCOPE');
    const plan = await put(orgS, `/api/congresses/${congressId}/personnel/plan`, { preset: '2020-2025', committeeSize: 3, standingSize: 1 });
    expect(plan.statusCode, plan.body).toBe(200);
    expect(plan.json().plan).toMatchObject({ referenceMonth: '2020-06', eligibilityRules: '2020', nominationConfirmed: false, listStatus: 'draft' });
    const otherPlan = await ctx.app.inject({ method: 'PUT', url: `/api/congresses/${congressId}/personnel/plan`, payload: { preset: '2020-2025', committeeSize: 3, standingSize: 1 } });
    expect(otherPlan.statusCode).toBe(401);

    const add = (personId: number, candidacy = 'reelection', extra: Record<string, unknown> = {}) => org.post(`/api/congresses/${congressId}/personnel/candidates`, { personId, candidacy, ...extra });
    expect((await add(an)).statusCode).toBe(200);
    expect((await add(binh, 'firstTime', { standingProposed: true })).statusCode).toBe(200);
    expect((await add(cuong)).statusCode).toBe(200);
    expect((await add(dung, 'firstTime')).statusCode).toBe(200);
    const twice = await add(an);
    expect(twice.json().error).toMatchObject({ code: 'CANDIDATE_DUPLICATE', message: 'Đồng chí Hoàng Văn An đã có trong danh sách nhân sự của đại hội.' });
    const ineligible = await add(old);
    expect(ineligible.statusCode).toBe(422);
    expect(ineligible.json().error.code).toBe('CANDIDATE_INELIGIBLE');
    expect(ineligible.json().error.message).toContain('Nghỉ hưu tháng 11/2022; tính từ tháng 06/2020 còn 29 tháng công tác; tái cử cấp ủy viên cần ít nhất 30 tháng → không đủ điều kiện (thiếu 1 tháng)');
    expect((await other.post(`/api/congresses/${congressId}/personnel/candidates`, { personId: an, candidacy: 'reelection' })).json().error.code).toBe('ORG_OUT_OF_SCOPE');

    // Composition live on the candidate list: 2 women of 4 = 50 %; a woman proposed for the standing committee.
    let view = (await org.get(`/api/congresses/${congressId}/personnel`)).json();
    const target = (list: { key: string; status: string; count: number; total: number; text: string }[], k: string) => list.find((x) => x.key === k)!;
    expect(target(view.composition.candidates, 'women')).toMatchObject({ status: 'met', count: 2, total: 4 });
    expect(target(view.composition.candidates, 'womenInStanding').status).toBe('met');
    expect(target(view.composition.candidates, 'ethnicMinority').count).toBe(1);
    expect(view.candidates.find((c: { personId: number }) => c.personId === dung).eligibility.explanation).toContain('tham gia lần đầu');

    // Nomination step 2 (secret ballot of the committee, > 50 % of the summoned).
    const step = await put(orgS, `/api/congresses/${congressId}/personnel/steps/2`, { heldOn: '2020-06-10', summoned: 30, present: 28, votes: [{ personId: an, votes: 25 }, { personId: binh, votes: 15 }, { personId: cuong, votes: 20 }, { personId: dung, votes: 16 }] });
    expect(step.statusCode, step.body).toBe(200);
    expect(step.json().steps[0].votes.map((v: { passed: boolean }) => v.passed)).toEqual([true, false, true, true]);
    const tooMany = await put(orgS, `/api/congresses/${congressId}/personnel/steps/2`, { heldOn: '2020-06-10', summoned: 30, present: 28, votes: [{ personId: an, votes: 29 }] });
    expect(tooMany.json().error).toMatchObject({ code: 'NOMINATION_STEP_INVALID', details: [{ field: 'votes.0.votes' }] });

    // Political vetting not yet concluded holds the list back like open concerns, naming the person.
    view = (await org.get(`/api/congresses/${congressId}/personnel`)).json();
    const pending = await org.post(`/api/congresses/${congressId}/personnel/approve`, { version: view.plan.version });
    expect(pending.json().error.code).toBe('CANDIDATE_LIST_BLOCKED');
    expect(pending.json().error.message).toContain('Hoàng Văn An: chưa có kết luận thẩm tra chính trị');
    expect(pending.json().error.details.filter((d: { code: string }) => d.code === 'VETTING_PENDING')).toHaveLength(4);
    const vettingItem = (await ctx.services.congressPersonnel.approvalSource(t.db, { id: congressId, orgId: D1, campaignId: view.congress.campaignId })).find((i) => i.key === 'eligibility')!;
    expect(vettingItem).toMatchObject({ ok: false, blocking: true });
    expect(vettingItem.detail).toContain('Phạm Thị Dung: chưa có kết luận thẩm tra chính trị');
    for (const id of [an, binh, cuong]) expect((await org.patch(`/api/congresses/${congressId}/personnel/candidates/${id}`, { vetting: 'cleared' })).statusCode).toBe(200);
    view = (await org.patch(`/api/congresses/${congressId}/personnel/candidates/${dung}`, { vetting: 'concerns' })).json();
    const concerns = await org.post(`/api/congresses/${congressId}/personnel/approve`, { version: view.plan.version });
    expect(concerns.json().error.message).toContain('Phạm Thị Dung: thẩm tra tiêu chuẩn chính trị còn vấn đề chưa rõ');
    view = (await org.patch(`/api/congresses/${congressId}/personnel/candidates/${dung}`, { vetting: 'cleared' })).json();

    // A complaint about Cường blocks approval, with the reason, and shows on the approval checklist.
    const complaint = (await org.post(`/api/people/${cuong}/complaints`, { kind: 'denunciation', receivedOn: '2020-06-01', summary: 'Tố cáo kê khai tài sản chưa trung thực', congressId })).json();
    expect(complaint).toMatchObject({ status: 'received', nextStatus: 'assigned' });
    view = (await org.get(`/api/congresses/${congressId}/personnel`)).json();
    const blocked = await org.post(`/api/congresses/${congressId}/personnel/approve`, { version: view.plan.version });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().error.code).toBe('CANDIDATE_LIST_BLOCKED');
    expect(blocked.json().error.message).toContain('Trần Văn Cường: còn 1 đơn thư chưa giải quyết xong (đơn nhận ngày 01/06/2020: đã tiếp nhận)');
    const ref = { id: congressId, orgId: D1, campaignId: view.congress.campaignId };
    const items = await ctx.services.congressPersonnel.approvalSource(t.db, ref);
    expect(items.find((i) => i.key === 'complaints')).toMatchObject({ ok: false, blocking: true });
    expect(items.find((i) => i.key === 'complaints')!.detail).toContain('Trần Văn Cường');

    const skip = await org.post(`/api/complaints/${complaint.id}/advance`, { version: complaint.version, to: 'concluded', conclusion: 'x x x', outcome: 'unfounded', concludedOn: '2020-06-12' });
    expect(skip.json().error.code).toBe('COMPLAINT_STEP_INVALID');
    expect((await other.post(`/api/complaints/${complaint.id}/advance`, { version: complaint.version, to: 'assigned', assignee: 'Ủy ban Kiểm tra' })).json().error.code).toBe('ORG_OUT_OF_SCOPE');
    let c = (await org.post(`/api/complaints/${complaint.id}/advance`, { version: complaint.version, to: 'assigned', assignee: 'Ủy ban Kiểm tra Huyện ủy' })).json();
    c = (await org.post(`/api/complaints/${complaint.id}/advance`, { version: c.version, to: 'verified', verification: 'Đã xác minh tài sản, thu nhập' })).json();
    c = (await org.post(`/api/complaints/${complaint.id}/advance`, { version: c.version, to: 'concluded', conclusion: 'Nội dung tố cáo không có cơ sở', outcome: 'unfounded', concludedOn: '2020-06-12' })).json();
    expect(c).toMatchObject({ status: 'concluded', outcomeLabel: 'Không có cơ sở' });

    const approved = await org.post(`/api/congresses/${congressId}/personnel/approve`, { version: view.plan.version });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().plan.listStatus).toBe('approved');
    expect((await add(old, 'firstTime')).json().error.code).toBe('CANDIDATE_LIST_APPROVED');
    expect((await ctx.services.congressPersonnel.approvalSource(t.db, ref)).filter((i) => i.blocking && !i.ok)).toEqual([]);

    // The approved list becomes the election's list, each name linked to its person.
    const el = await org.post(`/api/congresses/${congressId}/personnel/election`, { summoned: 12 });
    expect(el.statusCode, el.body).toBe(201);
    const electionId = el.json().electionId as number;
    expect((await org.post(`/api/congresses/${congressId}/personnel/election`, { summoned: 12 })).json().error.code).toBe('PERSONNEL_ELECTION_EXISTS');
    const election = (await org.get(`/api/elections/${electionId}`)).json();
    expect(election).toMatchObject({ kind: 'executiveCommittee', seats: 3 });
    expect(election.candidates.map((x: { fullName: string }) => x.fullName)).toEqual(['Hoàng Văn An', 'Lê Thị Bình', 'Trần Văn Cường', 'Phạm Thị Dung']);
    const linked = await t.db.query<{ person_id: number }>(`SELECT person_id FROM election_candidates WHERE election_id = $1 ORDER BY ballot_no`, [electionId]);
    expect(linked.rows.map((r) => r.person_id)).toEqual([an, binh, cuong, dung]);
    view = (await org.get(`/api/congresses/${congressId}/personnel`)).json();
    expect(target(view.composition.ballot, 'women')).toMatchObject({ count: 2, total: 4 });

    // Counting by the elections domain: 12 ballots, each striking Bình → An, Cường, Dung elected.
    const users = await Promise.all([0, 1, 2].map(() => createUser(ctx.services, 'counter', D1)));
    const ids = await Promise.all(users.map(async (u) => (await t.db.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [u.username])).rows[0]!.id));
    await put(orgS, `/api/elections/${electionId}/counters`, { counters: [{ userId: ids[0], isChief: true }, { userId: ids[1], team: 'A' }, { userId: ids[2], team: 'B' }] });
    const [chief, a, b] = await Promise.all(users.map((u) => login(ctx.app, u.username, u.password)));
    const version = (await org.get(`/api/elections/${electionId}`)).json().version;
    expect((await org.post(`/api/elections/${electionId}/open-entry`, { version, present: 12, ballotsIssued: 12, ballotsCollected: 12, listVote: { agree: 12, disagree: 0, present: 12 } })).statusCode).toBe(200);
    const binhNo = election.candidates.find((x: { fullName: string }) => x.fullName === 'Lê Thị Bình').ballotNo;
    for (let serial = 1; serial <= 12; serial++) {
      for (const team of [a!, b!]) expect((await as(ctx.app, team).post(`/api/elections/${electionId}/ballots`, { serial, entry: { kind: 'strike', struck: [binhNo] } })).statusCode).toBe(200);
    }
    expect((await as(ctx.app, chief!).post(`/api/elections/${electionId}/count`)).statusCode).toBe(200);
    expect((await as(ctx.app, chief!).post(`/api/elections/${electionId}/publish`)).statusCode).toBe(200);

    view = (await org.get(`/api/congresses/${congressId}/personnel`)).json();
    expect(view.committee.map((m: { fullName: string; body: string; termFrom: number; termTo: number }) => [m.fullName, m.body, m.termFrom, m.termTo])).toEqual([
      ['Hoàng Văn An', 'executiveCommittee', 2020, 2025],
      ['Phạm Thị Dung', 'executiveCommittee', 2020, 2025],
      ['Trần Văn Cường', 'executiveCommittee', 2020, 2025],
    ]);
    expect(target(view.composition.elected, 'women')).toMatchObject({ status: 'met', count: 1, total: 3 });
    expect((await org.get(`/api/people/${an}`)).json().committees).toEqual([{ orgName: expect.any(String), body: 'executiveCommittee', termFrom: 2020, termTo: 2025 }]);

    // The first meeting elects the secretary from the new committee only.
    const outsider = await org.post(`/api/congresses/${congressId}/personnel/first-meeting`, { kind: 'secretary', seats: 1, personIds: [binh] });
    expect(outsider.json().error).toMatchObject({ code: 'NOT_A_COMMITTEE_MEMBER', details: [{ field: 'personIds.0' }] });
    const sec = await org.post(`/api/congresses/${congressId}/personnel/first-meeting`, { kind: 'secretary', seats: 1, personIds: [an] });
    expect(sec.statusCode, sec.body).toBe(201);
    const secretaryElection = (await org.get(`/api/elections/${sec.json().electionId}`)).json();
    expect(secretaryElection).toMatchObject({ kind: 'secretary', congressKind: 'conference', summoned: 3 });
    expect(secretaryElection.candidates.map((x: { fullName: string }) => x.fullName)).toEqual(['Hoàng Văn An']);

    const actions = await t.db.query<{ action: string }>(`SELECT DISTINCT action FROM audit_log WHERE entity_type = 'congressPersonnel' AND entity_id = $1`, [String(congressId)]);
    expect(actions.rows.map((r) => r.action).sort()).toEqual(
      ['personnel.candidateAdded', 'personnel.candidateUpdated', 'personnel.committeeElected', 'personnel.electionCreated', 'personnel.firstMeetingElectionCreated', 'personnel.listApproved', 'personnel.planCreated', 'personnel.stepRecorded'].sort(),
    );
  });

  it('the unit sets its own target values and nomination steps; a held step stays; complaints carry files', async () => {
    const { p, org, orgS, other, otherS, congressId } = await setup();
    const D1 = p.id('-D1');
    const mk = async (name: string, birth: string, gender: 'male' | 'female', ethnicity = 'Kinh') => (await org.post('/api/people', person(D1, name, birth, gender, { ethnicity }))).json().id as number;
    const a = await mk('Nông Văn Hòa', '1972-02-02', 'male', 'Tày');
    const b = await mk('Đào Thị Mai', '1980-03-03', 'female');
    const c = await mk('Lê Văn Tú', '1975-04-04', 'male');
    let view = (await put(orgS, `/api/congresses/${congressId}/personnel/plan`, { preset: '2020-2025', committeeSize: 3, standingSize: 1 })).json();
    for (const id of [a, b, c]) view = (await org.post(`/api/congresses/${congressId}/personnel/candidates`, { personId: id, candidacy: 'reelection' })).json();
    const target = (v: { composition: { candidates: { key: string; status: string; text: string }[] } }, k: string) => v.composition.candidates.find((x) => x.key === k)!;
    expect(target(view, 'ethnicMinority').status).toBe('met');

    // Targets: the ethnic minority share set per unit (40 %) is checked at once against the list (1 of 3).
    type Target = { key: string; rule: { kind: string; value?: number } };
    const withShare = (targets: Target[], value: number) => targets.map((x) => (x.key === 'ethnicMinority' ? { ...x, rule: { kind: 'minShare', value } } : x));
    const saved = await put(orgS, `/api/congresses/${congressId}/personnel/targets`, { version: view.plan.version, targets: withShare(view.plan.targets, 0.4) });
    expect(saved.statusCode, saved.body).toBe(200);
    view = saved.json();
    expect(target(view, 'ethnicMinority')).toMatchObject({ status: 'missed', text: 'Cấp ủy viên người dân tộc thiểu số: 1/3 = 33,33% (mục tiêu từ 40% trở lên) — chưa đạt' });
    expect((await put(orgS, `/api/congresses/${congressId}/personnel/targets`, { version: view.plan.version - 1, targets: view.plan.targets })).json().error.code).toBe('VERSION_CONFLICT');
    const upside = view.plan.targets.map((x: Target) => (x.key === 'middleAge' ? { ...x, rule: { kind: 'shareRange', min: 0.6, max: 0.4 } } : x));
    expect((await put(orgS, `/api/congresses/${congressId}/personnel/targets`, { version: view.plan.version, targets: upside })).json().error).toMatchObject({ code: 'PERSONNEL_PLAN_INVALID', details: [{ field: 'targets.3.rule.min' }] });
    expect((await put(otherS, `/api/congresses/${congressId}/personnel/targets`, { version: view.plan.version, targets: view.plan.targets })).json().error.code).toBe('ORG_OUT_OF_SCOPE');
    // Saving the plan's sizes again keeps the unit's values.
    view = (await put(orgS, `/api/congresses/${congressId}/personnel/plan`, { version: view.plan.version, preset: '2020-2025', committeeSize: 3, standingSize: 1 })).json();
    expect(view.plan.targets.find((x: Target) => x.key === 'ethnicMinority').rule).toEqual({ kind: 'minShare', value: 0.4 });

    // Steps: votes recorded at step 2, then the unit edits the process.
    type Step = { no: number; name: string; passRule: unknown };
    const edit = (s: Step, from: number | null = s.no) => ({ ...s, no: undefined, from });
    const strip = (x: ReturnType<typeof edit>) => Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'no'));
    view = (await put(orgS, `/api/congresses/${congressId}/personnel/steps/2`, { heldOn: '2020-06-10', summoned: 20, present: 18, votes: [{ personId: a, votes: 15 }, { personId: b, votes: 9 }, { personId: c, votes: 12 }] })).json();
    const steps = view.plan.nominationSteps as Step[];
    const saveSteps = (s: unknown[], version = view.plan.version) => put(orgS, `/api/congresses/${congressId}/personnel/steps`, { version, steps: s });
    const removed = await saveSteps([steps[0]!, steps[2]!].map((s) => strip(edit(s))));
    expect(removed.statusCode).toBe(409);
    expect(removed.json().error).toMatchObject({ code: 'NOMINATION_STEP_HAS_VOTES', message: 'Bước 2 — Ban Chấp hành giới thiệu bằng phiếu kín đã ghi kết quả phiếu nên không xóa được.' });
    const stricter = await saveSteps(steps.map((s) => strip(edit(s.no === 2 ? { ...s, passRule: { kind: 'shareOfSummoned', share: 0.7 } } : s))));
    expect(stricter.json().error.code).toBe('NOMINATION_STEP_HAS_VOTES');
    // Reorder (step 2 first), rename it, drop step 4, add a residence step with a 2/3 threshold.
    const added = { from: null, name: 'Lấy ý kiến nơi cư trú', body: 'Chi bộ nơi cư trú', ballot: 'open', passRule: { kind: 'shareOfSummoned', share: 2 / 3 }, announced: true, quorumTwoThirds: false };
    const edited = await saveSteps([strip(edit({ ...steps[1]!, name: 'Ban Chấp hành giới thiệu (phiếu kín)' })), ...[steps[0]!, steps[2]!, steps[4]!].map((s) => strip(edit(s))), added]);
    expect(edited.statusCode, edited.body).toBe(200);
    view = edited.json();
    expect(view.plan).toMatchObject({ nominationPreset: 'custom', nominationLabel: 'Quy trình do đơn vị tự đặt', nominationConfirmed: true });
    expect(view.plan.nominationSteps.map((s: Step) => [s.no, s.name])).toEqual([
      [1, 'Ban Chấp hành giới thiệu (phiếu kín)'],
      [2, 'Ban Thường vụ đề xuất danh sách'],
      [3, 'Hội nghị cán bộ chủ chốt giới thiệu'],
      [4, 'Ban Chấp hành biểu quyết danh sách bằng phiếu kín'],
      [5, 'Lấy ý kiến nơi cư trú'],
    ]);
    // The votes followed their step: 15 and 12 of 20 pass, 9 does not.
    expect(view.steps.map((s: { no: number; name: string }) => [s.no, s.name])).toEqual([[1, 'Ban Chấp hành giới thiệu (phiếu kín)']]);
    expect(view.candidates.map((x: { passedSteps: number[] }) => x.passedSteps)).toEqual([[1], [], [1]]);
    expect((await saveSteps([], view.plan.version)).statusCode).toBe(400);
    expect((await put(otherS, `/api/congresses/${congressId}/personnel/steps`, { version: view.plan.version, steps: [added] })).json().error.code).toBe('ORG_OUT_OF_SCOPE');
    // Saving the plan keeps the unit's steps; switching to a preset would drop the held step, so it is refused.
    view = (await put(orgS, `/api/congresses/${congressId}/personnel/plan`, { version: view.plan.version, preset: '2020-2025', committeeSize: 3, standingSize: 1 })).json();
    expect(view.plan.nominationPreset).toBe('custom');
    expect(view.plan.nominationSteps).toHaveLength(5);
    const toPreset = await put(orgS, `/api/congresses/${congressId}/personnel/plan`, { version: view.plan.version, preset: '2020-2025', committeeSize: 3, standingSize: 1, nominationPreset: 'nd170-appointment' });
    expect(toPreset.json().error.code).toBe('NOMINATION_STEP_HAS_VOTES');

    // Complaint files: PDF, Word and images through the file store; anything else refused; scope as the complaint's.
    const complaint = (await org.post(`/api/people/${c}/complaints`, { kind: 'complaint', receivedOn: '2020-06-02', summary: 'Phản ánh kê khai tài sản', congressId })).json();
    expect(complaint.files).toEqual([]);
    const upload = (s: Session, name: string, data: Buffer) => {
      const m = multipart(name, data);
      return ctx.app.inject({ method: 'POST', url: `/api/complaints/${complaint.id}/files`, payload: m.payload, headers: { ...m.headers, cookie: s.cookie, 'x-csrf-token': s.csrf } });
    };
    const pdf = Buffer.from('%PDF-1.4\n% Đơn phản ánh\n');
    const ok = await upload(orgS, 'don-phan-anh.pdf', pdf);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().files).toMatchObject([{ fileName: 'don-phan-anh.pdf', contentType: 'application/pdf', size: pdf.length }]);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expect((await upload(orgS, 'anh-chup.png', png)).json().files).toHaveLength(2);
    const fake = await upload(orgS, 'bien-ban.pdf', Buffer.from('MZ this is no pdf'));
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.code).toBe('FILE_TYPE_REFUSED');
    const sheet = await upload(orgS, 'bang-ke.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    expect(sheet.json().error).toMatchObject({ code: 'FILE_TYPE_REFUSED', message: 'Đơn thư chỉ đính kèm tệp PDF, Word (.docx) hoặc ảnh (.png, .jpg); không nhận "bang-ke.xlsx".' });
    expect((await upload(otherS, 'x.pdf', pdf)).json().error.code).toBe('ORG_OUT_OF_SCOPE');
    const fileId = ok.json().files[0].id as number;
    const got = await org.get(`/api/complaints/${complaint.id}/files/${fileId}`);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(pdf)).toBe(true);
    expect((await other.get(`/api/complaints/${complaint.id}/files/${fileId}`)).json().error.code).toBe('ORG_OUT_OF_SCOPE');
    expect((await org.get(`/api/complaints/${complaint.id}/files/999999`)).json().error.code).toBe('FILE_NOT_FOUND');
    // The congress page and the profile list the files with the complaint.
    view = (await org.get(`/api/congresses/${congressId}/personnel`)).json();
    expect(view.complaints[0].files.map((f: { fileName: string }) => f.fileName)).toEqual(['don-phan-anh.pdf', 'anh-chup.png']);
    expect((await org.get(`/api/people/${c}`)).json().complaints[0].files).toHaveLength(2);
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity_type = 'complaint' AND entity_id = $1 ORDER BY id`, [String(complaint.id)]);
    expect(audit.rows.map((r) => r.action)).toEqual(['complaint.received', 'complaint.fileAttached', 'complaint.fileAttached', 'complaint.fileRead']);
    const planAudit = await t.db.query<{ action: string }>(`SELECT DISTINCT action FROM audit_log WHERE entity_type = 'congressPersonnel' AND entity_id = $1`, [String(congressId)]);
    expect(planAudit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['personnel.targetsUpdated', 'personnel.stepsUpdated']));
  });

  it('ND 170 Art. 33: step 3 holds a new nominee to 2/3; step 5 takes the single highest, and a 50/50 tie waits for the head, whose choice is kept with who chose', async () => {
    const { p, org, orgS, congressId } = await setup();
    const D1 = p.id('-D1');
    const mk = async (name: string, birth: string) => (await org.post('/api/people', person(D1, name, birth))).json().id as number;
    const a = await mk('Nguyễn Văn Khải', '1975-05-05');
    const b = await mk('Trịnh Văn Lộc', '1977-07-07');
    let view = (await put(orgS, `/api/congresses/${congressId}/personnel/plan`, { preset: '2020-2025', committeeSize: 1, standingSize: 0, nominationPreset: 'nd170-appointment' })).json();
    expect(view.plan.nominationSteps[2].passRule).toEqual({ kind: 'highestOverHalfElseThirty', differsFromStep: 2 });
    expect(view.plan.nominationSteps[4]).toMatchObject({ passRule: { kind: 'highestOverHalfTieToHead' }, source: expect.stringContaining('Điều 33 khoản 2, bước 5') });
    for (const id of [a, b]) view = (await org.post(`/api/congresses/${congressId}/personnel/candidates`, { personId: id, candidacy: 'reelection' })).json();
    const record = (no: number, summoned: number, va: number, vb: number, extra: Record<string, unknown> = {}) =>
      put(orgS, `/api/congresses/${congressId}/personnel/steps/${no}`, { heldOn: '2020-06-10', summoned, present: summoned, votes: [{ personId: a, votes: va }, { personId: b, votes: vb }], ...extra });
    type StepView = { no: number; tied: number[]; awaitingChoice: boolean; headChoice: { personId: number; chosenBy: string; recordedBy: string } | null; votes: { passed: boolean; text: string }[] };
    const stepOf = (v: { steps: StepView[] }, no: number) => v.steps.find((x) => x.no === no)!;

    // Step 2 chooses Khải (11/20). At step 3 Lộc leads the leadership of 7 with 4 — above half, short of 2/3 (5): nobody.
    expect((await record(2, 20, 11, 6)).statusCode).toBe(200);
    view = (await record(3, 7, 3, 4)).json();
    expect(stepOf(view, 3).votes.map((v) => v.passed)).toEqual([false, false]);
    expect(stepOf(view, 3).votes[1]!.text).toBe('4/7 = 57,14% — khác người được lựa chọn ở bước 2 nên phải đạt tối thiểu 2/3 tổng số được triệu tập (cần 5) — không được lựa chọn');
    view = (await record(3, 7, 5, 2)).json();
    expect(stepOf(view, 3).votes[0]!.text).toContain('cùng người được lựa chọn ở bước 2');

    // Step 5: 2 and 2 of 4 — a tie at 50 %: nobody yet, the head must choose.
    view = (await record(5, 4, 2, 2)).json();
    expect(stepOf(view, 5)).toMatchObject({ tied: [a, b], awaitingChoice: true, headChoice: null });
    expect(view.candidates.map((c: { passedSteps: number[] }) => c.passedSteps)).toEqual([[2, 3], []]);
    // A choice where nobody is tied, or of someone not tied, is refused.
    const noTie = await record(5, 4, 3, 1, { headChoice: { personId: b, chosenBy: 'Đồng chí Nguyễn Văn Trưởng' } });
    expect(noTie.json().error).toMatchObject({ code: 'NOMINATION_STEP_INVALID', message: 'Không có hai người ngang phiếu cùng đạt 50% để người đứng đầu lựa chọn.', details: [{ field: 'headChoice.personId' }] });
    view = (await record(5, 4, 2, 2, { headChoice: { personId: b, chosenBy: 'Đồng chí Nguyễn Văn Trưởng, Giám đốc Sở' } })).json();
    expect(stepOf(view, 5)).toMatchObject({ awaitingChoice: false, headChoice: { personId: b, chosenBy: 'Đồng chí Nguyễn Văn Trưởng, Giám đốc Sở', recordedBy: orgS.username } });
    expect(stepOf(view, 5).votes.map((v) => v.passed)).toEqual([false, true]);
    expect(stepOf(view, 5).votes[1]!.text).toBe('2/4 = 50% — ngang phiếu, cùng đạt 50% — người đứng đầu (Đồng chí Nguyễn Văn Trưởng, Giám đốc Sở) lựa chọn');
    // Recorded again with the same tie and no choice given: the choice stays; withdrawn with null.
    view = (await record(5, 4, 2, 2)).json();
    expect(stepOf(view, 5).headChoice).toMatchObject({ personId: b });
    const stored = await t.db.query<{ head_choice: { recordedByUserId: number } }>(`SELECT head_choice FROM nomination_step_results WHERE congress_id = $1 AND step_no = 5`, [congressId]);
    expect(stored.rows[0]!.head_choice.recordedByUserId).toEqual(expect.any(Number));
    const audit = await t.db.query<{ summary: string }>(`SELECT summary FROM audit_log WHERE action = 'personnel.stepRecorded' AND entity_id = $1 ORDER BY id`, [String(congressId)]);
    expect(audit.rows.map((r) => r.summary)).toEqual(
      expect.arrayContaining([
        'Bước 5 — Hội nghị tập thể lãnh đạo (lần 3): 0/2 người đạt; Nguyễn Văn Khải, Trịnh Văn Lộc ngang phiếu — chờ người đứng đầu lựa chọn',
        'Bước 5 — Hội nghị tập thể lãnh đạo (lần 3): 1/2 người đạt (Trịnh Văn Lộc); người đứng đầu (Đồng chí Nguyễn Văn Trưởng, Giám đốc Sở) lựa chọn Trịnh Văn Lộc trong số người ngang phiếu',
      ]),
    );
    view = (await record(5, 4, 2, 2, { headChoice: null })).json();
    expect(stepOf(view, 5)).toMatchObject({ headChoice: null, awaitingChoice: true });

    // A plan made from the earlier preset: migration 0019 gives steps not yet held the decree's rules, a held step keeps its own.
    const old = view.plan.nominationSteps.map((s: { no: number; passRule: unknown }) =>
      s.no === 3 ? { ...s, passRule: { kind: 'highestOverHalfElseThirty' } } : s.no === 5 ? { ...s, passRule: { kind: 'shareOfSummoned', share: 0.5 } } : s,
    );
    await t.db.query(`UPDATE personnel_plans SET nomination_steps = $2::jsonb WHERE congress_id = $1`, [congressId, JSON.stringify(old)]);
    await t.db.query(`DELETE FROM nomination_step_results WHERE congress_id = $1 AND step_no = 5`, [congressId]);
    const migration = listMigrations().find((m) => m.name === '0019_personnel_nd170.sql')!;
    await t.db.query(splitSql(migration.sql).find((x) => x.startsWith('UPDATE personnel_plans'))!);
    const after = (await org.get(`/api/congresses/${congressId}/personnel`)).json();
    expect(after.plan.nominationSteps[2].passRule).toEqual({ kind: 'highestOverHalfElseThirty' });
    expect(after.plan.nominationSteps[4].passRule).toEqual({ kind: 'highestOverHalfTieToHead' });
    expect(after.plan.version).toBe(view.plan.version + 1);
  });

  it('a commune directly under the province counts age from 7/2025 (worked example 13, last line); the level above the grassroots elsewhere from 6/2025', async () => {
    const p = await buildProvince(t.db, { districts: 2, grassroots: 1, cells: 1 });
    await t.db.query(`UPDATE organizations SET name = 'Đảng bộ phường Hà Lầm' WHERE id = $1`, [p.id('-D1')]);
    const admin = as(ctx.app, await signedIn(ctx.app, ctx.services, 'admin', p.id('')));
    const campaign = (await admin.post('/api/campaigns', { name: 'Nhiệm kỳ 2025–2030', preset: 'CT45-2025', rootOrgId: p.id('') })).json();
    expect(campaign.id, JSON.stringify(campaign)).toEqual(expect.any(Number));
    const list = (await admin.get(`/api/campaigns/${campaign.id}/congresses?limit=500`)).json();
    const congressOf = (key: string) => list.items.find((c: { org: { id: number } }) => c.org.id === p.id(key)).id as number;
    const orgS = await signedIn(ctx.app, ctx.services, 'organizer', p.id(''));
    const plan = async (key: string) => (await put(orgS, `/api/congresses/${congressOf(key)}/personnel/plan`, { preset: '2025-2030', committeeSize: 3, standingSize: 1 })).json().plan;
    const ward = await plan('-D1');
    expect(ward).toMatchObject({ referenceMonth: '2025-07', eligibilityRules: '2025', referenceMonthConfirmed: true });
    expect(ward.referenceMonthSource).toContain('đảng bộ các xã, phường, đặc khu trực thuộc cấp tỉnh là tháng 7/2025');
    const district = await plan('-D2');
    expect(district.referenceMonth).toBe('2025-06');
    // The ward's month is the one eligibility counts from: retiring 6/2029 leaves 47 months from 7/2025 (48 needed).
    const o = as(ctx.app, orgS);
    const id = (await o.post('/api/people', person(p.id('-D1'), 'Bùi Thị Hạnh', '1970-01-01', 'female', { retirementDateEntered: '2029-06-15' }))).json().id;
    const refused = await o.post(`/api/congresses/${congressOf('-D1')}/personnel/candidates`, { personId: id, candidacy: 'reelection' });
    expect(refused.json().error.code).toBe('CANDIDATE_INELIGIBLE');
    expect(refused.json().error.message).toContain('Nghỉ hưu tháng 06/2029; tính từ tháng 07/2025 còn 47 tháng công tác; tái cử cấp ủy viên cần ít nhất 48 tháng → không đủ điều kiện (thiếu 1 tháng)');
    // Entered by the unit, the month says so; saved again unchanged, it keeps its source.
    const entered = (await put(orgS, `/api/congresses/${congressOf('-D1')}/personnel/plan`, { version: ward.version, preset: '2025-2030', committeeSize: 3, standingSize: 1, referenceMonth: '2025-05' })).json().plan;
    expect(entered).toMatchObject({ referenceMonth: '2025-05', referenceMonthSource: 'Do đơn vị nhập' });
    const back = (await put(orgS, `/api/congresses/${congressOf('-D1')}/personnel/plan`, { version: entered.version, preset: '2025-2030', committeeSize: 3, standingSize: 1, referenceMonth: '2025-07' })).json().plan;
    expect(back.referenceMonthSource).toContain('tháng 7/2025');

    // "Trẻ dưới 42" (CT 45) is for the province and the communes, counted over the term: the ward shows the term's end;
    // the district-level unit (not a commune) is told the target is not its own.
    const young = async (key: string) => ((await o.get(`/api/congresses/${congressOf(key)}/personnel`)).json().composition.candidates as { key: string; status: string; text: string }[]).find((r) => r.key === 'young')!;
    const younger = (await o.post('/api/people', person(p.id('-D1'), 'Lò Văn Tuấn', '1986-03-01', 'male'))).json().id;
    expect((await o.post(`/api/congresses/${congressOf('-D1')}/personnel/candidates`, { personId: younger, candidacy: 'firstTime' })).statusCode).toBe(200);
    expect((await young('-D1')).text).toBe('Cán bộ trẻ dưới 42 tuổi (tính cho cả nhiệm kỳ): đầu nhiệm kỳ 1/1 = 100%; cuối nhiệm kỳ (30/06/2030) còn 0/1 = 0% nếu không bổ sung (mục tiêu từ 10% trở lên) — đạt');
    expect(await young('-D2')).toMatchObject({ status: 'notApplicable' });
    // The unit's own target values go back with the new flags intact.
    const view = (await o.get(`/api/congresses/${congressOf('-D1')}/personnel`)).json();
    const saved = await put(orgS, `/api/congresses/${congressOf('-D1')}/personnel/targets`, { version: view.plan.version, targets: view.plan.targets });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await young('-D1')).text).toContain('cuối nhiệm kỳ');
  });

  it('first meeting: the standing committee first, the secretary and deputies from it; the inspection commission from inside and outside the committee; its chair from the commission', async () => {
    const { p, org, orgS, admin, congressId } = await setup();
    const D1 = p.id('-D1');
    const mk = async (orgId: number, name: string, birth: string, gender: 'male' | 'female' = 'male') => (await admin.post('/api/people', person(orgId, name, birth, gender))).json().id as number;
    const an = await mk(D1, 'Hoàng Văn An', '1970-04-10');
    const binh = await mk(D1, 'Lê Thị Bình', '1978-09-01', 'female');
    const cuong = await mk(D1, 'Trần Văn Cường', '1975-01-20');
    const dung = await mk(D1, 'Phạm Thị Dung', '1978-07-07', 'female');
    // Party members of the đảng bộ outside the committee (a grassroots unit of D1), and of another district.
    const giang = await mk(p.id('-D1-G1'), 'Đinh Thị Giang', '1980-02-02', 'female');
    const stranger = await mk(p.id('-D2'), 'Quách Văn Xa', '1979-03-03');
    // Retires 12/2023: 24 months left are enough to be re-elected to the commission (2020 rules), not a full term to join it.
    const old = await mk(p.id('-D1-G1'), 'Ngô Văn Lão', '1963-03-01');
    let view = (await put(orgS, `/api/congresses/${congressId}/personnel/plan`, { preset: '2020-2025', committeeSize: 4, standingSize: 2 })).json();
    for (const id of [an, binh, cuong, dung]) {
      await org.post(`/api/congresses/${congressId}/personnel/candidates`, { personId: id, candidacy: 'reelection' });
      view = (await org.patch(`/api/congresses/${congressId}/personnel/candidates/${id}`, { vetting: 'cleared' })).json();
    }
    expect((await org.post(`/api/congresses/${congressId}/personnel/approve`, { version: view.plan.version })).statusCode).toBe(200);
    const committeeElection = (await org.post(`/api/congresses/${congressId}/personnel/election`, { summoned: 12 })).json().electionId as number;
    // The elections domain closes an election through its onFinished hook; here the hook is called as it would be.
    const finish = async (electionId: number, kind: string, names: string[]) => {
      const e = (await org.get(`/api/elections/${electionId}`)).json();
      const elected = e.candidates.filter((c: { fullName: string }) => names.includes(c.fullName)).map((c: { ballotNo: number; fullName: string }) => ({ ballotNo: c.ballotNo, fullName: c.fullName }));
      await t.db.transaction((tx) => ctx.services.congressPersonnel.onElectionFinished(tx, { electionId, orgId: D1, kind: kind as never, closedOn: '2020-06-20', elected, alternates: [] }));
    };
    await finish(committeeElection, 'executiveCommittee', ['Hoàng Văn An', 'Lê Thị Bình', 'Trần Văn Cường', 'Phạm Thị Dung']);
    const first = (body: unknown) => org.post(`/api/congresses/${congressId}/personnel/first-meeting`, body);

    // The chair waits for the commission; the secretary waits while the standing committee's election runs.
    expect((await first({ kind: 'inspectionChair', seats: 1, personIds: [an] })).json().error).toMatchObject({ code: 'ELECTION_WRONG_STATUS', message: 'Chưa bầu Ủy ban Kiểm tra: chủ nhiệm được bầu trong số ủy viên Ủy ban Kiểm tra.' });
    const standing = await first({ kind: 'standingCommittee', seats: 2, personIds: [an, binh, cuong] });
    expect(standing.statusCode, standing.body).toBe(201);
    expect((await first({ kind: 'secretary', seats: 1, personIds: [an] })).json().error).toMatchObject({ code: 'ELECTION_WRONG_STATUS', message: 'Cuộc bầu Ban Thường vụ chưa kết thúc: bí thư, phó bí thư được bầu trong số ủy viên Ban Thường vụ khóa mới.' });
    await finish(standing.json().electionId, 'standingCommittee', ['Hoàng Văn An', 'Lê Thị Bình']);

    // Cường is on the committee but not the standing committee: refused, named, with the rule.
    const notStanding = await first({ kind: 'secretary', seats: 1, personIds: [an, cuong] });
    expect(notStanding.statusCode).toBe(422);
    expect(notStanding.json().error).toMatchObject({
      code: 'NOT_A_COMMITTEE_MEMBER',
      message: 'Đồng chí Trần Văn Cường không phải ủy viên Ban Thường vụ khóa mới: bí thư, phó bí thư được bầu trong số ủy viên Ban Thường vụ (Điều lệ Đảng Đ20 K1).',
      details: [{ field: 'personIds.1', code: 'NOT_A_STANDING_MEMBER' }],
    });
    expect((await first({ kind: 'deputySecretary', seats: 1, personIds: [cuong] })).json().error.details[0].code).toBe('NOT_A_STANDING_MEMBER');
    expect((await first({ kind: 'secretary', seats: 1, personIds: [an] })).statusCode).toBe(201);
    expect((await first({ kind: 'deputySecretary', seats: 1, personIds: [binh] })).statusCode).toBe(201);
    view = (await org.get(`/api/congresses/${congressId}/personnel`)).json();
    const pool = (kind: string) => view.firstMeeting.find((x: { kind: string }) => x.kind === kind);
    expect(pool('secretary')).toMatchObject({ from: 'standingCommittee', ready: true, source: expect.stringContaining('Đ20 K1') });
    expect(pool('inspectionCommission')).toMatchObject({ from: 'committeeOrOutside', confirmed: false });

    // The commission: Dũng from the committee and Giang from outside it (a member of the đảng bộ); not someone of another district.
    expect((await first({ kind: 'inspectionCommission', seats: 2, personIds: [dung, stranger] })).json().error.code).toBe('ORG_OUT_OF_SCOPE');
    const foreign = await admin.post(`/api/congresses/${congressId}/personnel/first-meeting`, { kind: 'inspectionCommission', seats: 2, personIds: [dung, stranger] });
    expect(foreign.json().error).toMatchObject({ code: 'NOT_A_COMMITTEE_MEMBER', details: [{ field: 'personIds.1', code: 'NOT_IN_PARTY_ORGANIZATION', message: 'Đồng chí Quách Văn Xa không phải ủy viên Ban Chấp hành khóa mới và không thuộc đảng bộ này.' }] });
    // Outside the committee, the commission's age check: not on record as re-elected, Lão would join for the first time.
    const tooOld = await first({ kind: 'inspectionCommission', seats: 2, personIds: [dung, giang, old] });
    expect(tooOld.statusCode).toBe(422);
    expect(tooOld.json().error).toMatchObject({
      code: 'CANDIDATE_INELIGIBLE',
      message: expect.stringMatching(/^Đồng chí Ngô Văn Lão không đủ điều kiện về tuổi để bầu vào Ủy ban Kiểm tra: Nghỉ hưu tháng 12\/2023; .*tham gia lần đầu cần ít nhất trọn 1 nhiệm kỳ 60 tháng → không đủ điều kiện/),
      details: [{ field: 'personIds.2', code: 'INELIGIBLE' }],
    });
    expect((await first({ kind: 'inspectionCommission', seats: 2, personIds: [dung, giang, old], reelectedToCommission: [dung] })).json().error.code).toBe('PERSONNEL_PLAN_INVALID');
    expect((await first({ kind: 'inspectionChair', seats: 1, personIds: [an], reelectedToCommission: [an] })).json().error.code).toBe('PERSONNEL_PLAN_INVALID');
    // Re-elected to the commission: 42 months ≥ the 24 of the 2020 rules.
    const commission = await first({ kind: 'inspectionCommission', seats: 2, personIds: [dung, giang, old], reelectedToCommission: [old] });
    expect(commission.statusCode, commission.body).toBe(201);
    const commissionElection = (await org.get(`/api/elections/${commission.json().electionId}`)).json();
    expect(commissionElection).toMatchObject({ kind: 'inspectionCommission', congressKind: 'conference', summoned: 4 });
    const linked = await t.db.query<{ person_id: number }>(`SELECT person_id FROM election_candidates WHERE election_id = $1 ORDER BY ballot_no`, [commission.json().electionId]);
    expect(linked.rows.map((r) => r.person_id)).toEqual([dung, giang, old]);
    await finish(commission.json().electionId, 'inspectionCommission', ['Phạm Thị Dung', 'Đinh Thị Giang']);

    // The chair from the commission only.
    const notMember = await first({ kind: 'inspectionChair', seats: 1, personIds: [an] });
    expect(notMember.json().error.details).toMatchObject([{ code: 'NOT_AN_INSPECTION_MEMBER', message: expect.stringContaining('Đồng chí Hoàng Văn An không phải ủy viên Ủy ban Kiểm tra vừa bầu') }]);
    const chair = await first({ kind: 'inspectionChair', seats: 1, personIds: [giang] });
    expect(chair.statusCode, chair.body).toBe(201);
    await finish(chair.json().electionId, 'inspectionChair', ['Đinh Thị Giang']);

    // The deputy chair from the commission, not its chair [U default, flagged].
    view = (await org.get(`/api/congresses/${congressId}/personnel`)).json();
    expect(view.firstMeeting.find((x: { kind: string }) => x.kind === 'inspectionDeputyChair')).toMatchObject({ ready: true, confirmed: false, from: 'inspectionCommission', members: [{ personId: dung, fullName: 'Phạm Thị Dung' }] });
    const chairAsDeputy = await first({ kind: 'inspectionDeputyChair', seats: 1, personIds: [giang] });
    expect(chairAsDeputy.json().error).toMatchObject({ code: 'NOT_A_COMMITTEE_MEMBER', details: [{ field: 'personIds.0', code: 'HOLDS_OTHER_POST', message: expect.stringContaining('Đồng chí Đinh Thị Giang đã trúng cử Chủ nhiệm Ủy ban Kiểm tra') }] });
    const deputy = await first({ kind: 'inspectionDeputyChair', seats: 1, personIds: [dung] });
    expect(deputy.statusCode, deputy.body).toBe(201);
    expect((await org.get(`/api/elections/${deputy.json().electionId}`)).json()).toMatchObject({ kind: 'inspectionDeputyChair', congressKind: 'conference', summoned: 4 });
    expect((await first({ kind: 'inspectionDeputyChair', seats: 1, personIds: [dung] })).json().error.code).toBe('PERSONNEL_ELECTION_EXISTS');
    await finish(deputy.json().electionId, 'inspectionDeputyChair', ['Phạm Thị Dung']);

    view = (await org.get(`/api/congresses/${congressId}/personnel`)).json();
    expect(view.committee.filter((m: { body: string }) => m.body.startsWith('inspection')).map((m: { fullName: string; bodyLabel: string }) => [m.fullName, m.bodyLabel])).toEqual([
      ['Đinh Thị Giang', 'Chủ nhiệm Ủy ban Kiểm tra'],
      ['Phạm Thị Dung', 'Phó Chủ nhiệm Ủy ban Kiểm tra'],
      ['Đinh Thị Giang', 'Ủy ban Kiểm tra'],
      ['Phạm Thị Dung', 'Ủy ban Kiểm tra'],
    ]);
    // The commission is not the standing committee: one woman (Bình) in the standing committee.
    expect(view.composition.elected.find((x: { key: string }) => x.key === 'womenInStanding')).toMatchObject({ status: 'met', count: 1 });
    const audit = await t.db.query<{ summary: string; details: { outside: number[]; source: string } }>(
      `SELECT summary, details FROM audit_log WHERE action = 'personnel.firstMeetingElectionCreated' AND entity_id = $1 ORDER BY id`,
      [String(congressId)],
    );
    expect(audit.rows.map((r) => r.summary)).toEqual([
      'Hội nghị lần thứ nhất: tạo cuộc bầu ban thường vụ (3 người)',
      'Hội nghị lần thứ nhất: tạo cuộc bầu bí thư (1 người)',
      'Hội nghị lần thứ nhất: tạo cuộc bầu phó bí thư (1 người)',
      'Hội nghị lần thứ nhất: tạo cuộc bầu ủy ban kiểm tra (3 người, 2 người ngoài Ban Chấp hành)',
      'Hội nghị lần thứ nhất: tạo cuộc bầu chủ nhiệm ủy ban kiểm tra (1 người)',
      'Hội nghị lần thứ nhất: tạo cuộc bầu phó chủ nhiệm ủy ban kiểm tra (1 người)',
    ]);
    expect(audit.rows[3]!.details).toMatchObject({
      outside: [giang, old],
      source: expect.stringContaining('Đ20 K1'),
      outsideEligibility: [
        { personId: giang, candidacy: 'firstTime', candidacyFrom: 'default' },
        { personId: old, candidacy: 'reelection', candidacyFrom: 'entered', explanation: expect.stringContaining('tái cử ủy ban kiểm tra cần ít nhất 24 tháng → đủ điều kiện') },
      ],
    });
  });

  it('first meeting: a standing committee elected with nobody does not leave the secretary "waiting" — it says what happened and what may be done', async () => {
    const { p, org, orgS, admin, congressId } = await setup();
    const D1 = p.id('-D1');
    const mk = async (name: string, birth: string, gender: 'male' | 'female' = 'male') => (await admin.post('/api/people', person(D1, name, birth, gender))).json().id as number;
    const ids = [await mk('Hoàng Văn An', '1970-04-10'), await mk('Lê Thị Bình', '1978-09-01', 'female'), await mk('Trần Văn Cường', '1975-01-20'), await mk('Phạm Thị Dung', '1978-07-07', 'female')];
    let view = (await put(orgS, `/api/congresses/${congressId}/personnel/plan`, { preset: '2020-2025', committeeSize: 4, standingSize: 2 })).json();
    for (const id of ids) {
      await org.post(`/api/congresses/${congressId}/personnel/candidates`, { personId: id, candidacy: 'reelection' });
      view = (await org.patch(`/api/congresses/${congressId}/personnel/candidates/${id}`, { vetting: 'cleared' })).json();
    }
    await org.post(`/api/congresses/${congressId}/personnel/approve`, { version: view.plan.version });
    const committeeElection = (await org.post(`/api/congresses/${congressId}/personnel/election`, { summoned: 12 })).json().electionId as number;
    const e0 = (await org.get(`/api/elections/${committeeElection}`)).json();
    await t.db.transaction((tx) =>
      ctx.services.congressPersonnel.onElectionFinished(tx, { electionId: committeeElection, orgId: D1, kind: 'executiveCommittee', closedOn: '2020-06-20', elected: e0.candidates.map((c: { ballotNo: number; fullName: string }) => ({ ballotNo: c.ballotNo, fullName: c.fullName })), alternates: [] }),
    );
    const first = (body: unknown) => org.post(`/api/congresses/${congressId}/personnel/first-meeting`, body);
    const standing = (await first({ kind: 'standingCommittee', seats: 2, personIds: ids.slice(0, 3) })).json().electionId as number;

    // Counted by the elections domain: 4 members present, An 2 and Cường 2 of D = 4 — exactly half elects nobody.
    const users = await Promise.all([0, 1, 2].map(() => createUser(ctx.services, 'counter', D1)));
    const uids = await Promise.all(users.map(async (u) => (await t.db.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [u.username])).rows[0]!.id));
    const [chief, a, b] = await Promise.all(users.map((u) => login(ctx.app, u.username, u.password)));
    await put(orgS, `/api/elections/${standing}/counters`, { counters: [{ userId: uids[0], isChief: true }, { userId: uids[1], team: 'A' }, { userId: uids[2], team: 'B' }] });
    const v1 = (await org.get(`/api/elections/${standing}`)).json().version;
    expect((await org.post(`/api/elections/${standing}/open-entry`, { version: v1, present: 4, ballotsIssued: 4, ballotsCollected: 4, listVote: { agree: 4, disagree: 0, present: 4 } })).statusCode).toBe(200);
    for (let serial = 1; serial <= 4; serial++) {
      for (const team of [a!, b!]) expect((await as(ctx.app, team).post(`/api/elections/${standing}/ballots`, { serial, entry: { kind: 'strike', struck: serial <= 2 ? [1, 2] : [2, 3] } })).statusCode).toBe(200);
    }
    expect((await as(ctx.app, chief!).post(`/api/elections/${standing}/count`)).json().result.elected).toEqual([]);
    expect((await as(ctx.app, chief!).post(`/api/elections/${standing}/publish`)).statusCode).toBe(200);

    // Seats remain: the meeting decides — said, not "still running".
    const secretaryPool = async () => (await org.get(`/api/congresses/${congressId}/personnel`)).json().firstMeeting.find((x: { kind: string }) => x.kind === 'secretary');
    expect((await secretaryPool()).why).toBe(
      'Vòng 1 bầu Ban Thường vụ: chưa ai trúng cử, còn thiếu 2/2. Hội nghị quyết định bầu thêm vòng nữa hay dừng (Điều lệ Đảng Đ12 K3); ' +
        'nếu dừng, chỗ còn thiếu do cấp ủy cấp trên trực tiếp xem xét chỉ định bổ sung, hoặc bầu bổ sung Ban Thường vụ ở hội nghị sau (Điều lệ Đảng Đ13 K2; QĐ 190 Đ28); ' +
        'không bầu được bí thư thì cấp ủy cấp trên có thể chỉ định bí thư (HD 06-HD/TW mục 16.1). Bí thư, phó bí thư được bầu trong số ủy viên Ban Thường vụ khóa mới, nên bầu sau khi cuộc bầu Ban Thường vụ kết thúc.',
    );
    // The meeting stops: the election closes with nobody elected; the secretary is never taken from the whole committee.
    const v2 = (await org.get(`/api/elections/${standing}`)).json().version;
    expect((await org.post(`/api/elections/${standing}/next-round`, { version: v2, decision: 'stop' })).statusCode).toBe(200);
    const closed = await secretaryPool();
    expect(closed).toMatchObject({ ready: false, from: 'standingCommittee', members: [] });
    expect(closed.why).toMatch(/^Cuộc bầu Ban Thường vụ đã kết thúc mà không ai trúng cử \(cần 2\)\. .*Việc tiếp theo: cấp ủy cấp trên trực tiếp xem xét chỉ định bổ sung/);
    const refused = await first({ kind: 'deputySecretary', seats: 1, personIds: [ids[0]] });
    expect(refused.json().error).toMatchObject({ code: 'ELECTION_WRONG_STATUS', message: expect.stringContaining('đã kết thúc mà không ai trúng cử') });
    expect(refused.json().error.message).not.toContain('chưa kết thúc');
  });

  it('computes concurrent-post figures over a subtree from the people\'s posts, against the targets', async () => {
    const { p, admin } = await setup();
    const root = p.id('');
    const secretary = async (orgKey: string, name: string, chairsPc: boolean, nonLocal: boolean) => {
      const orgId = p.id(orgKey);
      const posts = [{ orgId, role: 'secretary', title: 'Bí thư', nonLocal }, ...(chairsPc ? [{ orgId, role: 'peoplesCommitteeChair', title: 'Chủ tịch UBND' }] : [])];
      expect((await admin.post('/api/people', person(orgId, name, '1972-01-01', 'male', { posts }))).statusCode).toBe(201);
    };
    await secretary('-D1', 'Bùi Văn Khánh', true, true);
    await secretary('-D2', 'Đặng Văn Long', false, true);
    await secretary('-D1-G1', 'Ngô Văn Minh', true, false);
    await secretary('-D2-G1', 'Hà Văn Nam', true, true);
    const target = await put(
      (await signedIn(ctx.app, ctx.services, 'admin', root)),
      '/api/personnel/concurrent/targets',
      { rootOrgId: root, model: 'secretaryChairsPeoplesCommittee', level: 3, targetKind: 'share', targetValue: 75, source: 'Báo cáo chính trị 2020' },
    );
    expect(target.statusCode, target.body).toBe(200);
    const figures = (await admin.get(`/api/personnel/concurrent?orgId=${root}`)).json().figures as { model: string; level: number; applying: number; base: number; met: boolean | null; text: string }[];
    const fig = (model: string, level: number) => figures.find((f) => f.model === model && f.level === level)!;
    expect(fig('secretaryChairsPeoplesCommittee', 3)).toMatchObject({ applying: 2, base: 2, met: true });
    expect(fig('secretaryChairsPeoplesCommittee', 2)).toMatchObject({ applying: 1, base: 2, met: null });
    expect(fig('nonLocalSecretary', 2)).toMatchObject({ applying: 2, base: 2 });
    const d2 = as(ctx.app, await signedIn(ctx.app, ctx.services, 'viewer', p.id('-D2')));
    expect((await d2.get(`/api/personnel/concurrent?orgId=${root}`)).json().error.code).toBe('ORG_OUT_OF_SCOPE');
    expect((await put(await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D2')), '/api/personnel/concurrent/targets', { rootOrgId: root, model: 'nonLocalSecretary', level: 2, targetKind: 'share', targetValue: 100 })).json().error.code).toBe('ORG_OUT_OF_SCOPE');
  });
});
