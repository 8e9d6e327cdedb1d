import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assignmentsRequestSchema,
  calendarQuerySchema,
  congressListQuerySchema,
  createCampaignRequestSchema,
  createDirectorRequestSchema,
  createSessionRequestSchema,
  dashboardQuerySchema,
  exportQuerySchema,
  lessonRequestSchema,
  pilotRequestSchema,
  postponeRequestSchema,
  safetyChecksRequestSchema,
  seriesQuerySchema,
  transitionRequestSchema,
  updateCampaignRequestSchema,
  updateCongressRequestSchema,
  villageElectionRequestSchema,
} from '../../../../shared/src/contracts/campaigns.ts';
import { requireSession } from '../../platform/http/session.ts';
import { attachment } from '../../platform/http/attachment.ts';
import { readUpload } from '../../platform/files/files.ts';
import { LESSON_FILE_MAX_BYTES } from './congresses.service.ts';
import { PROGRESS_IMPORT_MAX_BYTES } from './progress-import.service.ts';
import { pathInside } from '../organizations/organizations.policy.ts';
import type { CampaignEvents, CampaignEvent } from './campaigns.events.ts';
import type { CampaignsService } from './campaigns.service.ts';

const idNum = z.coerce.number().int().positive().max(2_147_483_647);
const idParams = z.object({ id: idNum });

/** Live dashboards: events are batched per connection for at most this long. */
const SSE_BATCH_MS = 200;

export const campaignsRoutes =
  (campaigns: CampaignsService, events: CampaignEvents): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/campaign-presets', async (req) => {
      requireSession(req);
      return campaigns.presets();
    });
    app.get('/holidays', async (req) => {
      requireSession(req);
      return campaigns.holidays();
    });
    app.get('/campaigns', async (req) => campaigns.list(requireSession(req).actor));
    app.post('/campaigns', { schema: { body: createCampaignRequestSchema } }, async (req, reply) => {
      reply.status(201);
      return campaigns.create(requireSession(req).actor, req.body);
    });
    app.get('/campaigns/:id', { schema: { params: idParams } }, async (req) => campaigns.get(requireSession(req).actor, req.params.id));
    app.patch('/campaigns/:id', { schema: { params: idParams, body: updateCampaignRequestSchema } }, async (req) => campaigns.update(requireSession(req).actor, req.params.id, req.body));
    app.post('/campaigns/:id/sync', { schema: { params: idParams } }, async (req) => campaigns.sync(requireSession(req).actor, req.params.id));
    app.get('/campaigns/:id/dashboard', { schema: { params: idParams, querystring: dashboardQuerySchema } }, async (req) => campaigns.dashboard(requireSession(req).actor, req.params.id, req.query));
    app.get('/campaigns/:id/series', { schema: { params: idParams, querystring: seriesQuerySchema } }, async (req) => campaigns.series(requireSession(req).actor, req.params.id, req.query));
    app.get('/campaigns/:id/calendar', { schema: { params: idParams, querystring: calendarQuerySchema } }, async (req) => campaigns.calendar(requireSession(req).actor, req.params.id, req.query));
    app.get('/campaigns/:id/congresses', { schema: { params: idParams, querystring: congressListQuerySchema } }, async (req) =>
      campaigns.listCongresses(requireSession(req).actor, req.params.id, req.query),
    );
    app.get('/campaigns/:id/export', { schema: { params: idParams, querystring: exportQuerySchema } }, async (req, reply) => {
      const f = await campaigns.exportView(requireSession(req).actor, req.params.id, req.query);
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', attachment(f.fileName));
      return f.body;
    });
    app.get('/campaigns/:id/progress-import/template', { schema: { params: idParams, querystring: z.strictObject({ orgId: idNum.optional() }) } }, async (req, reply) => {
      const f = await campaigns.progressTemplate(requireSession(req).actor, req.params.id, req.query.orgId);
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', attachment(f.fileName));
      return f.body;
    });
    app.post('/campaigns/:id/progress-import/preview', { schema: { params: idParams } }, async (req) => {
      const ctx = requireSession(req);
      const file = await readUpload(req, { maxBytes: PROGRESS_IMPORT_MAX_BYTES });
      return campaigns.previewProgress(ctx.actor, req.params.id, file);
    });
    app.post('/campaigns/:id/progress-import/:batchId/apply', { schema: { params: z.object({ id: idNum, batchId: z.uuid() }) } }, async (req) =>
      campaigns.applyProgress(requireSession(req).actor, req.params.id, req.params.batchId),
    );
    app.get('/campaigns/:id/directors', { schema: { params: idParams, querystring: z.strictObject({ forCongress: idNum.optional() }) } }, async (req) =>
      campaigns.directors(requireSession(req).actor, req.params.id, req.query.forCongress),
    );
    app.post('/campaigns/:id/directors', { schema: { params: idParams, body: createDirectorRequestSchema } }, async (req, reply) => {
      reply.status(201);
      return campaigns.createDirector(requireSession(req).actor, req.params.id, req.body);
    });
    app.get('/campaigns/:id/directors/:directorId/calendar', { schema: { params: z.object({ id: idNum, directorId: idNum }) } }, async (req) =>
      campaigns.directorCalendar(requireSession(req).actor, req.params.id, req.params.directorId),
    );

    // Server-sent events for live dashboards: `event: changed`, data {congressIds, count}; names never ride on the event.
    app.get('/campaigns/:id/events', { schema: { params: idParams, querystring: z.strictObject({ orgId: idNum.optional() }) } }, async (req, reply) => {
      const actor = requireSession(req).actor;
      // Checks the campaign and the organization (403 when out of scope) before opening the stream.
      const { orgPath } = await campaigns.streamScope(actor, req.params.id, req.query.orgId);
      const within = (path: string) => pathInside(path, actor.scopePath) && pathInside(path, orgPath);
      reply.hijack();
      reply.raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      reply.raw.write(': connected\n\n');
      let pending: number[] = [];
      let campaignChanged = false;
      let timer: NodeJS.Timeout | null = null;
      const flush = () => {
        timer = null;
        if (campaignChanged) reply.raw.write(`event: campaign\ndata: {}\n\n`);
        if (pending.length) reply.raw.write(`event: changed\ndata: ${JSON.stringify({ congressIds: pending.slice(0, 100), count: pending.length })}\n\n`);
        pending = [];
        campaignChanged = false;
      };
      const unsubscribe = events.subscribe(req.params.id, (e: CampaignEvent) => {
        if (e.type === 'campaign') campaignChanged = true;
        else if (e.congressId && within(e.orgPath)) pending.push(e.congressId);
        else return;
        timer ??= setTimeout(flush, SSE_BATCH_MS);
      });
      const ping = setInterval(() => reply.raw.write(': ping\n\n'), 25_000);
      req.raw.on('close', () => {
        clearInterval(ping);
        if (timer) clearTimeout(timer);
        unsubscribe();
      });
    });

    app.get('/congresses/:id', { schema: { params: idParams } }, async (req) => campaigns.getCongress(requireSession(req).actor, req.params.id));
    app.patch('/congresses/:id', { schema: { params: idParams, body: updateCongressRequestSchema } }, async (req) =>
      campaigns.updateCongress(requireSession(req).actor, req.params.id, req.body),
    );
    app.get('/congresses/:id/approval-checklist', { schema: { params: idParams } }, async (req) => campaigns.approvalChecklist(requireSession(req).actor, req.params.id));
    app.post('/congresses/:id/pilot-lessons/read', { schema: { params: idParams } }, async (req) => campaigns.confirmLessonsRead(requireSession(req).actor, req.params.id));
    app.post('/congresses/:id/transition', { schema: { params: idParams, body: transitionRequestSchema } }, async (req) =>
      campaigns.transition(requireSession(req).actor, req.params.id, req.body),
    );
    app.post('/congresses/:id/postpone', { schema: { params: idParams, body: postponeRequestSchema } }, async (req) =>
      campaigns.postpone(requireSession(req).actor, req.params.id, req.body),
    );
    app.put('/congresses/:id/pilot', { schema: { params: idParams, body: pilotRequestSchema } }, async (req) => campaigns.setPilot(requireSession(req).actor, req.params.id, req.body));
    app.post('/congresses/:id/lessons', { schema: { params: idParams, body: lessonRequestSchema } }, async (req, reply) => {
      reply.status(201);
      return campaigns.addLesson(requireSession(req).actor, req.params.id, req.body);
    });
    app.post('/congresses/:id/lessons/:lessonId/files', { schema: { params: z.object({ id: idNum, lessonId: idNum }) } }, async (req, reply) => {
      const ctx = requireSession(req);
      const file = await readUpload(req, { maxBytes: LESSON_FILE_MAX_BYTES });
      reply.status(201);
      return campaigns.attachLessonFile(ctx.actor, req.params.id, req.params.lessonId, file);
    });
    app.get('/congresses/:id/lessons/:lessonId/files/:fileId', { schema: { params: z.object({ id: idNum, lessonId: idNum, fileId: idNum }) } }, async (req, reply) => {
      const f = await campaigns.lessonFile(requireSession(req).actor, req.params.id, req.params.lessonId, req.params.fileId);
      reply.header('content-type', f.contentType);
      reply.header('content-disposition', attachment(f.fileName));
      return f.bytes;
    });
    app.put('/congresses/:id/assignments', { schema: { params: idParams, body: assignmentsRequestSchema } }, async (req) =>
      campaigns.setAssignments(requireSession(req).actor, req.params.id, req.body),
    );
    app.put('/congresses/:id/village-election', { schema: { params: idParams, body: villageElectionRequestSchema } }, async (req) =>
      campaigns.setVillageElection(requireSession(req).actor, req.params.id, req.body),
    );
    app.post('/congresses/:id/sessions', { schema: { params: idParams, body: createSessionRequestSchema } }, async (req, reply) => {
      reply.status(201);
      return campaigns.addSession(requireSession(req).actor, req.params.id, req.body);
    });
    app.put('/congresses/:id/sessions/:sessionId/safety', { schema: { params: z.object({ id: idNum, sessionId: idNum }), body: safetyChecksRequestSchema } }, async (req) =>
      campaigns.tickSafety(requireSession(req).actor, req.params.id, req.params.sessionId, req.body),
    );
  };

