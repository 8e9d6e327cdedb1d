import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testEngines, type TestDb } from '../../../../test/support/db.ts';
import { as, buildProvince, manualClock, signedIn } from '../../../../test/support/app.ts';
import { campaignsTestApp } from './campaigns-test-app.ts';
import type { Actor } from '../../platform/audit/audit.ts';
import { createCampaignEvents } from './campaigns.events.ts';
import { createCampaignsService } from './campaigns.service.ts';
import type { ApprovalCheckSource } from './approval-checklist.ts';

type Ctx = Awaited<ReturnType<typeof campaignsTestApp>>;
type Api = ReturnType<typeof as>;

describe.each(testEngines)('congress approval checklist on %s', (engine) => {
  let t: TestDb;
  let ctx: Ctx;
  const clock = manualClock(new Date('2020-06-15T03:00:00Z'));
  beforeAll(async () => {
    t = await openTestDb(engine);
    ctx = await campaignsTestApp(t.db, clock);
  });
  afterAll(async () => {
    await ctx.app.close();
    await t.cleanup();
  });

  async function setup(opts: { epidemic?: boolean } = {}) {
    const p = await buildProvince(t.db, { districts: 2, grassroots: 2, cells: 1 });
    const adminS = await signedIn(ctx.app, ctx.services, 'admin', p.id(''));
    const admin = as(ctx.app, adminS);
    const res = await admin.post('/api/campaigns', {
      name: 'Nhiệm kỳ 2020–2025',
      preset: 'CT35-2019',
      rootOrgId: p.id(''),
      ...(opts.epidemic ? { settings: { epidemicPlan: { active: true, measures: [{ code: 'masks', label: 'Đeo khẩu trang' }] } } } : {}),
    });
    expect(res.statusCode, res.body).toBe(201);
    const campaign = res.json();
    const list = (await admin.get(`/api/campaigns/${campaign.id}/congresses?limit=500`)).json();
    const congressOf = (key: string) => (list.items.find((c: { org: { id: number } }) => c.org.id === p.id(key)) as { id: number }).id;
    return { p, admin, adminS, campaign, congressOf };
  }
  const getC = async (api: Api, id: number) => (await api.get(`/api/congresses/${id}`)).json();
  const step = async (api: Api, id: number, to: string, extra: Record<string, unknown> = {}) => {
    const c = await getC(api, id);
    return api.post(`/api/congresses/${id}/transition`, { version: c.version, to, ...extra });
  };
  /** The district congress made ready for approval but for the items a test leaves open. */
  async function prepare(api: Api, id: number, plan: Record<string, unknown>) {
    const c = await getC(api, id);
    const r = await api.patch(`/api/congresses/${id}`, { version: c.version, plannedStart: '2020-07-20', plannedEnd: '2020-07-22', ...plan });
    expect(r.statusCode, r.body).toBe(200);
    expect((await step(api, id, 'documentsReady')).statusCode).toBe(200);
    expect((await step(api, id, 'personnelReady')).statusCode).toBe(200);
  }
  const keysOpen = (list: { items: { key: string; ok: boolean; blocking: boolean }[] }) => list.items.filter((i) => i.blocking && !i.ok).map((i) => i.key);

  it('refuses the approval while the notice is missing, changes nothing, and approves once it is recorded', async () => {
    const { p, admin, congressOf } = await setup();
    const district = as(ctx.app, await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D1')));
    const id = congressOf('-D1');
    await prepare(district, id, {});
    const list = (await district.get(`/api/congresses/${id}/approval-checklist`)).json();
    expect(list).toMatchObject({ congressId: id, ready: false, open: 1, canApprove: false });
    expect(list.items.map((i: { key: string }) => i.key)).toEqual(['dates', 'notice', 'pilotLessons']);
    expect(list.items.find((i: { key: string }) => i.key === 'notice').detail).toContain('hạn chậm nhất');
    expect((await admin.get(`/api/congresses/${id}/approval-checklist`)).json().canApprove).toBe(true);
    const before = await getC(admin, id);
    const refused = await step(admin, id, 'approved');
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'CONGRESS_APPROVAL_CHECKLIST_OPEN']);
    expect(refused.json().error.message).toContain('Đã thông báo ngày khai mạc');
    expect(refused.json().error.details).toEqual([expect.objectContaining({ field: 'checklist.campaigns.notice', code: 'notice' })]);
    const after = await getC(admin, id);
    expect([after.status, after.version]).toEqual(['personnelReady', before.version]);
    await district.patch(`/api/congresses/${id}`, { version: after.version, noticeDate: '2020-06-01' });
    expect((await district.get(`/api/congresses/${id}/approval-checklist`)).json()).toMatchObject({ ready: true, open: 0 });
    const ok = await step(admin, id, 'approved', { decisionRef: 'TB 125-TB/TU' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().history.at(-1).details.checklistOverride).toBeUndefined();
  });

  it('asks a non-pilot to read the pilots’ lessons of its level, again after a new lesson', async () => {
    const { admin, adminS, congressOf } = await setup();
    const pilot = congressOf('-D1-G1');
    const c = await getC(admin, pilot);
    await ctx.app.inject({ method: 'PUT', url: `/api/congresses/${pilot}/pilot`, payload: { version: c.version, isPilot: true, observerOrgIds: [] }, headers: { cookie: adminS.cookie, 'x-csrf-token': adminS.csrf } });
    expect((await admin.post(`/api/congresses/${pilot}/lessons`, { text: 'Cắt giảm khách mời, rút ngắn thời gian.' })).statusCode).toBe(201);
    const id = congressOf('-D2-G1');
    const open = (await admin.get(`/api/congresses/${id}/approval-checklist`)).json();
    expect(keysOpen(open)).toContain('pilotLessons');
    const read = await admin.post(`/api/congresses/${id}/pilot-lessons/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().items.find((i: { key: string }) => i.key === 'pilotLessons')).toMatchObject({ ok: true });
    expect((await getC(admin, id)).history.at(-1)).toMatchObject({ kind: 'lessonsRead', details: { lessons: 1 } });
    await admin.post(`/api/congresses/${pilot}/lessons`, { text: 'Bầu trực tiếp bí thư tại đại hội.' });
    const again = (await admin.get(`/api/congresses/${id}/approval-checklist`)).json();
    expect(again.items.find((i: { key: string }) => i.key === 'pilotLessons')).toMatchObject({ ok: false, detail: 'Có 1 bài học mới từ sau lần xác nhận trước.' });
    // The pilot itself has no such item, and another level has no lesson to read.
    expect((await admin.get(`/api/congresses/${pilot}/approval-checklist`)).json().items.map((i: { key: string }) => i.key)).not.toContain('pilotLessons');
    const noLessons = await admin.post(`/api/congresses/${congressOf('-D1')}/pilot-lessons/read`);
    expect(noLessons.json().error.code).toBe('NOT_FOUND');
    const audit = await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'congress.lessonsRead' AND entity_id = $1`, [String(id)]);
    expect(audit.rows).toHaveLength(1);
  });

  it('needs a session plan where the epidemic plan is active; an override with a reason approves and is recorded', async () => {
    const { admin, congressOf } = await setup({ epidemic: true });
    const id = congressOf('-D1');
    await prepare(admin, id, { noticeDate: '2020-06-01' });
    expect(keysOpen((await admin.get(`/api/congresses/${id}/approval-checklist`)).json())).toEqual(['safetyPlan']);
    const blank = await step(admin, id, 'approved', { override: { reason: '   ' } });
    expect(blank.json().error.code).toBe('CONGRESS_APPROVAL_CHECKLIST_OPEN');
    const ok = await step(admin, id, 'approved', { override: { reason: 'Phương án phòng dịch đã gửi bằng văn bản, chưa nhập' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().history.at(-1).details.checklistOverride).toEqual({
      reason: 'Phương án phòng dịch đã gửi bằng văn bản, chưa nhập',
      items: [expect.objectContaining({ source: 'campaigns', key: 'safetyPlan' })],
    });
    const audit = await t.db.query<{ summary: string }>(`SELECT summary FROM audit_log WHERE action = 'congress.status' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [String(id)]);
    expect(audit.rows[0]!.summary).toContain('1 mục điều kiện duyệt chưa đạt');
    // With an official session planned the item is satisfied.
    const other = congressOf('-D2');
    await prepare(admin, other, { noticeDate: '2020-06-01' });
    await admin.post(`/api/congresses/${other}/sessions`, { label: 'Phiên chính thức', date: '2020-07-21', kind: 'official' });
    expect((await admin.get(`/api/congresses/${other}/approval-checklist`)).json().ready).toBe(true);
  });

  it('runs the sources other domains add, in the approval’s transaction', async () => {
    const { p, admin, congressOf, campaign } = await setup();
    const id = congressOf('-D1');
    await prepare(admin, id, { noticeDate: '2020-06-01' });
    const seen: { id: number; orgId: number; campaignId: number }[] = [];
    const personnel: ApprovalCheckSource = async (q, ref) => {
      seen.push(ref);
      const r = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM congress_sessions WHERE congress_id = $1`, [ref.id]);
      return [{ source: 'personnel', key: 'committeePlan', label: 'Đề án nhân sự cấp ủy đã được cấp trên cho ý kiến', ok: r.rows[0]!.n > 99, detail: 'Chưa có ý kiến.', blocking: true }];
    };
    const svc = createCampaignsService({ db: t.db, clock, events: createCampaignEvents(), approvalChecks: [personnel] });
    const path = (await t.db.query<{ path: string }>(`SELECT path::text AS path FROM organizations WHERE id = $1`, [p.id('')])).rows[0]!.path;
    const actor: Actor = { userId: 0, username: 'bt.tinh', role: 'admin', scopeOrgId: p.id(''), scopePath: path };
    const list = await svc.approvalChecklist(actor, id);
    expect(list.items.map((i) => `${i.source}.${i.key}`)).toEqual(['campaigns.dates', 'campaigns.notice', 'campaigns.pilotLessons', 'personnel.committeePlan']);
    expect(seen[0]).toEqual({ id, orgId: p.id('-D1'), campaignId: campaign.id });
    const c = await svc.getCongress(actor, id);
    await expect(svc.transition(actor, id, { version: c.version, to: 'approved' })).rejects.toMatchObject({ code: 'CONGRESS_APPROVAL_CHECKLIST_OPEN', details: [expect.objectContaining({ field: 'checklist.personnel.committeePlan' })] });
  });

  it('keeps another district out: no checklist, no confirmation', async () => {
    const { p, congressOf } = await setup();
    const d2 = as(ctx.app, await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D2')));
    const id = congressOf('-D1-G1');
    const r = await d2.get(`/api/congresses/${id}/approval-checklist`);
    expect([r.statusCode, r.json().error.code]).toEqual([403, 'ORG_OUT_OF_SCOPE']);
    expect(r.body).not.toContain('Số 1.1');
    const w = await d2.post(`/api/congresses/${id}/pilot-lessons/read`);
    expect([w.statusCode, w.json().error.code]).toEqual([403, 'ORG_OUT_OF_SCOPE']);
    const viewer = as(ctx.app, await signedIn(ctx.app, ctx.services, 'viewer', p.id('')));
    expect((await viewer.post(`/api/congresses/${id}/pilot-lessons/read`)).json().error.code).toBe('FORBIDDEN_ROLE');
  });
});
