import type { Queryable } from '../../platform/db/db.ts';
import { foldVietnamese } from '../../../../shared/src/text.ts';

export type BulkNode = {
  key: string; // the code
  parentKey: string | null;
  name: string;
  typeCode: string;
  kindCode: string;
  fullMembers: number;
  probationaryMembers: number;
  activeFrom?: string | null;
};

/**
 * Loads a whole tree (parents listed before children) in a few statements: ids are
 * reserved from the sequence, paths computed here, rows sent as arrays through unnest.
 * Used by the demo seed and the national-size benchmark; users go through the service.
 */
export async function bulkLoadTree(tx: Queryable, nodes: BulkNode[], parentOfRoots?: { id: number; path: string }): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  await tx.query(`SELECT set_config('daihoi.bulk_load', 'on', true)`);
  const paths = new Map<string, string>();
  const reserved = await tx.query<{ id: number }>(
    `SELECT nextval(pg_get_serial_sequence('organizations', 'id'))::int AS id FROM generate_series(1, $1::int)`,
    [nodes.length],
  );
  nodes.forEach((n, i) => ids.set(n.key, reserved.rows[i]!.id));
  const BATCH = 5000;
  for (let start = 0; start < nodes.length; start += BATCH) {
    const chunk = nodes.slice(start, start + BATCH);
    const cols: unknown[][] = [[], [], [], [], [], [], [], [], [], [], []];
    for (const n of chunk) {
      const id = ids.get(n.key)!;
      let parentId: number | null = null;
      let parentPath: string | null = null;
      if (n.parentKey) {
        parentId = ids.get(n.parentKey) ?? null;
        parentPath = paths.get(n.parentKey) ?? null;
        if (parentId === null || parentPath === null) throw new Error(`bulkLoadTree: parent ${n.parentKey} of ${n.key} must come first`);
      } else if (parentOfRoots) {
        parentId = parentOfRoots.id;
        parentPath = parentOfRoots.path;
      }
      const path = parentPath ? `${parentPath}.${id}` : String(id);
      paths.set(n.key, path);
      const row = [id, n.key, n.name, foldVietnamese(n.name), parentId, path, n.typeCode, n.kindCode, n.fullMembers, n.probationaryMembers, n.activeFrom ?? null];
      row.forEach((v, i) => cols[i]!.push(v));
    }
    await tx.query(
      `INSERT INTO organizations (id, code, name, search_text, parent_id, path, type_code, kind_code, full_members, probationary_members, active_from)
       OVERRIDING SYSTEM VALUE
       SELECT id, code, name, st, pid, p::ltree, tc, kc, fm, pm, af FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::int[], $10::int[], $11::date[])
         AS t(id, code, name, st, pid, p, tc, kc, fm, pm, af)`,
      cols,
    );
  }
  await tx.query(`SELECT set_config('daihoi.bulk_load', 'off', true)`);
  await tx.query(`SELECT org_rollup_add_rows($1::int[])`, [[...ids.values()]]);
  return ids;
}
