import path from 'node:path';
import type { Config } from '../../config.ts';
import type { Db } from './db.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export type OpenedDb = { db: Db; release: () => Promise<void>; migrationsApplied: string[] };

/** Opens the configured engine, locks the embedded data directory, and migrates. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<OpenedDb> {
  if (config.databaseUrl) {
    const db = await openPostgres(config.databaseUrl);
    const migrationsApplied = await migrate(db);
    return { db, migrationsApplied, release: () => db.close() };
  }
  const unlock = lockDataDir(config.dataDir);
  try {
    // The lock file sits beside PGlite's own directory, which initdb wants to itself.
    const db = await openPglite(path.join(config.dataDir, 'pg'));
    const migrationsApplied = await migrate(db);
    return {
      db,
      migrationsApplied,
      release: async () => {
        await db.close();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}
