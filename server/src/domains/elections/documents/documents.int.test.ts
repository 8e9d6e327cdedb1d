import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testEngines, type TestDb } from '../../../../../test/support/db.ts';
import { as, buildProvince, createUser, login, signedIn, testApp, type Session } from '../../../../../test/support/app.ts';
import { installErrorHandler } from '../../../platform/http/error-handler.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import { SESSION_COOKIE } from '../../../platform/http/session.ts';
import { electionsDocumentsRoutes } from '../elections.documents.routes.ts';
import { pdfPageCount } from './test-support.ts';

// The documents on a real database and the real election service: the election view the
// generators read, the counting time and letterhead read by documents.data.ts, the audit
// of printed ballots. The document routes are mounted the way app.ts mounts the others.

const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em'];

describe.each(testEngines)('election documents on %s', (engine) => {
  let t: TestDb;
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let docs: FastifyInstance;
  beforeAll(async () => {
    t = await openTestDb(engine);
    ctx = await testApp(t.db);
    const app = Fastify().withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    installErrorHandler(app);
    app.decorateRequest('session', null);
    app.decorateRequest('sessionError', null);
    app.addHook('onRequest', async (req) => {
      const token = /daihoi_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
      if (!token) return;
      try {
        req.session = await ctx.services.accounts.resolveSession(token, req.ip);
      } catch (err) {
        if (err instanceof DomainError) req.sessionError = err;
        else throw err;
      }
    });
    await app.register(electionsDocumentsRoutes(ctx.services.elections, { db: ctx.services.db, clock: ctx.services.clock }), { prefix: '/api' });
    await app.ready();
    docs = app;
    expect(SESSION_COOKIE).toBe('daihoi_session');
  });
  afterAll(async () => {
    await docs?.close();
    await ctx?.app.close();
    await t?.cleanup();
  });

  const fetchAs = (s: Session, url: string) => docs.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
  const docxText = async (buf: Buffer) => ((await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string')) ?? '').replace(/<[^>]+>/g, '');

  it('prints ballots, then writes the minutes and the entry log of the counted election', async () => {
    const p = await buildProvince(t.db, { districts: 1, grassroots: 1, cells: 1 });
    const organizer = await signedIn(ctx.app, ctx.services, 'organizer', p.id('-D1'));
    const users = await Promise.all(['chief', 'a', 'b', 'outsider'].map(() => createUser(ctx.services, 'counter', p.id('-D1'))));
    const idOf = async (u: { username: string }) => (await t.db.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [u.username])).rows[0]!.id;
    const created = await as(ctx.app, organizer).post('/api/elections', {
      orgId: p.id('-D1'),
      title: 'Bầu Ban Chấp hành Đảng bộ huyện khóa 2020–2025',
      kind: 'executiveCommittee',
      regulation: '2014',
      congressKind: 'delegates',
      seats: 4,
      summoned: 10,
      exclusions: { delegatesAbsentWholeNotReplaced: 1 },
      candidates: names.map((fullName) => ({ fullName })),
    });
    expect(created.statusCode).toBe(201);
    const e = created.json();
    const put = await ctx.app.inject({
      method: 'PUT',
      url: `/api/elections/${e.id}/counters`,
      headers: { cookie: organizer.cookie, 'x-csrf-token': organizer.csrf },
      payload: { counters: [{ userId: await idOf(users[0]!), isChief: true }, { userId: await idOf(users[1]!), team: 'A' }, { userId: await idOf(users[2]!), team: 'B' }] },
    });
    expect(put.statusCode).toBe(200);
    const [chief, a, b, outsider] = await Promise.all(users.map((u) => login(ctx.app, u.username, u.password)));

    // Ballots before the vote: one per delegate summoned, and the print run is audited.
    const ballots = await fetchAs(chief!, `/api/elections/${e.id}/ballots.pdf`);
    expect(ballots.statusCode).toBe(200);
    expect(pdfPageCount(ballots.rawPayload)).toBe(5);
    const printed = await t.db.query<{ summary: string; actor_username: string }>(
      `SELECT summary, actor_username FROM audit_log WHERE entity_type = 'election' AND entity_id = $1 AND action = 'election.ballots_printed'`,
      [String(e.id)],
    );
    expect(printed.rows).toEqual([{ summary: 'In phiếu bầu vòng 1: số 0001–0010 (10 phiếu)', actor_username: users[0]!.username }]);
    expect((await fetchAs(outsider!, `/api/elections/${e.id}/ballots.pdf`)).statusCode).toBe(403);
    expect((await fetchAs(chief!, `/api/elections/${e.id}/minutes.pdf`)).json().error.code).toBe('ELECTION_WRONG_STATUS');

    const opened = await as(ctx.app, organizer).post(`/api/elections/${e.id}/open-entry`, { version: e.version, present: 9, ballotsIssued: 9, ballotsCollected: 8, listVote: { agree: 9, disagree: 0, present: 9 } });
    expect(opened.json().status).toBe('entry');
    // 8 ballots: each strikes one name in turn, so An and Bình lose 2 votes, the others 1.
    for (let serial = 1; serial <= 8; serial++) {
      const entry = { kind: 'strike', struck: [1 + ((serial - 1) % 5)] };
      expect((await as(ctx.app, a!).post(`/api/elections/${e.id}/ballots`, { serial, entry })).statusCode).toBe(200);
      const typed = serial === 3 ? { kind: 'strike', struck: [5] } : entry;
      expect((await as(ctx.app, b!).post(`/api/elections/${e.id}/ballots`, { serial, entry: typed })).statusCode).toBe(200);
    }
    expect((await as(ctx.app, b!).post(`/api/elections/${e.id}/ballots`, { serial: 3, entry: { kind: 'strike', struck: [3] }, correctionReason: 'Gõ nhầm số 5' })).statusCode).toBe(200);
    const counted = await as(ctx.app, chief!).post(`/api/elections/${e.id}/count`);
    expect(counted.json().status).toBe('counted');

    const minutes = await fetchAs(chief!, `/api/elections/${e.id}/minutes.docx`);
    expect(minutes.statusCode).toBe(200);
    const text = await docxText(minutes.rawPayload);
    const countedAt = (await t.db.query<{ counted_at: Date }>('SELECT counted_at FROM elections WHERE id = $1', [e.id])).rows[0]!.counted_at;
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(countedAt);
    expect(text).toContain(`Hồi ${local.find((x) => x.type === 'hour')!.value} giờ ${local.find((x) => x.type === 'minute')!.value} phút`);
    expect(text).toContain(`ĐẢNG BỘ TỈNH THỬ ${p.prefix.toUpperCase()}`);
    expect(text).toContain('ĐẠI HỘI ĐẢNG BỘ HUYỆN MÓNG CÁI');
    expect(text).toContain('Số làm căn cứ tính kết quả bầu cử (D): 9 (chín).');
    expect(text).toContain('Số phiếu thu vào: 8 (tám).');
    // An: 8 − 2 = 6 votes of D = 9 → 66,67 %.
    expect(text).toContain('Nguyễn Văn An');
    expect(text).toContain('66,67%');
    expect(text).toContain('(sáu mươi sáu phẩy sáu mươi bảy phần trăm)');
    expect(text).toContain('Người dùng '); // the committee's full names sign the minutes
    expect((await fetchAs(chief!, `/api/elections/${e.id}/minutes.pdf`)).headers['content-type']).toBe('application/pdf');
    // Not yet published: someone merely in scope does not see the result.
    expect((await fetchAs(outsider!, `/api/elections/${e.id}/minutes.pdf`)).statusCode).toBe(403);

    const log = await fetchAs(chief!, `/api/elections/${e.id}/entry-log.xlsx`);
    expect(log.statusCode).toBe(200);
    expect(log.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await fetchAs(a!, `/api/elections/${e.id}/entry-log.pdf`)).statusCode).toBe(403);
  });
});
