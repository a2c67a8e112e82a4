import { sql, type Kysely } from 'kysely';
import { ModerationReason, type ModerationItem } from '../../../api-client/contract';
import { contributionFromRow } from '../rows';
import type { Database } from '../schema';
import type { Storage } from '../storage';
import { pastCursor } from './conditions';

/** What happens to a contribution after it arrives: moderators' decisions, readers' reports, authors' withdrawals. */
export function moderationQueries(
  db: Kysely<Database>,
): Pick<Storage, 'listForModeration' | 'decide' | 'report' | 'withdrawalKeyHash' | 'withdraw' | 'withdrawnIds'> {
  return {
    async listForModeration(query) {
      let q = db.selectFrom('contributions').selectAll().where('status', '=', query.status);
      const after = query.after;
      if (after) q = q.where((eb) => pastCursor(eb, after, '>'));
      const rows = await q.orderBy('received_at', 'asc').orderBy('id', 'asc').limit(query.limit).execute();
      if (rows.length === 0) return [];
      const reports = await db
        .selectFrom('reports')
        .select(['contribution_id', 'reason'])
        .where(
          'contribution_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      return rows.map((row): ModerationItem => {
        const mine = reports.filter((r) => r.contribution_id === row.id).map((r) => ModerationReason.parse(r.reason));
        return {
          contribution: contributionFromRow(row),
          reports: { count: mine.length, reasons: [...new Set(mine)] },
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

    async decide(id, decision) {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('contributions')
          .set({
            status: decision.status,
            moderation_reason: decision.reason ?? null,
            moderated_at: decision.at,
            ...(decision.reply ? { reply_body: decision.reply.body, reply_at: decision.reply.at } : {}),
            // Public since its first publication: a later review that publishes it again keeps that date.
            ...(decision.status === 'published'
              ? { published_at: sql<string>`COALESCE(published_at, ${decision.at})` }
              : {}),
          })
          .where('id', '=', id)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return undefined;
        // Once reviewed and published, earlier reports are settled: new ones count afresh.
        if (decision.status === 'published')
          await trx.deleteFrom('reports').where('contribution_id', '=', id).execute();
        const row = await trx.selectFrom('contributions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        return contributionFromRow(row);
      });
    },

    async report(request) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('contributions')
          .select('status')
          .where('id', '=', request.contributionId)
          .executeTakeFirst();
        // Only what readers can see can be reported: published, or already back in review.
        if (!row || (row.status !== 'published' && row.status !== 'pending')) return { found: false } as const;
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
        let status = row.status;
        if (status === 'published' && count >= request.threshold) {
          await trx
            .updateTable('contributions')
            .set({ status: 'pending' })
            .where('id', '=', request.contributionId)
            .where('status', '=', 'published')
            .execute();
          status = 'pending';
        }
        return { found: true, count, underReview: status === 'pending' } as const;
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

    async withdraw(id, at) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('reports').where('contribution_id', '=', id).execute();
        await trx.deleteFrom('contributions').where('id', '=', id).execute();
        await trx
          .insertInto('withdrawals')
          .values({ id, withdrawn_at: at })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      });
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
  };
}
