import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { fail } from '../../platform/http/errors.ts';
import { requireSession } from '../../platform/http/session.ts';
import { MAX_BALLOTS_PER_PRINT } from './documents/ballot-pdf.ts';
import { printBallots } from './documents/ballot-print.ts';
import { minutesFacts } from './documents/documents.data.ts';
import { entryLogFileBase, entryLogPdf, entryLogXlsx } from './documents/entry-log.ts';
import { fileSlug, serialText } from './documents/format.ts';
import { ballotElectionFromView, defaultBallotCount, type DocumentsView, mayPrintBallots, minutesResultFromView } from './documents/from-view.ts';
import { minutesDocx } from './documents/minutes-docx.ts';
import { buildMinutes, type MinutesModel } from './documents/minutes-model.ts';
import { minutesPdf } from './documents/minutes-pdf.ts';
import type { ElectionsService } from './elections.service.ts';
import { attachment } from '../../platform/http/attachment.ts';

// Printable documents of an election: ballots, counting minutes (DOCX and PDF), entry log.
// Access follows the election itself (ElectionsService.get / entryLog); the generators
// below are pure and never touch the database.

const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const ballotsQuery = z.object({
  count: z.coerce.number().int().min(1).max(MAX_BALLOTS_PER_PRINT).optional(),
  from: z.coerce.number().int().min(1).max(1_000_000).optional(),
});
const roundQuery = z.object({ round: z.coerce.number().int().min(1).max(1000).optional() });

const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

function send(reply: FastifyReply, kind: keyof typeof MIME, name: string, slug: string, body: Buffer) {
  reply.header('content-type', MIME[kind]);
  reply.header('content-disposition', attachment(`${name}.${kind}`, `${slug}.${kind}`));
  // Ballots and minutes are not to linger in shared caches.
  reply.header('cache-control', 'no-store');
  return reply.send(body);
}

const shortTitle = (t: string) => (t.length > 90 ? `${t.slice(0, 89)}…` : t);

export const electionsDocumentsRoutes =
  (elections: ElectionsService, deps: { db: Queryable; clock: Clock }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/elections/:id/ballots.pdf', { schema: { params: idParams, querystring: ballotsQuery } }, async (req, reply) => {
      const actor = requireSession(req).actor;
      const view = await elections.get(actor, req.params.id);
      const v: DocumentsView = view;
      if (!mayPrintBallots(v)) fail('FORBIDDEN_ROLE', 'Chỉ người tổ chức bầu cử và Trưởng Ban kiểm phiếu được in phiếu bầu.');
      const ballot = ballotElectionFromView(v);
      if (!ballot) fail('ELECTION_WRONG_STATUS', 'Không có vòng bầu nào đang chờ bỏ phiếu, nên không có phiếu bầu để in.');
      const from = req.query.from ?? 1;
      const count = req.query.count ?? defaultBallotCount(v);
      if (count > MAX_BALLOTS_PER_PRINT)
        fail('VALIDATION_FAILED', `Mỗi lần in tối đa ${MAX_BALLOTS_PER_PRINT} phiếu; hãy in theo từng đợt (tham số from và count).`, [
          { field: 'querystring.count', code: 'too_big', message: `Tối đa ${MAX_BALLOTS_PER_PRINT} phiếu mỗi lần in.` },
        ]);
      const pdf = await printBallots(ballot!, { from, count });
      const last = from + count - 1;
      const round = ballot!.round.number;
      // Who printed which serials is part of the record of the election.
      await recordAudit(deps.db, actor, {
        action: 'election.ballots_printed',
        entityType: 'election',
        entityId: view.id,
        orgId: view.orgId,
        summary: `In phiếu bầu vòng ${round}: số ${serialText(from)}–${serialText(last)} (${count} phiếu)`,
        details: { round, from, count },
      });
      return send(reply, 'pdf', `Phiếu bầu cử vòng ${round} - ${shortTitle(view.title)}`, `phieu-bau-${view.id}-vong-${round}-${fileSlug(view.title)}`, pdf);
    });

    const minutes = async (actor: Actor, id: number, round: number | undefined) => {
      const view = await elections.get(actor, id);
      const v: DocumentsView = view;
      if (round === undefined && v.status !== 'counted' && v.status !== 'published')
        fail('ELECTION_WRONG_STATUS', 'Cuộc bầu cử chưa kiểm phiếu xong; chưa lập được biên bản kiểm phiếu.');
      const result = minutesResultFromView(v, round);
      if (!result) {
        // Counted but not published: only organizers and the counting chief see the result.
        const hidden = v.status === 'counted' && !v.result && (round === undefined || round === v.rounds.length + 1);
        if (hidden) fail('FORBIDDEN_ROLE', 'Kết quả chưa được công bố.');
        fail('ELECTION_WRONG_STATUS', `Vòng ${round} chưa được kiểm phiếu.`);
      }
      const r = result!;
      const rNo = r.round ?? 1;
      const latest = (v.result?.round ?? v.rounds.at(-1)?.round ?? 1) === rNo;
      const facts = await minutesFacts(deps.db, view.id, rNo, latest);
      return buildMinutes(v, r, { ...facts, generatedAt: deps.clock.now() });
    };
    const minutesName = (m: MinutesModel) => `Biên bản kiểm phiếu${m.round > 1 ? ` vòng ${m.round}` : ''} - ${shortTitle(m.subtitle[0] ?? '')}`;

    app.get('/elections/:id/minutes.docx', { schema: { params: idParams, querystring: roundQuery } }, async (req, reply) => {
      const m = await minutes(requireSession(req).actor, req.params.id, req.query.round);
      return send(reply, 'docx', minutesName(m), m.fileBase, await minutesDocx(m));
    });
    app.get('/elections/:id/minutes.pdf', { schema: { params: idParams, querystring: roundQuery } }, async (req, reply) => {
      const m = await minutes(requireSession(req).actor, req.params.id, req.query.round);
      return send(reply, 'pdf', minutesName(m), m.fileBase, await minutesPdf(m));
    });

    const entryLog = async (actor: Actor, id: number) => {
      // entryLog() admits only the counting chief and the election's organizers.
      const log = await elections.entryLog(actor, id);
      const view = await elections.get(actor, id);
      return { log, view };
    };
    app.get('/elections/:id/entry-log.xlsx', { schema: { params: idParams } }, async (req, reply) => {
      const { log, view } = await entryLog(requireSession(req).actor, req.params.id);
      return send(reply, 'xlsx', `Nhật ký nhập phiếu - ${shortTitle(view.title)}`, entryLogFileBase(view), await entryLogXlsx(view, log, deps.clock.now()));
    });
    app.get('/elections/:id/entry-log.pdf', { schema: { params: idParams } }, async (req, reply) => {
      const { log, view } = await entryLog(requireSession(req).actor, req.params.id);
      return send(reply, 'pdf', `Nhật ký nhập phiếu - ${shortTitle(view.title)}`, entryLogFileBase(view), await entryLogPdf(view, log, deps.clock.now()));
    });
  };
