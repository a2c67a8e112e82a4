import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema';
import type { EventRow, LiveScope, PublicChangeType, Storage } from '../storage';

/** What a change is about: the row as the writer holds it. */
export interface ChangedRow {
  id: string;
  parent_id: string | null;
  commitment_id: string | null;
  target_url: string;
}

/** Notes that something became public, changed in public, or left public view; written with the transaction. */
export type RecordChange = (type: PublicChangeType, row: ChangedRow) => void;

/** The channel processes sharing a PostgreSQL database are told on that the log grew. */
export const EVENTS_CHANNEL = 'vigie_events';
/**
 * An advisory lock every transaction that writes events takes just before writing them:
 * their ids then commit in the order they were drawn, so "every event after N" never
 * misses one that a slower transaction drew before N and committed after it. ("vigi")
 */
const EVENT_LOG_LOCK = 0x76696769;
const FLOOR_SETTING = 'events.floor';

export interface EventRecorder {
  /**
   * Runs `work` in one transaction; what it records becomes events of the replay log in
   * that same transaction, so an event exists if and only if its change was committed.
   * The one place every public change is told from: writers (publication, moderation,
   * reports, erasure, support, answers) call it, and the live streams read the log.
   */
  withEvents<T>(work: (trx: Transaction<Database>, record: RecordChange) => Promise<T>): Promise<T>;
  /** Listeners told after a commit that wrote events, in this process. */
  readonly local: Set<() => void>;
}

export function eventRecorder(db: Kysely<Database>, kind: Storage['kind']): EventRecorder {
  const local = new Set<() => void>();
  return {
    local,
    async withEvents(work) {
      const changes: Array<{ type: PublicChangeType; row: ChangedRow }> = [];
      const result = await db.transaction().execute(async (trx) => {
        const value = await work(trx, (type, row) => changes.push({ type, row }));
        if (changes.length > 0) await writeEvents(trx, kind, changes);
        return value;
      });
      if (changes.length > 0) for (const listener of local) listener();
      return result;
    },
  };
}

async function writeEvents(
  trx: Transaction<Database>,
  kind: Storage['kind'],
  changes: ReadonlyArray<{ type: PublicChangeType; row: ChangedRow }>,
): Promise<void> {
  if (kind === 'postgres') await sql`SELECT pg_advisory_xact_lock(${EVENT_LOG_LOCK})`.execute(trx);
  // A reply stands on its parent's commitment: its events reach that commitment's streams.
  const parentIds = [...new Set(changes.flatMap((c) => (c.row.parent_id ? [c.row.parent_id] : [])))];
  const parents = new Map(
    parentIds.length === 0
      ? []
      : (
          await trx.selectFrom('contributions').select(['id', 'commitment_id']).where('id', 'in', parentIds).execute()
        ).map((p) => [p.id, p.commitment_id]),
  );
  // Counts only matter as they are now: a newer count replaces the older ones in the log,
  // so a busy "Moi aussi" never pushes other events out of it.
  const counted = [...new Set(changes.filter((c) => c.type === 'counts').map((c) => c.row.id))];
  if (counted.length > 0) {
    await trx.deleteFrom('events').where('type', '=', 'counts').where('contribution_id', 'in', counted).execute();
  }
  const at = new Date().toISOString();
  const seen = new Set<string>();
  const rows = changes
    .filter((c) => {
      const key = `${c.type} ${c.row.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(({ type, row }) => ({
      type,
      contribution_id: row.id,
      parent_id: row.parent_id,
      commitment_id: row.parent_id ? (parents.get(row.parent_id) ?? null) : row.commitment_id,
      target_url: row.target_url,
      at,
    }));
  await trx.insertInto('events').values(rows).execute();
  // Delivered at commit to every process listening, this one included; the payload is
  // empty (they read the log), far from PostgreSQL's 8000-byte limit.
  if (kind === 'postgres') await sql`SELECT pg_notify(${EVENTS_CHANNEL}, '')`.execute(trx);
}

function eventFromRow(row: {
  id: number | string;
  type: string;
  contribution_id: string;
  parent_id: string | null;
  commitment_id: string | null;
  target_url: string;
}): EventRow {
  return {
    id: Number(row.id),
    type: row.type as PublicChangeType,
    contributionId: row.contribution_id,
    parentId: row.parent_id,
    commitmentId: row.commitment_id,
    targetUrl: row.target_url,
  };
}

/** Starts listening to other processes (PostgreSQL); resolves with a function that stops it. */
export type ListenForEvents = (onNotify: () => void) => Promise<() => Promise<void>>;

/** The replay log as the live streams read it. */
export function eventLogQueries(
  db: Kysely<Database>,
  recorder: EventRecorder,
  listen: ListenForEvents | undefined,
): Pick<Storage, 'latestEventId' | 'eventsAfter' | 'eventLogFloor' | 'pruneEvents' | 'watchEvents'> {
  const eventLogFloor = async () => {
    const row = await db.selectFrom('settings').select('value').where('key', '=', FLOOR_SETTING).executeTakeFirst();
    return Number(row?.value ?? 0);
  };
  return {
    eventLogFloor,

    async latestEventId() {
      const row = await db
        .selectFrom('events')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst();
      // An empty log after a prune still had events: the floor says how far ids went.
      return Math.max(Number(row?.id ?? 0), await eventLogFloor());
    },

    async eventsAfter(after, limit, scope?: LiveScope) {
      let q = db.selectFrom('events').selectAll().where('id', '>', after);
      if (scope?.commitmentId !== undefined) q = q.where('commitment_id', '=', scope.commitmentId);
      if (scope?.url !== undefined) q = q.where('target_url', '=', scope.url);
      const rows = await q.orderBy('id').limit(limit).execute();
      return rows.map(eventFromRow);
    },

    async pruneEvents({ keep, olderThan }) {
      await db.transaction().execute(async (trx) => {
        const newest = await trx
          .selectFrom('events')
          .select((eb) => eb.fn.max('id').as('id'))
          .executeTakeFirst();
        const byCount = Number(newest?.id ?? 0) - keep;
        const byAge = await trx
          .selectFrom('events')
          .select((eb) => eb.fn.max('id').as('id'))
          .where('at', '<', olderThan)
          .executeTakeFirst();
        const floor = Math.max(byCount, Number(byAge?.id ?? 0));
        if (floor <= 0) return;
        const deleted = await trx.deleteFrom('events').where('id', '<=', floor).executeTakeFirst();
        if (Number(deleted.numDeletedRows) === 0) return;
        // Ids up to the floor may be gone: a client that last saw one below it is told to reload.
        await trx
          .insertInto('settings')
          .values({ key: FLOOR_SETTING, value: String(floor) })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(floor) }))
          .execute();
      });
    },

    async watchEvents(listener) {
      recorder.local.add(listener);
      const stopListening = listen ? await listen(listener) : undefined;
      return async () => {
        recorder.local.delete(listener);
        await stopListening?.();
      };
    },
  };
}
