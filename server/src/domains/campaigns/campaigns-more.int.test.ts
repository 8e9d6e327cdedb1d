import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testEngines, type TestDb } from '../../../../test/support/db.ts';
import { as, buildProvince, manualClock, type Session, signedIn, multipartFile as multipart } from '../../../../test/support/app.ts';
import { campaignsTestApp } from './campaigns-test-app.ts';

type Ctx = Awaited<ReturnType<typeof campaignsTestApp>>;
type Api = ReturnType<typeof as>;


describe.each(testEngines)('campaigns: directors, per-type durations, lesson files on %s', (engine) => {
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

  async function setup() {
    const p = await buildProvince(t.db, { districts: 2, grassroots: 2, cells: 1 });
    const adminS = await signedIn(ctx.app, ctx.services, 'admin', p.id(''));
    const admin = as(ctx.app, adminS);
    const res = await admin.post('/api/campaigns', { name: 'Nhiệm kỳ 2025–2030', preset: 'CT45-2025', rootOrgId: p.id('') });
    expect(res.statusCode, res.body).toBe(201);
    const campaign = res.json();
    const list = (await admin.get(`/api/campaigns/${campaign.id}/congresses?limit=500`)).json();
    const congressOf = (key: string) => (list.items.find((c: { org: { id: number } }) => c.org.id === p.id(key)) as { id: number }).id;
    return { p, admin, adminS, campaign, congressOf };
  }
  const getC = async (api: Api, id: number) => (await api.get(`/api/congresses/${id}`)).json();
  const upload = (s: Session, url: string, fileName: string, bytes: Buffer) => {
    const m = multipart(fileName, bytes);
    return ctx.app.inject({ method: 'POST', url, payload: m.payload, headers: { ...m.headers, cookie: s.cookie, 'x-csrf-token': s.csrf } });
  };

  it('offers for a congress only the directors of a committee above it', async () => {
    const { p, admin, campaign, congressOf } = await setup();
    const prov = (await admin.post(`/api/campaigns/${campaign.id}/directors`, { orgId: p.id(''), fullName: 'Đồng chí Nguyễn Xuân Ký', position: 'Bí thư Tỉnh ủy' })).json();
    const d1 = (await admin.post(`/api/campaigns/${campaign.id}/directors`, { orgId: p.id('-D1'), fullName: 'Đồng chí Trần Văn Lâm', position: 'Phó Bí thư Thường trực Huyện ủy' })).json();
    const names = async (congress: number) => (await admin.get(`/api/campaigns/${campaign.id}/directors?forCongress=${congress}`)).json().map((d: { id: number }) => d.id);
    expect(await names(congressOf('-D1-G1'))).toEqual([prov.id, d1.id]);
    expect(await names(congressOf('-D2-G1'))).toEqual([prov.id]);
    expect(await names(congressOf('-D1'))).toEqual([prov.id]);
    // Another district's organizer neither lists for a congress outside their scope nor sees its directors.
    const d2 = as(ctx.app, await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D2')));
    const out = await d2.get(`/api/campaigns/${campaign.id}/directors?forCongress=${congressOf('-D1-G1')}`);
    expect([out.statusCode, out.json().error.code]).toEqual([403, 'ORG_OUT_OF_SCOPE']);
    expect((await d2.get(`/api/campaigns/${campaign.id}/directors`)).json().map((d: { id: number }) => d.id)).toEqual([prov.id]);
  });

  it('applies a type’s own maximum: a partial committee may take a day where a cell has half', async () => {
    const { p, admin, campaign } = await setup();
    const partial = (await admin.post('/api/orgs', { code: `${p.prefix}-PC`, name: 'Đảng bộ bộ phận Khu 3', parentId: p.id('-D1-G1'), typeCode: 'partialCommittee', kindCode: 'territorial' })).json();
    expect((await admin.post(`/api/campaigns/${campaign.id}/sync`)).statusCode).toBe(200);
    const list = (await admin.get(`/api/campaigns/${campaign.id}/congresses?limit=500`)).json();
    const pc = list.items.find((c: { org: { id: number } }) => c.org.id === partial.id).id;
    const cell = list.items.find((c: { org: { id: number } }) => c.org.id === p.id('-D1-G1-C1')).id;
    const plan = async (id: number) => {
      const c = await getC(admin, id);
      return admin.patch(`/api/congresses/${id}`, { version: c.version, plannedStart: '2025-02-10', plannedEnd: '2025-02-10', durationDays: 1, noticeDate: '2024-12-20' });
    };
    expect((await plan(pc)).statusCode).toBe(200);
    expect((await getC(admin, pc)).levelRule.maxDays).toBe(1);
    const over = await plan(cell);
    expect([over.statusCode, over.json().error.code]).toEqual([422, 'CONGRESS_RULE_WARNINGS']);
    expect(over.json().error.details.map((d: { code: string }) => d.code)).toEqual(['DURATION_OVER_LIMIT']);
  });

  it('attaches files to a pilot’s lesson; any reader of the campaign downloads them; another province cannot', async () => {
    const { p, admin, adminS, congressOf } = await setup();
    const pilot = congressOf('-D1-G1');
    const c = await getC(admin, pilot);
    await ctx.app.inject({ method: 'PUT', url: `/api/congresses/${pilot}/pilot`, payload: { version: c.version, isPilot: true, observerOrgIds: [] }, headers: { cookie: adminS.cookie, 'x-csrf-token': adminS.csrf } });
    const lessonId = (await admin.post(`/api/congresses/${pilot}/lessons`, { text: 'Rút kinh nghiệm khâu chuẩn bị nhân sự.' })).json().lessons[0].id;
    const pdf = Buffer.from('%PDF-1.4\nBiên bản rút kinh nghiệm đại hội điểm\n', 'utf8');
    const ok = await upload(adminS, `/api/congresses/${pilot}/lessons/${lessonId}/files`, 'Biên bản rút kinh nghiệm.pdf', pdf);
    expect(ok.statusCode, ok.body).toBe(201);
    const file = ok.json().lessons[0].files[0];
    expect(file).toMatchObject({ fileName: 'Biên bản rút kinh nghiệm.pdf', contentType: 'application/pdf', size: pdf.length });
    const exe = await upload(adminS, `/api/congresses/${pilot}/lessons/${lessonId}/files`, 'bai-hoc.pdf', Buffer.from([0x4d, 0x5a, 0x90, 0x00]));
    expect([exe.statusCode, exe.json().error.code]).toEqual([415, 'FILE_TYPE_REFUSED']);
    expect((await getC(admin, pilot)).lessons[0].files).toHaveLength(1);
    // A district of the same campaign reads it from its own congress page and downloads it.
    const d2 = as(ctx.app, await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D2')));
    const other = await getC(d2, congressOf('-D2-G1'));
    expect(other.pilotLessons[0]).toMatchObject({ lessonId, files: [expect.objectContaining({ id: file.id })] });
    const dl = await d2.get(`/api/congresses/${pilot}/lessons/${lessonId}/files/${file.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    expect(dl.headers['content-disposition']).toContain("filename*=UTF-8''Bi%C3%AAn");
    // The district cannot attach to a congress outside its subtree; another province sees nothing.
    const d2S = await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D2'));
    const up = await upload(d2S, `/api/congresses/${pilot}/lessons/${lessonId}/files`, 'x.pdf', pdf);
    expect([up.statusCode, up.json().error.code]).toEqual([403, 'ORG_OUT_OF_SCOPE']);
    const q = await buildProvince(t.db, { districts: 1, grassroots: 1, cells: 1 });
    const stranger = as(ctx.app, await signedIn(ctx.app, ctx.services, 'admin', q.id('')));
    const no = await stranger.get(`/api/congresses/${pilot}/lessons/${lessonId}/files/${file.id}`);
    expect([no.statusCode, no.json().error.code]).toEqual([403, 'ORG_OUT_OF_SCOPE']);
    expect(no.body).not.toContain('Biên bản');
    const wrong = await d2.get(`/api/congresses/${pilot}/lessons/${lessonId}/files/${file.id + 1000}`);
    expect(wrong.json().error.code).toBe('FILE_NOT_FOUND');
    const audit = await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'congress.lessonFile' AND entity_id = $1`, [String(pilot)]);
    expect(audit.rows).toHaveLength(1);
  });
});
