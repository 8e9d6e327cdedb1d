import type { Queryable } from '../db/db.ts';

export type Actor = {
  userId: number;
  username: string;
  role: 'admin' | 'organizer' | 'counter' | 'viewer';
  scopeOrgId: number;
  /** ltree path of the scope organization. */
  scopePath: string;
  ip?: string;
};

export type AuditRecord = {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  orgId?: number | null;
  summary: string;
  details?: unknown;
};

/**
 * Writes one audit entry inside the caller's transaction, so that the change and its
 * record commit together or not at all. The table refuses UPDATE and DELETE.
 */
export async function recordAudit(tx: Queryable, actor: Actor | null, rec: AuditRecord): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (actor_user_id, actor_username, action, entity_type, entity_id, org_id, org_path, summary, details, ip)
     VALUES ($1, $2, $3, $4, $5, $6, (SELECT path FROM organizations WHERE id = $6), $7, $8::jsonb, $9)`,
    [
      actor?.userId ?? null,
      actor?.username ?? null,
      rec.action,
      rec.entityType,
      rec.entityId == null ? null : String(rec.entityId),
      rec.orgId ?? null,
      rec.summary,
      JSON.stringify(rec.details ?? {}),
      actor?.ip ?? null,
    ],
  );
}
