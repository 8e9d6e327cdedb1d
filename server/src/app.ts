import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Services } from './composition.ts';
import { DomainError } from './platform/http/errors.ts';
import { installErrorHandler } from './platform/http/error-handler.ts';
import { checkCsrf, SESSION_COOKIE } from './platform/http/session.ts';
import { accountsRoutes } from './domains/accounts/accounts.routes.ts';
import { organizationsRoutes } from './domains/organizations/organizations.routes.ts';
import { electionsRoutes } from './domains/elections/elections.routes.ts';
import { electionsDocumentsRoutes } from './domains/elections/elections.documents.routes.ts';
import { campaignsRoutes } from './domains/campaigns/index.ts';
import { personnelRoutes } from './domains/personnel/index.ts';
import { delegatesRoutes, publicHealthRoutes } from './domains/delegates/index.ts';
import { documentsRoutes } from './domains/documents/index.ts';
import { reportsRoutes } from './domains/reports/index.ts';

export type AppOptions = Pick<Config, 'cookieSecure' | 'logLevel' | 'webDist'> & Partial<Pick<Config, 'trustProxy'>> & { rateLimitMax?: number };

export async function buildApp(config: AppOptions, services: Services): Promise<FastifyInstance> {
  const trustProxy: FastifyServerOptions['trustProxy'] = config.trustProxy ?? false;
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: 1_048_576,
    trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  // The API described from the same zod schemas that validate it: GET /api/openapi.json.
  await app.register(swagger, {
    openapi: { info: { title: 'Đại Hội API', version: '0.1.0', description: 'Errors: { error: { code, message, details? } } with a stable code.' } },
    transform: jsonSchemaTransform,
  });
  await app.register(cookie);
  // A congress hall sits behind one address: limit per session when there is one, per address
  // otherwise, and only the API (the page's own files are not counted).
  await app.register(rateLimit, {
    max: config.rateLimitMax ?? 600,
    timeWindow: '1 minute',
    keyGenerator: (req) => {
      const token = req.cookies?.[SESSION_COOKIE];
      return token ? `s:${token.slice(0, 16)}` : `ip:${req.ip}`;
    },
    allowList: (req) => !req.url.startsWith('/api/'),
  });
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 10, parts: 12 } });

  app.decorateRequest('session', null);
  app.decorateRequest('sessionError', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    try {
      req.session = await services.accounts.resolveSession(token, req.ip);
    } catch (err) {
      if (err instanceof DomainError) req.sessionError = err;
      else throw err;
    }
  });
  app.addHook('preHandler', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') checkCsrf(req);
    // A temporary password (CLI, reset by an admin) opens nothing but the password change.
    if (req.session?.user.must_change_password && !req.url.startsWith('/api/auth/')) throw new DomainError('PASSWORD_CHANGE_REQUIRED');
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/api/health', async () => {
    await services.db.query('SELECT 1');
    return { status: 'ok', engine: services.db.engine };
  });

  await app.register(
    async (api) => {
      await api.register(accountsRoutes(services.accounts, { cookieSecure: config.cookieSecure }));
      await api.register(organizationsRoutes(services.organizations));
      await api.register(electionsRoutes(services.elections, services.electionEvents));
      await api.register(electionsDocumentsRoutes(services.elections, { db: services.db, clock: services.clock }));
      await api.register(campaignsRoutes(services.campaigns, services.campaignEvents));
      await api.register(personnelRoutes(services.people, services.congressPersonnel, services.concurrentPosts));
      await api.register(delegatesRoutes(services.delegates));
      await api.register(publicHealthRoutes(services.delegates));
      await api.register(documentsRoutes(services.documents));
      await api.register(reportsRoutes(services.reports));
    },
    { prefix: '/api' },
  );

  const indexHtml = path.join(config.webDist, 'index.html');
  if (fs.existsSync(indexHtml)) {
    await app.register(fastifyStatic, { root: config.webDist, wildcard: false, index: false });
    app.get('/assets/*', (req, reply) => reply.sendFile(req.url.replace(/^\//, '').split('?')[0]!));
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !fs.existsSync(indexHtml)) {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Không tìm thấy.' } });
    }
    // The web app routes on the client: every page URL serves the same shell.
    return reply.type('text/html').send(fs.createReadStream(indexHtml));
  });
  return app;
}
