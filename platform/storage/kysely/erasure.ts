import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';
import type { Storage } from '../storage';
import type { EventRecorder } from './events';
import type { SearchUpkeep } from './search';
import { refreshReplyCounts } from './threads';

/**
 * Erasure, in one place. Whatever holds a copy of a contribution's words, or of the
 * answers it got, is deleted here, in the same transaction as the row (SQLite's full-text indexes, the public one and the console's, follow by trigger;
 * PostgreSQL's is rebuilt after, see search.ts). Then the storage makes the files forget:
 * - SQLite runs with `secure_delete` on (see open.ts), so deleted cells and freed pages
 *   are zeroed; a TRUNCATE checkpoint then copies the zeroed pages into the database file
 *   and empties the write-ahead log, which held the older page images.
 * - PostgreSQL never overwrites a row version in place (an UPDATE writes a new one), so
 *   the words are in the dead versions of the heap and its TOAST table: a VACUUM removes
 *   them from the table's pages at once. What PostgreSQL may still hold (WAL segments,
 *   freed page space until reused) is said in the README.
 * Its supports go with it. The live streams are told it left public view (by id: the
 * replay log never holds text); a withdrawn reply's parent counts one reply less. Replies
 * to a withdrawn contribution are other citizens' words: they stay, out of public view
 * (their parent is gone), and their authors may still withdraw them.
 */
export function erasureQueries(
  db: Kysely<Database>,
  kind: Storage['kind'],
  search: Pick<SearchUpkeep, 'afterErasure'>,
  recorder: EventRecorder,
): Pick<Storage, 'eraseContribution'> {
  return {
    async eraseContribution(id, at) {
      await recorder.withEvents(async (trx, record) => {
        const row = await trx
          .selectFrom('contributions')
          .select(['id', 'withdrawal_key_hash', 'status', 'parent_id', 'commitment_id', 'target_url'])
          .where('id', '=', id)
          .executeTakeFirst();
        await trx.deleteFrom('reports').where('contribution_id', '=', id).execute();
        await trx.deleteFrom('supports').where('contribution_id', '=', id).execute();
        // Every version of the organisation's answer goes with the text it answered.
        await trx.deleteFrom('answers').where('contribution_id', '=', id).execute();
        // The journal keeps who decided what, when and for which reason: the platform answers
        // for its moderators' decisions, and none of that is the citizen's text. A moderator's
        // note may quote the text, so it goes.
        await trx.updateTable('moderation_journal').set({ note: null }).where('contribution_id', '=', id).execute();
        await trx.deleteFrom('contributions').where('id', '=', id).execute();
        if (row?.status === 'published') {
          record('removed', row);
          if (row.parent_id !== null) await refreshReplyCounts(trx, [row.parent_id], record);
        }
        await trx
          .insertInto('withdrawals')
          .values({ id, withdrawn_at: at, withdrawal_key_hash: row?.withdrawal_key_hash ?? null })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      });
      if (kind === 'sqlite') await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
      else {
        await sql`VACUUM contributions`.execute(db);
        await sql`VACUUM answers`.execute(db);
        await sql`VACUUM moderation_journal`.execute(db);
      }
      search.afterErasure();
    },
  };
}
