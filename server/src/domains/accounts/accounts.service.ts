import crypto from 'node:crypto';
import type { Db } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, fail } from '../../platform/http/errors.ts';
import type {
  AuditEntry,
  AuditQuery,
  CreateUserRequest,
  Me,
  UpdateUserRequest,
  User,
} from '../../../../shared/src/contracts/accounts.ts';
import { abilities } from './accounts.policy.ts';
import { sessionsRepo, usersRepo, type UserRow } from './accounts.repository.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.ts';

export type AccountsDeps = {
  db: Db;
  clock: Clock;
  sessionTtlHours: number;
  loginMaxFailures: number;
  loginWindowMinutes: number;
};

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const randomToken = () => crypto.randomBytes(32).toString('base64url');

export type SessionContext = { actor: Actor; csrfToken: string; tokenHash: string; user: UserRow };

function presentUser(u: UserRow): User {
  return {
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    role: u.role,
    scopeOrg: { id: u.org_id, code: u.org_code, name: u.org_name },
    active: u.active,
    createdAt: u.created_at.toISOString(),
  };
}

export function createAccountsService(deps: AccountsDeps) {
  const { db, clock } = deps;

  async function orgPathInScope(actor: Actor, orgId: number): Promise<string> {
    const r = await db.query<{ path: string; inside: boolean }>(
      `SELECT path::text AS path, path <@ $2::ltree AS inside FROM organizations WHERE id = $1`,
      [orgId, actor.scopePath],
    );
    const row = r.rows[0];
    if (!row) throw new DomainError('ORG_NOT_FOUND');
    if (!row.inside) throw new DomainError('ORG_OUT_OF_SCOPE');
    return row.path;
  }

  function requireAdmin(actor: Actor) {
    if (!abilities(actor.role).manageUsers) fail('FORBIDDEN_ROLE');
  }

  return {
    /** Rate limit counts failures per username and per address in a sliding window. */
    async login(username: string, password: string, ip: string): Promise<{ token: string; expiresAt: Date }> {
      const since = new Date(clock.now().getTime() - deps.loginWindowMinutes * 60_000);
      const failures = await db.query<{ by_user: number; by_ip: number }>(
        `SELECT count(*) FILTER (WHERE lower(username) = lower($1))::int AS by_user,
                count(*) FILTER (WHERE ip = $2)::int AS by_ip
           FROM login_attempts WHERE NOT success AND at > $3`,
        [username, ip, since],
      );
      const f = failures.rows[0]!;
      if (f.by_user >= deps.loginMaxFailures || f.by_ip >= deps.loginMaxFailures * 4) {
        await db.query(`INSERT INTO login_attempts (username, ip, success, at) VALUES ($1, $2, false, $3)`, [username, ip, clock.now()]);
        fail('LOGIN_RATE_LIMITED');
      }
      const user = await usersRepo.byUsername(db, username);
      const ok = user ? await verifyPassword(user.password_hash, password) : (await verifyPassword(await dummyPasswordHash(), password), false);
      if (!user || !ok || !user.active) {
        await db.transaction(async (tx) => {
          await tx.query(`INSERT INTO login_attempts (username, ip, success, at) VALUES ($1, $2, false, $3)`, [username, ip, clock.now()]);
          await recordAudit(tx, null, {
            action: 'auth.login_failed',
            entityType: 'user',
            entityId: user?.id ?? null,
            orgId: user?.org_id ?? null,
            summary: `Đăng nhập thất bại: ${username}`,
            details: { ip },
          });
        });
        fail('INVALID_CREDENTIALS');
      }
      const u = user!;
      const token = randomToken();
      const expiresAt = new Date(clock.now().getTime() + deps.sessionTtlHours * 3_600_000);
      await db.transaction(async (tx) => {
        await sessionsRepo.insert(tx, { tokenHash: sha256(token), userId: u.id, csrfToken: randomToken(), expiresAt });
        await tx.query(`INSERT INTO login_attempts (username, ip, success, at) VALUES ($1, $2, true, $3)`, [username, ip, clock.now()]);
        await recordAudit(tx, { userId: u.id, username: u.username, role: u.role, scopeOrgId: u.org_id, scopePath: u.org_path, ip }, {
          action: 'auth.login',
          entityType: 'user',
          entityId: u.id,
          orgId: u.org_id,
          summary: `${u.username} đăng nhập`,
        });
      });
      return { token, expiresAt };
    },

    /** Resolves a cookie token; undefined when absent, SESSION_EXPIRED when stale or revoked. */
    async resolveSession(token: string, ip: string): Promise<SessionContext> {
      const tokenHash = sha256(token);
      const s = await sessionsRepo.byTokenHash(db, tokenHash);
      if (!s) fail('SESSION_EXPIRED');
      if (s!.expires_at.getTime() <= clock.now().getTime()) {
        await sessionsRepo.delete(db, tokenHash);
        fail('SESSION_EXPIRED');
      }
      const user = await usersRepo.byId(db, s!.user_id);
      if (!user || !user.active) fail('SESSION_EXPIRED');
      const u = user!;
      return {
        tokenHash,
        csrfToken: s!.csrf_token,
        user: u,
        actor: { userId: u.id, username: u.username, role: u.role, scopeOrgId: u.org_id, scopePath: u.org_path, ip },
      };
    },

    async logout(ctx: SessionContext) {
      await db.transaction(async (tx) => {
        await sessionsRepo.delete(tx, ctx.tokenHash);
        await recordAudit(tx, ctx.actor, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId, orgId: ctx.actor.scopeOrgId, summary: `${ctx.actor.username} đăng xuất` });
      });
    },

    me(ctx: SessionContext): Me {
      const u = ctx.user;
      return {
        id: u.id,
        username: u.username,
        fullName: u.full_name,
        role: u.role,
        scopeOrg: { id: u.org_id, code: u.org_code, name: u.org_name },
        csrfToken: ctx.csrfToken,
        mustChangePassword: u.must_change_password,
        abilities: abilities(u.role),
      };
    },

    async changePassword(ctx: SessionContext, currentPassword: string, newPassword: string) {
      if (!(await verifyPassword(ctx.user.password_hash, currentPassword))) fail('WRONG_PASSWORD');
      const h = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        await tx.query(`UPDATE users SET password_hash = $2, must_change_password = false, password_changed_at = now(), updated_at = now() WHERE id = $1`, [
          ctx.user.id,
          h,
        ]);
        // Other sessions of this user end: a changed password is often a response to a leak.
        await sessionsRepo.deleteForUser(tx, ctx.user.id, ctx.tokenHash);
        await recordAudit(tx, ctx.actor, { action: 'user.password_changed', entityType: 'user', entityId: ctx.user.id, orgId: ctx.user.org_id, summary: `${ctx.user.username} đổi mật khẩu` });
      });
    },

    async listUsers(actor: Actor): Promise<User[]> {
      requireAdmin(actor);
      return (await usersRepo.listInScope(db, actor.scopePath)).map(presentUser);
    },

    async createUser(actor: Actor | null, input: CreateUserRequest, opts: { mustChangePassword?: boolean } = {}): Promise<User> {
      if (actor) {
        requireAdmin(actor);
        await orgPathInScope(actor, input.scopeOrgId);
      }
      if (await usersRepo.byUsername(db, input.username)) fail('USERNAME_TAKEN', undefined, [{ field: 'username', code: 'USERNAME_TAKEN', message: 'Tên đăng nhập đã được dùng.' }]);
      const passwordHash = await hashPassword(input.password);
      const id = await db.transaction(async (tx) => {
        const newId = await usersRepo.insert(tx, {
          username: input.username,
          fullName: input.fullName,
          passwordHash,
          role: input.role,
          orgId: input.scopeOrgId,
          mustChangePassword: opts.mustChangePassword ?? actor !== null,
        });
        await recordAudit(tx, actor, {
          action: 'user.created',
          entityType: 'user',
          entityId: newId,
          orgId: input.scopeOrgId,
          summary: `Tạo tài khoản ${input.username} (${input.role})`,
          details: { username: input.username, role: input.role, scopeOrgId: input.scopeOrgId },
        });
        return newId;
      });
      return presentUser((await usersRepo.byId(db, id))!);
    },

    async updateUser(actor: Actor, id: number, input: UpdateUserRequest): Promise<User> {
      requireAdmin(actor);
      const existing = await usersRepo.byId(db, id);
      if (!existing) fail('USER_NOT_FOUND');
      await orgPathInScope(actor, existing!.org_id);
      if (input.scopeOrgId !== undefined) await orgPathInScope(actor, input.scopeOrgId);
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      await db.transaction(async (tx) => {
        await tx.query(
          `UPDATE users SET full_name = coalesce($2, full_name), role = coalesce($3, role), org_id = coalesce($4, org_id),
             active = coalesce($5, active), password_hash = coalesce($6, password_hash),
             must_change_password = CASE WHEN $6::text IS NULL THEN must_change_password ELSE true END, updated_at = now()
           WHERE id = $1`,
          [id, input.fullName ?? null, input.role ?? null, input.scopeOrgId ?? null, input.active ?? null, passwordHash],
        );
        if (input.active === false || passwordHash || input.role || input.scopeOrgId) await sessionsRepo.deleteForUser(tx, id);
        const { password: _omit, ...visible } = input;
        await recordAudit(tx, actor, {
          action: 'user.updated',
          entityType: 'user',
          entityId: id,
          orgId: input.scopeOrgId ?? existing!.org_id,
          summary: `Cập nhật tài khoản ${existing!.username}`,
          details: { ...visible, passwordReset: passwordHash !== null },
        });
      });
      return presentUser((await usersRepo.byId(db, id))!);
    },

    async queryAudit(actor: Actor, q: AuditQuery): Promise<{ entries: AuditEntry[]; nextBefore: number | null }> {
      if (!abilities(actor.role).readAudit) fail('FORBIDDEN_ROLE');
      const where: string[] = [`(a.org_path <@ $1::ltree OR (a.org_path IS NULL AND $2::boolean))`];
      // Entries without an organization (system events) are visible only to a root-scoped admin.
      const rootScoped = !actor.scopePath.includes('.');
      const params: unknown[] = [actor.scopePath, rootScoped];
      const add = (sql: string, v: unknown) => {
        params.push(v);
        where.push(sql.replaceAll('?', `$${params.length}`));
      };
      if (q.action) add('a.action LIKE ?', `${q.action.replace(/[%_\\]/g, '\\$&')}%`);
      // A kind covers its sub-kinds: "report" finds the entries of every register ("report.target"…).
      if (q.entityType) add(`(a.entity_type = ? OR split_part(a.entity_type, '.', 1) = ?)`, q.entityType);
      if (q.entityId) add('a.entity_id = ?', q.entityId);
      if (q.actor) add('lower(a.actor_username) = lower(?)', q.actor);
      if (q.from) add('a.at >= ?::date', q.from);
      if (q.to) add(`a.at < (?::date + interval '1 day')`, q.to);
      if (q.before) add('a.id < ?', q.before);
      params.push(q.limit + 1);
      const r = await db.query<{
        id: number;
        at: Date;
        actor_username: string | null;
        action: string;
        entity_type: string;
        entity_id: string | null;
        org_id: number | null;
        summary: string;
        details: unknown;
      }>(
        `SELECT a.id, a.at, a.actor_username, a.action, a.entity_type, a.entity_id, a.org_id, a.summary, a.details
           FROM audit_log a WHERE ${where.join(' AND ')} ORDER BY a.id DESC LIMIT $${params.length}`,
        params,
      );
      const rows = r.rows.slice(0, q.limit);
      return {
        entries: rows.map((e) => ({
          id: Number(e.id),
          at: e.at.toISOString(),
          actorUsername: e.actor_username,
          action: e.action,
          entityType: e.entity_type,
          entityId: e.entity_id,
          orgId: e.org_id,
          summary: e.summary,
          details: e.details,
        })),
        nextBefore: r.rows.length > q.limit ? Number(rows[rows.length - 1]!.id) : null,
      };
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
