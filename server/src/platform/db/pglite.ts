import { PGlite, types } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import type { Db, Queryable } from './db.ts';

// DATE stays an ISO string on both engines: a JS Date would shift with the server's time zone.
const parsers = { [types.DATE]: (v: string) => v, [types.INT8]: (v: string) => Number(v) };

function wrap(q: Pick<PGlite, 'query'>): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await q.query<T>(sql, params as unknown[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
  };
}

/** Opens PGlite on a directory (or in memory when dataDir is undefined). */
export async function openPglite(dataDir: string | undefined): Promise<Db> {
  const pg = await PGlite.create({ dataDir, extensions: { ltree }, parsers });
  const base = wrap(pg);
  return {
    engine: 'pglite',
    query: base.query,
    async transaction(fn) {
      return pg.transaction((tx) => fn(wrap(tx)));
    },
    async exec(sql) {
      await pg.exec(sql);
    },
    async close() {
      await pg.close();
    },
  };
}
