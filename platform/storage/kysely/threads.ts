import type { Kysely, Transaction } from 'kysely';
import { contributionFromRow } from '../rows';
import type { Database } from '../schema';
import type { PublicEntry, Storage } from '../storage';
import { pastCursor, readableByThePublic } from './conditions';
import type { RecordChange } from './events';

/**
 * Recounts the published replies of these parents, one at a time in id order (two
 * transactions touching the same parents lock them in the same order: no deadlock), and
 * tells the streams their counts changed. A recount rather than ±1: it cannot drift.
 */
export async function refreshReplyCounts(
  trx: Transaction<Database>,
  parentIds: Iterable<string>,
  record: RecordChange,
): Promise<void> {
  for (const id of [...new Set(parentIds)].sort()) {
    await trx
      .updateTable('contributions')
      .set((eb) => ({
        reply_count: eb
          .selectFrom('contributions as reply')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .whereRef('reply.parent_id', '=', 'contributions.id')
          .where('reply.status', '=', 'published'),
      }))
      .where('id', '=', id)
      .execute();
    const parent = await trx
      .selectFrom('contributions')
      .select(['id', 'parent_id', 'commitment_id', 'target_url', 'status'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (parent?.status === 'published') record('counts', parent);
  }
}

/** Replies and what the public may read of them. */
export function threadQueries(
  db: Kysely<Database>,
): Pick<Storage, 'publicContributions' | 'listReplies' | 'firstReplies'> {
  return {
    async publicContributions(ids) {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('contributions')
        .selectAll()
        .where('id', 'in', [...new Set(ids)])
        .where(readableByThePublic)
        .execute();
      return new Map(rows.map((row) => [row.id, contributionFromRow(row)]));
    },

    async listReplies(query) {
      const parent = await db
        .selectFrom('contributions')
        .select(['id', 'parent_id'])
        .where('id', '=', query.parentId)
        .where('status', '=', 'published')
        .executeTakeFirst();
      if (!parent || parent.parent_id !== null) return undefined;
      let q = db
        .selectFrom('contributions')
        .selectAll()
        .where('parent_id', '=', query.parentId)
        .where('status', '=', 'published');
      const after = query.after;
      if (after) q = q.where((eb) => pastCursor(eb, after, '>'));
      const rows = await q.orderBy('received_at', 'asc').orderBy('id', 'asc').limit(query.limit).execute();
      return rows.map(contributionFromRow);
    },

    async firstReplies(parentIds, perParent) {
      const replies = new Map<string, PublicEntry[]>();
      // One indexed range per parent (a page shows 20 at most): cheaper than ranking them all.
      await Promise.all(
        [...new Set(parentIds)].map(async (parentId) => {
          const rows = await db
            .selectFrom('contributions')
            .selectAll()
            .where('parent_id', '=', parentId)
            .where('status', '=', 'published')
            .orderBy('received_at', 'asc')
            .orderBy('id', 'asc')
            .limit(perParent)
            .execute();
          if (rows.length === 0) return;
          replies.set(
            parentId,
            rows.map((row) => ({
              contribution: contributionFromRow(row),
              publishedAt: row.published_at ?? row.received_at,
            })),
          );
        }),
      );
      return replies;
    },
  };
}
