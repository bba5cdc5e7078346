/**
 * The database: PGlite (Postgres in WebAssembly, data in a local folder) by default, or
 * PostgreSQL when a connection string is given. Both are reached through one Kysely
 * instance, which Better Auth shares, so one schema and one migration set serve both.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './schema.js';

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent, PGlite stores its data in `dataDir`. */
  databaseUrl?: string | undefined;
  /** PGlite's data folder; `undefined` keeps the database in memory. */
  dataDir?: string | undefined;
}

export interface OpenDatabase {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  /**
   * Runs `work` while no other instance on the same database runs its own: on PostgreSQL under
   * a session-level advisory lock held by one connection of the pool (a second instance waits
   * for it), on PGlite, which only one process opens, at once.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Ends the pool or closes PGlite (which must be closed before the process exits). */
  close(): Promise<void>;
}

/** The advisory lock key of the server's startup (its schema and seed), the same on every instance. */
export const STARTUP_LOCK_KEY = 0x446e_4d69;

export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const exclusive = <T>(work: () => Promise<T>): Promise<T> =>
      // The lock belongs to the connection that took it, so that one connection takes and releases it; the work uses the pool.
      db.connection().execute(async (connection) => {
        await sql`select pg_advisory_lock(${STARTUP_LOCK_KEY})`.execute(connection);
        try {
          return await work();
        } finally {
          await sql`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`.execute(connection);
        }
      });
    return { db, kind: 'postgres', exclusive, close: () => db.destroy() };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  await pglite.waitReady;
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  let closed = false;
  return {
    db,
    kind: 'pglite',
    exclusive: (work) => work(),
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
