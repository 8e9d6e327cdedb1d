import type { Queryable } from '../../platform/db/db.ts';

export type OrgRow = {
  id: number;
  code: string;
  name: string;
  parent_id: number | null;
  path: string;
  type_code: string;
  kind_code: string;
  level: number;
  full_members: number;
  probationary_members: number;
  active_from: string | null;
  active_to: string | null;
  status: 'active' | 'closed' | 'merged';
  merged_into_id: number | null;
  version: number;
  child_count: number;
};

const cols = `o.id, o.code, o.name, o.parent_id, o.path::text AS path, o.type_code, o.kind_code, t.level,
  o.full_members, o.probationary_members, o.active_from, o.active_to, o.status, o.merged_into_id, o.version`;
const childCount = `(SELECT count(*)::int FROM organizations c WHERE c.parent_id = o.id AND c.status = 'active') AS child_count`;

export const orgsRepo = {
  async byId(db: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<OrgRow | undefined> {
    const r = await db.query<OrgRow>(
      `SELECT ${cols}, ${childCount} FROM organizations o JOIN org_types t ON t.code = o.type_code WHERE o.id = $1${opts.forUpdate ? ' FOR UPDATE OF o' : ''}`,
      [id],
    );
    return r.rows[0];
  },
  async byCodes(db: Queryable, codes: string[]): Promise<(OrgRow & { parent_code: string | null })[]> {
    if (codes.length === 0) return [];
    const r = await db.query<OrgRow & { parent_code: string | null }>(
      `SELECT ${cols}, 0 AS child_count, p.code AS parent_code FROM organizations o JOIN org_types t ON t.code = o.type_code
         LEFT JOIN organizations p ON p.id = o.parent_id WHERE lower(o.code) = ANY($1::text[])`,
      [codes.map((c) => c.toLowerCase())],
    );
    return r.rows;
  },
  async children(db: Queryable, parentId: number, includeInactive: boolean): Promise<OrgRow[]> {
    const r = await db.query<OrgRow>(
      `SELECT ${cols}, ${childCount} FROM organizations o JOIN org_types t ON t.code = o.type_code
        WHERE o.parent_id = $1 ${includeInactive ? '' : `AND o.status = 'active'`}`,
      [parentId],
    );
    return r.rows;
  },
  async namesByIds(db: Queryable, ids: number[]): Promise<Map<number, { id: number; code: string; name: string }>> {
    if (ids.length === 0) return new Map();
    const r = await db.query<{ id: number; code: string; name: string }>(`SELECT id, code, name FROM organizations WHERE id = ANY($1::int[])`, [ids]);
    return new Map(r.rows.map((x) => [x.id, x]));
  },
  async search(db: Queryable, scopePath: string, folded: string, limit: number, includeInactive: boolean): Promise<OrgRow[]> {
    const like = `%${folded.replace(/[%_\\]/g, '\\$&')}%`;
    const r = await db.query<OrgRow>(
      `SELECT ${cols}, 0 AS child_count FROM organizations o JOIN org_types t ON t.code = o.type_code
        WHERE o.path <@ $1::ltree AND (o.search_text LIKE $2 OR lower(o.code) = $3) ${includeInactive ? '' : `AND o.status = 'active'`}
        ORDER BY (lower(o.code) = $3) DESC, nlevel(o.path), o.name LIMIT $4`,
      [scopePath, like, folded, limit],
    );
    return r.rows;
  },
  async insert(
    db: Queryable,
    o: { code: string; name: string; searchText: string; parentId: number; parentPath: string; typeCode: string; kindCode: string; fullMembers: number; probationaryMembers: number; activeFrom: string | null },
  ): Promise<number> {
    // The path needs the new id: take it from the sequence first, then insert once.
    const idRow = await db.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('organizations', 'id'))::int AS id`);
    const id = idRow.rows[0]!.id;
    await db.query(
      `INSERT INTO organizations (id, code, name, search_text, parent_id, path, type_code, kind_code, full_members, probationary_members, active_from)
       OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6::ltree, $7, $8, $9, $10, $11)`,
      [id, o.code, o.name, o.searchText, o.parentId, `${o.parentPath}.${id}`, o.typeCode, o.kindCode, o.fullMembers, o.probationaryMembers, o.activeFrom],
    );
    return id;
  },
  async codeTaken(db: Queryable, code: string, exceptId?: number): Promise<boolean> {
    const r = await db.query(`SELECT 1 FROM organizations WHERE lower(code) = lower($1) AND id <> coalesce($2, -1)`, [code, exceptId ?? null]);
    return r.rows.length > 0;
  },
  /** Re-roots a whole subtree in one statement: every descendant's path follows. */
  async moveSubtree(db: Queryable, id: number, oldPath: string, newParentId: number, newParentPath: string) {
    await db.query(
      `UPDATE organizations SET path = $2::ltree || subpath(path, nlevel($1::ltree) - 1), updated_at = now()
        WHERE path <@ $1::ltree`,
      [oldPath, newParentPath],
    );
    await db.query(`UPDATE organizations SET parent_id = $2, version = version + 1 WHERE id = $1`, [id, newParentId]);
  },
  /** Reads the trigger-maintained subtree figures (migration 0003); see `rollupFromScratch` for the definition. */
  async rollup(db: Queryable, id: number, path: string) {
    const r = await db.query<{ type_code: string; level: number; kind_code: string; n: number; full: number; prob: number }>(
      `SELECT r.type_code, t.level, r.kind_code, r.orgs AS n, r.full_members AS full, r.probationary_members AS prob
         FROM org_rollups r JOIN org_types t ON t.code = r.type_code
        WHERE r.org_id = $1 AND r.orgs > 0`,
      [id],
    );
    const m = await db.query<{ n: number }>(
      `SELECT coalesce(sum(m.units_reduced), 0)::int AS n FROM org_merges m JOIN organizations o ON o.id = m.target_id WHERE o.path <@ $1::ltree`,
      [path],
    );
    return { groups: r.rows, unitsReduced: m.rows[0]!.n };
  },
  /** The same figures computed from the rows themselves: the definition the maintained table must match. */
  async rollupFromScratch(db: Queryable, path: string) {
    const r = await db.query<{ type_code: string; kind_code: string; n: number; full: number; prob: number }>(
      `SELECT o.type_code, o.kind_code, count(*)::int AS n, sum(o.full_members)::int8 AS full, sum(o.probationary_members)::int8 AS prob
         FROM organizations o WHERE o.path <@ $1::ltree AND o.status = 'active' GROUP BY o.type_code, o.kind_code`,
      [path],
    );
    return r.rows;
  },
  async subtreeForExport(db: Queryable, path: string, includeInactive: boolean) {
    const r = await db.query<OrgRow & { parent_code: string | null; type_name: string }>(
      `SELECT ${cols}, 0 AS child_count, p.code AS parent_code, t.name_vi AS type_name
         FROM organizations o JOIN org_types t ON t.code = o.type_code LEFT JOIN organizations p ON p.id = o.parent_id
        WHERE o.path <@ $1::ltree ${includeInactive ? '' : `AND o.status = 'active'`}
        ORDER BY o.path`,
      [path],
    );
    return r.rows;
  },
};

export const referenceRepo = {
  async load(db: Queryable) {
    const [levels, types, kinds] = [
      await db.query<{ level: number; name_vi: string; name_en: string }>(`SELECT level, name_vi, name_en FROM org_levels ORDER BY level`),
      await db.query<{ code: string; level: number; name_vi: string; name_en: string; is_grassroots: boolean }>(
        `SELECT code, level, name_vi, name_en, is_grassroots FROM org_types ORDER BY sort, code`,
      ),
      await db.query<{ code: string; name_vi: string; name_en: string }>(`SELECT code, name_vi, name_en FROM org_kinds ORDER BY sort, code`),
    ];
    return {
      levels: levels.rows.map((l) => ({ level: l.level, nameVi: l.name_vi, nameEn: l.name_en })),
      types: types.rows.map((t) => ({ code: t.code, level: t.level, nameVi: t.name_vi, nameEn: t.name_en, isGrassroots: t.is_grassroots })),
      kinds: kinds.rows.map((k) => ({ code: k.code, nameVi: k.name_vi, nameEn: k.name_en })),
    };
  },
};
