import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe } from 'vitest';
import { startPlatformProcess, type PlatformProcess, type PlatformProcessOptions } from './platform-process';
import { createTestDatabase, postgresAdminUrl, postgresSkipReason, queryDatabase, type TestDatabase } from './postgres';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

export type StorageKind = 'sqlite' | 'postgres';

let warned = false;

/**
 * Declares the same suite once per storage: SQLite always, PostgreSQL when
 * VIGIE_TEST_DATABASE_URL names one (skipped otherwise, with the reason printed).
 */
export function forEachStorage(suite: (kind: StorageKind) => void): void {
  if (!postgresAdminUrl && !warned) {
    warned = true;
    process.stderr.write(`${postgresSkipReason}\n`);
  }
  for (const kind of ['sqlite', 'postgres'] as const) {
    describe.skipIf(kind === 'postgres' && !postgresAdminUrl)(`on ${kind}`, () => suite(kind));
  }
}

export interface StoragePlatform extends PlatformProcess {
  kind: StorageKind;
  /**
   * Runs `platform/cli.ts` with the same storage settings; resolves with what it printed. Its
   * sentences are English unless `env` gives a French LANG.
   */
  cli(args: string[], env?: Record<string, string>): Promise<string>;
  /** Makes a token with the CLI, as an operator would, and returns it; `extra` are more options (--domains …). */
  token(role: 'admin' | 'moderator' | 'ngo' | 'administration', name: string, ...extra: string[]): Promise<string>;
  /** Raw rows from the platform's database, for checks the API cannot make (erasure). */
  rows(sql: string, values?: unknown[]): Promise<Array<Record<string, unknown>>>;
}

/** A real platform process on this storage, on a fresh database; dispose() drops it. */
export async function startPlatformOn(
  kind: StorageKind,
  options: PlatformProcessOptions & { database?: TestDatabase } = {},
): Promise<StoragePlatform> {
  const database = kind === 'postgres' ? (options.database ?? (await createTestDatabase())) : undefined;
  const env = { ...options.env, ...(database ? { DATABASE_URL: database.url } : {}) };
  const platform = await startPlatformProcess({ ...options, env });
  const cliEnv = { ...process.env, VIGIE_DATA_DIR: platform.dataDir, LANG: 'C.UTF-8', LC_ALL: '', ...env };
  const cli = async (args: string[], more: Record<string, string> = {}) =>
    (
      await run(process.execPath, ['--import', 'tsx', path.join(root, 'platform/cli.ts'), ...args], {
        cwd: root,
        env: { ...cliEnv, ...more },
      })
    ).stdout;
  return {
    ...platform,
    kind,
    cli,
    async token(role, name, ...extra) {
      const printed = await cli(['token', 'create', '--role', role, '--name', name, ...extra]);
      const token = /^vigie_[\w-]{43}$/m.exec(printed)?.[0];
      if (!token) throw new Error(`token create printed no token:\n${printed}`);
      return token;
    },
    async rows(sql, values = []) {
      let n = 0;
      if (database)
        return queryDatabase(
          database.url,
          sql.replace(/\?/g, () => `$${++n}`),
          values,
        );
      const db = new Database(path.join(platform.dataDir, 'vigie.sqlite'), { readonly: true });
      try {
        return db.prepare(sql).all(...values) as Array<Record<string, unknown>>;
      } finally {
        db.close();
      }
    },
    async dispose() {
      await platform.dispose();
      // A database handed in belongs to the caller (several processes share it).
      if (database && !options.database) await database.drop();
    },
  };
}
