import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import { ContributionKind, GapType } from '../../../api-client/contract';
import { contributionFromRow } from '../rows';
import type { ContributionsTable, Database } from '../schema';
import type { PublicEntry, PublicScope, Storage } from '../storage';
import { readableByThePublic } from './conditions';

export function publicEntry(row: Selectable<ContributionsTable>): PublicEntry {
  return { contribution: contributionFromRow(row), publishedAt: row.published_at ?? row.received_at };
}

function scoped<O>(
  query: SelectQueryBuilder<Database, 'contributions', O>,
  scope: PublicScope | undefined,
): SelectQueryBuilder<Database, 'contributions', O> {
  let q = query.where('status', '=', 'published');
  // Replies come under their parent, never in these lists and counts. A reply has no
  // commitment (the contract refuses one), so a commitment's rows hold none, and its
  // index-only reads (the plan's counts, the months) need no filter that reads rows.
  if (scope?.commitmentId === undefined) q = q.where('kind', '!=', 'reply');
  if (scope?.commitmentId !== undefined) q = q.where('commitment_id', '=', scope.commitmentId);
  if (scope?.url !== undefined) q = q.where('target_url', '=', scope.url);
  return q;
}

/** What the public pages read: counts from the database's indexes, and pages of published contributions. */
export function publicSiteQueries(
  db: Kysely<Database>,
): Pick<Storage, 'publicCounts' | 'publicMonths' | 'listPublic' | 'getPublic'> {
  return {
    async publicCounts(scope) {
      // Grouped in the order of the `public_counts` index, so it is read once, without the rows.
      // "Answered" is platform/site/answer.ts's rule: a moderator's public reply, or an
      // organisation's answer that closed the matter (answered, or not its remit).
      const answered = sql<
        number | string
      >`sum(CASE WHEN reply_at IS NOT NULL OR answer_status IN ('answered', 'not-our-remit') THEN 1 ELSE 0 END)`;
      const rows = await scoped(db.selectFrom('contributions'), scope)
        .select(['commitment_id', 'kind', 'gap_type'])
        .select((eb) => [eb.fn.countAll<number | string>().as('n'), answered.as('answered')])
        .groupBy(['commitment_id', 'kind', 'gap_type'])
        .execute();
      return rows.map((row) => ({
        commitmentId: row.commitment_id,
        kind: ContributionKind.parse(row.kind),
        gapType: row.gap_type === null ? null : GapType.parse(row.gap_type),
        count: Number(row.n),
        answered: Number(row.answered),
      }));
    },

    async publicMonths(commitmentId) {
      const month = sql<string>`substr(published_at, 1, 7)`;
      const rows = await scoped(db.selectFrom('contributions'), { commitmentId })
        .select((eb) => [month.as('month'), eb.fn.countAll<number | string>().as('n')])
        .groupBy(month)
        .orderBy(month)
        .execute();
      return rows.map((row) => ({ month: row.month, count: Number(row.n) }));
    },

    async listPublic(query) {
      let ordered = scoped(db.selectFrom('contributions').selectAll(), query);
      if (query.bySupport) ordered = ordered.orderBy('support_count', 'desc');
      const rows = await ordered
        .orderBy('published_at', 'desc')
        .orderBy('id', 'desc')
        .limit(query.limit)
        .offset(query.offset)
        .execute();
      return rows.map(publicEntry);
    },

    async getPublic(id) {
      const row = await db
        .selectFrom('contributions')
        .selectAll()
        .where('id', '=', id)
        .where(readableByThePublic)
        .executeTakeFirst();
      return row && publicEntry(row);
    },
  };
}
