import pg from 'pg';
import type { Db } from '../server/src/platform/db/db.ts';
import { openPostgres } from '../server/src/platform/db/postgres.ts';

/** The PostgreSQL server the benchmarks also measure, when one is configured. */
export const benchPostgresUrl = (): string | undefined => process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

/** A throwaway database on that server, dropped by `cleanup` (connections closed first). */
export async function openBenchPostgres(base: string, tag: string, poolSize = 10): Promise<{ db: Db; cleanup: () => Promise<void> }> {
  const name = `daihoi_bench_${tag}_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), poolSize);
  return {
    db,
    cleanup: async () => {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
