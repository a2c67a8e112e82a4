import type { Kysely } from 'kysely';
import { ModerationReason, type ContributionStatus } from '../../../api-client/contract';
import { contributionFromRow, contributionToRow } from '../rows';
import type { Database } from '../schema';
import type { ExportRow, Storage, PublishedQuery, StoredContribution } from '../storage';
import { pastCursor, exportConditions } from './conditions';
import { journalsOf } from './journal';
import type { EventRecorder } from './events';
import { refreshReplyCounts } from './threads';

/** Contributions as citizens sent them: idempotent insertion, public listings, exports. */
export function contributionsQueries(
  db: Kysely<Database>,
  recorder: EventRecorder,
): Pick<
  Storage,
  | 'insertContributions'
  | 'getContribution'
  | 'listPublished'
  | 'countContributions'
  | 'storedHashes'
  | 'exportContributions'
  | 'countExport'
> {
  return {
    async insertContributions(items) {
      if (items.length === 0) return [];
      // One statement for the whole batch, rows in id order: two processes inserting
      // overlapping batches take their row locks in the same order and never deadlock
      // (PostgreSQL); ON CONFLICT DO NOTHING makes check-and-insert one atomic step.
      const firstOfId = new Map<string, StoredContribution>();
      for (const item of items) if (!firstOfId.has(item.contribution.id)) firstOfId.set(item.contribution.id, item);
      const rows = [...firstOfId.values()]
        .map(contributionToRow)
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return recorder.withEvents(async (trx, record) => {
        const inserted = await trx
          .insertInto('contributions')
          .values(rows)
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .execute();
        const fresh = new Set(inserted.map((r) => r.id));
        // Published on arrival (post-moderation): the streams learn of it with this commit.
        const published = rows.filter((row) => fresh.has(row.id) && row.status === 'published');
        for (const row of published) record('contribution', { parent_id: null, commitment_id: null, ...row });
        await refreshReplyCounts(
          trx,
          published.flatMap((row) => (row.parent_id ? [row.parent_id] : [])),
          record,
        );
        const others = [...firstOfId.keys()].filter((id) => !fresh.has(id));
        const existing = new Map(
          others.length === 0
            ? []
            : (await trx.selectFrom('contributions').selectAll().where('id', 'in', others).execute()).map((row) => [
                row.id,
                row,
              ]),
        );
        return items.map((item) => {
          const id = item.contribution.id;
          if (fresh.delete(id)) return { ...item, inserted: true };
          const row = existing.get(id);
          // Repeated within this batch after its first occurrence was inserted now.
          if (!row) return { ...firstOfId.get(id)!, inserted: false };
          return { contribution: contributionFromRow(row), contentHash: row.content_hash, inserted: false };
        });
      });
    },

    async getContribution(id) {
      const row = await db.selectFrom('contributions').selectAll().where('id', '=', id).executeTakeFirst();
      return row && contributionFromRow(row);
    },

    async listPublished(query: PublishedQuery) {
      let q = db
        .selectFrom('contributions')
        .selectAll()
        .where('status', '=', 'published')
        .where('parent_id', 'is', null);
      if (query.url !== undefined) q = q.where('target_url', '=', query.url);
      if (query.commitmentId !== undefined) q = q.where('commitment_id', '=', query.commitmentId);
      const after = query.after;
      if (query.bySupport) {
        if (after && 'supportCount' in after) {
          q = q.where((eb) =>
            eb(
              eb.refTuple('support_count', 'received_at', 'id'),
              '<',
              eb.tuple(Number(after.supportCount), after.receivedAt, after.id),
            ),
          );
        }
        q = q.orderBy('support_count', 'desc');
      } else if (after) q = q.where((eb) => pastCursor(eb, after, '<'));
      const rows = await q.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
      return rows.map(contributionFromRow);
    },

    async countContributions(filter?: { status?: ContributionStatus }) {
      let q = db.selectFrom('contributions').select((eb) => eb.fn.countAll<number | string>().as('n'));
      if (filter?.status) q = q.where('status', '=', filter.status);
      const { n } = await q.executeTakeFirstOrThrow();
      return Number(n);
    },

    async storedHashes(ids) {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('contributions')
        .select(['id', 'content_hash'])
        .where('id', 'in', [...ids])
        .execute();
      return new Map(rows.map((r) => [r.id, r.content_hash]));
    },

    async exportContributions(filter, limit, after) {
      const rows = await db
        .selectFrom('contributions')
        .selectAll()
        .where((eb) =>
          after ? eb.and([exportConditions(eb, filter), pastCursor(eb, after, '>')]) : exportConditions(eb, filter),
        )
        .orderBy('received_at', 'asc')
        .orderBy('id', 'asc')
        .limit(limit)
        .execute();
      if (!filter.withModeration) return rows.map((row): ExportRow => ({ contribution: contributionFromRow(row) }));
      // One query for the page's journals, not one per row.
      const journals = await journalsOf(
        db,
        rows.map((row) => row.id),
      );
      return rows.map((row): ExportRow => ({
        contribution: contributionFromRow(row),
        moderation: {
          reason: row.moderation_reason === null ? undefined : ModerationReason.parse(row.moderation_reason),
          note: row.moderation_note ?? undefined,
          by: row.moderated_by ?? undefined,
          at: row.moderated_at ?? undefined,
          journal: journals.get(row.id) ?? [],
        },
      }));
    },

    async countExport(filter) {
      const { n } = await db
        .selectFrom('contributions')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where((eb) => exportConditions(eb, filter))
        .executeTakeFirstOrThrow();
      return Number(n);
    },
  };
}
