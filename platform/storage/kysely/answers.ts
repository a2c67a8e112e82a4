import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { AnswerStatus } from '../../../api-client/contract';
import { contributionFromRow } from '../rows';
import type { Database } from '../schema';
import type { Storage } from '../storage';
import type { EventRecorder } from './events';

/**
 * Organisations' answers. Every version goes into `answers`, the history; the latest is
 * also kept beside the contribution, where public reads, exports and the counts find it
 * without a join. Both go in one transaction, and both go at erasure (erasure.ts). A new
 * version of a public contribution's answer is a live event (`answer`), in that transaction.
 */
export function answersQueries(
  db: Kysely<Database>,
  recorder: EventRecorder,
): Pick<Storage, 'answer' | 'answerHistory'> {
  return {
    async answer(id, request) {
      return recorder.withEvents(async (trx, record) => {
        const row = await trx.selectFrom('contributions').selectAll().where('id', '=', id).executeTakeFirst();
        if (!row) return { found: false } as const;
        const created = row.answer_at === null;
        // The same words and status from the same organisation: a retry, not a new version.
        if (
          row.answer_body === request.body &&
          row.answer_status === request.status &&
          row.answer_organisation === request.organisation
        ) {
          return { found: true, contribution: contributionFromRow(row), created: false, changed: false } as const;
        }
        await trx
          .insertInto('answers')
          .values({
            id: randomUUID(),
            contribution_id: id,
            token_id: request.tokenId,
            organisation: request.organisation,
            body: request.body,
            status: request.status,
            at: request.at,
          })
          .execute();
        await trx
          .updateTable('contributions')
          .set({
            answer_body: request.body,
            answer_status: request.status,
            answer_organisation: request.organisation,
            answer_at: request.at,
            answer_first_at: sql<string>`COALESCE(answer_first_at, ${request.at})`,
          })
          .where('id', '=', id)
          .execute();
        const updated = await trx
          .selectFrom('contributions')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        if (updated.status === 'published') record('answer', updated);
        return { found: true, contribution: contributionFromRow(updated), created, changed: true } as const;
      });
    },

    async answerHistory(id) {
      const rows = await db
        .selectFrom('answers')
        .select(['organisation', 'body', 'status', 'at'])
        .where('contribution_id', '=', id)
        .orderBy('at')
        .orderBy('id')
        .execute();
      return rows.map((row) => ({ ...row, status: AnswerStatus.parse(row.status) }));
    },
  };
}
