import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addVersionRequestSchema,
  approveVersionRequestSchema,
  assignRequestSchema,
  batchCommentsRequestSchema,
  commentListQuerySchema,
  commentRequestSchema,
  createConsultationRequestSchema,
  createDocumentRequestSchema,
  createThemeRequestSchema,
  diffQuerySchema,
  hideCommentRequestSchema,
  mergeCommentRequestSchema,
  publicCommentRequestSchema,
  quotesRequestSchema,
  sectionSynthesisQuerySchema,
  synthesisQuerySchema,
  updateConsultationRequestSchema,
  updateThemeRequestSchema,
} from '../../../../shared/src/contracts/documents.ts';
import { requireSession } from '../../platform/http/session.ts';
import { attachment } from '../../platform/http/attachment.ts';
import { readUpload } from '../../platform/files/files.ts';
import type { DocumentsService } from './documents.service.ts';
import { MAX_DOCX_BYTES } from './documents.service.ts';
import type { ConsultationsService } from './consultations.service.ts';
import type { SynthesisService } from './synthesis.service.ts';

const idNum = z.coerce.number().int().positive().max(2_147_483_647);
const bigNum = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const idParams = z.object({ id: idNum });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const documentsRoutes =
  (services: { documents: DocumentsService; consultations: ConsultationsService; synthesis: SynthesisService }): FastifyPluginAsyncZod =>
  async (app) => {
    const { documents, consultations, synthesis } = services;

    // ---- documents of a congress ----
    app.get('/documents/congresses', { schema: { querystring: z.strictObject({ q: z.string().trim().max(200).optional() }) } }, async (req) =>
      documents.congressOptions(requireSession(req).actor, req.query.q),
    );
    app.get('/congresses/:id/documents', { schema: { params: idParams } }, async (req) => documents.congressDocuments(requireSession(req).actor, req.params.id));
    app.post('/congresses/:id/documents', { schema: { params: idParams, body: createDocumentRequestSchema } }, async (req, reply) => {
      reply.status(201);
      return documents.createDocument(requireSession(req).actor, req.params.id, req.body);
    });
    app.get('/documents/:id', { schema: { params: idParams } }, async (req) => documents.getDocument(requireSession(req).actor, req.params.id));
    app.post('/documents/:id/versions', { schema: { params: idParams, body: addVersionRequestSchema }, bodyLimit: 2 * 1024 * 1024 }, async (req, reply) => {
      reply.status(201);
      return documents.addVersion(requireSession(req).actor, req.params.id, req.body);
    });
    app.post('/documents/:id/versions/docx', { schema: { params: idParams } }, async (req, reply) => {
      const actor = requireSession(req).actor;
      const up = await readUpload(req, { maxBytes: MAX_DOCX_BYTES });
      reply.status(201);
      return documents.addDocxVersion(actor, req.params.id, { fileName: up.fileName, bytes: up.bytes, note: up.fields.note?.trim().slice(0, 500) || undefined });
    });
    app.get('/documents/:id/versions/:no', { schema: { params: z.object({ id: idNum, no: idNum }) } }, async (req) =>
      documents.versionView(requireSession(req).actor, req.params.id, req.params.no),
    );
    app.get('/documents/:id/diff', { schema: { params: idParams, querystring: diffQuerySchema } }, async (req) =>
      documents.diff(requireSession(req).actor, req.params.id, req.query.from, req.query.to),
    );
    app.post('/documents/:id/approve', { schema: { params: idParams, body: approveVersionRequestSchema } }, async (req) => documents.approve(requireSession(req).actor, req.params.id, req.body));

    // ---- consultation rounds ----
    app.post('/documents/:id/consultations', { schema: { params: idParams, body: createConsultationRequestSchema } }, async (req, reply) => {
      reply.status(201);
      return consultations.create(requireSession(req).actor, req.params.id, req.body);
    });
    app.get('/consultations', async (req) => consultations.mine(requireSession(req).actor));
    app.get('/consultations/:id', { schema: { params: idParams } }, async (req) => consultations.get(requireSession(req).actor, req.params.id));
    app.patch('/consultations/:id', { schema: { params: idParams, body: updateConsultationRequestSchema } }, async (req) => consultations.update(requireSession(req).actor, req.params.id, req.body));
    app.get('/consultations/:id/draft', { schema: { params: idParams } }, async (req) => consultations.forComment(requireSession(req).actor, req.params.id));
    app.post('/consultations/:id/comments', { schema: { params: idParams, body: commentRequestSchema } }, async (req, reply) => {
      reply.status(201);
      return consultations.comment(requireSession(req).actor, req.params.id, req.body);
    });
    app.post('/consultations/:id/comments/batch', { schema: { params: idParams, body: batchCommentsRequestSchema }, bodyLimit: 16 * 1024 * 1024 }, async (req, reply) => {
      reply.status(201);
      return consultations.ingest(requireSession(req).actor, req.params.id, req.body);
    });
    app.get('/consultations/:id/comments', { schema: { params: idParams, querystring: commentListQuerySchema } }, async (req) =>
      consultations.listComments(requireSession(req).actor, req.params.id, req.query),
    );
    app.get('/consultations/:id/comments.xlsx', { schema: { params: idParams } }, async (req, reply) => {
      const f = await consultations.exportComments(requireSession(req).actor, req.params.id);
      reply.header('content-type', XLSX);
      reply.header('content-disposition', attachment(f.fileName));
      return f.body;
    });
    const commentParams = z.object({ id: idNum, commentId: bigNum });
    app.post('/consultations/:id/comments/:commentId/hide', { schema: { params: commentParams, body: hideCommentRequestSchema } }, async (req) =>
      consultations.hide(requireSession(req).actor, req.params.id, req.params.commentId, req.body.reason),
    );
    app.post('/consultations/:id/comments/:commentId/unhide', { schema: { params: commentParams } }, async (req) =>
      consultations.unhide(requireSession(req).actor, req.params.id, req.params.commentId),
    );
    app.post('/consultations/:id/comments/:commentId/merge', { schema: { params: commentParams, body: mergeCommentRequestSchema } }, async (req) =>
      consultations.merge(requireSession(req).actor, req.params.id, req.params.commentId, req.body.intoId),
    );
    app.post('/consultations/:id/merge-duplicates', { schema: { params: idParams } }, async (req) => consultations.mergeDuplicates(requireSession(req).actor, req.params.id));

    // ---- synthesis ----
    app.get('/consultations/:id/synthesis', { schema: { params: idParams, querystring: synthesisQuerySchema } }, async (req) =>
      synthesis.overview(requireSession(req).actor, req.params.id, req.query.orgId),
    );
    app.get('/consultations/:id/synthesis/section', { schema: { params: idParams, querystring: sectionSynthesisQuerySchema } }, async (req) =>
      synthesis.section(requireSession(req).actor, req.params.id, req.query),
    );
    app.get('/consultations/:id/synthesis.docx', { schema: { params: idParams, querystring: synthesisQuerySchema } }, async (req, reply) => {
      const f = await synthesis.exportDocx(requireSession(req).actor, req.params.id, req.query.orgId);
      reply.header('content-type', DOCX);
      reply.header('content-disposition', attachment(f.fileName));
      return f.body;
    });
    app.post('/consultations/:id/themes', { schema: { params: idParams, body: createThemeRequestSchema } }, async (req, reply) => {
      reply.status(201);
      return synthesis.createTheme(requireSession(req).actor, req.params.id, req.body);
    });
    app.post('/consultations/:id/assign', { schema: { params: idParams, body: assignRequestSchema } }, async (req) => synthesis.assign(requireSession(req).actor, req.params.id, req.body));
    app.patch('/synthesis-themes/:id', { schema: { params: idParams, body: updateThemeRequestSchema } }, async (req) => synthesis.updateTheme(requireSession(req).actor, req.params.id, req.body));
    app.put('/synthesis-themes/:id/quotes', { schema: { params: idParams, body: quotesRequestSchema } }, async (req) => synthesis.setQuotes(requireSession(req).actor, req.params.id, req.body.commentIds));
    app.get(
      '/synthesis-themes/:id/comments',
      { schema: { params: idParams, querystring: z.strictObject({ offset: z.coerce.number().int().min(0).max(10_000_000).default(0), limit: z.coerce.number().int().min(1).max(200).default(50) }) } },
      async (req) => synthesis.themeComments(requireSession(req).actor, req.params.id, req.query.offset, req.query.limit),
    );

    // ---- the public form: no session; limits per address are the service's ----
    const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });
    app.get('/public/consultations/:token', { schema: { params: tokenParams } }, async (req) => consultations.publicView(req.params.token));
    app.post('/public/consultations/:token/comments', { schema: { params: tokenParams, body: publicCommentRequestSchema }, bodyLimit: 64 * 1024 }, async (req, reply) => {
      reply.status(201);
      return consultations.publicComment(req.params.token, req.ip, req.body);
    });
  };
