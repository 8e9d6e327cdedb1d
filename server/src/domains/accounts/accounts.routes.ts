import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  auditQuerySchema,
  changePasswordRequestSchema,
  createUserRequestSchema,
  loginRequestSchema,
  updateUserRequestSchema,
} from '../../../../shared/src/contracts/accounts.ts';
import { clearSessionCookie, requireSession, setSessionCookie } from '../../platform/http/session.ts';
import type { AccountsService } from './accounts.service.ts';

export const accountsRoutes =
  (accounts: AccountsService, opts: { cookieSecure: boolean }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post('/auth/login', { schema: { body: loginRequestSchema } }, async (req, reply) => {
      const { token, expiresAt } = await accounts.login(req.body.username, req.body.password, req.ip);
      setSessionCookie(reply, token, expiresAt, opts.cookieSecure);
      const ctx = await accounts.resolveSession(token, req.ip);
      return accounts.me(ctx);
    });

    app.post('/auth/logout', async (req, reply) => {
      const ctx = requireSession(req);
      await accounts.logout(ctx);
      clearSessionCookie(reply, opts.cookieSecure);
      return { ok: true };
    });

    app.get('/auth/me', async (req) => accounts.me(requireSession(req)));

    app.post('/auth/password', { schema: { body: changePasswordRequestSchema } }, async (req) => {
      await accounts.changePassword(requireSession(req), req.body.currentPassword, req.body.newPassword);
      return { ok: true };
    });

    app.get('/users', async (req) => accounts.listUsers(requireSession(req).actor));
    app.post('/users', { schema: { body: createUserRequestSchema } }, async (req, reply) => {
      reply.status(201);
      return accounts.createUser(requireSession(req).actor, req.body);
    });
    app.patch('/users/:id', { schema: { params: z.object({ id: z.coerce.number().int().positive() }), body: updateUserRequestSchema } }, async (req) =>
      accounts.updateUser(requireSession(req).actor, req.params.id, req.body),
    );

    app.get('/audit', { schema: { querystring: auditQuerySchema } }, async (req) => accounts.queryAudit(requireSession(req).actor, req.query));
  };
