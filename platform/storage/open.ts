import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { createKyselyStorage } from './kysely-storage';
import type { Database } from './schema';
import type { Storage } from './storage';

export interface StorageOptions {
  /** Directory of the embedded SQLite file, created on first run. */
  dataDir: string;
  /** postgres://… switches to PostgreSQL (a later step); unset means embedded SQLite. */
  databaseUrl?: string | undefined;
}

export const SQLITE_FILE_NAME = 'vigie.sqlite';

export async function openStorage(options: StorageOptions): Promise<Storage> {
  if (options.databaseUrl) {
    throw new Error(
      `DATABASE_URL is set, but this build of Vigie stores data in SQLite only; unset DATABASE_URL to use ${path.join(options.dataDir, SQLITE_FILE_NAME)}.`,
    );
  }
  mkdirSync(options.dataDir, { recursive: true });
  const database = new SQLite(path.join(options.dataDir, SQLITE_FILE_NAME));
  // WAL lets readers go on while a batch is written; NORMAL sync is safe under WAL.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  const storage = createKyselyStorage(new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), 'sqlite');
  await storage.migrate();
  return storage;
}
