import pg from 'pg';
import type { Db, Queryable } from './db.ts';

// Same parsing as PGlite: DATE as ISO string, int8 (COUNT, SUM) as number.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

function wrap(c: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await c.query(sql, params as unknown[]);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
  };
}

export async function openPostgres(connectionString: string, max = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max });
  // An idle client dropped by the server (restart, admin kill) must not crash the process;
  // the pool replaces it on the next query.
  pool.on('error', (err) => console.error('PostgreSQL idle client error:', err.message));
  // Fail at start, with the server's message, rather than on the first request.
  const client = await pool.connect();
  client.release();
  const base = wrap(pool);
  return {
    engine: 'postgres',
    query: base.query,
    async transaction(fn) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const out = await fn(wrap(c));
        await c.query('COMMIT');
        return out;
      } catch (err) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        c.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async close() {
      await pool.end();
    },
  };
}
