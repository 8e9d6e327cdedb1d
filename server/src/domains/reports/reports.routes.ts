import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createDisciplineSchema,
  createOversightSchema,
  createResolutionSchema,
  createStudySessionSchema,
  createTargetSchema,
  recordProgressSchema,
  registerExportQuerySchema,
  registerQuerySchema,
  summaryQuerySchema,
  updateDisciplineSchema,
  updateOversightSchema,
  updateResolutionSchema,
  updateStudySessionSchema,
  updateTargetSchema,
} from '../../../../shared/src/contracts/reports.ts';
import { requireSession } from '../../platform/http/session.ts';
import { attachment } from '../../platform/http/attachment.ts';
import type { RegistersService } from './registers.service.ts';
import type { ResolutionsService } from './resolutions.service.ts';
import type { SummaryService } from './summary.service.ts';
import type { RegisterExportService } from './register-export.ts';

const idNum = z.coerce.number().int().positive().max(2_147_483_647);
const idParams = z.object({ id: idNum });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const registerNames = { oversight: 'oversight', disciplines: 'discipline', 'study-sessions': 'studySession' } as const;

export const reportsRoutes =
  (s: { registers: RegistersService; resolutions: ResolutionsService; summary: SummaryService; exports: RegisterExportService }): FastifyPluginAsyncZod =>
  async (app) => {
    // ---- Registers: list (subtree and period), create, edit, Excel ----
    for (const [path, name] of Object.entries(registerNames)) {
      app.get(`/registers/${path}`, { schema: { querystring: registerQuerySchema } }, async (req) => s.registers.list(requireSession(req).actor, name, req.query));
      app.get(`/registers/${path}/:id`, { schema: { params: idParams } }, async (req) => s.registers.get(requireSession(req).actor, name, req.params.id));
      app.get(`/registers/${path}/export`, { schema: { querystring: registerExportQuerySchema } }, async (req, reply) => {
        const f = await s.exports.export(requireSession(req).actor, name, req.query);
        reply.header('content-type', XLSX);
        reply.header('content-disposition', attachment(f.fileName));
        return f.body;
      });
    }
    app.post('/registers/oversight', { schema: { body: createOversightSchema } }, async (req, reply) => {
      reply.status(201);
      return s.registers.createOversight(requireSession(req).actor, req.body);
    });
    app.patch('/registers/oversight/:id', { schema: { params: idParams, body: updateOversightSchema } }, async (req) => s.registers.updateOversight(requireSession(req).actor, req.params.id, req.body));
    app.post('/registers/disciplines', { schema: { body: createDisciplineSchema } }, async (req, reply) => {
      reply.status(201);
      return s.registers.createDiscipline(requireSession(req).actor, req.body);
    });
    app.patch('/registers/disciplines/:id', { schema: { params: idParams, body: updateDisciplineSchema } }, async (req) => s.registers.updateDiscipline(requireSession(req).actor, req.params.id, req.body));
    app.post('/registers/study-sessions', { schema: { body: createStudySessionSchema } }, async (req, reply) => {
      reply.status(201);
      return s.registers.createStudySession(requireSession(req).actor, req.body);
    });
    app.patch('/registers/study-sessions/:id', { schema: { params: idParams, body: updateStudySessionSchema } }, async (req) =>
      s.registers.updateStudySession(requireSession(req).actor, req.params.id, req.body),
    );

    // Resolutions, their targets and progress
    app.get('/registers/resolutions', { schema: { querystring: registerQuerySchema } }, async (req) => s.resolutions.list(requireSession(req).actor, req.query));
    app.get('/registers/resolutions/export', { schema: { querystring: registerExportQuerySchema } }, async (req, reply) => {
      const f = await s.exports.exportResolutions(requireSession(req).actor, req.query);
      reply.header('content-type', XLSX);
      reply.header('content-disposition', attachment(f.fileName));
      return f.body;
    });
    app.get('/registers/resolutions/:id', { schema: { params: idParams } }, async (req) => s.resolutions.get(requireSession(req).actor, req.params.id));
    app.post('/registers/resolutions', { schema: { body: createResolutionSchema } }, async (req, reply) => {
      reply.status(201);
      return s.resolutions.create(requireSession(req).actor, req.body);
    });
    app.patch('/registers/resolutions/:id', { schema: { params: idParams, body: updateResolutionSchema } }, async (req) => s.resolutions.update(requireSession(req).actor, req.params.id, req.body));
    app.post('/registers/resolutions/:id/targets', { schema: { params: idParams, body: createTargetSchema } }, async (req, reply) => {
      reply.status(201);
      return s.resolutions.createTarget(requireSession(req).actor, req.params.id, req.body);
    });
    app.patch('/registers/targets/:id', { schema: { params: idParams, body: updateTargetSchema } }, async (req) => s.resolutions.updateTarget(requireSession(req).actor, req.params.id, req.body));
    app.post('/registers/targets/:id/progress', { schema: { params: idParams, body: recordProgressSchema } }, async (req) => s.resolutions.recordProgress(requireSession(req).actor, req.params.id, req.body));

    // ---- The campaign's summary report: page data, DOCX, XLSX ----
    app.get('/campaigns/:id/summary-report', { schema: { params: idParams, querystring: summaryQuerySchema } }, async (req) => s.summary.build(requireSession(req).actor, req.params.id, req.query));
    app.get('/campaigns/:id/summary-report.docx', { schema: { params: idParams, querystring: summaryQuerySchema } }, async (req, reply) => {
      const f = await s.summary.docx(requireSession(req).actor, req.params.id, req.query);
      reply.header('content-type', DOCX);
      reply.header('content-disposition', attachment(f.fileName));
      return f.body;
    });
    app.get('/campaigns/:id/summary-report.xlsx', { schema: { params: idParams, querystring: summaryQuerySchema } }, async (req, reply) => {
      const f = await s.summary.xlsx(requireSession(req).actor, req.params.id, req.query);
      reply.header('content-type', XLSX);
      reply.header('content-disposition', attachment(f.fileName));
      return f.body;
    });
  };
