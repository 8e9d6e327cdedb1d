import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addCandidateRequestSchema,
  advanceComplaintRequestSchema,
  approveListRequestSchema,
  concurrentQuerySchema,
  concurrentTargetRequestSchema,
  createComplaintRequestSchema,
  createCommitteeElectionRequestSchema,
  createFirstMeetingElectionRequestSchema,
  createPersonRequestSchema,
  personListQuerySchema,
  recordStepRequestSchema,
  savePlanRequestSchema,
  saveStepsRequestSchema,
  saveTargetsRequestSchema,
  updateCandidateRequestSchema,
  updatePersonRequestSchema,
} from '../../../../shared/src/contracts/personnel.ts';
import { fail } from '../../platform/http/errors.ts';
import { requireSession } from '../../platform/http/session.ts';
import { attachment } from '../../platform/http/attachment.ts';
import { readUpload } from '../../platform/files/files.ts';
import type { PeopleService } from './people.service.ts';
import type { CongressPersonnelService } from './congress-personnel.service.ts';
import type { ConcurrentPostsService } from './concurrent-posts.service.ts';

const idNum = z.coerce.number().int().positive().max(2_147_483_647);
const idParams = z.object({ id: idNum });
const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export const personnelRoutes =
  (people: PeopleService, congress: CongressPersonnelService, concurrent: ConcurrentPostsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/personnel/presets', async (req) => {
      requireSession(req);
      return congress.presets();
    });
    app.get('/personnel/congresses', { schema: { querystring: z.strictObject({ q: z.string().trim().max(100).optional() }) } }, async (req) =>
      congress.congresses(requireSession(req).actor, req.query.q),
    );
    app.get('/people', { schema: { querystring: personListQuerySchema } }, async (req) => people.list(requireSession(req).actor, req.query));
    app.post('/people', { schema: { body: createPersonRequestSchema } }, async (req, reply) => {
      reply.status(201);
      return people.create(requireSession(req).actor, req.body);
    });
    app.get('/people/import/template', async (req, reply) => {
      requireSession(req);
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', attachment('mau-nhap-can-bo.xlsx'));
      return people.template();
    });
    app.post('/people/import/preview', async (req) => {
      const ctx = requireSession(req);
      const file = await readUpload(req, { maxBytes: IMPORT_MAX_BYTES });
      if (!/\.xlsx$/i.test(file.fileName)) fail('IMPORT_FILE_INVALID', 'Chỉ nhận tệp Excel .xlsx (hãy dùng tệp mẫu).');
      return people.previewImport(ctx.actor, { name: file.fileName, data: file.bytes });
    });
    app.post('/people/import/:batchId/apply', { schema: { params: z.object({ batchId: z.uuid() }) } }, async (req) => people.applyImport(requireSession(req).actor, req.params.batchId));
    app.get('/people/:id', { schema: { params: idParams } }, async (req) => people.get(requireSession(req).actor, req.params.id));
    app.patch('/people/:id', { schema: { params: idParams, body: updatePersonRequestSchema } }, async (req) => people.update(requireSession(req).actor, req.params.id, req.body));
    app.post('/people/:id/documents', { schema: { params: idParams } }, async (req, reply) => {
      const ctx = requireSession(req);
      const file = await readUpload(req);
      reply.status(201);
      return people.attachDocument(ctx.actor, req.params.id, { fileName: file.fileName, bytes: file.bytes, label: file.fields.label });
    });
    app.get('/people/:id/documents/:docId', { schema: { params: z.object({ id: idNum, docId: idNum }) } }, async (req, reply) => {
      const f = await people.document(requireSession(req).actor, req.params.id, req.params.docId);
      reply.header('content-type', f.contentType);
      reply.header('content-disposition', attachment(f.fileName));
      return f.bytes;
    });
    app.post('/people/:id/complaints', { schema: { params: idParams, body: createComplaintRequestSchema } }, async (req, reply) => {
      reply.status(201);
      return people.addComplaint(requireSession(req).actor, req.params.id, req.body);
    });
    app.get('/complaints/:id', { schema: { params: idParams } }, async (req) => people.complaint(requireSession(req).actor, req.params.id));
    app.post('/complaints/:id/files', { schema: { params: idParams } }, async (req, reply) => {
      const ctx = requireSession(req);
      const file = await readUpload(req);
      reply.status(201);
      return people.attachComplaintFile(ctx.actor, req.params.id, { fileName: file.fileName, bytes: file.bytes });
    });
    app.get('/complaints/:id/files/:fileId', { schema: { params: z.object({ id: idNum, fileId: idNum }) } }, async (req, reply) => {
      const f = await people.complaintFile(requireSession(req).actor, req.params.id, req.params.fileId);
      reply.header('content-type', f.contentType);
      reply.header('content-disposition', attachment(f.fileName));
      return f.bytes;
    });
    app.post('/complaints/:id/advance', { schema: { params: idParams, body: advanceComplaintRequestSchema } }, async (req) => people.advanceComplaint(requireSession(req).actor, req.params.id, req.body));

    app.get('/congresses/:id/personnel', { schema: { params: idParams } }, async (req) => congress.view(requireSession(req).actor, req.params.id));
    app.put('/congresses/:id/personnel/plan', { schema: { params: idParams, body: savePlanRequestSchema } }, async (req) => congress.savePlan(requireSession(req).actor, req.params.id, req.body));
    app.put('/congresses/:id/personnel/targets', { schema: { params: idParams, body: saveTargetsRequestSchema } }, async (req) =>
      congress.saveTargets(requireSession(req).actor, req.params.id, req.body),
    );
    app.put('/congresses/:id/personnel/steps', { schema: { params: idParams, body: saveStepsRequestSchema } }, async (req) =>
      congress.saveSteps(requireSession(req).actor, req.params.id, req.body),
    );
    app.post('/congresses/:id/personnel/candidates', { schema: { params: idParams, body: addCandidateRequestSchema } }, async (req) =>
      congress.addCandidate(requireSession(req).actor, req.params.id, req.body),
    );
    const candParams = z.object({ id: idNum, personId: idNum });
    app.patch('/congresses/:id/personnel/candidates/:personId', { schema: { params: candParams, body: updateCandidateRequestSchema } }, async (req) =>
      congress.updateCandidate(requireSession(req).actor, req.params.id, req.params.personId, req.body),
    );
    app.post('/congresses/:id/personnel/candidates/:personId/remove', { schema: { params: candParams } }, async (req) =>
      congress.removeCandidate(requireSession(req).actor, req.params.id, req.params.personId),
    );
    app.put('/congresses/:id/personnel/steps/:no', { schema: { params: z.object({ id: idNum, no: z.coerce.number().int().min(1).max(20) }), body: recordStepRequestSchema } }, async (req) =>
      congress.recordStep(requireSession(req).actor, req.params.id, req.params.no, req.body),
    );
    app.post('/congresses/:id/personnel/approve', { schema: { params: idParams, body: approveListRequestSchema } }, async (req) =>
      congress.approveList(requireSession(req).actor, req.params.id, req.body.version),
    );
    app.post('/congresses/:id/personnel/election', { schema: { params: idParams, body: createCommitteeElectionRequestSchema } }, async (req, reply) => {
      reply.status(201);
      return congress.createCommitteeElection(requireSession(req).actor, req.params.id, req.body);
    });
    app.post('/congresses/:id/personnel/first-meeting', { schema: { params: idParams, body: createFirstMeetingElectionRequestSchema } }, async (req, reply) => {
      reply.status(201);
      return congress.createFirstMeetingElection(requireSession(req).actor, req.params.id, req.body);
    });

    app.get('/personnel/concurrent', { schema: { querystring: concurrentQuerySchema } }, async (req) => concurrent.report(requireSession(req).actor, req.query.orgId));
    app.put('/personnel/concurrent/targets', { schema: { body: concurrentTargetRequestSchema } }, async (req) => concurrent.setTarget(requireSession(req).actor, req.body));
  };
