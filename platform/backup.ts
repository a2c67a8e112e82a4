import { existsSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { PlatformConfig } from './config';
import { SQLITE_FILE_NAME } from './storage/open';

export const backupUsage = `  backup FILE     copy the SQLite database to FILE, consistently, while the platform runs`;

/** What to print, and the exit code: 0 copied, 1 failed, 2 not for this command (no file named, PostgreSQL). */
export interface BackupOutcome {
  code: 0 | 1 | 2;
  message: string;
}

/**
 * `npm run platform -- backup FILE`: an online copy of the embedded SQLite database,
 * through SQLite's backup API (better-sqlite3's `.backup()`). The platform may keep
 * running and writing: the copy is taken in one step, inside one read transaction, so
 * it is the database as it was at one instant (a copy made page by page would be
 * restarted by every write another process makes, and might never finish).
 */
export async function backupCommand(
  args: string[],
  config: Pick<PlatformConfig, 'dataDir' | 'databaseUrl'>,
): Promise<BackupOutcome> {
  if (config.databaseUrl) {
    return {
      code: 2,
      message:
        'On PostgreSQL, back up with pg_dump (e.g. pg_dump --format=custom --file=vigie.dump "$DATABASE_URL"); this command copies the embedded SQLite database only.\n',
    };
  }
  const [file] = args;
  if (!file || file.startsWith('-')) {
    return { code: 2, message: `Usage: npm run platform -- backup FILE\n${backupUsage}\n` };
  }
  const target = path.resolve(file);
  if (existsSync(target)) {
    return {
      code: 1,
      message: `${target} exists already: choose a new file name, so that no earlier backup is overwritten.\n`,
    };
  }
  if (!existsSync(path.dirname(target))) {
    return { code: 1, message: `The folder ${path.dirname(target)} does not exist.\n` };
  }
  const source = path.join(config.dataDir, SQLITE_FILE_NAME);
  if (!existsSync(source)) {
    return {
      code: 1,
      message: `There is no database at ${source} (set VIGIE_DATA_DIR to where the platform keeps it).\n`,
    };
  }
  const database = new SQLite(source, { fileMustExist: true });
  try {
    database.pragma('busy_timeout = 5000');
    const started = Date.now();
    // After the first step (which only counts pages), copy every remaining page at once.
    const { totalPages } = await database.backup(target, { progress: () => 0x7fffffff });
    const pageSize = database.pragma('page_size', { simple: true }) as number;
    return {
      code: 0,
      message: `Backed up ${source} to ${target}: ${totalPages} pages, ${((totalPages * pageSize) / 1024 / 1024).toFixed(1)} MiB, in ${Date.now() - started} ms.\n`,
    };
  } catch (error) {
    return { code: 1, message: `The backup failed: ${error instanceof Error ? error.message : String(error)}\n` };
  } finally {
    database.close();
  }
}
