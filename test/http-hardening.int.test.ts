import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from './support/db.ts';
import { as, buildProvince, signedIn, testApp } from './support/app.ts';

describe('HTTP edge: bad input gets a clear 4xx, never a 500', () => {
  let t: TestDb;
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let session: Awaited<ReturnType<typeof signedIn>>;
  let rootId: number;
  beforeAll(async () => {
    t = await openTestDb('pglite');
    ctx = await testApp(t.db);
    const p = await buildProvince(t.db, { districts: 1, grassroots: 0 });
    rootId = p.id('');
    session = await signedIn(ctx.app, ctx.services, 'admin', rootId);
  });
  afterAll(async () => {
    await ctx.app.close();
    await t.cleanup();
  });
  const write = (payload: string, contentType = 'application/json') =>
    ctx.app.inject({ method: 'POST', url: '/api/orgs', payload, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': contentType } });

  it('malformed JSON → 400 MALFORMED_REQUEST without parser internals', async () => {
    const res = await write('{"code": "A", "name": ');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('MALFORMED_REQUEST');
    expect(res.body).not.toMatch(/Unexpected|SyntaxError|at .*\.ts/);
  });

  it('oversized body → 413', async () => {
    const res = await write(JSON.stringify({ name: 'x'.repeat(2_000_000) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('unknown fields are refused and named', async () => {
    const res = await write(JSON.stringify({ code: 'ABC', name: 'Tên', parentId: rootId, typeCode: 'district', kindCode: 'territorial', isAdmin: true }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.json().error.details)).toContain('isAdmin');
  });

  it('wrong types and missing fields name the field', async () => {
    const res = await write(JSON.stringify({ code: 'ABC', parentId: 'một', typeCode: 'district', kindCode: 'territorial' }));
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.name', 'body.parentId']));
  });

  it('unsupported media type → 415', async () => {
    const res = await write('<org code="ABC"/>', 'application/xml');
    expect(res.statusCode).toBe(415);
  });

  it('ids out of range or not numbers → 400, unknown id → 404', async () => {
    const s = as(ctx.app, session);
    expect((await s.get('/api/orgs/abc')).statusCode).toBe(400);
    expect((await s.get('/api/orgs/99999999999')).statusCode).toBe(400);
    expect((await s.get("/api/orgs/1;DROP TABLE users")).statusCode).toBe(400);
    const missing = await s.get('/api/orgs/2000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('ORG_NOT_FOUND');
  });

  it('unknown API routes → JSON 404, and anonymous calls → 401', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/khong-co' })).json().error.code).toBe('NOT_FOUND');
    expect((await ctx.app.inject({ method: 'GET', url: `/api/orgs/${rootId}` })).statusCode).toBe(401);
  });

  it('health says which engine is in use', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', engine: 'pglite' });
  });

  it('describes the API from the same schemas (OpenAPI)', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/orgs', '/api/elections/{id}/ballots', '/api/auth/login']));
    expect(JSON.stringify(doc.paths['/api/auth/login'].post.requestBody)).toContain('password');
  });

  it('limits requests per session, so one address (a congress hall) is not one bucket', async () => {
    const { buildApp } = await import('../server/src/app.ts');
    const limited = await buildApp({ cookieSecure: false, logLevel: 'silent', webDist: '/nonexistent', rateLimitMax: 3 }, ctx.services);
    try {
      const get = (cookie?: string) => limited.inject({ method: 'GET', url: '/api/health', headers: cookie ? { cookie } : {} });
      for (let i = 0; i < 3; i++) expect((await get()).statusCode).toBe(200);
      const over = await get();
      expect(over.statusCode).toBe(429);
      expect(over.json().error.code).toBe('RATE_LIMITED');
      // Another signed-in user behind the same address still gets through.
      expect((await get(session.cookie)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('takes the client’s address from X-Forwarded-For only from a trusted proxy (TRUST_PROXY)', async () => {
    const { buildApp } = await import('../server/src/app.ts');
    const opts = { cookieSecure: false, logLevel: 'silent' as const, webDist: '/nonexistent', rateLimitMax: 2 };
    const behindProxy = await buildApp({ ...opts, trustProxy: '10.0.0.1' }, ctx.services);
    const direct = await buildApp(opts, ctx.services);
    try {
      const get = (app: typeof direct, forwardedFor: string) =>
        app.inject({ method: 'GET', url: '/api/health', remoteAddress: '10.0.0.1', headers: { 'x-forwarded-for': forwardedFor } });
      // Through the trusted proxy, two people in the hall are two buckets.
      for (const client of ['203.0.113.5', '203.0.113.6']) for (let i = 0; i < 2; i++) expect((await get(behindProxy, client)).statusCode).toBe(200);
      expect((await get(behindProxy, '203.0.113.5')).statusCode).toBe(429);
      // Without it a forged header changes nothing: one address, one bucket.
      expect((await get(direct, '203.0.113.5')).statusCode).toBe(200);
      expect((await get(direct, '203.0.113.6')).statusCode).toBe(200);
      expect((await get(direct, '203.0.113.7')).statusCode).toBe(429);
    } finally {
      await behindProxy.close();
      await direct.close();
    }
  });

  it('sends security headers', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
