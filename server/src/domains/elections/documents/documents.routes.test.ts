import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionContext } from '../../accounts/accounts.service.ts';
import type { Queryable } from '../../../platform/db/db.ts';
import { installErrorHandler } from '../../../platform/http/error-handler.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import { electionsDocumentsRoutes } from '../elections.documents.routes.ts';
import { attachment } from '../../../platform/http/attachment.ts';
import type { ElectionsService } from '../elections.service.ts';
import type { DocumentsView } from './from-view.ts';
import { committeeView, entryLogFixture, setupView, tieBreakView } from './test-fixtures.ts';
import { pdfPageCount } from './test-support.ts';

// The routes on a bare Fastify with the real error handler, a stub election service and a
// recording database: access rules, statuses, headers and audit, without a database.

type View = DocumentsView & { orgId: number };
const views = new Map<number, View>();
const put = (v: DocumentsView, patch: Partial<View> = {}) => {
  const id = patch.id ?? v.id;
  views.set(id, { ...v, orgId: 7, ...patch, id });
  return id;
};

const SETUP = put(setupView());
const CLOSED = put(committeeView(), { id: 20 });
const VIEWER = put(setupView(), { id: 100, me: { manage: false, chief: false } });
// Counted, not published, seen by someone who is neither organizer nor chief: no result.
const HIDDEN = put(committeeView(), { id: 101, result: null, rounds: [], me: { manage: false, chief: false } });
const ROUNDS = put(tieBreakView());
// Round 2 counted, not published, seen by someone in scope: round 1 only (as the service filters it).
const tb = tieBreakView();
const HIDDEN_ROUND_2 = put(tb, { id: 102, result: null, rounds: tb.rounds.slice(0, 1), me: { manage: false, chief: false } });

const elections = {
  async get(_actor: unknown, id: number) {
    const v = views.get(id);
    if (!v) throw new DomainError('ELECTION_NOT_FOUND');
    return v;
  },
  async entryLog(_actor: unknown, id: number) {
    const v = views.get(id);
    if (!v) throw new DomainError('ELECTION_NOT_FOUND');
    if (!v.me.chief && !v.me.manage) throw new DomainError('FORBIDDEN_ROLE');
    return entryLogFixture();
  },
} as unknown as ElectionsService;

const audits: { action: string; details: unknown; summary: string }[] = [];
const db: Queryable = {
  async query<T>(sql: string, params: readonly unknown[] = []) {
    const rows = (r: unknown[]) => ({ rows: r as T[], rowCount: r.length });
    if (sql.includes('INSERT INTO audit_log')) {
      audits.push({ action: String(params[2]), summary: String(params[6]), details: JSON.parse(String(params[7])) });
      return rows([]);
    }
    if (sql.includes('LEFT JOIN organizations p')) return rows([{ upper: 'Đảng bộ tỉnh Quảng Ninh', counted_at: new Date(Date.UTC(2025, 4, 12, 9, 0)) }]);
    if (sql.includes("action = 'election.counted'")) return rows([{ at: new Date(Date.UTC(2025, 4, 12, 8, 45)) }, { at: new Date(Date.UTC(2025, 4, 12, 10, 5)) }]);
    throw new Error(`unexpected query: ${sql}`);
  },
};

let app: FastifyInstance;
beforeAll(async () => {
  const a = Fastify().withTypeProvider<ZodTypeProvider>();
  a.setValidatorCompiler(validatorCompiler);
  a.setSerializerCompiler(serializerCompiler);
  installErrorHandler(a);
  a.decorateRequest('session', null);
  a.decorateRequest('sessionError', null);
  a.addHook('onRequest', async (req) => {
    if (req.headers['x-test-user'])
      req.session = { actor: { userId: 11, username: 'kiemphieu', role: 'counter', scopeOrgId: 7, scopePath: '1.7' }, csrfToken: 'x', tokenHash: 'x' } as unknown as SessionContext;
  });
  await a.register(electionsDocumentsRoutes(elections, { db, clock: { now: () => new Date(Date.UTC(2025, 5, 1)) } }), { prefix: '/api' });
  await a.ready();
  app = a;
});
afterAll(async () => app.close());

const get = (url: string, signedIn = true) => app.inject({ method: 'GET', url, headers: signedIn ? { 'x-test-user': '1' } : {} });
const utf8Name = (disposition: string) => decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '');

describe('ballots.pdf', () => {
  it('needs a session', async () => {
    const r = await get(`/api/elections/${SETUP}/ballots.pdf`, false);
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('NOT_AUTHENTICATED');
  });

  it('prints one ballot per person summoned before the vote, as a download named in Vietnamese, and audits it', async () => {
    audits.length = 0;
    const r = await get(`/api/elections/${SETUP}/ballots.pdf`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['cache-control']).toBe('no-store');
    const disposition = String(r.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="phieu-bau-12-vong-1-bau-ban-chap-hanh-dang-bo-thanh-pho-khoa-xxv-nhiem-ky-2025-2030\.pdf"; filename\*=UTF-8''/);
    expect(utf8Name(disposition)).toBe('Phiếu bầu cử vòng 1 - Bầu Ban Chấp hành Đảng bộ thành phố khóa XXV, nhiệm kỳ 2025–2030.pdf');
    // 50 summoned, two ballots a sheet.
    expect(pdfPageCount(r.rawPayload)).toBe(25);
    expect(audits).toEqual([{ action: 'election.ballots_printed', summary: 'In phiếu bầu vòng 1: số 0001–0050 (50 phiếu)', details: { round: 1, from: 1, count: 50 } }]);
  });

  it('prints a chosen range, and at most 2,000 ballots at a time', async () => {
    const r = await get(`/api/elections/${SETUP}/ballots.pdf?from=10&count=3`);
    expect(r.statusCode).toBe(200);
    expect(pdfPageCount(r.rawPayload)).toBe(2);
    expect(audits.at(-1)?.details).toEqual({ round: 1, from: 10, count: 3 });
    const tooMany = await get(`/api/elections/${SETUP}/ballots.pdf?count=2001`);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.code).toBe('VALIDATION_FAILED');
    expect((await get(`/api/elections/${SETUP}/ballots.pdf?count=0`)).statusCode).toBe(400);
  });

  it('is refused to those who do not run the election, and when no round awaits votes', async () => {
    const viewer = await get(`/api/elections/${VIEWER}/ballots.pdf`);
    expect(viewer.statusCode).toBe(403);
    expect(viewer.json().error.code).toBe('FORBIDDEN_ROLE');
    const closed = await get(`/api/elections/${CLOSED}/ballots.pdf`);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('ELECTION_WRONG_STATUS');
    expect((await get('/api/elections/999/ballots.pdf')).json().error.code).toBe('ELECTION_NOT_FOUND');
  });
});

describe('minutes.docx and minutes.pdf', () => {
  it('are refused before counting (409) and when the result is not visible to the viewer (403)', async () => {
    for (const ext of ['docx', 'pdf']) {
      const early = await get(`/api/elections/${SETUP}/minutes.${ext}`);
      expect(early.statusCode).toBe(409);
      expect(early.json().error.code).toBe('ELECTION_WRONG_STATUS');
      const hidden = await get(`/api/elections/${HIDDEN}/minutes.${ext}`);
      expect(hidden.statusCode).toBe(403);
    }
  });

  it('give the counted minutes with the letterhead and counting time read from the database', async () => {
    const r = await get(`/api/elections/${CLOSED}/minutes.docx`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(utf8Name(String(r.headers['content-disposition']))).toBe('Biên bản kiểm phiếu - Bầu Ban Chấp hành Đảng bộ thành phố khóa XXV, nhiệm kỳ 2025–2030.docx');
    const xml = (await (await JSZip.loadAsync(r.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml).toContain('ĐẢNG BỘ TỈNH QUẢNG NINH');
    expect(xml).toContain('Hồi 15 giờ 45 phút, ngày 12/05/2025');
    expect(xml).toContain('48 (bốn mươi tám)');

    const pdf = await get(`/api/elections/${CLOSED}/minutes.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('give an earlier round on request, with that round’s counting time', async () => {
    const r1 = await get(`/api/elections/${ROUNDS}/minutes.docx?round=1`);
    expect(r1.statusCode).toBe(200);
    const xml1 = (await (await JSZip.loadAsync(r1.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml1).toContain('Hồi 15 giờ 45 phút');
    expect(xml1).toContain('TRƯỜNG HỢP NGANG PHIẾU');
    const r2 = await get(`/api/elections/${ROUNDS}/minutes.docx`);
    expect(utf8Name(String(r2.headers['content-disposition']))).toMatch(/^Biên bản kiểm phiếu vòng 2 - /);
    const xml2 = (await (await JSZip.loadAsync(r2.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml2).toContain('Hồi 17 giờ 05 phút');
    const missing = await get(`/api/elections/${ROUNDS}/minutes.pdf?round=3`);
    expect(missing.statusCode).toBe(409);
  });

  it('never hand an earlier round in place of an unpublished one', async () => {
    expect((await get(`/api/elections/${HIDDEN_ROUND_2}/minutes.pdf`)).statusCode).toBe(403);
    expect((await get(`/api/elections/${HIDDEN_ROUND_2}/minutes.pdf?round=2`)).statusCode).toBe(403);
    expect((await get(`/api/elections/${HIDDEN_ROUND_2}/minutes.pdf?round=1`)).statusCode).toBe(200);
  });
});

describe('entry-log.xlsx and entry-log.pdf', () => {
  it('are for the counting chief and organizers only', async () => {
    const x = await get(`/api/elections/${CLOSED}/entry-log.xlsx`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(x.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(utf8Name(String(x.headers['content-disposition']))).toMatch(/^Nhật ký nhập phiếu - Bầu Ban Chấp hành/);
    const p = await get(`/api/elections/${CLOSED}/entry-log.pdf`);
    expect(p.statusCode).toBe(200);
    expect(p.headers['content-type']).toBe('application/pdf');
    expect((await get(`/api/elections/${VIEWER}/entry-log.xlsx`)).statusCode).toBe(403);
  });
});

describe('Content-Disposition', () => {
  it('keeps the UTF-8 name per RFC 5987 and a safe ASCII fallback', () => {
    const h = attachment("Biên bản (vòng 2) – O'Neil*\r\n/..\\x.pdf", 'bien-ban"; x=1.pdf');
    expect(h).not.toMatch(/[\r\n]/);
    expect(h.startsWith('attachment; filename="bien-ban___x_1.pdf"; ')).toBe(true);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(h)![1]!;
    // attr-char only: no quote, parenthesis, star or space left unencoded.
    expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect(decodeURIComponent(encoded)).toBe("Biên bản (vòng 2) – O'Neil* .. x.pdf");
  });
});
