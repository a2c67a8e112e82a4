import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema';
import type { Storage, SupportOutcome } from '../storage';
import type { EventRecorder, RecordChange } from './events';
import { readableByThePublic } from './conditions';

/** The contribution, if the public may read it, locked for this transaction's count update. */
async function publicRow(trx: Transaction<Database>, id: string) {
  return trx
    .selectFrom('contributions')
    .select(['id', 'parent_id', 'commitment_id', 'target_url'])
    .where('id', '=', id)
    .where(readableByThePublic)
    .executeTakeFirst();
}

async function countAfter(
  trx: Transaction<Database>,
  row: NonNullable<Awaited<ReturnType<typeof publicRow>>>,
  delta: 1 | -1 | 0,
  record: RecordChange,
): Promise<number> {
  if (delta !== 0) {
    // The counter moves in the same transaction as the row it counts: never a recount of supports.
    await trx
      .updateTable('contributions')
      .set({ support_count: sql<number>`support_count + ${delta}` })
      .where('id', '=', row.id)
      .execute();
    record('counts', row);
  }
  const { support_count } = await trx
    .selectFrom('contributions')
    .select('support_count')
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
  return Number(support_count);
}

/** "Moi aussi" and taking it back, each idempotent per device key. */
export function supportQueries(recorder: EventRecorder): Pick<Storage, 'support' | 'unsupport'> {
  return {
    support(change) {
      return recorder.withEvents(async (trx, record): Promise<SupportOutcome> => {
        const row = await publicRow(trx, change.contributionId);
        if (!row) return { found: false };
        const inserted = await trx
          .insertInto('supports')
          .values({
            contribution_id: change.contributionId,
            supporter_hash: change.supporterHash,
            created_at: change.at,
          })
          .onConflict((oc) => oc.columns(['contribution_id', 'supporter_hash']).doNothing())
          .executeTakeFirst();
        const changed = Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
        return {
          found: true,
          supportCount: await countAfter(trx, row, changed ? 1 : 0, record),
          supported: true,
          changed,
        };
      });
    },

    unsupport(change) {
      return recorder.withEvents(async (trx, record): Promise<SupportOutcome> => {
        const row = await publicRow(trx, change.contributionId);
        if (!row) return { found: false };
        const deleted = await trx
          .deleteFrom('supports')
          .where('contribution_id', '=', change.contributionId)
          .where('supporter_hash', '=', change.supporterHash)
          .executeTakeFirst();
        const changed = Number(deleted.numDeletedRows) === 1;
        return {
          found: true,
          supportCount: await countAfter(trx, row, changed ? -1 : 0, record),
          supported: false,
          changed,
        };
      });
    },
  };
}
