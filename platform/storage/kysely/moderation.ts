import { sql, type Kysely } from 'kysely';
import { ModerationReason, type ModerationItem } from '../../../api-client/contract';
import { answerFromRow, contributionFromRow } from '../rows';
import type { Database } from '../schema';
import type { OwnStatusRow, Storage } from '../storage';
import type { EventRecorder } from './events';
import { refreshReplyCounts } from './threads';
import { inScope } from './conditions';

/** 0 for contributions readers reported since their last review: they lead the queue. */
const reportedRank = sql<number>`(CASE WHEN reported_at IS NULL THEN 1 ELSE 0 END)`;

/** What happens to a contribution after it arrives: moderators' decisions, readers' reports, authors' statuses. */
export function moderationQueries(
  db: Kysely<Database>,
  recorder: EventRecorder,
): Pick<
  Storage,
  | 'listForModeration'
  | 'contributionInScope'
  | 'decide'
  | 'report'
  | 'withdrawalKeyHash'
  | 'withdrawnIds'
  | 'ownStatuses'
> {
  return {
    async listForModeration(query) {
      let q = db.selectFrom('contributions').selectAll();
      // The pending queue also holds what is still public but was reported: reviewed first.
      q =
        query.status === 'pending'
          ? q.where((eb) =>
              eb.or([
                eb('status', '=', 'pending'),
                eb.and([eb('status', '=', 'published'), eb('reported_at', 'is not', null)]),
              ]),
            )
          : q.where('status', '=', query.status);
      const scope = query.scope;
      if (scope) q = q.where((eb) => inScope(eb, scope));
      const after = query.after;
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
      if (rows.length === 0) return [];
      const parentIds = [...new Set(rows.flatMap((r) => (r.parent_id ? [r.parent_id] : [])))];
      const [reports, parents] = await Promise.all([
        db
          .selectFrom('reports')
          .select(['contribution_id', 'reason'])
          .where(
            'contribution_id',
            'in',
            rows.map((r) => r.id),
          )
          .execute(),
        // A reply is judged in context: the contribution it answers, whatever its status.
        parentIds.length === 0 ? [] : db.selectFrom('contributions').selectAll().where('id', 'in', parentIds).execute(),
      ]);
      const parentOf = new Map(parents.map((p) => [p.id, contributionFromRow(p)]));
      return rows.map((row): ModerationItem => {
        const mine = reports.filter((r) => r.contribution_id === row.id).map((r) => ModerationReason.parse(r.reason));
        const parent = row.parent_id === null ? undefined : parentOf.get(row.parent_id);
        return {
          contribution: contributionFromRow(row),
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
                  status: contributionFromRow(row).status,
                  ...(row.moderation_reason === null ? {} : { reason: ModerationReason.parse(row.moderation_reason) }),
                  at: row.moderated_at,
                },
              }),
        };
      });
    },

    async contributionInScope(id, scope) {
      const row = await db
        .selectFrom('contributions')
        .select((eb) => ['id', eb.case().when(inScope(eb, scope)).then(1).else(0).end().as('inside')])
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : Number(row.inside) === 1;
    },

    async decide(id, decision) {
      return recorder.withEvents(async (trx, record) => {
        const before = await trx.selectFrom('contributions').select('status').where('id', '=', id).executeTakeFirst();
        if (!before) return undefined;
        await trx
          .updateTable('contributions')
          .set({
            status: decision.status,
            moderation_reason: decision.reason ?? null,
            moderated_at: decision.at,
            // Reviewed: it leaves the top of the queue, whatever was decided.
            reported_at: null,
            ...(decision.reply ? { reply_body: decision.reply.body, reply_at: decision.reply.at } : {}),
            // Public since its first publication: a later review that publishes it again keeps that date.
            ...(decision.status === 'published'
              ? { published_at: sql<string>`COALESCE(published_at, ${decision.at})` }
              : {}),
          })
          .where('id', '=', id)
          .execute();
        // Once reviewed and published, earlier reports are settled: new ones count afresh.
        if (decision.status === 'published')
          await trx.deleteFrom('reports').where('contribution_id', '=', id).execute();
        const row = await trx.selectFrom('contributions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        const wasPublic = before.status === 'published';
        const isPublic = row.status === 'published';
        if (!wasPublic && isPublic) record('contribution', row);
        else if (wasPublic && !isPublic) record('removed', row);
        else if (isPublic && decision.reply) record('answer', row);
        if (row.parent_id !== null && wasPublic !== isPublic) await refreshReplyCounts(trx, [row.parent_id], record);
        return contributionFromRow(row);
      });
    },

    async report(request) {
      return recorder.withEvents(async (trx, record) => {
        const row = await trx
          .selectFrom('contributions')
          .select(['id', 'status', 'published_at', 'parent_id', 'commitment_id', 'target_url'])
          .where('id', '=', request.contributionId)
          .executeTakeFirst();
        // Only what readers could see can be reported: published, or taken down by reports
        // and waiting for review. What was never published is unknown to readers.
        const reportable =
          row && (row.status === 'published' || (row.status === 'pending' && row.published_at !== null));
        if (!reportable) return { found: false } as const;
        await trx
          .insertInto('reports')
          .values({
            contribution_id: request.contributionId,
            reporter_hash: request.reporterHash,
            reason: request.reason,
            created_at: request.at,
          })
          .onConflict((oc) => oc.columns(['contribution_id', 'reporter_hash']).doNothing())
          .execute();
        const { n } = await trx
          .selectFrom('reports')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('contribution_id', '=', request.contributionId)
          .executeTakeFirstOrThrow();
        const count = Number(n);
        // Any report sends it to the top of the queue; enough networks take it out of view.
        const takeDown = row.status === 'published' && count >= request.threshold;
        await trx
          .updateTable('contributions')
          .set({
            reported_at: sql`COALESCE(reported_at, ${request.at})`,
            ...(takeDown ? { status: 'pending' } : {}),
          })
          .where('id', '=', request.contributionId)
          .execute();
        if (takeDown) {
          record('removed', row);
          if (row.parent_id !== null) await refreshReplyCounts(trx, [row.parent_id], record);
        }
        return { found: true, count, underReview: takeDown || row.status === 'pending' } as const;
      });
    },

    async withdrawalKeyHash(id) {
      const row = await db
        .selectFrom('contributions')
        .select('withdrawal_key_hash')
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : row.withdrawal_key_hash;
    },

    async withdrawnIds(ids) {
      if (ids.length === 0) return new Set();
      const rows = await db
        .selectFrom('withdrawals')
        .select('id')
        .where('id', 'in', [...ids])
        .execute();
      return new Set(rows.map((r) => r.id));
    },

    async ownStatuses(ids) {
      if (ids.length === 0) return [];
      const unique = [...new Set(ids)];
      const [stored, withdrawn] = await Promise.all([
        db
          .selectFrom('contributions')
          .select([
            'id',
            'status',
            'withdrawal_key_hash',
            'moderation_reason',
            'reply_body',
            'reply_at',
            'answer_body',
            'answer_status',
            'answer_organisation',
            'answer_at',
            'answer_first_at',
            'reply_count',
          ])
          .where('id', 'in', unique)
          .execute(),
        db
          .selectFrom('withdrawals')
          .select(['id', 'withdrawn_at', 'withdrawal_key_hash'])
          .where('id', 'in', unique)
          .execute(),
      ]);
      return [
        ...stored.map((row): OwnStatusRow => ({
          id: row.id,
          withdrawalKeyHash: row.withdrawal_key_hash,
          status: contributionFromStatus(row.status),
          ...(row.moderation_reason === null
            ? {}
            : { moderationReason: ModerationReason.parse(row.moderation_reason) }),
          ...(row.reply_body === null || row.reply_at === null
            ? {}
            : { reply: { body: row.reply_body, at: row.reply_at } }),
          ...(row.answer_body === null ? {} : { answer: answerFromRow(row) }),
          ...(row.status === 'published' ? { replyCount: Number(row.reply_count) } : {}),
        })),
        ...withdrawn.map((row): OwnStatusRow => ({
          id: row.id,
          withdrawalKeyHash: row.withdrawal_key_hash,
          status: 'withdrawn',
          withdrawn: row.withdrawn_at,
        })),
      ];
    },
  };
}

function contributionFromStatus(status: string): OwnStatusRow['status'] {
  if (status === 'pending' || status === 'published' || status === 'hidden' || status === 'rejected') return status;
  throw new Error(`unknown contribution status in the database: ${status}`);
}
