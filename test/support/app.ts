import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../server/src/app.ts';
import { composeServices, type Services } from '../../server/src/composition.ts';
import type { Clock } from '../../server/src/platform/clock.ts';
import type { Db } from '../../server/src/platform/db/db.ts';
import { bulkLoadTree, type BulkNode } from '../../server/src/domains/organizations/tree-bulk-load.ts';
import type { Role } from '../../shared/src/contracts/accounts.ts';

/** A clock tests can move: sessions expire and rate-limit windows pass without sleeping. */
export function manualClock(start = new Date('2020-05-15T08:00:00Z')) {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) } satisfies Clock & { advance(ms: number): number };
}

export async function testApp(db: Db, clock?: Clock): Promise<{ app: FastifyInstance; services: Services }> {
  const services = composeServices(db, { sessionTtlHours: 8, loginMaxFailures: 5, loginWindowMinutes: 15 }, clock);
  const app = await buildApp({ cookieSecure: false, logLevel: 'silent', webDist: '/nonexistent', rateLimitMax: 100_000 }, services);
  return { app, services };
}

let seq = 0;
/** Each test builds its own small province so tests never step on each other. */
export async function buildProvince(db: Db, opts: { districts?: number; grassroots?: number; cells?: number } = {}) {
  const p = `T${process.pid}x${++seq}x${Math.floor(Math.random() * 1e6)}`;
  const nodes: BulkNode[] = [{ key: p, parentKey: null, name: `Đảng bộ tỉnh Thử ${p}`, typeCode: 'province', kindCode: 'territorial', fullMembers: 0, probationaryMembers: 0 }];
  const districtNames = ['Móng Cái', 'Đầm Hà', 'Bình Liêu', 'Vân Đồn', 'Hạ Long', 'Cẩm Phả'];
  for (let d = 1; d <= (opts.districts ?? 2); d++) {
    const dk = `${p}-D${d}`;
    nodes.push({ key: dk, parentKey: p, name: `Đảng bộ huyện ${districtNames[d - 1] ?? 'Số ' + d}`, typeCode: 'district', kindCode: 'territorial', fullMembers: 0, probationaryMembers: 0 });
    for (let g = 1; g <= (opts.grassroots ?? 2); g++) {
      const gk = `${dk}-G${g}`;
      nodes.push({ key: gk, parentKey: dk, name: `Đảng bộ xã Số ${d}.${g}`, typeCode: 'grassrootsCommittee', kindCode: 'territorial', fullMembers: 0, probationaryMembers: 0 });
      for (let c = 1; c <= (opts.cells ?? 2); c++) {
        nodes.push({ key: `${gk}-C${c}`, parentKey: gk, name: `Chi bộ thôn ${c}`, typeCode: 'subordinateCell', kindCode: 'territorial', fullMembers: 10 * c, probationaryMembers: c });
      }
    }
  }
  const ids = await db.transaction((tx) => bulkLoadTree(tx, nodes));
  return { prefix: p, ids, id: (key: string) => ids.get(key === '' ? p : `${p}${key}`)! };
}

export type Session = { cookie: string; csrf: string; username: string };

export async function createUser(services: Services, role: Role, orgId: number, username?: string) {
  const name = username ?? `${role}${++seq}x${Math.floor(Math.random() * 1e6)}`;
  const password = 'Mat-khau-thu-2020';
  await services.accounts.createUser(null, { username: name, fullName: `Người dùng ${name}`, role, scopeOrgId: orgId, password }, { mustChangePassword: false });
  return { username: name, password };
}

export async function login(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'daihoi_session')!;
  return { cookie: `daihoi_session=${cookie.value}`, csrf: res.json().csrfToken, username };
}

export async function signedIn(app: FastifyInstance, services: Services, role: Role, orgId: number): Promise<Session> {
  const u = await createUser(services, role, orgId);
  return login(app, u.username, u.password);
}

/** A request as the web app makes it: session cookie plus the CSRF header on writes. */
export function as(app: FastifyInstance, s: Session) {
  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
    app.inject({ method, url, payload: payload as object | undefined, headers: { cookie: s.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': s.csrf }) } });
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, payload?: unknown) => call('POST', url, payload ?? {}),
    put: (url: string, payload: unknown) => call('PUT', url, payload),
    patch: (url: string, payload: unknown) => call('PATCH', url, payload),
  };
}

/** A multipart/form-data body with one file (and optional text fields), as a browser's form sends it. */
export function multipartFile(fileName: string, data: Buffer, fields: Record<string, string> = {}, contentType = 'application/octet-stream') {
  const boundary = '----daihoi' + Math.random().toString(16).slice(2);
  const parts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  const payload = Buffer.concat([
    ...parts,
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
