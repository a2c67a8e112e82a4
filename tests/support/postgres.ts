import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A PostgreSQL the role of which may create databases, e.g. the one `.ci/postgres.sh` prints. */
export const postgresAdminUrl = process.env.VIGIE_TEST_DATABASE_URL || undefined;

export const postgresSkipReason = postgresAdminUrl
  ? undefined
  : 'PostgreSQL runs skipped: VIGIE_TEST_DATABASE_URL is not set (export VIGIE_TEST_DATABASE_URL="$(bash .ci/postgres.sh)").';

export interface TestDatabase {
  /** postgres://… of a fresh, empty database. */
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A database of its own for one suite, so runs never see each other's rows. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (!postgresAdminUrl) throw new Error(postgresSkipReason);
  const name = `vigie_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: () => dropDatabase(name),
  };
}

/**
 * Drops a test database, its connections with it. An autovacuum worker may be visiting
 * it (more likely on a loaded machine), and a role that is not a superuser may not end
 * that worker: wait a little and try again, as the worker is done within moments.
 */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      return;
    } catch (error) {
      const insufficientPrivilege = (error as { code?: string }).code === '42501';
      if (!insufficientPrivilege || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** One query against a test database, for what the API would never show (e.g. that a text is really gone). */
export async function queryDatabase<R extends pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}
