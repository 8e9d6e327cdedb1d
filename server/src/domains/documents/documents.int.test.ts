import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testEngines, type TestDb } from '../../../../test/support/db.ts';
import { as, buildProvince, manualClock, type Session, signedIn, testApp } from '../../../../test/support/app.ts';

type Ctx = Awaited<ReturnType<typeof testApp>>;
type Api = ReturnType<typeof as>;

const DRAFT_V1 = [
  'BÁO CÁO CHÍNH TRỊ',
  'I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT NHIỆM KỲ 2015 – 2020',
  'Kinh tế tăng trưởng bình quân 9%/năm; đời sống nhân dân được nâng lên.',
  'Công tác xây dựng Đảng được chú trọng, tổ chức cơ sở đảng được củng cố.',
  'II. PHƯƠNG HƯỚNG NHIỆM KỲ 2020 – 2025',
  'Phát triển nhanh và bền vững, lấy con người làm trung tâm.',
].join('\n');
const DRAFT_V2 = [
  'BÁO CÁO CHÍNH TRỊ',
  'I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT NHIỆM KỲ 2015 – 2020',
  'Kinh tế tăng trưởng bình quân 10,6%/năm; đời sống nhân dân được nâng lên.',
  'Công tác xây dựng Đảng được chú trọng, tổ chức cơ sở đảng được củng cố.',
  'Chuyển đổi số được triển khai đồng bộ trong các cơ quan đảng.',
  'II. PHƯƠNG HƯỚNG NHIỆM KỲ 2020 – 2025',
  'Phát triển nhanh và bền vững, lấy con người làm trung tâm.',
].join('\n');

describe.each(testEngines)('documents and consultation on %s', (engine) => {
  let t: TestDb;
  let ctx: Ctx;
  const clock = manualClock(new Date('2020-05-15T03:00:00Z'));
  let p: Awaited<ReturnType<typeof buildProvince>>;
  let admin: Api;
  let adminS: Session;
  let d1: Api;
  let d2: Api;
  let d1Member: Api;
  let congressId: number;
  let d1CongressId: number;
  let docId: number;
  let consultationId: number;
  let publicToken: string;

  beforeAll(async () => {
    t = await openTestDb(engine);
    ctx = await testApp(t.db, clock);
    p = await buildProvince(t.db, { districts: 2, grassroots: 2, cells: 2 });
    adminS = await signedIn(ctx.app, ctx.services, 'admin', p.id(''));
    admin = as(ctx.app, adminS);
    d1 = as(ctx.app, await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D1')));
    d2 = as(ctx.app, await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D2')));
    d1Member = as(ctx.app, await signedIn(ctx.app, ctx.services, 'viewer', p.id('-D1-G1')));
    const res = await admin.post('/api/campaigns', { name: 'Đại hội đảng bộ các cấp nhiệm kỳ 2020–2025', preset: 'CT35-2019', rootOrgId: p.id('') });
    expect(res.statusCode, res.body).toBe(201);
    const list = (await admin.get(`/api/campaigns/${res.json().id}/congresses?limit=500`)).json();
    const congressOf = (key: string) => list.items.find((c: { org: { id: number } }) => c.org.id === p.id(key)).id as number;
    congressId = congressOf('');
    d1CongressId = congressOf('-D1');
  });
  afterAll(async () => {
    await ctx.app.close();
    await t.cleanup();
  });

  const audit = async (action: string) => (await t.db.query<{ summary: string }>(`SELECT summary FROM audit_log WHERE action = $1 ORDER BY id`, [action])).rows.map((r) => r.summary);

  it('keeps versions of the political report with stable section keys, shows the difference, approves a version for the congress', async () => {
    const created = await admin.post(`/api/congresses/${congressId}/documents`, { docType: 'politicalReport', title: 'Báo cáo chính trị Đại hội XV' });
    expect(created.statusCode, created.body).toBe(201);
    docId = created.json().id;
    const v1 = await admin.post(`/api/documents/${docId}/versions`, { text: DRAFT_V1, note: 'Dự thảo lần 1' });
    expect(v1.statusCode, v1.body).toBe(201);
    expect(v1.json()).toMatchObject({ no: 1, sectionCount: 6 });
    const v2 = await admin.post(`/api/documents/${docId}/versions`, { text: DRAFT_V2 });
    expect(v2.json()).toMatchObject({ no: 2, sectionCount: 7 });

    const s1 = (await admin.get(`/api/documents/${docId}/versions/1`)).json().sections;
    const s2 = (await admin.get(`/api/documents/${docId}/versions/2`)).json().sections;
    expect(s1.map((s: { key: string }) => s.key)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    // The edited paragraph keeps s3; the new one gets s7; everything else keeps its key.
    expect(s2.map((s: { key: string }) => s.key)).toEqual(['s1', 's2', 's3', 's4', 's7', 's5', 's6']);
    expect(s2[0]).toMatchObject({ kind: 'heading', level: 1 });

    const diff = (await admin.get(`/api/documents/${docId}/diff?from=1&to=2`)).json();
    expect(diff.counts).toEqual({ changed: 1, added: 1, removed: 0, same: 5 });
    const changed = diff.sections.find((s: { key: string }) => s.key === 's3');
    expect(changed.ops).toContainEqual({ op: 'del', text: '9%/năm; ' });
    expect(changed.ops).toContainEqual({ op: 'add', text: '10,6%/năm; ' });

    const before = (await admin.get(`/api/congresses/${congressId}/approval-checklist`)).json();
    const item = (list: { items: { key: string; ok: boolean }[] }) => list.items.find((i) => i.key === 'documents.politicalReport');
    expect(item(before)?.ok).toBe(false);
    const doc = (await admin.get(`/api/documents/${docId}`)).json();
    const approved = await admin.post(`/api/documents/${docId}/approve`, { versionId: doc.versions[1].id, version: doc.version });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ approvedVersionId: doc.versions[1].id, approvedBy: adminS.username });
    expect(item((await admin.get(`/api/congresses/${congressId}/approval-checklist`)).json())?.ok).toBe(true);
    expect(await audit('document.approved')).toEqual([expect.stringContaining('Thông qua bản số 2')]);
    // A stale version number changes nothing.
    const stale = await admin.post(`/api/documents/${docId}/approve`, { versionId: doc.versions[0].id, version: doc.version });
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
  });

  it('reads a Word draft into sections', async () => {
    const d = await d1.post(`/api/congresses/${d1CongressId}/documents`, { docType: 'draftResolution', title: 'Dự thảo Nghị quyết Đại hội huyện' });
    expect(d.statusCode, d.body).toBe(201);
    const bytes = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph({ text: 'Mục tiêu tổng quát', heading: HeadingLevel.HEADING_1 }), new Paragraph('Xây dựng Đảng bộ huyện trong sạch, vững mạnh.')] }] }),
    );
    const boundary = '----daihoi';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nBản Word\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Dự thảo.docx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const d1S = await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D1'));
    const up = await ctx.app.inject({ method: 'POST', url: `/api/documents/${d.json().id}/versions/docx`, payload: body, headers: { cookie: d1S.cookie, 'x-csrf-token': d1S.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ no: 1, source: 'docx', sectionCount: 2, note: 'Bản Word' });
    const secs = (await d1.get(`/api/documents/${d.json().id}/versions/1`)).json().sections;
    expect(secs).toEqual([
      { key: 's1', kind: 'heading', level: 1, text: 'Mục tiêu tổng quát' },
      { key: 's2', kind: 'paragraph', level: 0, text: 'Xây dựng Đảng bộ huyện trong sạch, vững mạnh.' },
    ]);
    // A binary that is not a Word file is refused by content, not by its name.
    const junk = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.docx"\r\n\r\n`), Buffer.from([0, 1, 2, 3, 255, 254]), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const bad = await ctx.app.inject({ method: 'POST', url: `/api/documents/${d.json().id}/versions/docx`, payload: junk, headers: { cookie: d1S.cookie, 'x-csrf-token': d1S.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect([415, 422]).toContain(bad.statusCode);
    expect(['FILE_TYPE_REFUSED', 'DOCUMENT_FILE_INVALID']).toContain(bad.json().error.code);
  });

  it('keeps another subtree out: a district can neither read nor change the province’s or the other district’s documents', async () => {
    const read = await d2.get(`/api/documents/${docId}`);
    expect([read.statusCode, read.json().error.code]).toEqual([403, 'ORG_OUT_OF_SCOPE']);
    expect((await d2.get(`/api/congresses/${d1CongressId}/documents`)).json().error.code).toBe('ORG_OUT_OF_SCOPE');
    const write = await d2.post(`/api/documents/${docId}/versions`, { text: 'Sửa trộm' });
    expect([write.statusCode, write.json().error.code]).toEqual([403, 'ORG_OUT_OF_SCOPE']);
    expect((await d2.get(`/api/documents/${docId}/diff?from=1&to=2`)).statusCode).toBe(403);
    expect((await d1Member.post(`/api/congresses/${d1CongressId}/documents`, { docType: 'other', title: 'x' })).json().error.code).toBe('FORBIDDEN_ROLE');
    const options = (await d2.get(`/api/documents/congresses`)).json() as { org: { id: number } }[];
    expect(options.every((o) => o.org.id !== p.id('') && o.org.id !== p.id('-D1'))).toBe(true);
  });

  it('opens a consultation round; members, organizations and the public comment by section', async () => {
    const doc = (await admin.get(`/api/documents/${docId}`)).json();
    const res = await admin.post(`/api/documents/${docId}/consultations`, {
      versionId: doc.versions[1].id,
      title: 'Lấy ý kiến dự thảo Báo cáo chính trị',
      audienceOrgId: p.id(''),
      members: true,
      orgs: true,
      public: true,
      opensAt: '2020-05-15T00:00:00+07:00',
      closesAt: '2020-05-30T17:00:00+07:00',
    });
    expect(res.statusCode, res.body).toBe(201);
    consultationId = res.json().id;
    expect(res.json()).toMatchObject({ state: 'open', can: { manage: true } });
    publicToken = res.json().publicPath.split('/').pop();

    // A member of a grassroots committee, for their own unit.
    const m = await d1Member.post(`/api/consultations/${consultationId}/comments`, { sectionKey: 's3', body: 'Đề nghị nêu rõ nguyên nhân tăng trưởng cao.' });
    expect(m.statusCode, m.body).toBe(201);
    expect(m.json()).toMatchObject({ channel: 'member', authorOrg: { id: p.id('-D1-G1') } });
    // An organization, through its organizer.
    const o = await d1.post(`/api/consultations/${consultationId}/comments`, { sectionKey: 's3', body: 'Đảng bộ xã đề nghị bổ sung số liệu năm 2020.', asOrgId: p.id('-D1-G2') });
    expect(o.json()).toMatchObject({ channel: 'org', authorOrg: { id: p.id('-D1-G2') } });
    const outside = await d1.post(`/api/consultations/${consultationId}/comments`, { sectionKey: 's3', body: 'Thay mặt đơn vị khác.', asOrgId: p.id('-D2-G1') });
    expect(outside.json().error.code).toBe('ORG_OUT_OF_SCOPE');
    expect((await d1Member.post(`/api/consultations/${consultationId}/comments`, { sectionKey: 's99', body: 'Đoạn không có.' })).json().error.code).toBe('COMMENT_SECTION_UNKNOWN');
    const d2c = await d2.post(`/api/consultations/${consultationId}/comments`, { sectionKey: 's7', body: 'Huyện 2 đề nghị làm rõ lộ trình chuyển đổi số.' });
    expect(d2c.statusCode).toBe(201);
    expect(await audit('consultation.commented')).toHaveLength(3);
  });

  it('the public link: too fast, honeypot, flood from one address and duplicates are refused; scripts are stored as text', async () => {
    const view = await ctx.app.inject({ method: 'GET', url: `/api/public/consultations/${publicToken}` });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ state: 'open', documentTitle: 'Báo cáo chính trị Đại hội XV' });
    expect(view.json()).not.toHaveProperty('secret');
    const formToken = view.json().formToken as string;
    const send = (body: string, extra: Record<string, unknown> = {}, ip = '203.0.113.7') =>
      ctx.app.inject({ method: 'POST', url: `/api/public/consultations/${publicToken}/comments`, remoteAddress: ip, payload: { sectionKey: 's5', body, formToken, ...extra } });

    const fast = await send('Gửi ngay lập tức bằng máy.');
    expect([fast.statusCode, fast.json().error.code, fast.json().error.details[0].code]).toEqual([422, 'PUBLIC_COMMENT_REFUSED', 'tooFast']);
    clock.advance(30_000);
    const honey = await send('Một ý kiến có ô ẩn bị điền.', { website: 'http://spam.example' });
    expect(honey.json().error.details[0].code).toBe('honeypot');
    const forged = await send('Mã biểu mẫu giả mạo.', { formToken: `${Date.now()}.abc` });
    expect(forged.json().error.code).toBe('PUBLIC_COMMENT_REFUSED');

    const script = await send('<script>alert("xss")</script> Đề nghị giữ nguyên.', { name: 'Nguyễn Văn A', place: 'Hạ Long' });
    expect(script.statusCode, script.body).toBe(201);
    const formula = await send('=HYPERLINK("http://x.example","Bấm vào")+1 góp ý');
    expect(formula.statusCode).toBe(201);
    const dup = await send('<SCRIPT>alert("xss")</SCRIPT>   đề nghị giữ nguyên!!', {}, '198.51.100.9');
    expect([dup.statusCode, dup.json().error.code]).toEqual([409, 'COMMENT_DUPLICATE']);
    for (let i = 0; i < 3; i++) expect((await send(`Ý kiến số ${i + 3} về phương hướng nhiệm kỳ mới.`)).statusCode).toBe(201);
    // The sixth within ten minutes from the same address.
    const flood = await send('Ý kiến thứ sáu trong mười phút.');
    expect([flood.statusCode, flood.json().error.code]).toEqual([429, 'PUBLIC_COMMENT_RATE_LIMITED']);
    // Another address is not affected; the same one is again after the window.
    expect((await send('Một người khác ở địa chỉ khác.', {}, '198.51.100.10')).statusCode).toBe(201);
    clock.advance(11 * 60_000);
    expect((await send('Sau mười phút gửi tiếp một ý kiến.')).statusCode).toBe(201);

    const stored = await t.db.query<{ body: string; author_org_path: string; ip_hash: string }>(`SELECT body, author_org_path::text, ip_hash FROM consultation_comments WHERE id = $1`, [script.json().id]);
    expect(stored.rows[0]!.body).toBe('<script>alert("xss")</script> Đề nghị giữ nguyên.');
    expect(stored.rows[0]!.author_org_path).toBe(String(p.id('')));
    // Addresses are kept only as salted hashes.
    expect(stored.rows[0]!.ip_hash).not.toContain('203.0.113.7');
  });

  it('a closed round refuses clearly, for members and the public', async () => {
    const c = (await admin.get(`/api/consultations/${consultationId}`)).json();
    const closed = await admin.patch(`/api/consultations/${consultationId}`, { version: c.version, closeNow: true });
    expect(closed.json().state).toBe('closed');
    expect(await audit('consultation.closed')).toHaveLength(1);
    clock.advance(1000);
    const late = await d1Member.post(`/api/consultations/${consultationId}/comments`, { sectionKey: 's3', body: 'Gửi muộn sau khi kết thúc.' });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'CONSULTATION_CLOSED']);
    expect(late.json().error.message).toMatch(/đã kết thúc lúc \d\d:\d\d 15\/05\/2020, không nhận thêm ý kiến/);
    const view = (await ctx.app.inject({ method: 'GET', url: `/api/public/consultations/${publicToken}` })).json();
    expect(view.state).toBe('closed');
    const pub = await ctx.app.inject({ method: 'POST', url: `/api/public/consultations/${publicToken}/comments`, payload: { sectionKey: 's5', body: 'Gửi muộn qua đường dẫn.', formToken: view.formToken } });
    expect([pub.statusCode, pub.json().error.code]).toEqual([409, 'CONSULTATION_CLOSED']);
    expect((await d2.patch(`/api/consultations/${consultationId}`, { version: closed.json().version, closesAt: '2020-07-31T17:00:00+07:00' })).json().error.code).toBe('ORG_OUT_OF_SCOPE');
    // Reopened by extending the closing date (audited).
    const reopened = await admin.patch(`/api/consultations/${consultationId}`, { version: closed.json().version, closesAt: '2020-07-31T17:00:00+07:00' });
    expect(reopened.json().state).toBe('open');
    expect(await audit('consultation.updated')).toHaveLength(1);
  });

  it('ingests comments in bulk; the per-section counters equal a recount', async () => {
    const orgs = [p.id('-D1-G1'), p.id('-D1-G1-C1'), p.id('-D2-G2'), p.id('-D2')];
    const rows = Array.from({ length: 3000 }, (_, i) => ({ sectionKey: ['s3', 's5', 's7'][i % 3]!, body: `Ý kiến tổng hợp số ${i} về dự thảo.`, authorOrgId: orgs[i % orgs.length]! }));
    const res = await admin.post(`/api/consultations/${consultationId}/comments/batch`, { rows });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().inserted).toBe(3000);
    expect(await audit('consultation.commentsImported')).toEqual([expect.stringContaining('3.000 ý kiến')]);
    // A district cannot enter comments for the other district.
    const foreign = await d1.post(`/api/consultations/${consultationId}/comments/batch`, { rows: [{ sectionKey: 's3', body: 'x x x x x x', authorOrgId: p.id('-D2-G1') }] });
    expect(foreign.json().error.code).toBe('ORG_OUT_OF_SCOPE');
    const recount = await t.db.query(
      `SELECT section_key, channel, count(*)::int AS total, count(*) FILTER (WHERE status = 'visible')::int AS visible, count(*) FILTER (WHERE theme_id IS NOT NULL)::int AS themed
         FROM consultation_comments WHERE consultation_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
      [consultationId],
    );
    const kept = await t.db.query(`SELECT section_key, channel, total, visible, themed FROM consultation_section_counts WHERE consultation_id = $1 ORDER BY 1, 2`, [consultationId]);
    expect(kept.rows).toEqual(recount.rows);
  });

  it('moderation hides with a reason and merges duplicates, audited', async () => {
    const list = (await admin.get(`/api/consultations/${consultationId}/comments?sectionKey=s5&channel=public`)).json();
    const formula = list.items.find((c: { body: string }) => c.body.startsWith('=HYPERLINK'));
    const hidden = await admin.post(`/api/consultations/${consultationId}/comments/${formula.id}/hide`, { reason: 'Chứa đường dẫn quảng cáo' });
    expect(hidden.json()).toMatchObject({ status: 'hidden', hiddenReason: 'Chứa đường dẫn quảng cáo' });
    expect((await d2.post(`/api/consultations/${consultationId}/comments/${formula.id}/unhide`)).json().error.code).toBe('ORG_OUT_OF_SCOPE');
    const restored = await admin.post(`/api/consultations/${consultationId}/comments/${formula.id}/unhide`);
    expect(restored.json().status).toBe('visible');
    // Two organizations sent the same text.
    const twice = [p.id('-D1-G1'), p.id('-D1-G2')].map((authorOrgId) => ({ sectionKey: 's3', body: 'Đề nghị bổ sung giải pháp về nhân lực chất lượng cao.', authorOrgId }));
    await admin.post(`/api/consultations/${consultationId}/comments/batch`, { rows: twice });
    const merged = await admin.post(`/api/consultations/${consultationId}/merge-duplicates`);
    expect(merged.json().merged).toBe(1);
    const after = (await admin.get(`/api/consultations/${consultationId}/comments?status=merged`)).json();
    expect(after.items[0]).toMatchObject({ body: 'Đề nghị bổ sung giải pháp về nhân lực chất lượng cao.', status: 'merged' });
    expect(await audit('consultation.commentHidden')).toEqual([expect.stringContaining('Chứa đường dẫn quảng cáo')]);
    expect(await audit('consultation.duplicatesMerged')).toHaveLength(1);
  });

  it('synthesis: a district groups its comments, the province rolls them up with traceability; the other district sees none of it', async () => {
    // District 1 synthesizes section s3 for its subtree.
    const sec = (await d1.get(`/api/consultations/${consultationId}/synthesis/section?orgId=${p.id('-D1')}&sectionKey=s3&limit=200`)).json();
    expect(sec.org.id).toBe(p.id('-D1'));
    expect(sec.unthemed.items.every((c: { authorOrg: { id: number } | null }) => c.authorOrg && [p.id('-D1'), p.id('-D1-G1'), p.id('-D1-G2'), p.id('-D1-G1-C1')].includes(c.authorOrg.id))).toBe(true);
    const theme = await d1.post(`/api/consultations/${consultationId}/themes`, { orgId: p.id('-D1'), sectionKey: 's3', title: 'Làm rõ nguyên nhân tăng trưởng' });
    expect(theme.statusCode, theme.body).toBe(201);
    const picked = sec.unthemed.items.slice(0, 5).map((c: { id: number }) => c.id);
    expect((await d1.post(`/api/consultations/${consultationId}/assign`, { orgId: p.id('-D1'), commentIds: picked, themeId: theme.json().id })).json().assigned).toBe(5);
    const quoted = await ctx.app.inject({
      method: 'PUT',
      url: `/api/synthesis-themes/${theme.json().id}/quotes`,
      payload: { commentIds: picked.slice(0, 1) },
      headers: { cookie: (await d1SessionCookie()).cookie, 'x-csrf-token': (await d1SessionCookie()).csrf },
    });
    expect(quoted.statusCode, quoted.body).toBe(200);

    // District 2 sees none of district 1's synthesis and cannot change it.
    expect((await d2.get(`/api/consultations/${consultationId}/synthesis/section?orgId=${p.id('-D1')}&sectionKey=s3`)).json().error.code).toBe('ORG_OUT_OF_SCOPE');
    expect((await d2.get(`/api/consultations/${consultationId}/synthesis?orgId=${p.id('')}`)).json().error.code).toBe('ORG_OUT_OF_SCOPE');
    const d2sec = (await d2.get(`/api/consultations/${consultationId}/synthesis/section?sectionKey=s3&limit=200`)).json();
    expect(d2sec.org.id).toBe(p.id('-D2'));
    expect(d2sec.lowerThemes).toEqual([]);
    expect(d2sec.unthemed.items.some((c: { id: number }) => picked.includes(c.id))).toBe(false);
    const d2theme = await d2.post(`/api/consultations/${consultationId}/themes`, { orgId: p.id('-D2'), sectionKey: 's3', title: 'Nhóm huyện 2' });
    expect((await d2.post(`/api/consultations/${consultationId}/assign`, { orgId: p.id('-D2'), commentIds: picked, themeId: d2theme.json().id })).json().error.code).toBe('ORG_OUT_OF_SCOPE');
    expect((await d2.patch(`/api/synthesis-themes/${theme.json().id}`, { version: 1, title: 'Đổi tên trộm' })).json().error.code).toBe('ORG_OUT_OF_SCOPE');
    expect((await d2.get(`/api/synthesis-themes/${theme.json().id}/comments`)).json().error.code).toBe('ORG_OUT_OF_SCOPE');

    // The province: the district's theme is a lower theme; it rolls it into its own and answers.
    const prov = (await admin.get(`/api/consultations/${consultationId}/synthesis/section?sectionKey=s3`)).json();
    expect(prov.lowerThemes.map((x: { id: number; count: number }) => [x.id, x.count])).toContainEqual([theme.json().id, 5]);
    // The province cannot pull a comment out of the district's theme; it rolls the theme up instead.
    const pTheme = await admin.post(`/api/consultations/${consultationId}/themes`, { orgId: p.id(''), sectionKey: 's3', title: 'Về tăng trưởng kinh tế' });
    const steal = await admin.post(`/api/consultations/${consultationId}/assign`, { orgId: p.id(''), commentIds: picked.slice(0, 1), themeId: pTheme.json().id });
    expect(steal.json().error.details[0].code).toBe('THEMED_BELOW');
    const own = prov.unthemed.items.slice(0, 3).map((c: { id: number }) => c.id);
    await admin.post(`/api/consultations/${consultationId}/assign`, { orgId: p.id(''), commentIds: own, themeId: pTheme.json().id });
    const rolled = await admin.patch(`/api/synthesis-themes/${theme.json().id}`, { version: 1, parentId: pTheme.json().id });
    expect(rolled.statusCode, rolled.body).toBe(200);
    const answered = await admin.patch(`/api/synthesis-themes/${pTheme.json().id}`, { version: 1, response: 'accepted', responseText: 'Đã bổ sung phân tích nguyên nhân vào mục I.' });
    expect(answered.json()).toMatchObject({ count: 8, directCount: 3, response: 'accepted', children: [{ id: theme.json().id, count: 5 }] });
    // The district cannot undo the province's roll-up.
    expect((await d1.patch(`/api/synthesis-themes/${theme.json().id}`, { version: 2, parentId: null })).json().error.code).toBe('ORG_OUT_OF_SCOPE');
    const trace = (await admin.get(`/api/synthesis-themes/${pTheme.json().id}/comments`)).json();
    expect(trace.total).toBe(8);
    expect(trace.items.map((c: { id: number }) => c.id).sort()).toEqual([...picked, ...own].sort());
    const after = (await admin.get(`/api/consultations/${consultationId}/synthesis/section?sectionKey=s3`)).json();
    expect(after.lowerThemes.map((x: { id: number }) => x.id)).not.toContain(theme.json().id);
    expect(await audit('synthesis.themeUpdated')).toContainEqual(expect.stringContaining(`tổng hợp lên nhóm #${pTheme.json().id}`));
    const overview = (await admin.get(`/api/consultations/${consultationId}/synthesis`)).json();
    expect(overview.sections.find((s: { key: string }) => s.key === 's3')).toMatchObject({ themed: 8, themes: 3 });
  });

  let d1Session: Session | undefined;
  async function d1SessionCookie() {
    return (d1Session ??= await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D1')));
  }

  it('exports: script and formula text stays text in the XLSX and the DOCX', async () => {
    // Put the script comment into a province theme as a quote so it lands in the DOCX.
    const list = (await admin.get(`/api/consultations/${consultationId}/comments?sectionKey=s5&channel=public`)).json();
    const script = list.items.find((c: { body: string }) => c.body.startsWith('<script>'));
    const formula = list.items.find((c: { body: string }) => c.body.startsWith('=HYPERLINK'));
    const theme = await admin.post(`/api/consultations/${consultationId}/themes`, { orgId: p.id(''), sectionKey: 's5', title: 'Giữ nguyên phương hướng' });
    await admin.post(`/api/consultations/${consultationId}/assign`, { orgId: p.id(''), commentIds: [script.id, formula.id], themeId: theme.json().id });
    const q = await ctx.app.inject({ method: 'PUT', url: `/api/synthesis-themes/${theme.json().id}/quotes`, payload: { commentIds: [script.id, formula.id] }, headers: { cookie: adminS.cookie, 'x-csrf-token': adminS.csrf } });
    expect(q.statusCode, q.body).toBe(200);

    const x = await admin.get(`/api/consultations/${consultationId}/comments.xlsx`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-disposition']).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const cells: unknown[] = [];
    wb.worksheets[0]!.eachRow((r) => cells.push(...(r.values as unknown[])));
    expect(cells).toContain('=HYPERLINK("http://x.example","Bấm vào")+1 góp ý');
    expect(cells).toContain('<script>alert("xss")</script> Đề nghị giữ nguyên.');
    const zip = await JSZip.loadAsync(x.rawPayload);
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).not.toContain('<f>');

    const d = await admin.get(`/api/consultations/${consultationId}/synthesis.docx`);
    expect(d.statusCode).toBe(200);
    const docXml = await (await JSZip.loadAsync(d.rawPayload)).file('word/document.xml')!.async('string');
    expect(docXml).toContain('&lt;script&gt;alert(');
    expect(docXml).not.toContain('<script>');
    expect(docXml).toContain('=HYPERLINK(');
    expect(docXml).toContain('BÁO CÁO TỔNG HỢP Ý KIẾN GÓP Ý');
    expect(docXml).toContain('Tiếp thu');
    expect(docXml).toContain('Tổng hợp từ: Đảng bộ huyện Móng Cái');
    // A district's own synthesis export is limited to its subtree; the other district is refused.
    expect((await d1.get(`/api/consultations/${consultationId}/synthesis.docx?orgId=${p.id('-D1')}`)).statusCode).toBe(200);
    expect((await d2.get(`/api/consultations/${consultationId}/synthesis.docx?orgId=${p.id('-D1')}`)).json().error.code).toBe('ORG_OUT_OF_SCOPE');
  });
});
