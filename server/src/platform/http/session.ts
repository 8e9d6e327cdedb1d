import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionContext } from '../../domains/accounts/accounts.service.ts';
import { DomainError, fail } from './errors.ts';

export const SESSION_COOKIE = 'daihoi_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionContext | null;
    sessionError: DomainError | null;
  }
}

/** The signed-in actor, or a 401 that tells an expired session apart from none. */
export function requireSession(req: FastifyRequest): SessionContext {
  if (req.session) return req.session;
  throw req.sessionError ?? new DomainError('NOT_AUTHENTICATED');
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

/** Double-check for state-changing requests: the token is readable only by our own pages (via /api/auth/me). */
export function checkCsrf(req: FastifyRequest) {
  if (!req.session) return;
  const sent = req.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || sent !== req.session.csrfToken) fail('CSRF_TOKEN_INVALID');
}
