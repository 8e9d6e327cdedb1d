import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  allocationPreviewRequestSchema,
  checkInRequestSchema,
  createAttendanceSessionRequestSchema,
  createDelegateRequestSchema,
  credentialsRequestSchema,
  healthDeclarationRequestSchema,
  healthSettingsRequestSchema,
  issueLinksRequestSchema,
  manualCheckInRequestSchema,
  notSummonedRequestSchema,
  saveAllocationRequestSchema,
  substituteRequestSchema,
  updateDelegateRequestSchema,
} from '../../../../shared/src/contracts/delegates.ts';
import { requireSession } from '../../platform/http/session.ts';
import { attachment } from '../../platform/http/attachment.ts';
import type { DelegatesService } from './delegates.service.ts';

const idNum = z.coerce.number().int().positive().max(2_147_483_647);
const idParams = z.object({ id: idNum });

export const delegatesRoutes =
  (svc: DelegatesService): FastifyPluginAsyncZod =>
  async (app) => {
    // Allocation of the congress' seats among its subordinate organizations.
    app.get('/congresses/:id/allocation', { schema: { params: idParams } }, async (req) => svc.allocation(requireSession(req).actor, req.params.id));
    app.post('/congresses/:id/allocation/preview', { schema: { params: idParams, body: allocationPreviewRequestSchema } }, async (req) =>
      svc.previewAllocation(requireSession(req).actor, req.params.id, req.body),
    );
    app.post('/congresses/:id/allocation', { schema: { params: idParams, body: saveAllocationRequestSchema } }, async (req) => svc.saveAllocation(requireSession(req).actor, req.params.id, req.body));

    // Register and credentials.
    app.get('/congresses/:id/delegates', { schema: { params: idParams } }, async (req) => svc.register(requireSession(req).actor, req.params.id));
    app.post('/congresses/:id/delegates', { schema: { params: idParams, body: createDelegateRequestSchema } }, async (req, reply) => {
      reply.status(201);
      return svc.addDelegate(requireSession(req).actor, req.params.id, req.body);
    });
    app.patch('/delegates/:id', { schema: { params: idParams, body: updateDelegateRequestSchema } }, async (req) => svc.updateDelegate(requireSession(req).actor, req.params.id, req.body));
    app.post('/delegates/:id/not-summoned', { schema: { params: idParams, body: notSummonedRequestSchema } }, async (req) => {
      await svc.setNotSummoned(requireSession(req).actor, req.params.id, req.body);
      return { ok: true };
    });
    app.post('/delegates/:id/substitute', { schema: { params: idParams, body: substituteRequestSchema } }, async (req) => svc.substitute(requireSession(req).actor, req.params.id, req.body));
    app.post('/delegates/:id/credentials', { schema: { params: idParams, body: credentialsRequestSchema } }, async (req) => {
      await svc.decideCredentials(requireSession(req).actor, req.params.id, req.body);
      return { ok: true };
    });
    app.get('/congresses/:id/credentials-report', { schema: { params: idParams } }, async (req, reply) => {
      const f = await svc.credentialsReport(requireSession(req).actor, req.params.id);
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      reply.header('content-disposition', attachment(f.fileName));
      return f.body;
    });
    app.get('/congresses/:id/badges', { schema: { params: idParams, querystring: z.strictObject({ layout: z.enum(['a6', 'a4']).default('a4') }) } }, async (req, reply) => {
      const f = await svc.badges(requireSession(req).actor, req.params.id, req.query.layout);
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', attachment(f.fileName));
      return f.body;
    });

    // Check-in, quorum, and the figures of the elections' denominator.
    app.post('/congresses/:id/attendance-sessions', { schema: { params: idParams, body: createAttendanceSessionRequestSchema } }, async (req, reply) => {
      reply.status(201);
      return svc.addSession(requireSession(req).actor, req.params.id, req.body);
    });
    app.post('/congresses/:id/check-in', { schema: { params: idParams, body: checkInRequestSchema } }, async (req) => svc.checkIn(requireSession(req).actor, req.params.id, req.body));
    app.post('/congresses/:id/check-in/manual', { schema: { params: idParams, body: manualCheckInRequestSchema } }, async (req) => svc.manualCheckIn(requireSession(req).actor, req.params.id, req.body));
    app.get('/congresses/:id/quorum', { schema: { params: idParams, querystring: z.strictObject({ sessionId: idNum.optional() }) } }, async (req) =>
      svc.quorum(requireSession(req).actor, req.params.id, req.query.sessionId),
    );
    app.get('/congresses/:id/election-figures', { schema: { params: idParams } }, async (req) => svc.electionFigures(requireSession(req).actor, req.params.id));

    // Health watch, the organizers' side.
    app.get('/congresses/:id/health', { schema: { params: idParams } }, async (req) => svc.healthOverview(requireSession(req).actor, req.params.id));
    app.post('/congresses/:id/health/settings', { schema: { params: idParams, body: healthSettingsRequestSchema } }, async (req) => {
      await svc.setHealthSettings(requireSession(req).actor, req.params.id, req.body);
      return { ok: true };
    });
    app.post('/congresses/:id/health/links', { schema: { params: idParams, body: issueLinksRequestSchema } }, async (req) => svc.issueLinks(requireSession(req).actor, req.params.id, req.body));
  };

/** The delegate's own health declaration: no account, the link's token is the key; a few requests a minute per address. */
export const publicHealthRoutes =
  (svc: DelegatesService): FastifyPluginAsyncZod =>
  async (app) => {
    const params = z.object({ token: z.string().min(1).max(200) });
    const rateLimit = { max: 30, timeWindow: '1 minute', keyGenerator: (req: { ip: string }) => `health:${req.ip}` };
    app.get('/public/health/:token', { config: { rateLimit }, schema: { params } }, async (req) => svc.publicHealth(req.params.token));
    app.post('/public/health/:token', { config: { rateLimit }, schema: { params, body: healthDeclarationRequestSchema } }, async (req) => svc.declareHealth(req.params.token, req.body));
  };
