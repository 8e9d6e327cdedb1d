import type { Queryable } from '../../platform/db/db.ts';
import type { Role } from '../../../../shared/src/contracts/accounts.ts';

export type UserRow = {
  id: number;
  username: string;
  full_name: string;
  password_hash: string;
  role: Role;
  org_id: number;
  org_code: string;
  org_name: string;
  org_path: string;
  active: boolean;
  must_change_password: boolean;
  created_at: Date;
};

const userSelect = `SELECT u.id, u.username, u.full_name, u.password_hash, u.role, u.org_id, u.active, u.must_change_password, u.created_at,
  o.code AS org_code, o.name AS org_name, o.path::text AS org_path
  FROM users u JOIN organizations o ON o.id = u.org_id`;

export const usersRepo = {
  async byUsername(db: Queryable, username: string): Promise<UserRow | undefined> {
    const r = await db.query<UserRow>(`${userSelect} WHERE lower(u.username) = lower($1)`, [username]);
    return r.rows[0];
  },
  async byId(db: Queryable, id: number): Promise<UserRow | undefined> {
    const r = await db.query<UserRow>(`${userSelect} WHERE u.id = $1`, [id]);
    return r.rows[0];
  },
  async listInScope(db: Queryable, scopePath: string): Promise<UserRow[]> {
    const r = await db.query<UserRow>(`${userSelect} WHERE o.path <@ $1::ltree ORDER BY u.username`, [scopePath]);
    return r.rows;
  },
  async insert(
    db: Queryable,
    u: { username: string; fullName: string; passwordHash: string; role: Role; orgId: number; mustChangePassword: boolean },
  ): Promise<number> {
    const r = await db.query<{ id: number }>(
      `INSERT INTO users (username, full_name, password_hash, role, org_id, must_change_password)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [u.username, u.fullName, u.passwordHash, u.role, u.orgId, u.mustChangePassword],
    );
    return r.rows[0]!.id;
  },
  async count(db: Queryable): Promise<number> {
    const r = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    return r.rows[0]!.n;
  },
};

export type SessionRow = { user_id: number; csrf_token: string; expires_at: Date };

export const sessionsRepo = {
  async insert(db: Queryable, s: { tokenHash: string; userId: number; csrfToken: string; expiresAt: Date }) {
    await db.query(`INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)`, [
      s.tokenHash,
      s.userId,
      s.csrfToken,
      s.expiresAt,
    ]);
  },
  async byTokenHash(db: Queryable, tokenHash: string): Promise<SessionRow | undefined> {
    const r = await db.query<SessionRow>(`SELECT user_id, csrf_token, expires_at FROM sessions WHERE token_hash = $1`, [tokenHash]);
    return r.rows[0];
  },
  async delete(db: Queryable, tokenHash: string) {
    await db.query(`DELETE FROM sessions WHERE token_hash = $1`, [tokenHash]);
  },
  async deleteForUser(db: Queryable, userId: number, exceptTokenHash?: string) {
    await db.query(`DELETE FROM sessions WHERE user_id = $1 AND token_hash <> coalesce($2, '')`, [userId, exceptTokenHash ?? null]);
  },
};
