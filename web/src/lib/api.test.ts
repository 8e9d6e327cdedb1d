import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, fieldErrors, onAuthLost, setCsrfToken } from './api.ts';

type Call = { url: string; init: RequestInit };

function stubFetch(status: number, body: unknown, calls: Call[] = []) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(text, { status, headers: { 'content-type': 'application/json' } });
    }),
  );
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  onAuthLost(null);
});

describe('api', () => {
  it('sends cookies of this site only, and the CSRF token on writes but not on reads', async () => {
    const calls = stubFetch(200, { ok: true });
    setCsrfToken('tok-123');
    await api('/orgs/1');
    await api('/orgs/1', { method: 'PATCH', body: { version: 1, name: 'Chi bộ 1' } });
    const [read, write] = calls;
    expect(read!.init.credentials).toBe('same-origin');
    expect((read!.init.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
    expect((write!.init.headers as Record<string, string>)['x-csrf-token']).toBe('tok-123');
    expect(write!.init.body).toBe(JSON.stringify({ version: 1, name: 'Chi bộ 1' }));
  });

  it('builds query strings without empty values', async () => {
    const calls = stubFetch(200, []);
    await api('/orgs/search', { query: { q: 'móng cái', limit: 30, includeClosed: undefined, x: '' } });
    expect(calls[0]!.url).toBe('/api/orgs/search?q=m%C3%B3ng+c%C3%A1i&limit=30');
  });

  it('turns an error body into an ApiError with the server’s Vietnamese message and details', async () => {
    stubFetch(409, {
      error: { code: 'ORG_CODE_TAKEN', message: 'Mã tổ chức đã được dùng.', details: [{ field: 'body.code', code: 'ORG_CODE_TAKEN', message: 'Mã "QN" đã được dùng.' }] },
    });
    const err = await api('/orgs', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 409, code: 'ORG_CODE_TAKEN', message: 'Mã tổ chức đã được dùng.' });
    expect(fieldErrors(err)).toEqual([{ name: ['code'], errors: ['Mã "QN" đã được dùng.'] }]);
  });

  it('never shows a bare status or a proxy page: an unreadable 500 becomes a Vietnamese sentence', async () => {
    stubFetch(502, '<html>Bad Gateway</html>');
    const err = (await api('/orgs/1').catch((e: unknown) => e)) as ApiError;
    expect(err.code).toBe('UNEXPECTED');
    expect(err.message).toBe('Máy chủ đang gặp sự cố. Vui lòng thử lại sau ít phút.');
    expect(err.message).not.toMatch(/502|500|html/i);
  });

  it('reports a network failure in Vietnamese', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const err = (await api('/orgs/1').catch((e: unknown) => e)) as ApiError;
    expect(err).toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
    expect(err.message).toContain('Không kết nối được máy chủ');
  });

  it('tells the session provider when the session expired, except for a failed sign-in', async () => {
    const lost: string[] = [];
    onAuthLost((code) => lost.push(code));
    stubFetch(401, { error: { code: 'SESSION_EXPIRED', message: 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.' } });
    await api('/orgs/1').catch(() => undefined);
    stubFetch(401, { error: { code: 'INVALID_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' } });
    await api('/auth/login', { method: 'POST', body: {} }).catch(() => undefined);
    expect(lost).toEqual(['SESSION_EXPIRED']);
  });

  it('sends a file as multipart form data, untouched', async () => {
    const calls = stubFetch(200, {});
    const form = new FormData();
    form.append('file', new Blob(['a']), 'to-chuc.xlsx');
    await api('/orgs/import/preview', { method: 'POST', body: form });
    expect(calls[0]!.init.body).toBe(form);
    expect((calls[0]!.init.headers as Record<string, string>)['content-type']).toBeUndefined();
  });
});
