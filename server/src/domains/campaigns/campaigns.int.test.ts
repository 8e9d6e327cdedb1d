import http from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testEngines, type TestDb } from '../../../../test/support/db.ts';
import { as, buildProvince, manualClock, type Session, signedIn } from '../../../../test/support/app.ts';
import { campaignsTestApp } from './campaigns-test-app.ts';

type Ctx = Awaited<ReturnType<typeof campaignsTestApp>>;
type Api = ReturnType<typeof as>;

describe.each(testEngines)('congress campaigns on %s', (engine) => {
  let t: TestDb;
  let ctx: Ctx;
  // The dashboards' "today": mid-June 2020, as in the seed reports.
  const clock = manualClock(new Date('2020-06-15T03:00:00Z'));
  beforeAll(async () => {
    t = await openTestDb(engine);
    ctx = await campaignsTestApp(t.db, clock);
  });
  afterAll(async () => {
    await ctx.app.close();
    await t.cleanup();
  });

  const put = (s: Session, url: string, payload: unknown) =>
    ctx.app.inject({ method: 'PUT', url, payload: payload as object, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });

  /** A province with 2 districts × 2 grassroots × 2 cells, its admin, and a campaign under CT 35/2019. */
  async function setup(opts: { epidemic?: boolean } = {}) {
    const p = await buildProvince(t.db, { districts: 2, grassroots: 2, cells: 2 });
    const adminS = await signedIn(ctx.app, ctx.services, 'admin', p.id(''));
    const admin = as(ctx.app, adminS);
    const res = await admin.post('/api/campaigns', {
      name: 'Đại hội đảng bộ các cấp nhiệm kỳ 2020–2025',
      preset: 'CT35-2019',
      rootOrgId: p.id(''),
      plan: 'Kế hoạch 308-KH/TU',
      levels: [
        { level: 3, centralDeadline: '2020-06-30', provincialTarget: '2020-05-15', windowStart: '2020-04-01', maxDays: 2, maxPreparatoryDays: null },
        { level: 2, centralDeadline: '2020-08-31', provincialTarget: '2020-07-31', windowStart: null, maxDays: 3, maxPreparatoryDays: 0.5 },
      ],
      ...(opts.epidemic ? { settings: { epidemicPlan: { active: true, measures: [{ code: 'masks', label: 'Đeo khẩu trang' }, { code: 'disinfection', label: 'Tiêu độc, khử trùng sau mỗi phiên họp' }] } } } : {}),
    });
    expect(res.statusCode, res.body).toBe(201);
    const campaign = res.json();
    const list = (await admin.get(`/api/campaigns/${campaign.id}/congresses?limit=500`)).json();
    const congressOf = (key: string) => list.items.find((c: { org: { id: number } }) => c.org.id === p.id(key)) as { id: number };
    return { p, admin, adminS, campaign, congressOf };
  }
  const getC = async (api: Api, id: number) => (await api.get(`/api/congresses/${id}`)).json();
  const step = async (api: Api, id: number, to: string, extra: Record<string, unknown> = {}) => {
    const c = await getC(api, id);
    return api.post(`/api/congresses/${id}/transition`, { version: c.version, to, ...extra });
  };

  it('creates a congress for every organization, with the form the 200-member rule gives', async () => {
    const p = await buildProvince(t.db, { districts: 2, grassroots: 2, cells: 2 });
    const admin = as(ctx.app, await signedIn(ctx.app, ctx.services, 'admin', p.id('')));
    // A grassroots committee with 250 members in its cells holds a delegates' congress.
    const big = await admin.post('/api/orgs', { code: `${p.prefix}-BIG`, name: 'Đảng bộ Công ty Than Hà Lầm', parentId: p.id('-D1'), typeCode: 'grassrootsCommittee', kindCode: 'enterprise' });
    await admin.post('/api/orgs', { code: `${p.prefix}-BIG-1`, name: 'Chi bộ Phân xưởng Khai thác 1', parentId: big.json().id, typeCode: 'subordinateCell', kindCode: 'enterprise', fullMembers: 240, probationaryMembers: 10 });
    const res = await admin.post('/api/campaigns', { name: 'Nhiệm kỳ 2020–2025', preset: 'CT35-2019', rootOrgId: p.id('') });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c.congressCount).toBe(1 + 2 + 5 + 9);
    expect(c.rules.find((r: { key: string }) => r.key === 'noticeCounting').confirmed).toBe(false);
    expect(c.levels.find((l: { level: number }) => l.level === 3)).toMatchObject({ centralDeadline: '2020-06-30', maxDays: 2, name: 'Cấp cơ sở' });
    const list = (await admin.get(`/api/campaigns/${c.id}/congresses?limit=500`)).json();
    const form = (orgId: number) => list.items.find((x: { org: { id: number } }) => x.org.id === orgId).form;
    expect(form(big.json().id)).toBe('delegates');
    expect(form(p.id('-D1-G1'))).toBe('members');
    expect(form(p.id('-D1'))).toBe('delegates');
    expect(form(p.id('-D1-G1-C1'))).toBe('members');
    const cell = await getC(admin, list.items.find((x: { org: { id: number } }) => x.org.id === p.id('-D1-G1-C1')).id);
    expect(cell.cellTermMode).toBe('twicePer5y');
    expect(cell.formByRule.basis).toContain('Chi bộ');
    const audit = await t.db.query<{ summary: string }>(`SELECT summary FROM audit_log WHERE action = 'campaign.created' AND entity_id = $1`, [String(c.id)]);
    expect(audit.rows[0]!.summary).toContain('17 đại hội');
  });

  it('walks the lifecycle to closed; the district cannot approve itself; a closed congress is not editable', async () => {
    const { p, admin, congressOf } = await setup();
    const district = as(ctx.app, await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D1')));
    const id = congressOf('-D1').id;
    let c = await getC(district, id);
    expect((await district.patch(`/api/congresses/${id}`, { version: c.version, plannedStart: '2020-07-20', plannedEnd: '2020-07-22', noticeDate: '2020-06-01', venue: 'Hội trường Huyện ủy' })).statusCode).toBe(200);
    expect((await step(district, id, 'documentsReady')).statusCode).toBe(200);
    expect((await step(district, id, 'personnelReady')).statusCode).toBe(200);
    // Approval (duyệt đại hội) belongs to the upper level.
    const self = await step(district, id, 'approved');
    expect([self.statusCode, self.json().error.code]).toEqual([403, 'CONGRESS_UPPER_LEVEL_ONLY']);
    const ok = await step(admin, id, 'approved', { decisionRef: 'TB 125-TB/TU' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().approvalRef).toBe('TB 125-TB/TU');
    // Not yet: the congress cannot be marked held with a date in the future.
    const early = await step(district, id, 'held');
    expect(early.json().error.code).toBe('CONGRESS_DATE_IN_FUTURE');
    const held = await step(district, id, 'held', { actualStart: '2020-06-10', actualEnd: '2020-06-12' });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toMatchObject({ status: 'held', actualStart: '2020-06-10', actualEnd: '2020-06-12', heldOverride: false });
    expect((await step(admin, id, 'resultsApproved', { decisionRef: 'QĐ 2410-QĐ/TU' })).statusCode).toBe(200);
    expect((await step(district, id, 'closed')).statusCode).toBe(200);
    c = await getC(district, id);
    expect(c.history.map((h: { kind: string; toStatus: string | null }) => h.toStatus ?? h.kind)).toEqual(['scheduled', 'documentsReady', 'personnelReady', 'approved', 'held', 'resultsApproved', 'closed']);
    expect(c.can.edit).toBe(false);
    const edit = await district.patch(`/api/congresses/${id}`, { version: c.version, venue: 'Nơi khác' });
    expect([edit.statusCode, edit.json().error.code]).toEqual([409, 'CONGRESS_CLOSED']);
    const back = await step(admin, id, 'held');
    expect(back.json().error.code).toBe('CONGRESS_CLOSED');
    expect((await getC(district, id)).version).toBe(c.version);
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity_type = 'congress' AND entity_id = $1 ORDER BY id`, [String(id)]);
    expect(audit.rows.map((a) => a.action)).toEqual(['congress.scheduled', 'congress.status', 'congress.status', 'congress.status', 'congress.status', 'congress.status', 'congress.status']);
  });

  it('refuses bad schedules with a clear message and changes nothing; keeps a rule breach only with a recorded reason', async () => {
    const { admin, congressOf } = await setup();
    const id = congressOf('-D1-G1').id;
    const c0 = await getC(admin, id);
    const backwards = await admin.patch(`/api/congresses/${id}`, { version: c0.version, plannedStart: '2020-05-20', plannedEnd: '2020-05-19' });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error).toMatchObject({ code: 'CONGRESS_DATES_INVALID', message: 'Ngày kết thúc 19/05/2020 trước ngày khai mạc 20/05/2020.' });
    expect(backwards.json().error.details[0].field).toBe('plannedEnd');
    const late = await admin.patch(`/api/congresses/${id}`, { version: c0.version, plannedStart: '2020-07-02', plannedEnd: '2020-07-04' });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.code).toBe('CONGRESS_RULE_WARNINGS');
    const codes = late.json().error.details.map((d: { code: string }) => d.code);
    expect(codes).toEqual(['DEADLINE_MISSED', 'DURATION_OVER_LIMIT']);
    expect(late.json().error.details[0].message).toContain('chậm 4 ngày');
    expect((await getC(admin, id)).version).toBe(c0.version);
    const kept = await admin.patch(`/api/congresses/${id}`, { version: c0.version, plannedStart: '2020-07-02', plannedEnd: '2020-07-04', override: { reason: 'Địa phương bị bão lũ, Tỉnh ủy đồng ý lùi' } });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().warnings.map((w: { code: string }) => w.code)).toEqual(expect.arrayContaining(['DEADLINE_MISSED', 'DURATION_OVER_LIMIT']));
    expect(kept.json().warningsAcceptedReason).toBe('Địa phương bị bão lũ, Tỉnh ủy đồng ý lùi');
    // Already-accepted breaches do not ask again; a new one does.
    const venue = await admin.patch(`/api/congresses/${id}`, { version: kept.json().version, venue: 'Nhà văn hóa xã' });
    expect(venue.statusCode).toBe(200);
    const notice = await admin.patch(`/api/congresses/${id}`, { version: venue.json().version, noticeDate: '2020-06-20' });
    expect(notice.json().error.details.map((d: { code: string }) => d.code)).toContain('NOTICE_TOO_SHORT');
    // A cells' congress of a full day breaks the half-day rule.
    const cell = congressOf('-D1-G1-C1').id;
    const cc = await getC(admin, cell);
    const long = await admin.patch(`/api/congresses/${cell}`, { version: cc.version, plannedStart: '2020-03-05' });
    expect(long.json().error.details.map((d: { code: string }) => d.code)).toEqual(['DURATION_OVER_LIMIT']);
    expect((await admin.patch(`/api/congresses/${cell}`, { version: cc.version, plannedStart: '2020-03-05', durationDays: 0.5 })).statusCode).toBe(200);
    // 3 contents is not in the 2019 directive, and needs the upper level's consent anyway.
    const three = await admin.patch(`/api/congresses/${congressOf('-D2-G1').id}`, { version: 1, contents: 3 });
    expect(three.json().error.code).toBe('CONGRESS_REASON_REQUIRED');
  });

  it('postpones any number of times, each with a reason, and counts the postponed by reason', async () => {
    const { admin, congressOf, campaign, p } = await setup();
    const id = congressOf('-D2-G2').id;
    let c = await getC(admin, id);
    c = (await admin.patch(`/api/congresses/${id}`, { version: c.version, plannedStart: '2020-04-06', plannedEnd: '2020-04-07' })).json();
    const noReason = await admin.post(`/api/congresses/${id}/postpone`, { version: c.version, newStart: '2020-05-11', reasonCategory: 'epidemic', reason: '  ' });
    expect([noReason.statusCode, noReason.json().error.code, noReason.json().error.message]).toEqual([422, 'CONGRESS_REASON_REQUIRED', 'Lùi thời gian đại hội phải ghi rõ lý do.']);
    const earlier = await admin.post(`/api/congresses/${id}/postpone`, { version: c.version, newStart: '2020-04-01', reasonCategory: 'epidemic', reason: 'x' });
    expect(earlier.json().error.code).toBe('CONGRESS_DATES_INVALID');
    const first = await admin.post(`/api/congresses/${id}/postpone`, {
      version: c.version,
      newStart: null,
      reasonCategory: 'epidemic',
      reason: 'Thực hiện cách ly toàn xã hội phòng, chống dịch Covid-19',
      decidedBy: 'Ban Thường vụ Tỉnh ủy',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ plannedStart: null, postponeCount: 1 });
    const second = await admin.patch(`/api/congresses/${id}`, { version: first.json().version, plannedStart: '2020-05-11', plannedEnd: '2020-05-12' });
    const third = await admin.post(`/api/congresses/${id}/postpone`, { version: second.json().version, newStart: '2020-05-13', reasonCategory: 'personnel', reason: 'Bổ sung nhân sự', decidedBy: 'Ban Thường vụ Huyện ủy' });
    expect(third.json()).toMatchObject({ plannedStart: '2020-05-13', plannedEnd: '2020-05-14', postponeCount: 2 });
    const kinds = third.json().history.map((h: { kind: string }) => h.kind);
    expect(kinds.filter((k: string) => k === 'postponed')).toHaveLength(2);
    const d = (await admin.get(`/api/campaigns/${campaign.id}/dashboard?orgId=${p.id('')}`)).json();
    const lvl3 = d.levels.find((l: { level: number }) => l.level === 3);
    expect(lvl3.postponed).toEqual({ total: 1, byReason: { epidemic: 0, documents: 0, personnel: 1, disaster: 0, other: 0 } });
  });

  it('marks held before approval only with a recorded override', async () => {
    const { admin, congressOf, campaign, p } = await setup();
    const id = congressOf('-D1-G2').id;
    const c = await getC(admin, id);
    expect((await admin.patch(`/api/congresses/${id}`, { version: c.version, plannedStart: '2020-05-12', plannedEnd: '2020-05-13' })).statusCode).toBe(200);
    const refused = await step(admin, id, 'held');
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'CONGRESS_NOT_APPROVED']);
    expect((await getC(admin, id)).status).toBe('planned');
    const ok = await step(admin, id, 'held', { override: { reason: 'Ban Thường vụ đã duyệt bằng văn bản, chưa cập nhật trên hệ thống' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'held', heldOverride: true });
    expect(ok.json().history.at(-1)).toMatchObject({ kind: 'heldWithoutApproval', details: { override: 'Ban Thường vụ đã duyệt bằng văn bản, chưa cập nhật trên hệ thống' } });
    const d = (await admin.get(`/api/campaigns/${campaign.id}/dashboard?orgId=${p.id('')}`)).json();
    expect(d.levels.find((l: { level: number }) => l.level === 3).heldWithoutApproval).toBe(1);
    const audit = await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'congress.heldWithoutApproval' AND entity_id = $1`, [String(id)]);
    expect(audit.rows).toHaveLength(1);
  });

  it('keeps a district to its own congresses (403 without names) and a viewer to reading', async () => {
    const { p, congressOf, campaign } = await setup();
    const d1S = await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D1'));
    const d1 = as(ctx.app, d1S);
    const other = congressOf('-D2-G1').id;
    const read = await d1.get(`/api/congresses/${other}`);
    expect([read.statusCode, read.json().error.code]).toEqual([403, 'ORG_OUT_OF_SCOPE']);
    expect(read.body).not.toContain('Đầm Hà');
    const write = await d1.post(`/api/congresses/${other}/transition`, { version: 1, to: 'documentsReady' });
    expect([write.statusCode, write.json().error.code]).toEqual([403, 'ORG_OUT_OF_SCOPE']);
    expect((await put(d1S, `/api/congresses/${other}/pilot`, { version: 1, isPilot: true })).statusCode).toBe(403);
    const dash = await d1.get(`/api/campaigns/${campaign.id}/dashboard?orgId=${p.id('-D2')}`);
    expect([dash.statusCode, dash.json().error.code]).toEqual([403, 'ORG_OUT_OF_SCOPE']);
    // Their own dashboard is their district, even without asking.
    const mine = (await d1.get(`/api/campaigns/${campaign.id}/dashboard`)).json();
    expect(mine.org.id).toBe(p.id('-D1'));
    expect(mine.totals.total).toBe(1 + 2 + 4);
    expect(mine.campaignTrustedByPeople).toBeNull();
    const viewer = as(ctx.app, await signedIn(ctx.app, ctx.services, 'viewer', p.id('')));
    expect((await viewer.get(`/api/congresses/${other}`)).statusCode).toBe(200);
    const vw = await viewer.post(`/api/congresses/${other}/transition`, { version: 1, to: 'documentsReady' });
    expect([vw.statusCode, vw.json().error.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    const vc = await viewer.patch(`/api/campaigns/${campaign.id}`, { version: 1, name: 'x' });
    expect(vc.json().error.code).toBe('FORBIDDEN_ROLE');
    const dc = await d1.patch(`/api/campaigns/${campaign.id}`, { version: 1, name: 'x' });
    expect(dc.json().error.code).toBe('ORG_OUT_OF_SCOPE');
  });

  it('rolls up by level and subtree: held/total, on time, ahead of the deadline, children, as of a date; counters equal a rebuild', async () => {
    const { p, admin, congressOf, campaign } = await setup();
    // D1's grassroots: a pilot in March and one in late May; one of D2's in early May.
    const hold = async (key: string, start: string, end: string, pilot = false) => {
      const id = congressOf(key).id;
      let c = await getC(admin, id);
      if (pilot) c = (await put(await signedIn(ctx.app, ctx.services, 'admin', p.id('')), `/api/congresses/${id}/pilot`, { version: c.version, isPilot: true })).json();
      expect((await admin.patch(`/api/congresses/${id}`, { version: c.version, plannedStart: start, plannedEnd: end, override: { reason: 'Theo kế hoạch đã duyệt' } })).statusCode).toBe(200);
      expect((await step(admin, id, 'held', { override: { reason: 'Nhập số liệu đã có' } })).statusCode).toBe(200);
    };
    await hold('-D1-G1', '2020-03-20', '2020-03-21', true);
    await hold('-D1-G2', '2020-05-26', '2020-05-27');
    await hold('-D2-G1', '2020-05-08', '2020-05-09');
    const d = (await admin.get(`/api/campaigns/${campaign.id}/dashboard`)).json();
    expect(d.org.id).toBe(p.id(''));
    const l3 = d.levels.find((l: { level: number }) => l.level === 3);
    expect(l3).toMatchObject({ total: 4, held: 3, heldPct: 75, heldPctText: '75,00%', onTime: 3, onTarget: 2, remaining: 1, deadlineStatus: 'onTrack', daysLeft: 15, pilots: { total: 1, held: 1 } });
    expect(d.levels.map((l: { level: number }) => l.level)).toEqual([1, 2, 3, 4]);
    expect(d.totals).toMatchObject({ total: 1 + 2 + 4 + 8, held: 3 });
    const d1 = d.children.find((k: { org: { id: number } }) => k.org.id === p.id('-D1'));
    expect(d1).toMatchObject({ total: 7, held: 2, onTime: 2, pilots: { total: 1, held: 1 } });
    expect(d1.byLevel.find((l: { level: number }) => l.level === 3)).toEqual({ level: 3, total: 2, held: 2, onTime: 2, completedOn: '2020-05-27' });
    // Drill down to D1: its grassroots are complete, 34 days ahead of 30/6.
    const dd = (await admin.get(`/api/campaigns/${campaign.id}/dashboard?orgId=${p.id('-D1')}`)).json();
    expect(dd.levels.find((l: { level: number }) => l.level === 3)).toMatchObject({ completedOn: '2020-05-27', daysAheadOfDeadline: 34, deadlineStatus: 'done' });
    expect(dd.children.map((k: { org: { id: number } }) => k.org.id)).toEqual([p.id('-D1-G1'), p.id('-D1-G2')]);
    // As of the end of March only the pilot was held.
    const march = (await admin.get(`/api/campaigns/${campaign.id}/dashboard?asOf=2020-03-31`)).json();
    expect(march.levels.find((l: { level: number }) => l.level === 3)).toMatchObject({ held: 1, heldPctText: '25,00%' });
    const s = (await admin.get(`/api/campaigns/${campaign.id}/series`)).json();
    expect(s.levels.find((l: { level: number }) => l.level === 3).points.map((x: { date: string; held: number }) => [x.date, x.held])).toEqual([
      ['2020-03-21', 1],
      ['2020-05-09', 2],
      ['2020-05-27', 3],
    ]);
    const cal = (await admin.get(`/api/campaigns/${campaign.id}/calendar?from=2020-05-01&to=2020-05-31`)).json();
    expect(cal.days.find((x: { date: string }) => x.date === '2020-05-08').held).toBe(1);
    expect(cal.days.find((x: { date: string }) => x.date === '2020-05-01')).toMatchObject({ holiday: 'Ngày Quốc tế Lao động', workingDay: false });
    expect(cal.congresses.map((x: { org: { id: number } }) => x.org.id)).toEqual([p.id('-D2-G1'), p.id('-D1-G2')]);
    // The maintained counters equal the from-scratch definition.
    const snap = async () =>
      (await t.db.query<{ k: string }>(`SELECT org_id || '/' || level || '/' || metric || '=' || n AS k FROM campaign_rollups WHERE campaign_id = $1 AND n <> 0 ORDER BY 1`, [campaign.id])).rows.map((r) => r.k);
    const daysSnap = async () =>
      (await t.db.query<{ k: string }>(`SELECT org_id || '/' || level || '/' || kind || '/' || day || '=' || n AS k FROM campaign_daily WHERE campaign_id = $1 AND n <> 0 ORDER BY 1`, [campaign.id])).rows.map((r) => r.k);
    const [m1, d1s] = [await snap(), await daysSnap()];
    await t.db.query(`SELECT campaign_rollup_rebuild($1)`, [campaign.id]);
    expect(await snap()).toEqual(m1);
    expect(await daysSnap()).toEqual(d1s);
  });

  it('pilots: observers invited, lessons recorded, shown on the same level’s congresses not yet held', async () => {
    const { p, admin, adminS, congressOf } = await setup();
    const pilot = congressOf('-D1-G1').id;
    const c = await getC(admin, pilot);
    const noLesson = await admin.post(`/api/congresses/${pilot}/lessons`, { text: 'x' });
    expect(noLesson.json().error.code).toBe('CONGRESS_NOT_PILOT');
    const set = await put(adminS, `/api/congresses/${pilot}/pilot`, { version: c.version, isPilot: true, observerOrgIds: [p.id('-D1-G2'), p.id('-D2-G1')] });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().observers.map((o: { id: number }) => o.id).sort()).toEqual([p.id('-D1-G2'), p.id('-D2-G1')].sort());
    const lesson = 'Chuẩn bị kỹ chương trình, kịch bản điều hành; bầu trực tiếp bí thư tại đại hội; cắt giảm khách mời.';
    expect((await admin.post(`/api/congresses/${pilot}/lessons`, { text: lesson })).statusCode).toBe(201);
    const other = await getC(admin, congressOf('-D2-G2').id);
    expect(other.pilotLessons).toEqual([expect.objectContaining({ congressId: pilot, text: lesson, org: expect.objectContaining({ id: p.id('-D1-G1') }) })]);
    // Another level does not see them; a held congress no longer needs them.
    expect((await getC(admin, congressOf('-D2').id)).pilotLessons).toEqual([]);
    const id = congressOf('-D2-G2').id;
    await admin.patch(`/api/congresses/${id}`, { version: other.version, plannedStart: '2020-05-05' });
    await step(admin, id, 'held', { override: { reason: 'Nhập số liệu' } });
    expect((await getC(admin, id)).pilotLessons).toEqual([]);
  });

  it('assigns upper-level standing-committee members and shows their calendar with clashes', async () => {
    const { p, admin, adminS, campaign, congressOf } = await setup();
    const dir = await admin.post(`/api/campaigns/${campaign.id}/directors`, { orgId: p.id(''), fullName: 'Đồng chí Phạm Văn Thành', position: 'Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức' });
    expect(dir.statusCode, dir.body).toBe(201);
    const low = await admin.post(`/api/campaigns/${campaign.id}/directors`, { orgId: p.id('-D2'), fullName: 'Đồng chí Lê Thị Hoa', position: 'Ủy viên Ban Thường vụ Huyện ủy' });
    const a = congressOf('-D1').id;
    const b = congressOf('-D2').id;
    for (const [id, start] of [
      [a, '2020-07-20'],
      [b, '2020-07-21'],
    ] as const) {
      const c = await getC(admin, id);
      await admin.patch(`/api/congresses/${id}`, { version: c.version, plannedStart: start, plannedEnd: '2020-07-22' });
      const r = await put(adminS, `/api/congresses/${id}/assignments`, { assignments: [{ directorId: dir.json().id, duty: 'direct' }] });
      expect(r.statusCode, r.body).toBe(200);
    }
    // A district standing-committee member cannot direct the other district's congress.
    const wrong = await put(adminS, `/api/congresses/${a}/assignments`, { assignments: [{ directorId: low.json().id, duty: 'attend' }] });
    expect(wrong.json().error.code).toBe('DIRECTOR_NOT_UPPER_LEVEL');
    const c = await getC(admin, a);
    expect(c.assignments[0]).toMatchObject({ fullName: 'Đồng chí Phạm Văn Thành', duty: 'direct', clashes: [expect.objectContaining({ congressId: b })] });
    const cal = (await admin.get(`/api/campaigns/${campaign.id}/directors/${dir.json().id}/calendar`)).json();
    expect(cal.items.map((x: { congress: { id: number }; clash: boolean }) => [x.congress.id, x.clash])).toEqual([
      [a, true],
      [b, true],
    ]);
  });

  it('ticks the safety checklist per session only when the epidemic plan is active', async () => {
    const off = await setup();
    const x = off.congressOf('-D1').id;
    const refused = await off.admin.post(`/api/congresses/${x}/sessions`, { label: 'Phiên trù bị', date: '2020-07-20', kind: 'preparatory' });
    expect(refused.json().error.code).toBe('EPIDEMIC_PLAN_INACTIVE');
    const { admin, adminS, congressOf } = await setup({ epidemic: true });
    const id = congressOf('-D1').id;
    const c = await getC(admin, id);
    await admin.patch(`/api/congresses/${id}`, { version: c.version, plannedStart: '2020-07-20', plannedEnd: '2020-07-22', durationDays: 2.5, preparatoryDays: 0.5 });
    const outside = await admin.post(`/api/congresses/${id}/sessions`, { label: 'Phiên trù bị', date: '2020-07-19', kind: 'preparatory' });
    expect(outside.json().error.code).toBe('CONGRESS_DATES_INVALID');
    const s = await admin.post(`/api/congresses/${id}/sessions`, { label: 'Phiên trù bị', date: '2020-07-20', kind: 'preparatory' });
    expect(s.statusCode, s.body).toBe(201);
    const sid = s.json().sessions[0].id;
    const bad = await put(adminS, `/api/congresses/${id}/sessions/${sid}/safety`, { checks: { lunch: true } });
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const half = await put(adminS, `/api/congresses/${id}/sessions/${sid}/safety`, { checks: { masks: true } });
    expect(half.json().sessions[0]).toMatchObject({ checks: { masks: true }, allChecked: false });
    const all = await put(adminS, `/api/congresses/${id}/sessions/${sid}/safety`, { checks: { disinfection: true }, note: 'Đã phun khử khuẩn hội trường' });
    expect(all.json().sessions[0]).toMatchObject({ allChecked: true, note: 'Đã phun khử khuẩn hội trường' });
    expect(all.json().safetyMeasures).toHaveLength(2);
  });

  it('"Dân tin, Đảng cử": village-head elections on cells and the provincial figure', async () => {
    const { p, adminS, admin, campaign, congressOf } = await setup();
    const cells = ['-D1-G1-C1', '-D1-G1-C2', '-D2-G1-C1'];
    for (const [i, key] of cells.entries()) {
      const r = await put(adminS, `/api/congresses/${congressOf(key).id}/village-election`, {
        electionDate: '2020-01-05',
        villageName: `Thôn ${i + 1}`,
        voters: 400,
        votesForHead: 388,
        headName: 'Hoàng Văn Dũng',
        headIsSecretary: i !== 2,
      });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().villageElection).toMatchObject({ pct: 97, pctText: '97,00%' });
    }
    const notCell = await put(adminS, `/api/congresses/${congressOf('-D1-G1').id}/village-election`, { electionDate: '2020-01-05', villageName: 'x', voters: 10, votesForHead: 5, headName: 'Ab', headIsSecretary: true });
    expect(notCell.json().error.code).toBe('CONGRESS_NOT_A_CELL');
    const tooMany = await put(adminS, `/api/congresses/${congressOf('-D1-G2-C1').id}/village-election`, { electionDate: '2020-01-05', villageName: 'x', voters: 10, votesForHead: 11, headName: 'Ab', headIsSecretary: true });
    expect(tooMany.json().error.details[0].field).toBe('votesForHead');
    const d = (await admin.get(`/api/campaigns/${campaign.id}/dashboard`)).json();
    expect(d.totals.trustedByPeople).toEqual({ cells: 3, secretaryIsHead: 2, pct: 66.67, pctText: '66,67%' });
    const dd = (await admin.get(`/api/campaigns/${campaign.id}/dashboard?orgId=${p.id('-D1')}`)).json();
    expect(dd.totals.trustedByPeople.pct).toBe(100);
    expect(dd.campaignTrustedByPeople.pctText).toBe('66,67%');
  });

  it('exports dashboard views to Excel with Vietnamese headers and number formats', async () => {
    const { admin, campaign, congressOf } = await setup();
    const id = congressOf('-D1-G1').id;
    const c = await getC(admin, id);
    await admin.patch(`/api/congresses/${id}`, { version: c.version, plannedStart: '2020-05-08', plannedEnd: '2020-05-09' });
    await step(admin, id, 'held', { override: { reason: 'Nhập số liệu' } });
    const res = await admin.get(`/api/campaigns/${campaign.id}/export?asOf=2020-06-15`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Theo cấp', 'Đơn vị trực thuộc', 'Tiến độ']);
    const ws = wb.getWorksheet('Theo cấp')!;
    expect(String(ws.getCell('A2').value)).toBe('Số liệu tính đến ngày 15/06/2020');
    expect(ws.getRow(3).getCell(2).value).toBe('Tổng số đại hội');
    const grassroots = ws.getRow(4 + 2);
    expect(grassroots.getCell(1).value).toBe('Cấp cơ sở');
    expect(grassroots.getCell(3).value).toBe(1);
    expect(grassroots.getCell(4).numFmt).toBe('0.00%');
    expect(grassroots.getCell(4).value).toBe(0.25);
    expect(grassroots.getCell(6).numFmt).toBe('dd/mm/yyyy');
    const list = await admin.get(`/api/campaigns/${campaign.id}/export?view=congresses`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(list.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets[0]!.rowCount).toBe(3 + 15);
  });

  it('sends a live event to connected dashboards on a status change, only inside their subtree', async () => {
    const { p, admin, campaign, congressOf } = await setup();
    const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (ctx.app.server.address() as AddressInfo).port;
    expect(address).toContain(String(port));
    const d2S = await signedIn(ctx.app, ctx.services, 'viewer', p.id('-D2'));
    const rootS = await signedIn(ctx.app, ctx.services, 'viewer', p.id(''));
    const listen = (s: Session) => {
      const got: { at: number; data: string }[] = [];
      const req = http.get({ host: '127.0.0.1', port, path: `/api/campaigns/${campaign.id}/events`, headers: { cookie: s.cookie } }, (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          for (const part of chunk.split('\n\n')) if (part.startsWith('event: changed')) got.push({ at: Date.now(), data: part });
        });
      });
      return { got, close: () => req.destroy() };
    };
    const root = listen(rootS);
    const d2 = listen(d2S);
    await new Promise((r) => setTimeout(r, 150));
    const id = congressOf('-D1-G1').id;
    const c = await getC(admin, id);
    await admin.post(`/api/congresses/${id}/transition`, { version: c.version, to: 'documentsReady' });
    // Delivery time is measured by `npm run bench -- campaigns`; here only that it arrives, and where.
    for (let i = 0; i < 250 && root.got.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(root.got).toHaveLength(1);
    expect(JSON.parse(root.got[0]!.data.split('data: ')[1]!)).toEqual({ congressIds: [id], count: 1 });
    await new Promise((r) => setTimeout(r, 300));
    expect(d2.got).toHaveLength(0);
    root.close();
    d2.close();
  });

  it('edits the campaign: levels out of order are refused; a new deadline re-evaluates every congress', async () => {
    const { admin, campaign, congressOf } = await setup();
    const id = congressOf('-D2-G1').id;
    const c = await getC(admin, id);
    expect((await admin.patch(`/api/congresses/${id}`, { version: c.version, plannedStart: '2020-05-07', plannedEnd: '2020-05-08' })).statusCode).toBe(200);
    const bad = await admin.patch(`/api/campaigns/${campaign.id}`, { version: campaign.version, levels: [{ level: 3, centralDeadline: '2020-06-30', provincialTarget: '2020-07-15', windowStart: null, maxDays: 2, maxPreparatoryDays: null }] });
    expect([bad.statusCode, bad.json().error.code]).toEqual([422, 'CAMPAIGN_INVALID']);
    expect(bad.json().error.message).toContain('mốc phấn đấu 15/07/2020 sau thời hạn của Trung ương 30/06/2020');
    expect(bad.json().error.details).toEqual([expect.objectContaining({ field: 'levels.3', code: 'LEVEL_DATES_OUT_OF_ORDER' })]);
    expect((await admin.get(`/api/campaigns/${campaign.id}`)).json().version).toBe(campaign.version);
    const ok = await admin.patch(`/api/campaigns/${campaign.id}`, { version: campaign.version, levels: [{ level: 3, centralDeadline: '2020-05-05', provincialTarget: null, windowStart: '2020-04-01', maxDays: 2, maxPreparatoryDays: null }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().levels.find((l: { level: number }) => l.level === 3).centralDeadline).toBe('2020-05-05');
    const after = await getC(admin, id);
    // Read time adds the overdue notice (today is 15/6/2020, no notice recorded); only the deadline is stored.
    expect(after.warnings.map((w: { code: string }) => w.code)).toEqual(['DEADLINE_MISSED', 'NOTICE_OVERDUE']);
    const d = (await admin.get(`/api/campaigns/${campaign.id}/dashboard`)).json();
    expect(d.levels.find((l: { level: number }) => l.level === 3).warned).toBe(1);
    const audit = await t.db.query<{ summary: string }>(`SELECT summary FROM audit_log WHERE action = 'campaign.updated' AND entity_id = $1`, [String(campaign.id)]);
    expect(audit.rows[0]!.summary).toContain('1 đại hội đổi cảnh báo');
  });

  it('follows the tree: a moved unit takes its counters; sync adds new units and cancels closed ones', async () => {
    const { p, admin, campaign, congressOf } = await setup();
    const g = (await admin.get(`/api/orgs/${p.id('-D1-G2')}`)).json();
    expect((await admin.post(`/api/orgs/${g.id}/move`, { version: g.version, newParentId: p.id('-D2') })).statusCode).toBe(200);
    const d = (await admin.get(`/api/campaigns/${campaign.id}/dashboard`)).json();
    const total = (key: string) => d.children.find((k: { org: { id: number } }) => k.org.id === p.id(key)).total;
    expect([total('-D1'), total('-D2')]).toEqual([1 + 1 + 2, 1 + 3 + 6]);
    const fresh = await admin.post('/api/orgs', { code: `${p.prefix}-NEW`, name: 'Đảng bộ xã Mới Lập', parentId: p.id('-D1'), typeCode: 'grassrootsCommittee', kindCode: 'territorial' });
    const closeMe = (await admin.get(`/api/orgs/${p.id('-D1-G1-C2')}`)).json();
    expect((await admin.post(`/api/orgs/${closeMe.id}/close`, { version: closeMe.version, date: '2020-02-01', reason: 'Sáp nhập thôn' })).statusCode).toBe(200);
    const s = await admin.post(`/api/campaigns/${campaign.id}/sync`);
    expect(s.json()).toEqual({ added: 1, cancelled: 1 });
    expect((await getC(admin, congressOf('-D1-G1-C2').id)).status).toBe('cancelled');
    const list = (await admin.get(`/api/campaigns/${campaign.id}/congresses?orgId=${p.id('-D1')}&limit=100`)).json();
    expect(list.items.some((x: { org: { id: number } }) => x.org.id === fresh.json().id)).toBe(true);
  });
});
