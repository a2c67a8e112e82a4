import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { ModerationReason, moderationDecisions, type JournalEntry } from '../../../api-client/contract';
import { contributionFromRow } from '../rows';
import type { Database } from '../schema';
import type { Decision, DecisionOutcome, Storage } from '../storage';
import { inScope } from './conditions';
import type { EventRecorder, RecordChange } from './events';
import { refreshReplyCounts } from './threads';

const decisionOf = { published: 'publish', hidden: 'hide', rejected: 'reject' } as const;

/** Each contribution's journal, oldest first, for a page of the queue or of an export. */
export async function journalsOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, JournalEntry[]>> {
  const journals = new Map<string, JournalEntry[]>();
  if (ids.length === 0) return journals;
  const rows = await db
    .selectFrom('moderation_journal')
    .selectAll()
    .where('contribution_id', 'in', [...ids])
    .orderBy('at')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const decision = moderationDecisions.find((d) => d === row.decision) ?? 'publish';
    const entry: JournalEntry = {
      at: row.at,
      by: row.account_name,
      role: row.role,
      decision,
      ...(row.reason === null ? {} : { reason: ModerationReason.parse(row.reason) }),
      ...(row.note === null ? {} : { note: row.note }),
      replied: Number(row.replied) === 1,
      bulk: Number(row.bulk) === 1,
    };
    journals.set(row.contribution_id, [...(journals.get(row.contribution_id) ?? []), entry]);
  }
  return journals;
}

/**
 * The decision on these (existing, in-scope) ids, and one journal line for each, in the caller's
 * transaction; what enters or leaves public view is told to the live streams (events.ts), and a
 * reply's parent counts its public replies again.
 */
async function apply(
  trx: Transaction<Database>,
  ids: string[],
  decision: Decision,
  bulk: boolean,
  record: RecordChange,
): Promise<void> {
  if (ids.length === 0) return;
  const before = new Map(
    (await trx.selectFrom('contributions').select(['id', 'status']).where('id', 'in', ids).execute()).map((r) => [
      r.id,
      r.status,
    ]),
  );
  await trx
    .updateTable('contributions')
    .set({
      status: decision.status,
      moderation_reason: decision.reason ?? null,
      moderation_note: decision.note ?? null,
      moderated_by: decision.by.name,
      moderated_at: decision.at,
      // Reviewed: it leaves the top of the queue, whatever was decided.
      reported_at: null,
      ...(decision.reply ? { reply_body: decision.reply.body, reply_at: decision.reply.at } : {}),
      // Public since its first publication: a later review that publishes it again keeps that date.
      ...(decision.status === 'published' ? { published_at: sql<string>`COALESCE(published_at, ${decision.at})` } : {}),
    })
    .where('id', 'in', ids)
    .execute();
  // Once reviewed and published, earlier reports are settled: new ones count afresh.
  if (decision.status === 'published') await trx.deleteFrom('reports').where('contribution_id', 'in', ids).execute();
  const what = decisionOf[decision.status as keyof typeof decisionOf];
  await trx
    .insertInto('moderation_journal')
    .values(
      ids.map((id) => ({
        id: randomUUID(),
        contribution_id: id,
        at: decision.at,
        token_id: decision.by.tokenId,
        account_name: decision.by.name,
        role: decision.by.role,
        decision: what,
        reason: decision.reason ?? null,
        note: decision.note ?? null,
        replied: decision.reply ? 1 : 0,
        bulk: bulk ? 1 : 0,
      })),
    )
    .execute();
  const rows = await trx
    .selectFrom('contributions')
    .select(['id', 'parent_id', 'commitment_id', 'target_url', 'status'])
    .where('id', 'in', ids)
    .execute();
  const parents: string[] = [];
  for (const row of rows) {
    const wasPublic = before.get(row.id) === 'published';
    const isPublic = row.status === 'published';
    if (!wasPublic && isPublic) record('contribution', row);
    else if (wasPublic && !isPublic) record('removed', row);
    else if (isPublic && decision.reply) record('answer', row);
    if (row.parent_id !== null && wasPublic !== isPublic) parents.push(row.parent_id);
  }
  if (parents.length > 0) await refreshReplyCounts(trx, parents, record);
}

/** Moderators' decisions, one or many at once, each journaled: who, when, what, why. */
export function decisionQueries(recorder: EventRecorder): Pick<Storage, 'decide' | 'decideMany'> {
  return {
    async decide(id, decision) {
      return recorder.withEvents(async (trx, record) => {
        const found = await trx.selectFrom('contributions').select('id').where('id', '=', id).executeTakeFirst();
        if (!found) return undefined;
        await apply(trx, [id], decision, false, record);
        const row = await trx.selectFrom('contributions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        return contributionFromRow(row);
      });
    },

    async decideMany(ids, decision, scope) {
      const unique = [...new Set(ids)];
      return recorder.withEvents(async (trx, record) => {
        const found = await trx
          .selectFrom('contributions')
          .select((eb) => [
            'id',
            (scope ? eb.case().when(inScope(eb, scope)).then(1).else(0).end() : eb.lit(1)).as('inside'),
          ])
          .where('id', 'in', unique)
          .execute();
        const inside = new Set(found.filter((row) => Number(row.inside) === 1).map((row) => row.id));
        const known = new Set(found.map((row) => row.id));
        const decided = unique.filter((id) => inside.has(id));
        await apply(trx, decided, { ...decision, reply: undefined }, true, record);
        const rows =
          decided.length === 0
            ? []
            : await trx.selectFrom('contributions').selectAll().where('id', 'in', decided).execute();
        const byId = new Map(rows.map((row) => [row.id, contributionFromRow(row)]));
        return unique.map((id): DecisionOutcome => {
          const contribution = byId.get(id);
          if (contribution) return { id, result: 'decided', contribution };
          return { id, result: known.has(id) ? 'forbidden' : 'not-found' };
        });
      });
    },
  };
}
