import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  closeOrgRequestSchema,
  createOrgRequestSchema,
  mergeOrgsRequestSchema,
  moveOrgRequestSchema,
  orgSearchQuerySchema,
  updateOrgRequestSchema,
} from '../../../../shared/src/contracts/organizations.ts';
import { fail } from '../../platform/http/errors.ts';
import { requireSession } from '../../platform/http/session.ts';
import { attachment } from '../../platform/http/attachment.ts';
import type { OrganizationsService } from './organizations.service.ts';

const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const inactiveQuery = z.object({ includeInactive: z.enum(['true', 'false']).optional() });


export const organizationsRoutes =
  (orgs: OrganizationsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/org-reference', async (req) => {
      requireSession(req);
      return orgs.reference();
    });
    app.get('/orgs/root', async (req) => orgs.scopeRoot(requireSession(req).actor));
    app.get('/orgs/search', { schema: { querystring: orgSearchQuerySchema } }, async (req) =>
      orgs.search(requireSession(req).actor, req.query.q, req.query.limit, req.query.includeClosed === 'true'),
    );
    app.get('/orgs/import/template', async (req, reply) => {
      requireSession(req);
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', attachment('mau-nhap-to-chuc.xlsx'));
      return orgs.template();
    });
    app.post('/orgs/import/preview', async (req) => {
      const ctx = requireSession(req);
      if (!req.isMultipart()) fail('UNSUPPORTED_MEDIA_TYPE', 'Hãy gửi tệp dạng multipart/form-data.');
      const file = await req.file();
      if (!file) fail('IMPORT_FILE_INVALID', 'Chưa chọn tệp.');
      const data = await file!.toBuffer();
      if (!/\.(xlsx|csv)$/i.test(file!.filename)) fail('IMPORT_FILE_INVALID', 'Chỉ nhận tệp .xlsx hoặc .csv.');
      return orgs.previewImport(ctx.actor, { name: file!.filename, data });
    });
    app.post('/orgs/import/:batchId/apply', { schema: { params: z.object({ batchId: z.uuid() }) } }, async (req) =>
      orgs.applyImport(requireSession(req).actor, req.params.batchId),
    );
    app.post('/orgs/merge', { schema: { body: mergeOrgsRequestSchema } }, async (req, reply) => {
      reply.status(201);
      return orgs.merge(requireSession(req).actor, req.body);
    });
    app.post('/orgs', { schema: { body: createOrgRequestSchema } }, async (req, reply) => {
      reply.status(201);
      return orgs.create(requireSession(req).actor, req.body);
    });
    app.get('/orgs/:id', { schema: { params: idParams } }, async (req) => orgs.get(requireSession(req).actor, req.params.id));
    app.get('/orgs/:id/children', { schema: { params: idParams, querystring: inactiveQuery } }, async (req) =>
      orgs.children(requireSession(req).actor, req.params.id, req.query.includeInactive === 'true'),
    );
    app.get('/orgs/:id/rollup', { schema: { params: idParams } }, async (req) => orgs.rollup(requireSession(req).actor, req.params.id));
    app.get('/orgs/:id/history', { schema: { params: idParams } }, async (req) => orgs.history(requireSession(req).actor, req.params.id));
    app.get('/orgs/:id/merges', { schema: { params: idParams } }, async (req) => orgs.merges(requireSession(req).actor, req.params.id));
    app.get(
      '/orgs/:id/export',
      { schema: { params: idParams, querystring: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx'), includeInactive: z.enum(['true', 'false']).optional() }) } },
      async (req, reply) => {
        const f = await orgs.exportSubtree(requireSession(req).actor, req.params.id, req.query.format, req.query.includeInactive === 'true');
        reply.header('content-type', f.contentType);
        reply.header('content-disposition', attachment(f.fileName));
        return f.body;
      },
    );
    app.patch('/orgs/:id', { schema: { params: idParams, body: updateOrgRequestSchema } }, async (req) =>
      orgs.update(requireSession(req).actor, req.params.id, req.body),
    );
    app.post('/orgs/:id/move', { schema: { params: idParams, body: moveOrgRequestSchema } }, async (req) =>
      orgs.move(requireSession(req).actor, req.params.id, req.body),
    );
    app.post('/orgs/:id/close', { schema: { params: idParams, body: closeOrgRequestSchema } }, async (req) =>
      orgs.close(requireSession(req).actor, req.params.id, req.body),
    );
  };
