import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testEngines, type TestDb } from '../../../../test/support/db.ts';
import { as, buildProvince, signedIn, testApp, multipartFile as multipart } from '../../../../test/support/app.ts';

async function xlsx(rows: (string | number | { formula: string } | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('To chuc');
  ws.addRow(['Mã', 'Tên tổ chức', 'Mã cấp trên', 'Loại tổ chức', 'Khối, loại hình', 'Đảng viên chính thức', 'Đảng viên dự bị', 'Ngày thành lập']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}


describe.each(testEngines)('organization tree on %s', (engine) => {
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
  const upload = async (s: { cookie: string; csrf: string }, name: string, data: Buffer) => {
    const m = multipart(name, data);
    return ctx.app.inject({ method: 'POST', url: '/api/orgs/import/preview', payload: m.payload, headers: { ...m.headers, cookie: s.cookie, 'x-csrf-token': s.csrf } });
  };

  it('creates, renames and lists children in Vietnamese order', async () => {
    const p = await buildProvince(t.db, { districts: 1, grassroots: 0 });
    const s = as(ctx.app, await signedIn(ctx.app, ctx.services, 'organizer', p.id('')));
    for (const name of ['Đảng bộ xã Yên Thanh', 'Đảng bộ xã Đông Mai', 'Đảng bộ xã Dương Huy', 'Đảng bộ xã Ấp Bắc']) {
      const r = await s.post('/api/orgs', { code: `${p.prefix}-${name.length}${Math.random().toString(36).slice(2, 6)}`, name, parentId: p.id('-D1'), typeCode: 'grassrootsCommittee', kindCode: 'territorial', fullMembers: 120, probationaryMembers: 3 });
      expect(r.statusCode).toBe(201);
    }
    const kids = (await s.get(`/api/orgs/${p.id('-D1')}/children`)).json() as { name: string; id: number; version: number }[];
    expect(kids.map((k) => k.name)).toEqual(['Đảng bộ xã Ấp Bắc', 'Đảng bộ xã Dương Huy', 'Đảng bộ xã Đông Mai', 'Đảng bộ xã Yên Thanh']);
    const renamed = await s.patch(`/api/orgs/${kids[0]!.id}`, { version: kids[0]!.version, name: 'Đảng bộ xã Ấp Bắc Mới' });
    expect(renamed.json().name).toBe('Đảng bộ xã Ấp Bắc Mới');
    const stale = await s.patch(`/api/orgs/${kids[0]!.id}`, { version: kids[0]!.version, name: 'Tên khác' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
  });

  it('refuses a type that does not sit below its parent, and a duplicate code', async () => {
    const p = await buildProvince(t.db, { districts: 1, grassroots: 1, cells: 1 });
    const s = as(ctx.app, await signedIn(ctx.app, ctx.services, 'organizer', p.id('')));
    const wrongLevel = await s.post('/api/orgs', { code: `${p.prefix}-L`, name: 'Đảng bộ huyện trong xã', parentId: p.id('-D1-G1'), typeCode: 'district', kindCode: 'territorial' });
    expect(wrongLevel.json().error.code).toBe('ORG_LEVEL_MISMATCH');
    const dup = await s.post('/api/orgs', { code: `${p.prefix}-D1`.toLowerCase(), name: 'Trùng mã', parentId: p.id(''), typeCode: 'district', kindCode: 'territorial' });
    expect(dup.json().error.code).toBe('ORG_CODE_TAKEN');
    expect(dup.json().error.details[0].field).toBe('code');
  });

  it('moves a subtree with its descendants and refuses cycles', async () => {
    const p = await buildProvince(t.db, { districts: 2, grassroots: 1, cells: 2 });
    const s = as(ctx.app, await signedIn(ctx.app, ctx.services, 'admin', p.id('')));
    const g = (await s.get(`/api/orgs/${p.id('-D1-G1')}`)).json();
    const moved = await s.post(`/api/orgs/${g.id}/move`, { version: g.version, newParentId: p.id('-D2') });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().ancestors.map((a: { id: number }) => a.id)).toEqual([p.id(''), p.id('-D2')]);
    const cell = (await s.get(`/api/orgs/${p.id('-D1-G1-C1')}`)).json();
    expect(cell.ancestors.map((a: { id: number }) => a.id)).toEqual([p.id(''), p.id('-D2'), p.id('-D1-G1')]);
    const d2 = (await s.get(`/api/orgs/${p.id('-D2')}`)).json();
    const cycle = await s.post(`/api/orgs/${d2.id}/move`, { version: d2.version, newParentId: p.id('-D1-G1') });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json().error.code).toMatch(/ORG_MOVE_CYCLE|ORG_LEVEL_MISMATCH/);
    const gNow = (await s.get(`/api/orgs/${p.id('-D1-G1')}`)).json();
    const self = await s.post(`/api/orgs/${gNow.id}/move`, { version: gNow.version, newParentId: gNow.id });
    expect(self.json().error.code).toBe('ORG_MOVE_CYCLE');
  });

  it('rolls up organizations and members over a subtree, and closes only empty units', async () => {
    const p = await buildProvince(t.db, { districts: 2, grassroots: 3, cells: 2 });
    const s = as(ctx.app, await signedIn(ctx.app, ctx.services, 'viewer', p.id('')));
    const r = (await s.get(`/api/orgs/${p.id('')}/rollup`)).json();
    // 1 province + 2 districts + 6 grassroots + 12 cells; each grassroots has cells of 10+1 and 20+2 members.
    expect(r.totalOrgs).toBe(1 + 2 + 6 + 12);
    expect(r.fullMembers).toBe(6 * 30);
    expect(r.probationaryMembers).toBe(6 * 3);
    expect(r.byLevel).toEqual([{ level: 1, count: 1 }, { level: 2, count: 2 }, { level: 3, count: 6 }, { level: 4, count: 12 }]);
    const d = (await s.get(`/api/orgs/${p.id('-D2')}/rollup`)).json();
    expect(d.totalOrgs).toBe(1 + 3 + 6);
    const admin = as(ctx.app, await signedIn(ctx.app, ctx.services, 'admin', p.id('')));
    const g = (await admin.get(`/api/orgs/${p.id('-D1-G1')}`)).json();
    expect((await admin.post(`/api/orgs/${g.id}/close`, { version: g.version, date: '2020-06-30', reason: 'Giải thể' })).json().error.code).toBe('ORG_HAS_ACTIVE_CHILDREN');
    const c = (await admin.get(`/api/orgs/${p.id('-D1-G1-C1')}`)).json();
    expect((await admin.post(`/api/orgs/${c.id}/close`, { version: c.version, date: '2020-06-30', reason: 'Doanh nghiệp giải thể' })).json().status).toBe('closed');
    expect((await s.get(`/api/orgs/${p.id('')}/rollup`)).json().totalOrgs).toBe(1 + 2 + 6 + 12 - 1);
  });

  it('merges units: children and members move, history and the reduction are kept', async () => {
    const p = await buildProvince(t.db, { districts: 3, grassroots: 2, cells: 2 });
    const s = as(ctx.app, await signedIn(ctx.app, ctx.services, 'admin', p.id('')));
    const before = (await s.get(`/api/orgs/${p.id('')}/rollup`)).json();
    const m = await s.post('/api/orgs/merge', {
      sourceIds: [p.id('-D2'), p.id('-D3')],
      targetId: p.id('-D1'),
      decisionNo: '837/NQ-UBTVQH14',
      decisionDate: '2019-12-17',
      effectiveDate: '2020-01-01',
    });
    expect(m.statusCode).toBe(201);
    expect(m.json().unitsReduced).toBe(2);
    expect(m.json().sources.map((x: { id: number }) => x.id).sort()).toEqual([p.id('-D2'), p.id('-D3')].sort());
    const after = (await s.get(`/api/orgs/${p.id('')}/rollup`)).json();
    expect(after.totalOrgs).toBe(before.totalOrgs - 2);
    expect(after.fullMembers).toBe(before.fullMembers);
    expect(after.unitsReducedByMerges).toBe(2);
    const kids = (await s.get(`/api/orgs/${p.id('-D1')}/children`)).json();
    expect(kids).toHaveLength(6);
    const source = (await s.get(`/api/orgs/${p.id('-D2')}`)).json();
    expect(source.status).toBe('merged');
    expect(source.mergedIntoId).toBe(p.id('-D1'));
    expect(source.activeTo).toBe('2020-01-01');
    const hist = (await s.get(`/api/orgs/${p.id('-D2')}/history`)).json();
    expect(hist.merges[0].decisionNo).toBe('837/NQ-UBTVQH14');
    expect(hist.events.map((e: { action: string }) => e.action)).toContain('organization.merged_away');
    // Forming a new unit from two (hợp nhất) reduces by one.
    const g1 = p.id('-D1-G1');
    const g2 = p.id('-D1-G2');
    const formed = await s.post('/api/orgs/merge', {
      sourceIds: [g1, g2],
      newTarget: { code: `${p.prefix}-NEW`, name: 'Đảng bộ xã Hợp Nhất', parentId: p.id('-D1'), typeCode: 'grassrootsCommittee', kindCode: 'territorial' },
      decisionNo: '12-QĐ/TU',
      decisionDate: '2020-02-01',
      effectiveDate: '2020-02-01',
    });
    expect(formed.json().unitsReduced).toBe(1);
    expect(formed.json().target.name).toBe('Đảng bộ xã Hợp Nhất');
    const again = await s.post('/api/orgs/merge', { sourceIds: [g1], targetId: p.id('-D1-G1') + 100000, decisionNo: 'x', decisionDate: '2020-02-01', effectiveDate: '2020-02-01' });
    expect(again.statusCode).toBe(404);
  });

  it('keeps a district organizer inside their district: 403 without names, for reads and writes', async () => {
    const p = await buildProvince(t.db, { districts: 2, grassroots: 1, cells: 1 });
    const s = as(ctx.app, await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D1')));
    const other = p.id('-D2');
    const otherName = (await t.db.query<{ name: string }>('SELECT name FROM organizations WHERE id = $1', [other])).rows[0]!.name;
    for (const res of [
      await s.get(`/api/orgs/${other}`),
      await s.get(`/api/orgs/${other}/children`),
      await s.get(`/api/orgs/${other}/rollup`),
      await s.get(`/api/orgs/${other}/history`),
      await s.get(`/api/orgs/${other}/export?format=csv`),
      await s.get(`/api/orgs/${p.id('')}`),
      await s.patch(`/api/orgs/${other}`, { version: 1, name: 'Chiếm quyền' }),
      await s.post(`/api/orgs/${p.id('-D1-G1')}/move`, { version: 1, newParentId: other }),
      await s.post('/api/orgs', { code: `${p.prefix}-Z`, name: 'Lạ', parentId: other, typeCode: 'grassrootsCell', kindCode: 'territorial' }),
      await s.post('/api/orgs/merge', { sourceIds: [p.id('-D2-G1')], targetId: p.id('-D1-G1'), decisionNo: '1', decisionDate: '2020-01-01', effectiveDate: '2020-01-01' }),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('ORG_OUT_OF_SCOPE');
      expect(res.body).not.toContain(otherName);
    }
    const found = (await s.get(`/api/orgs/search?q=${encodeURIComponent('huyen')}`)).json() as { id: number }[];
    expect(found.map((f) => f.id)).toEqual([p.id('-D1')]);
    expect((await s.get('/api/orgs/root')).json().id).toBe(p.id('-D1'));
    const name = (await t.db.query<{ name: string }>('SELECT name FROM organizations WHERE id = $1', [other])).rows[0]!.name;
    expect(name).toBe(otherName);
  });

  it('lets a viewer read but never write', async () => {
    const p = await buildProvince(t.db, { districts: 1, grassroots: 1, cells: 1 });
    const session = await signedIn(ctx.app, ctx.services, 'viewer', p.id(''));
    const s = as(ctx.app, session);
    expect((await s.get(`/api/orgs/${p.id('-D1')}`)).json().canWrite).toBe(false);
    for (const res of [
      await s.patch(`/api/orgs/${p.id('-D1')}`, { version: 1, name: 'Sửa' }),
      await s.post('/api/orgs', { code: `${p.prefix}-V`, name: 'Mới', parentId: p.id(''), typeCode: 'district', kindCode: 'territorial' }),
      await s.post(`/api/orgs/${p.id('-D1-G1-C1')}/close`, { version: 1, date: '2020-01-01', reason: 'x' }),
      await upload(session, 'a.csv', Buffer.from('Mã,Tên tổ chức,Mã cấp trên,Loại tổ chức,Khối, loại hình\n')),
    ]) {
      expect(res.json().error.code).toBe('FORBIDDEN_ROLE');
    }
  });

  it('finds units without diacritics and treats SQL-looking text as text', async () => {
    const p = await buildProvince(t.db, { districts: 1, grassroots: 0 });
    const s = as(ctx.app, await signedIn(ctx.app, ctx.services, 'organizer', p.id('')));
    const evil = "Chi bộ '); DROP TABLE organizations; --";
    const created = await s.post('/api/orgs', { code: `${p.prefix}-SQL`, name: evil, parentId: p.id('-D1'), typeCode: 'grassrootsCell', kindCode: 'territorial' });
    expect(created.json().name).toBe(evil);
    const hits = (await s.get(`/api/orgs/search?q=${encodeURIComponent('mong cai')}`)).json() as { name: string }[];
    expect(hits.map((h) => h.name)).toContain('Đảng bộ huyện Móng Cái');
    const pct = (await s.get(`/api/orgs/search?q=${encodeURIComponent('%')}`)).json();
    expect(pct).toEqual([]);
    expect((await s.get(`/api/orgs/search?q=${encodeURIComponent("drop table")}`)).json()[0].name).toBe(evil);
  });

  it('imports a tree file: names every bad row, imports nothing until the set is clean', async () => {
    const p = await buildProvince(t.db, { districts: 1, grassroots: 1, cells: 1 });
    const session = await signedIn(ctx.app, ctx.services, 'organizer', p.id(''));
    const s = as(ctx.app, session);
    const X = p.prefix;
    const bad = await xlsx([
      [`${X}-N1`, 'Đảng bộ xã Tân Dân', `${X}-D1`, 'grassrootsCommittee', 'territorial', 0, 0, '01/01/2020'],
      [`${X}-N2`, 'Chi bộ thôn 1', `${X}-N1`, 'subordinateCell', 'territorial', 25, 1, null],
      [`${X}-N1`, 'Trùng mã', `${X}-D1`, 'grassrootsCommittee', 'territorial', 0, 0, null],
      [`${X}-N3`, 'Không có cấp trên', `${X}-KHONG`, 'grassrootsCell', 'territorial', 10, 0, null],
      [`${X}-N4`, 'Chi bộ A', `${X}-N5`, 'subordinateCell', 'territorial', 10, 0, null],
      [`${X}-N5`, 'Chi bộ B', `${X}-N4`, 'subordinateCell', 'territorial', 10, 0, null],
      [`${X}-N6`, { formula: 'cmd|\' /C calc\'!A0' }, `${X}-D1`, 'grassrootsCell', 'territorial', 10, 0, null],
      [`${X}-N7`, 'Chi bộ số âm', `${X}-D1`, 'grassrootsCell', 'territorial', -5, 0, '31/02/2020'],
    ]);
    const preview = await upload(session, 'cay-to-chuc.xlsx', bad);
    expect(preview.statusCode).toBe(200);
    const pv = preview.json();
    expect(pv.canApply).toBe(false);
    const byRow = (row: number) => pv.errors.filter((e: { row: number }) => e.row === row).map((e: { code: string }) => e.code);
    expect(byRow(4)).toContain('DUPLICATE_CODE');
    expect(byRow(5)).toContain('UNKNOWN_PARENT');
    expect(byRow(6)).toContain('CYCLE');
    expect(byRow(7)).toContain('CYCLE');
    expect(byRow(8)).toContain('FORMULA_NOT_ALLOWED');
    expect(byRow(9)).toEqual(expect.arrayContaining(['NOT_A_COUNT', 'DATE_INVALID']));
    expect(byRow(2)).toEqual([]);
    for (const e of pv.errors) expect(e.message).toMatch(/[àáảãạăâđêôơưếềểễệốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵ]/i);
    const refused = await s.post(`/api/orgs/import/${pv.batchId}/apply`);
    expect(refused.json().error.code).toBe('IMPORT_HAS_ERRORS');
    expect((await s.get(`/api/orgs/search?q=${encodeURIComponent('tan dan')}`)).json()).toEqual([]);

    const good = await xlsx([
      [`${X}-N2`, 'Chi bộ thôn 1', `${X}-N1`, 'Chi bộ trực thuộc', 'Theo địa giới hành chính', 25, 1, null],
      [`${X}-N1`, 'Đảng bộ xã Tân Dân', `${X}-D1`, 'grassrootsCommittee', 'territorial', 0, 0, '01/01/2020'],
      [`${X}-D1-G1`, 'Đảng bộ xã Đổi Tên', `${X}-D1`, 'grassrootsCommittee', 'territorial', 0, 0, null],
    ]);
    const pv2 = (await upload(session, 'cay-to-chuc.xlsx', good)).json();
    expect(pv2.errors).toEqual([]);
    expect([pv2.toCreate, pv2.toUpdate]).toEqual([2, 1]);
    const applied = await s.post(`/api/orgs/import/${pv2.batchId}/apply`);
    expect(applied.json()).toEqual({ created: 2, updated: 1 });
    const hit = (await s.get(`/api/orgs/search?q=${encodeURIComponent('tan dan')}`)).json()[0];
    expect(hit.activeFrom).toBe('2020-01-01');
    const kids = (await s.get(`/api/orgs/${hit.id}/children`)).json();
    expect(kids.map((k: { name: string; fullMembers: number }) => [k.name, k.fullMembers])).toEqual([['Chi bộ thôn 1', 25]]);
    expect((await s.get(`/api/orgs/${p.id('-D1-G1')}`)).json().name).toBe('Đảng bộ xã Đổi Tên');
    expect((await s.post(`/api/orgs/import/${pv2.batchId}/apply`)).json().error.code).toBe('IMPORT_BATCH_NOT_FOUND');
  });

  it('rejects a file that is not a workbook, with a clear message', async () => {
    const p = await buildProvince(t.db, { districts: 1, grassroots: 0 });
    const session = await signedIn(ctx.app, ctx.services, 'organizer', p.id(''));
    const res = await upload(session, 'hong.xlsx', Buffer.from('day khong phai excel'));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMPORT_FILE_INVALID');
    const noHeader = await upload(session, 'thieu-cot.csv', Buffer.from('\uFEFFMã,Tên\nA,B\n'));
    expect(noHeader.json().error.message).toMatch(/Thiếu cột/);
  });

  it('exports a subtree to Excel and CSV with diacritics, BOM, and formulas defused', async () => {
    const p = await buildProvince(t.db, { districts: 1, grassroots: 1, cells: 1 });
    const s = as(ctx.app, await signedIn(ctx.app, ctx.services, 'organizer', p.id('')));
    await s.post('/api/orgs', { code: `${p.prefix}-F`, name: '=cmd|\' /C calc\'!A0 Chi bộ', parentId: p.id('-D1'), typeCode: 'grassrootsCell', kindCode: 'territorial' });
    const csv = await s.get(`/api/orgs/${p.id('-D1')}/export?format=csv`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain('Đảng bộ huyện Móng Cái');
    expect(csv.body).toContain("'=cmd");
    expect(csv.body).not.toMatch(/(^|,)=cmd/m);
    const x = await s.get(`/api/orgs/${p.id('-D1')}/export?format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const values: unknown[] = [];
    ws.eachRow((r) => values.push(r.getCell(2).value));
    expect(values).toContain('Đảng bộ huyện Móng Cái');
    const evil = values.find((v) => typeof v === 'string' && v.startsWith('=cmd'));
    expect(typeof evil).toBe('string');
    ws.eachRow((r) => r.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
    // The exported file imports back cleanly (round trip), as updates.
    const session = await signedIn(ctx.app, ctx.services, 'organizer', p.id(''));
    const back = (await upload(session, 'xuat.xlsx', x.rawPayload)).json();
    expect(back.errors.filter((e: { code: string }) => e.code !== 'FORMULA_LIKE_TEXT')).toEqual([]);
    expect(back.toUpdate).toBeGreaterThan(0);
  });

  // Runs last in this file: every kind of change above (create, rename, move, close, merge, import) has happened.
  it('keeps the maintained subtree figures equal to the rows themselves after every kind of change', async () => {
    const mismatches = await t.db.query(
      `WITH scratch AS (
         SELECT a.id AS org_id, o.type_code, o.kind_code, count(*)::int AS n, sum(o.full_members)::int8 AS f, sum(o.probationary_members)::int8 AS p
           FROM organizations a JOIN organizations o ON o.path <@ a.path AND o.status = 'active'
          GROUP BY a.id, o.type_code, o.kind_code),
       kept AS (SELECT org_id, type_code, kind_code, orgs AS n, full_members AS f, probationary_members AS p FROM org_rollups WHERE orgs <> 0 OR full_members <> 0 OR probationary_members <> 0)
       SELECT * FROM scratch s FULL OUTER JOIN kept k USING (org_id, type_code, kind_code)
        WHERE s.n IS DISTINCT FROM k.n OR s.f IS DISTINCT FROM k.f OR s.p IS DISTINCT FROM k.p`,
    );
    expect(mismatches.rows).toEqual([]);
    const count = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM org_rollups WHERE orgs > 0`);
    expect(count.rows[0]!.n).toBeGreaterThan(50);
  });
});
