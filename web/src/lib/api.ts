import type { ApiErrorDetail } from '../../../shared/src/contracts/errors.ts';
import i18n from '../app/i18n.ts';

/**
 * An API failure as the user should see it: the server's Vietnamese message, its stable code,
 * and per-field or per-row details. Never a stack trace or a bare status number.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

// The CSRF token lives only in memory: it comes from /api/auth/me and goes back on every write.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

type AuthLostListener = (code: 'SESSION_EXPIRED' | 'NOT_AUTHENTICATED') => void;
let authLost: AuthLostListener | null = null;
/** The session provider registers here to send the user back to sign-in from any request. */
export function onAuthLost(listener: AuthLostListener | null) {
  authLost = listener;
}

type Query = Record<string, string | number | boolean | null | undefined>;
export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
};

export function buildUrl(path: string, query?: Query): string {
  const url = `/api${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

function parseErrorBody(status: number, body: unknown): ApiError {
  const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (err && typeof err.code === 'string' && typeof err.message === 'string') {
    return new ApiError(status, err.code, err.message, Array.isArray(err.details) ? (err.details as ApiErrorDetail[]) : []);
  }
  // A proxy page or an empty body: say something useful instead of "500".
  return new ApiError(status, 'UNEXPECTED', i18n.t(status >= 500 ? 'errors.server' : 'errors.unexpected'));
}

/** fetch for our API: same-origin cookies, CSRF header on writes, JSON in and out, typed errors. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'));
  }
  const text = await res.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!res.ok) {
    const error = parseErrorBody(res.status, json);
    if (res.status === 401 && path !== '/auth/login' && (error.code === 'SESSION_EXPIRED' || error.code === 'NOT_AUTHENTICATED')) {
      authLost?.(error.code);
    }
    throw error;
  }
  return json as T;
}

/** Field errors keyed by form field name: "body.code" from validation and "code" from the domain both land on "code". */
export function fieldErrors(error: unknown): { name: string[]; errors: string[] }[] {
  if (!isApiError(error)) return [];
  const byField = new Map<string, string[]>();
  for (const d of error.details) {
    if (!d.field) continue;
    const name = d.field.replace(/^(body|querystring|params)(\.|$)/, '');
    if (!name) continue;
    byField.set(name, [...(byField.get(name) ?? []), d.message]);
  }
  return [...byField].map(([name, errors]) => ({ name: name.split('.'), errors }));
}

export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
  return i18n.t('errors.unexpected');
}
