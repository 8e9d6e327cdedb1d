import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testEngines, type TestDb } from '../../../../test/support/db.ts';
import { as, buildProvince, createUser, login, manualClock, signedIn, testApp } from '../../../../test/support/app.ts';
import { recordAudit } from '../../platform/audit/audit.ts';

describe.each(testEngines)('accounts on %s', (engine) => {
  let t: TestDb;
  const clock = manualClock();
  let ctx: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await openTestDb(engine);
    ctx = await testApp(t.db, clock);
  });
  afterAll(async () => {
    await ctx.app.close();
    await t.cleanup();
  });

  it('stores argon2id hashes, never the password', async () => {
    const p = await buildProvince(t.db);
    const u = await createUser(ctx.services, 'organizer', p.id(''));
    const r = await t.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE username = $1', [u.username]);
    expect(r.rows[0]!.password_hash).toMatch(/^\$argon2id\$/);
    expect(r.rows[0]!.password_hash).not.toContain(u.password);
  });

  it('signs in with an httpOnly SameSite=Strict cookie and answers /me with the scope', async () => {
    const p = await buildProvince(t.db);
    const u = await createUser(ctx.services, 'viewer', p.id('-D1'));
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: u.password } });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `daihoi_session=${res.cookies[0]!.value}` } });
    expect(me.json().scopeOrg.id).toBe(p.id('-D1'));
    expect(me.json().abilities.manageOrganizations).toBe(false);
  });

  it('refuses a wrong password with a stable code and does not say which part was wrong', async () => {
    const p = await buildProvince(t.db);
    const u = await createUser(ctx.services, 'viewer', p.id(''));
    const wrongPass = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: 'sai-mat-khau-123' } });
    const noUser = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'khong-ton-tai', password: 'sai-mat-khau-123' } });
    expect(wrongPass.statusCode).toBe(401);
    expect(wrongPass.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(noUser.json()).toEqual(wrongPass.json());
  });

  it('rate-limits repeated failures for a username, then lets the user in after the window', async () => {
    const p = await buildProvince(t.db);
    const u = await createUser(ctx.services, 'viewer', p.id(''));
    const attempt = (password: string) => ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password } });
    for (let i = 0; i < 5; i++) expect((await attempt('sai-mat-khau-123')).statusCode).toBe(401);
    const limited = await attempt(u.password);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('LOGIN_RATE_LIMITED');
    clock.advance(16 * 60_000);
    expect((await attempt(u.password)).statusCode).toBe(200);
  });

  it('treats an expired session as expired, not as anonymous', async () => {
    const p = await buildProvince(t.db);
    const s = await signedIn(ctx.app, ctx.services, 'viewer', p.id(''));
    expect((await as(ctx.app, s).get('/api/auth/me')).statusCode).toBe(200);
    clock.advance(9 * 3_600_000);
    const res = await as(ctx.app, s).get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
    const anonymous = await ctx.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anonymous.json().error.code).toBe('NOT_AUTHENTICATED');
  });

  it('requires the CSRF token on every write', async () => {
    const p = await buildProvince(t.db);
    const s = await signedIn(ctx.app, ctx.services, 'admin', p.id(''));
    const body = { code: `${p.prefix}-X`, name: 'Đảng bộ mới', parentId: p.id(''), typeCode: 'district', kindCode: 'territorial' };
    const noToken = await ctx.app.inject({ method: 'POST', url: '/api/orgs', payload: body, headers: { cookie: s.cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const wrongToken = await ctx.app.inject({ method: 'POST', url: '/api/orgs', payload: body, headers: { cookie: s.cookie, 'x-csrf-token': 'x' } });
    expect(wrongToken.statusCode).toBe(403);
    expect((await as(ctx.app, s).post('/api/orgs', body)).statusCode).toBe(201);
  });

  it('logs out: the old cookie no longer works', async () => {
    const p = await buildProvince(t.db);
    const s = await signedIn(ctx.app, ctx.services, 'viewer', p.id(''));
    expect((await as(ctx.app, s).post('/api/auth/logout')).statusCode).toBe(200);
    expect((await as(ctx.app, s).get('/api/auth/me')).statusCode).toBe(401);
  });

  it('changes a password: the old one stops working, other sessions end', async () => {
    const p = await buildProvince(t.db);
    const u = await createUser(ctx.services, 'organizer', p.id(''));
    const s1 = await login(ctx.app, u.username, u.password);
    const s2 = await login(ctx.app, u.username, u.password);
    const wrong = await as(ctx.app, s1).post('/api/auth/password', { currentPassword: 'sai-mat-khau', newPassword: 'Mat-khau-moi-2025' });
    expect(wrong.json().error.code).toBe('WRONG_PASSWORD');
    expect((await as(ctx.app, s1).post('/api/auth/password', { currentPassword: u.password, newPassword: 'Mat-khau-moi-2025' })).statusCode).toBe(200);
    expect((await as(ctx.app, s1).get('/api/auth/me')).statusCode).toBe(200);
    expect((await as(ctx.app, s2).get('/api/auth/me')).statusCode).toBe(401);
    await expect(login(ctx.app, u.username, u.password)).rejects.toThrow(/401/);
    await login(ctx.app, u.username, 'Mat-khau-moi-2025');
  });

  it('lets only administrators manage users, and only inside their subtree', async () => {
    const p = await buildProvince(t.db);
    const districtAdmin = await signedIn(ctx.app, ctx.services, 'admin', p.id('-D1'));
    const organizer = await signedIn(ctx.app, ctx.services, 'organizer', p.id(''));
    const body = (orgId: number) => ({ username: `u${Date.now()}${Math.floor(Math.random() * 1e4)}`, fullName: 'Lê Thị Hoa', role: 'viewer', scopeOrgId: orgId, password: 'Mat-khau-2020-abc' });
    expect((await as(ctx.app, organizer).post('/api/users', body(p.id('-D1')))).json().error.code).toBe('FORBIDDEN_ROLE');
    const outside = await as(ctx.app, districtAdmin).post('/api/users', body(p.id('-D2')));
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('ORG_OUT_OF_SCOPE');
    const inside = await as(ctx.app, districtAdmin).post('/api/users', body(p.id('-D1-G1')));
    expect(inside.statusCode).toBe(201);
    const list = (await as(ctx.app, districtAdmin).get('/api/users')).json() as { scopeOrg: { id: number } }[];
    expect(list.length).toBeGreaterThan(0);
    const d1Subtree = [p.id('-D1'), p.id('-D1-G1'), p.id('-D1-G2'), p.id('-D1-G1-C1'), p.id('-D1-G1-C2'), p.id('-D1-G2-C1'), p.id('-D1-G2-C2')];
    for (const u of list) expect(d1Subtree).toContain(u.scopeOrg.id);
  });

  it('keeps an append-only audit log that scoped admins read for their subtree only', async () => {
    const p = await buildProvince(t.db);
    const provinceAdmin = await signedIn(ctx.app, ctx.services, 'admin', p.id(''));
    const districtAdmin = await signedIn(ctx.app, ctx.services, 'admin', p.id('-D2'));
    await as(ctx.app, provinceAdmin).patch(`/api/orgs/${p.id('-D1-G1')}`, { version: 1, name: 'Đảng bộ xã Hồng Phong' });
    const mine = (await as(ctx.app, provinceAdmin).get(`/api/audit?entityType=organization&entityId=${p.id('-D1-G1')}`)).json();
    expect(mine.entries.map((e: { action: string }) => e.action)).toContain('organization.renamed');
    const theirs = (await as(ctx.app, districtAdmin).get(`/api/audit?entityType=organization&entityId=${p.id('-D1-G1')}`)).json();
    expect(theirs.entries).toEqual([]);
    await expect(t.db.query(`UPDATE audit_log SET summary = 'sửa' WHERE entity_id = $1`, [String(p.id('-D1-G1'))])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_log WHERE entity_id = $1`, [String(p.id('-D1-G1'))])).rejects.toThrow(/append-only/);
    const viewer = await signedIn(ctx.app, ctx.services, 'viewer', p.id(''));
    expect((await as(ctx.app, viewer).get('/api/audit')).json().error.code).toBe('FORBIDDEN_ROLE');
  });

  it('narrows the log to a kind of record, a kind covering its sub-kinds (every register under "report")', async () => {
    const p = await buildProvince(t.db);
    const admin = await signedIn(ctx.app, ctx.services, 'admin', p.id('-D1'));
    const orgId = p.id('-D1-G1');
    await recordAudit(t.db, null, { action: 'report.target.created', entityType: 'report.target', entityId: 1, orgId, summary: 'Ghi sổ: chỉ tiêu' });
    await recordAudit(t.db, null, { action: 'report.created', entityType: 'report', entityId: 2, orgId, summary: 'Báo cáo' });
    await recordAudit(t.db, null, { action: 'reportage.created', entityType: 'reportage', entityId: 3, orgId, summary: 'Không phải báo cáo' });
    const of = async (type: string) => ((await as(ctx.app, admin).get(`/api/audit?entityType=${type}`)).json().entries as { action: string }[]).map((e) => e.action).sort();
    expect(await of('report')).toEqual(['report.created', 'report.target.created']);
    expect(await of('report.target')).toEqual(['report.target.created']);
    expect(await of('reportage')).toEqual(['reportage.created']);
  });

  it('opens nothing but the password change while a temporary password is in use', async () => {
    const p = await buildProvince(t.db);
    const admin = await signedIn(ctx.app, ctx.services, 'admin', p.id(''));
    const created = await as(ctx.app, admin).post('/api/users', { username: `tam${Date.now()}`, fullName: 'Phạm Văn Tâm', role: 'organizer', scopeOrgId: p.id('-D1'), password: 'Mat-khau-tam-123' });
    const s = await login(ctx.app, created.json().username, 'Mat-khau-tam-123');
    expect((await as(ctx.app, s).get('/api/auth/me')).json().mustChangePassword).toBe(true);
    const blocked = await as(ctx.app, s).get(`/api/orgs/${p.id('-D1')}`);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await as(ctx.app, s).post('/api/auth/password', { currentPassword: 'Mat-khau-tam-123', newPassword: 'Mat-khau-rieng-456' })).statusCode).toBe(200);
    expect((await as(ctx.app, s).get(`/api/orgs/${p.id('-D1')}`)).statusCode).toBe(200);
  });
});
