import { sql, type Kysely, type Selectable } from 'kysely';
import { ModerationReason, type ModerationItem } from '../../../api-client/contract';
import { contributionFromRow } from '../rows';
import type { ContributionsTable, Database } from '../schema';
import type { OrganisationScope, Storage } from '../storage';
import { inScope } from './conditions';
import { moderationConditions, queueStatus } from './console-filters';
import { journalsOf } from './journal';

/** 0 for contributions readers reported since their last review: they lead the queue. */
const reportedRank = sql<number>`(CASE WHEN reported_at IS NULL THEN 1 ELSE 0 END)`;

/**
 * How many contributions share each withdrawal key's hash, within the scope: a device that
 * keeps one key for several contributions is one contributor. Counted by the database
 * through its index, for the keys of one page of the queue only.
 */
async function keyCounts(
  db: Kysely<Database>,
  keys: string[],
  scope: OrganisationScope | undefined,
): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  let q = db
    .selectFrom('contributions')
    .select((eb) => ['withdrawal_key_hash', eb.fn.countAll<number | string>().as('n')])
    .where('withdrawal_key_hash', 'in', keys);
  if (scope) q = q.where((eb) => inScope(eb, scope));
  const rows = await q.groupBy('withdrawal_key_hash').execute();
  return new Map(rows.map((row) => [row.withdrawal_key_hash ?? '', Number(row.n)]));
}

/** Rows as the queue shows them: with their reports, their journal and their contributor's other contributions. */
async function itemsOf(
  db: Kysely<Database>,
  rows: Selectable<ContributionsTable>[],
  scope: OrganisationScope | undefined,
): Promise<ModerationItem[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const keys = [...new Set(rows.map((r) => r.withdrawal_key_hash).filter((k): k is string => k !== null))];
  const parentIds = [...new Set(rows.flatMap((r) => (r.parent_id ? [r.parent_id] : [])))];
  const [reports, journals, counts, parents] = await Promise.all([
    db.selectFrom('reports').select(['contribution_id', 'reason']).where('contribution_id', 'in', ids).execute(),
    journalsOf(db, ids),
    keyCounts(db, keys, scope),
    // A reply is judged in context: the contribution it answers, whatever its status.
    parentIds.length === 0 ? [] : db.selectFrom('contributions').selectAll().where('id', 'in', parentIds).execute(),
  ]);
  const parentOf = new Map(parents.map((p) => [p.id, contributionFromRow(p)]));
  return rows.map((row): ModerationItem => {
    const mine = reports.filter((r) => r.contribution_id === row.id).map((r) => ModerationReason.parse(r.reason));
    const contribution = contributionFromRow(row);
    const key = row.withdrawal_key_hash;
    const parent = row.parent_id === null ? undefined : parentOf.get(row.parent_id);
    return {
      contribution,
      ...(parent ? { parent } : {}),
      reports: {
        count: mine.length,
        reasons: [...new Set(mine)],
        ...(row.reported_at === null ? {} : { since: row.reported_at }),
      },
      ...(row.moderated_at === null
        ? {}
        : {
            decision: {
              status: contribution.status,
              ...(row.moderation_reason === null ? {} : { reason: ModerationReason.parse(row.moderation_reason) }),
              ...(row.moderation_note === null ? {} : { note: row.moderation_note }),
              ...(row.moderated_by === null ? {} : { by: row.moderated_by }),
              at: row.moderated_at,
            },
          }),
      ...(key === null ? {} : { contributorOthers: Math.max(0, (counts.get(key) ?? 1) - 1) }),
      journal: journals.get(row.id) ?? [],
    };
  });
}

/** The moderation queue: filtered, in its order (reported first, then oldest first), and counted by status. */
export function moderationQueueQueries(
  db: Kysely<Database>,
  kind: Storage['kind'],
): Pick<Storage, 'listForModeration' | 'moderationItem' | 'moderationCounts'> {
  return {
    async listForModeration(query) {
      const after = query.after;
      let q = db
        .selectFrom('contributions')
        .selectAll()
        .where((eb) =>
          eb.and([queueStatus(eb, query.status), moderationConditions(eb, query.filter, kind, query.scope)]),
        );
      if (after) {
        q = q.where(
          sql<boolean>`(${reportedRank}, received_at, id) > (${after.reported}, ${after.receivedAt}, ${after.id})`,
        );
      }
      const rows = await q
        .orderBy(reportedRank)
        .orderBy('received_at', 'asc')
        .orderBy('id', 'asc')
        .limit(query.limit)
        .execute();
      return itemsOf(db, rows, query.scope);
    },

    async moderationItem(id, scope) {
      const row = await db.selectFrom('contributions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? (await itemsOf(db, [row], scope))[0] : undefined;
    },

    async moderationCounts(filter, scope) {
      // One grouped query: status, and whether readers reported it since its last review.
      const reported = sql<number>`(CASE WHEN reported_at IS NULL THEN 0 ELSE 1 END)`;
      const rows = await db
        .selectFrom('contributions')
        .select((eb) => ['status', reported.as('reported'), eb.fn.countAll<number | string>().as('n')])
        .where((eb) => moderationConditions(eb, filter, kind, scope))
        .groupBy(['status', reported])
        .execute();
      const counts = { pending: 0, published: 0, hidden: 0, rejected: 0, reported: 0 };
      for (const row of rows) {
        const n = Number(row.n);
        const isReported = Number(row.reported) === 1;
        if (isReported) counts.reported += n;
        if (row.status === 'pending') counts.pending += n;
        if (row.status === 'published') {
          counts.published += n;
          // Still public but reported: it waits in the pending queue too.
          if (isReported) counts.pending += n;
        }
        if (row.status === 'hidden') counts.hidden += n;
        if (row.status === 'rejected') counts.rejected += n;
      }
      return counts;
    },
  };
}
