import crypto from 'node:crypto';
import pg from 'pg';
import type { Db } from '../../server/src/platform/db/db.ts';
import { openPglite } from '../../server/src/platform/db/pglite.ts';
import { openPostgres } from '../../server/src/platform/db/postgres.ts';
import { migrate } from '../../server/src/platform/db/migrate.ts';

export type EngineName = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export const testEngines: EngineName[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export type TestDb = { db: Db; engine: EngineName; cleanup: () => Promise<void> };

/** A fresh, migrated database: in-memory PGlite, or a throwaway database on the PostgreSQL server. */
export async function openTestDb(engine: EngineName): Promise<TestDb> {
  if (engine === 'pglite') {
    const db = await openPglite(undefined);
    await migrate(db);
    return { db, engine, cleanup: () => db.close() };
  }
  const base = process.env.TEST_DATABASE_URL!;
  const name = `daihoi_t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), 4);
  await migrate(db);
  return {
    db,
    engine,
    cleanup: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
