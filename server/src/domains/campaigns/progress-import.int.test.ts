import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testEngines, type TestDb } from '../../../../test/support/db.ts';
import { as, buildProvince, manualClock, type Session, signedIn } from '../../../../test/support/app.ts';
import { campaignsTestApp } from './campaigns-test-app.ts';

type Ctx = Awaited<ReturnType<typeof campaignsTestApp>>;

function multipart(fileName: string, bytes: Buffer) {
  const boundary = `----daihoi${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`, 'utf8');
  return { payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe.each(testEngines)('importing progress from Excel on %s', (engine) => {
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

  const upload = (s: Session, url: string, bytes: Buffer, name = 'tien-do.xlsx') => {
    const m = multipart(name, bytes);
    return ctx.app.inject({ method: 'POST', url, payload: m.payload, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': m.contentType } });
  };
  /** Edits the template the way a user does in Excel: by organization code, column by header. */
  async function edit(template: Buffer, changes: Record<string, Record<string, string | Date>>) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(3).values as unknown[]).map((v) => String(v ?? ''));
    ws.eachRow((row, n) => {
      if (n <= 3) return;
      const code = String(row.getCell(1).value);
      for (const [col, v] of Object.entries(changes[code] ?? {})) row.getCell(header.indexOf(col)).value = v;
    });
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('previews with per-row errors in Vietnamese, writes nothing, then applies a clean file in one go', async () => {
    const p = await buildProvince(t.db, { districts: 2, grassroots: 2, cells: 1 });
    const districtS = await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D1'));
    const adminS = await signedIn(ctx.app, ctx.services, 'admin', p.id(''));
    const admin = as(ctx.app, adminS);
    const campaign = (await admin.post('/api/campaigns', { name: 'Nhiệm kỳ 2020–2025', preset: 'CT35-2019', rootOrgId: p.id('') })).json();
    const district = as(ctx.app, districtS);
    const tpl = await district.get(`/api/campaigns/${campaign.id}/progress-import/template`);
    expect(tpl.statusCode).toBe(200);
    expect(tpl.headers['content-disposition']).toContain('.xlsx');
    const code = (key: string) => `${p.prefix}${key}`;
    const bad = await edit(tpl.rawPayload, {
      [code('-D1-G1')]: { 'Trạng thái': 'Đã tổ chức', 'Ngày bắt đầu': '12/05/2020', 'Ngày kết thúc': '31/02/2020' },
      [code('-D1-G2')]: { 'Trạng thái': 'Đã tổ chức', 'Ngày bắt đầu': '12/05/2020' },
      [code('-D1-G1-C1')]: { 'Trạng thái': 'Hoàn thành' },
    });
    const pv = await upload(districtS, `/api/campaigns/${campaign.id}/progress-import/preview`, bad);
    expect(pv.statusCode, pv.body).toBe(200);
    const messages = pv.json().issues.map((i: { message: string }) => i.message);
    expect(messages).toContain('Dòng 5, cột "Ngày kết thúc": "31/02/2020" không phải ngày hợp lệ (dd/mm/yyyy).');
    expect(messages.some((m: string) => /^Dòng \d+, cột "Lý do ngoại lệ": đại hội chưa được cấp trên duyệt/.test(m))).toBe(true);
    expect(messages.some((m: string) => /^Dòng \d+, cột "Trạng thái": "Hoàn thành" không phải trạng thái/.test(m))).toBe(true);
    expect(pv.json().batchId).toBeNull();
    const still = (await admin.get(`/api/campaigns/${campaign.id}/congresses?limit=500`)).json().items;
    expect(still.every((c: { status: string }) => c.status === 'planned')).toBe(true);

    const good = await edit(tpl.rawPayload, {
      [code('-D1-G1')]: { 'Trạng thái': 'Đã tổ chức', 'Ngày bắt đầu': '12/05/2020', 'Ngày kết thúc': '13/05/2020', 'Lý do ngoại lệ': 'Đã duyệt bằng văn bản trước khi dùng hệ thống' },
      [code('-D1-G2')]: { 'Trạng thái': 'Đã chuẩn bị xong văn kiện', 'Ngày bắt đầu': new Date(Date.UTC(2020, 5, 25)), 'Ngày thông báo': '12/05/2020' },
    });
    const ok = (await upload(districtS, `/api/campaigns/${campaign.id}/progress-import/preview`, good)).json();
    expect(ok.issues).toEqual([]);
    expect(ok.changes.map((c: { to: string }) => c.to).sort()).toEqual(['Đã chuẩn bị xong văn kiện', 'Đã tổ chức']);
    expect(ok.unchanged).toBeGreaterThan(0);
    // Another district's organizer cannot apply this user's batch.
    const d2 = as(ctx.app, await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D2')));
    expect((await d2.post(`/api/campaigns/${campaign.id}/progress-import/${ok.batchId}/apply`)).json().error.code).toBe('IMPORT_BATCH_NOT_FOUND');
    const applied = await district.post(`/api/campaigns/${campaign.id}/progress-import/${ok.batchId}/apply`);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toEqual({ applied: 2 });
    const list = (await admin.get(`/api/campaigns/${campaign.id}/congresses?limit=500`)).json().items;
    const of = (key: string) => list.find((c: { org: { id: number } }) => c.org.id === p.id(key));
    expect(of('-D1-G1')).toMatchObject({ status: 'held', start: '2020-05-12', end: '2020-05-13' });
    expect(of('-D1-G2')).toMatchObject({ status: 'documentsReady', start: '2020-06-25' });
    const c = (await admin.get(`/api/congresses/${of('-D1-G1').id}`)).json();
    expect(c).toMatchObject({ heldOverride: true });
    expect(c.history.at(-1)).toMatchObject({ kind: 'imported', fromStatus: 'planned', toStatus: 'held', details: expect.objectContaining({ heldWithoutApproval: true }) });
    const d = (await admin.get(`/api/campaigns/${campaign.id}/dashboard`)).json();
    expect(d.levels.find((l: { level: number }) => l.level === 3)).toMatchObject({ held: 1 });
    expect((await district.post(`/api/campaigns/${campaign.id}/progress-import/${ok.batchId}/apply`)).json().error.code).toBe('IMPORT_BATCH_NOT_FOUND');
    const audit = await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'congress.imported' AND entity_id = $1`, [String(of('-D1-G1').id)]);
    expect(audit.rows).toHaveLength(1);
  });

  it('treats another subtree’s codes as unknown, refuses the upper level’s steps, and refuses a stale batch', async () => {
    const p = await buildProvince(t.db, { districts: 2, grassroots: 1, cells: 1 });
    const admin = as(ctx.app, await signedIn(ctx.app, ctx.services, 'admin', p.id('')));
    const campaign = (await admin.post('/api/campaigns', { name: 'Nhiệm kỳ 2020–2025', preset: 'CT35-2019', rootOrgId: p.id('') })).json();
    const d1S = await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D1'));
    const adminS = await signedIn(ctx.app, ctx.services, 'admin', p.id(''));
    const tpl = (await as(ctx.app, adminS).get(`/api/campaigns/${campaign.id}/progress-import/template`)).rawPayload;
    const file = await edit(tpl, {
      [`${p.prefix}-D2-G1`]: { 'Trạng thái': 'Đã chuẩn bị xong văn kiện' },
      [`${p.prefix}-D1`]: { 'Trạng thái': 'Cấp trên đã duyệt', 'Ngày bắt đầu': '20/07/2020', 'Ngày thông báo': '01/06/2020' },
    });
    const pv = (await upload(d1S, `/api/campaigns/${campaign.id}/progress-import/preview`, file)).json();
    expect(pv.issues.some((i: { message: string }) => i.message.includes(`mã "${p.prefix}-D2-G1"`))).toBe(true);
    expect(pv.issues.some((i: { code: string }) => i.code === 'CONGRESS_UPPER_LEVEL_ONLY')).toBe(true);
    expect(JSON.stringify(pv)).not.toContain('Số 2.1');
    // The province's admin imports it; someone edits a congress in between: nothing is written.
    const ok = (await upload(adminS, `/api/campaigns/${campaign.id}/progress-import/preview`, await edit(tpl, { [`${p.prefix}-D1-G1`]: { 'Trạng thái': 'Đã chuẩn bị xong văn kiện' }, [`${p.prefix}-D2-G1`]: { 'Trạng thái': 'Đã chuẩn bị xong văn kiện' } }))).json();
    expect(ok.issues).toEqual([]);
    const list = (await admin.get(`/api/campaigns/${campaign.id}/congresses?limit=500`)).json().items;
    const target = list.find((c: { org: { id: number } }) => c.org.id === p.id('-D2-G1'));
    const cur = (await admin.get(`/api/congresses/${target.id}`)).json();
    await admin.patch(`/api/congresses/${target.id}`, { version: cur.version, venue: 'Hội trường xã' });
    const stale = await as(ctx.app, adminS).post(`/api/campaigns/${campaign.id}/progress-import/${ok.batchId}/apply`);
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'VERSION_CONFLICT']);
    const after = (await admin.get(`/api/campaigns/${campaign.id}/congresses?limit=500`)).json().items;
    expect(after.every((c: { status: string }) => c.status === 'planned')).toBe(true);
    const notXlsx = await upload(adminS, `/api/campaigns/${campaign.id}/progress-import/preview`, Buffer.from('a,b'), 'tien-do.csv');
    expect([notXlsx.statusCode, notXlsx.json().error.code]).toEqual([422, 'IMPORT_FILE_INVALID']);
    const broken = await upload(adminS, `/api/campaigns/${campaign.id}/progress-import/preview`, Buffer.from('PK not really'));
    expect(broken.json().error.code).toBe('IMPORT_FILE_INVALID');
  });
});
