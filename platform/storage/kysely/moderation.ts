import { sql, type Kysely } from 'kysely';
import { ModerationReason } from '../../../api-client/contract';
import { answerFromRow } from '../rows';
import type { Database } from '../schema';
import type { OwnStatusRow, Storage } from '../storage';
import type { EventRecorder } from './events';
import { refreshReplyCounts } from './threads';
import { inScope } from './conditions';

/** What happens to a contribution after it arrives: readers' reports, authors' statuses (decisions: journal.ts). */
export function moderationQueries(
  db: Kysely<Database>,
  recorder: EventRecorder,
): Pick<Storage, 'contributionInScope' | 'report' | 'withdrawalKeyHash' | 'withdrawnIds' | 'ownStatuses'> {
  return {
    async contributionInScope(id, scope) {
      const row = await db
        .selectFrom('contributions')
        .select((eb) => ['id', eb.case().when(inScope(eb, scope)).then(1).else(0).end().as('inside')])
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : Number(row.inside) === 1;
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
