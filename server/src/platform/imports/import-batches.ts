import type { Queryable } from '../db/db.ts';
import { fail } from '../http/errors.ts';

/** Previews waiting for the user's confirmation, one table per kind of import. */
export type ImportBatchTable = 'import_batches' | 'person_import_batches' | 'campaign_import_batches';

/**
 * The preview a user confirms, locked for the applying transaction. Another user's preview, an
 * unknown id and one already applied are all IMPORT_BATCH_NOT_FOUND; `scope` narrows further
 * (the campaign a progress import belongs to).
 */
export async function claimImportBatch<T extends { status: string }>(
  tx: Queryable,
  table: ImportBatchTable,
  batchId: string,
  userId: number,
  scope: Record<string, number> = {},
): Promise<T> {
  const extra = Object.keys(scope);
  const r = await tx.query<T>(
    `SELECT * FROM ${table} WHERE id = $1 AND user_id = $2${extra.map((col, i) => ` AND ${col} = $${i + 3}`).join('')} FOR UPDATE`,
    [batchId, userId, ...extra.map((col) => scope[col])],
  );
  const batch = r.rows[0];
  if (!batch || batch.status !== 'pending') fail('IMPORT_BATCH_NOT_FOUND');
  return batch!;
}

export async function markImportApplied(tx: Queryable, table: ImportBatchTable, batchId: string): Promise<void> {
  await tx.query(`UPDATE ${table} SET status = 'applied', applied_at = now() WHERE id = $1`, [batchId]);
}
