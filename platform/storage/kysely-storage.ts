import { Migrator, sql, type Kysely } from 'kysely';
import { accessQueries } from './kysely/access';
import { answersQueries } from './kysely/answers';
import { campaignsQueries } from './kysely/campaigns';
import { commitmentsQueries } from './kysely/commitments';
import { contributionsQueries } from './kysely/contributions';
import { dashboardQueries } from './kysely/dashboard';
import { erasureQueries } from './kysely/erasure';
import { eventLogQueries, eventRecorder, type ListenForEvents } from './kysely/events';
import { decisionQueries } from './kysely/journal';
import { moderationQueries } from './kysely/moderation';
import { moderationQueueQueries } from './kysely/moderation-queue';
import { publicSiteQueries } from './kysely/public-site';
import { rateWindowQueries } from './kysely/rate-windows';
import { searchQueries, searchUpkeep } from './kysely/search';
import { supportQueries } from './kysely/supports';
import { threadQueries } from './kysely/threads';
import { migrationProvider } from './migrations';
import type { Database } from './schema';
import type { Storage } from './storage';

/**
 * The Storage interface over Kysely, one file per concern; the dialect decides SQLite or
 * PostgreSQL. `listen` hears the other processes' events (PostgreSQL's LISTEN).
 */
export function createKyselyStorage(db: Kysely<Database>, kind: Storage['kind'], listen?: ListenForEvents): Storage {
  const recorder = eventRecorder(db, kind);
  const moderation = moderationQueries(db, recorder);
  const upkeep = searchUpkeep(db, kind);
  return {
    kind,
    ...commitmentsQueries(db),
    ...contributionsQueries(db, recorder),
    ...moderation,
    ...moderationQueueQueries(db, kind),
    ...decisionQueries(recorder),
    ...dashboardQueries(db, kind),
    ...answersQueries(db, recorder),
    ...erasureQueries(db, kind, upkeep, recorder),
    ...threadQueries(db),
    ...supportQueries(recorder),
    ...eventLogQueries(db, recorder, listen),
    ...campaignsQueries(db),
    ...accessQueries(db),
    ...publicSiteQueries(db),
    ...searchQueries(db, kind),
    // One process on SQLite: its limiter counts in memory. Several may share PostgreSQL.
    rateWindows: kind === 'postgres' ? rateWindowQueries(db) : undefined,

    async migrate() {
      const migrator = new Migrator({ db, provider: migrationProvider });
      const { error, results } = await migrator.migrateToLatest();
      if (error) throw error instanceof Error ? error : new Error('The database migration failed.', { cause: error });
      return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    },

    async compact() {
      await sql`VACUUM`.execute(db);
    },

    async ping() {
      await sql`select 1`.execute(db);
    },

    async close() {
      await upkeep.close();
      await db.destroy();
    },
  };
}
