import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  appointmentRequestSchema,
  approveElectionRequestSchema,
  assignCountersRequestSchema,
  createElectionRequestSchema,
  enterBallotRequestSchema,
  nextRoundRequestSchema,
  nominateRequestSchema,
  openEntryRequestSchema,
  entryKeysRequestSchema,
  ruleSettingsRequestSchema,
  resolveBallotRequestSchema,
} from '../../../../shared/src/contracts/elections.ts';
import { requireSession } from '../../platform/http/session.ts';
import { fail } from '../../platform/http/errors.ts';
import { readUpload } from '../../platform/files/files.ts';
import { readCandidateFile } from './candidate-file.ts';
import type { ElectionEvents } from './elections.events.ts';
import type { ElectionsService } from './elections.service.ts';

const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export const electionsRoutes =
  (elections: ElectionsService, events: ElectionEvents): FastifyPluginAsyncZod =>
  async (app) => {
    app.post('/elections', { schema: { body: createElectionRequestSchema } }, async (req, reply) => {
      reply.status(201);
      return elections.create(requireSession(req).actor, req.body);
    });
    // A candidate list kept in Excel, read into names with every bad row named; nothing is stored.
    app.post('/elections/candidate-file', async (req) => {
      const { actor } = requireSession(req);
      if (actor.role !== 'admin' && actor.role !== 'organizer') fail('FORBIDDEN_ROLE');
      const sheet = await readCandidateFile(await readUpload(req, { maxBytes: 2 * 1024 * 1024 }));
      return { names: sheet.names.map((n) => n.fullName), problems: sheet.problems };
    });
    app.get('/elections/mine', async (req) => elections.mine(requireSession(req).actor));
    app.get('/orgs/:id/elections', { schema: { params: idParams } }, async (req) => elections.listForOrg(requireSession(req).actor, req.params.id));
    app.get('/orgs/:id/election-congresses', { schema: { params: idParams } }, async (req) => elections.congressOptions(requireSession(req).actor, req.params.id));
    app.get('/elections/:id', { schema: { params: idParams } }, async (req) => elections.get(requireSession(req).actor, req.params.id));
    app.get('/elections/:id/eligible-counters', { schema: { params: idParams } }, async (req) => elections.eligibleCounters(requireSession(req).actor, req.params.id));
    app.put('/elections/:id/counters', { schema: { params: idParams, body: assignCountersRequestSchema } }, async (req) =>
      elections.assignCounters(requireSession(req).actor, req.params.id, req.body.counters),
    );
    app.post('/elections/:id/nominations', { schema: { params: idParams, body: nominateRequestSchema } }, async (req) =>
      elections.nominate(requireSession(req).actor, req.params.id, req.body),
    );
    app.put('/elections/:id/rule-settings', { schema: { params: idParams, body: ruleSettingsRequestSchema } }, async (req) => elections.setRuleSettings(requireSession(req).actor, req.params.id, req.body));
    app.put('/elections/:id/entry-keys', { schema: { params: idParams, body: entryKeysRequestSchema } }, async (req) => elections.setEntryKeys(requireSession(req).actor, req.params.id, req.body));
    app.post('/elections/:id/open-entry', { schema: { params: idParams, body: openEntryRequestSchema } }, async (req) =>
      elections.openEntry(requireSession(req).actor, req.params.id, req.body),
    );
    app.post('/elections/:id/ballots', { schema: { params: idParams, body: enterBallotRequestSchema } }, async (req) =>
      elections.enterBallot(requireSession(req).actor, req.params.id, req.body),
    );
    app.get('/elections/:id/ballots/mine', { schema: { params: idParams } }, async (req) => elections.teamProgress(requireSession(req).actor, req.params.id));
    app.get('/elections/:id/reconciliation', { schema: { params: idParams } }, async (req) => elections.reconciliation(requireSession(req).actor, req.params.id));
    app.post('/elections/:id/resolutions', { schema: { params: idParams, body: resolveBallotRequestSchema } }, async (req) =>
      elections.resolve(requireSession(req).actor, req.params.id, req.body),
    );
    app.post('/elections/:id/count', { schema: { params: idParams } }, async (req) => elections.count(requireSession(req).actor, req.params.id));
    app.post('/elections/:id/publish', { schema: { params: idParams } }, async (req) => elections.publish(requireSession(req).actor, req.params.id));
    app.post('/elections/:id/next-round', { schema: { params: idParams, body: nextRoundRequestSchema } }, async (req) =>
      elections.openNextRound(requireSession(req).actor, req.params.id, req.body),
    );
    app.post('/elections/:id/approve', { schema: { params: idParams, body: approveElectionRequestSchema } }, async (req) =>
      elections.approve(requireSession(req).actor, req.params.id, req.body),
    );
    app.post('/elections/:id/appointments', { schema: { params: idParams, body: appointmentRequestSchema } }, async (req) =>
      elections.recordAppointment(requireSession(req).actor, req.params.id, req.body),
    );
    app.get('/elections/:id/projector', { schema: { params: idParams } }, async (req) => elections.projector(requireSession(req).actor, req.params.id));
    app.get('/elections/:id/entry-log', { schema: { params: idParams } }, async (req) => elections.entryLog(requireSession(req).actor, req.params.id));

    // Server-sent events: the page refetches when something changed; no data rides on the event.
    app.get('/elections/:id/events', { schema: { params: idParams } }, async (req, reply) => {
      const actor = requireSession(req).actor;
      await elections.projector(actor, req.params.id);
      reply.hijack();
      reply.raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      reply.raw.write(': connected\n\n');
      const unsubscribe = events.subscribe(req.params.id, (e) => reply.raw.write(`event: ${e.type}\ndata: {}\n\n`));
      const ping = setInterval(() => reply.raw.write(': ping\n\n'), 25_000);
      req.raw.on('close', () => {
        clearInterval(ping);
        unsubscribe();
      });
    });
  };
