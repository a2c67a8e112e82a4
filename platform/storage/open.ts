import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { createKyselyStorage } from './kysely-storage';
import { listenOnPostgres } from './postgres-listener';
import type { Database } from './schema';
import type { Storage } from './storage';

export interface StorageOptions {
  /** Directory of the embedded SQLite file, created on first run. */
  dataDir: string;
  /** postgres://… switches to PostgreSQL; unset means embedded SQLite. */
  databaseUrl?: string | undefined;
  /** Connections per process to PostgreSQL. */
  poolSize?: number | undefined;
}

export const SQLITE_FILE_NAME = 'vigie.sqlite';

async function openPostgres(url: string, poolSize: number): Promise<Storage> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 10_000 });
  // An idle client losing its server must not crash the process: the pool replaces it.
  pool.on('error', (error) => process.stderr.write(`[vigie] PostgreSQL connection lost: ${error.message}\n`));
  const storage = createKyselyStorage(
    new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    'postgres',
    listenOnPostgres(url),
  );
  try {
    await storage.migrate();
  } catch (error) {
    await storage.close();
    throw error;
  }
  return storage;
}

function openSqlite(dataDir: string): Storage {
  mkdirSync(dataDir, { recursive: true });
  const database = new SQLite(path.join(dataDir, SQLITE_FILE_NAME));
  // WAL lets readers go on while a batch is written; NORMAL sync is safe under WAL.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  // Erasure is erasure: deleted rows and freed pages are zeroed, not left in free space.
  database.pragma('secure_delete = ON');
  return createKyselyStorage(new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), 'sqlite');
}

export async function openStorage(options: StorageOptions): Promise<Storage> {
  if (options.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(options.databaseUrl)) {
      throw new Error('DATABASE_URL must start with postgres:// (or postgresql://); unset it to use embedded SQLite.');
    }
    return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  }
  const storage = openSqlite(options.dataDir);
  const ran = await storage.migrate();
  // A database from before secure_delete may keep withdrawn words in its free space:
  // rewriting it once, when it first meets this version, leaves only live rows.
  if (ran.includes('003-hardening') && !ran.includes('001-initial')) await storage.compact();
  return storage;
}
