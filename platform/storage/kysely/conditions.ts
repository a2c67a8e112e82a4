import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../schema';
import type { ExportFilter, PageCursor } from '../storage';

type ContributionsBuilder = ExpressionBuilder<Database, 'contributions'>;

/**
 * Strictly past the cursor, in the direction the listing goes. A row-value
 * comparison, not the equivalent OR: PostgreSQL and SQLite both turn it into an
 * index range, so every page costs the same however deep the listing goes.
 */
export function pastCursor(eb: ContributionsBuilder, after: PageCursor, direction: '<' | '>'): Expression<SqlBool> {
  return eb(eb.refTuple('received_at', 'id'), direction, eb.tuple(after.receivedAt, after.id));
}

export function exportConditions(eb: ContributionsBuilder, filter: ExportFilter): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.campaignIds !== undefined) {
    // An ngo with no campaign exports nothing, not everything.
    conditions.push(filter.campaignIds.length === 0 ? eb.lit(false) : eb('campaign_id', 'in', filter.campaignIds));
  }
  if (filter.commitmentId !== undefined) conditions.push(eb('commitment_id', '=', filter.commitmentId));
  if (filter.kind !== undefined) conditions.push(eb('kind', '=', filter.kind));
  if (filter.status !== undefined) conditions.push(eb('status', '=', filter.status));
  if (filter.publishedOnly) conditions.push(eb('status', '=', 'published'));
  if (filter.readableByThePublic) conditions.push(readableByThePublic(eb));
  if (filter.from !== undefined) conditions.push(eb('received_at', '>=', filter.from));
  if (filter.to !== undefined) conditions.push(eb('received_at', '<', filter.to));
  return eb.and(conditions);
}

/**
 * What the public may read, as one SQL condition: a published contribution, and for a
 * reply, a published parent. A reply leaves public view with its parent (hidden, taken
 * down by reports, withdrawn) and comes back with it; it keeps its own status meanwhile.
 */
export function readableByThePublic(eb: ContributionsBuilder): Expression<SqlBool> {
  return eb.and([
    eb('contributions.status', '=', 'published'),
    eb.or([
      eb('contributions.parent_id', 'is', null),
      eb.exists(
        eb
          .selectFrom('contributions as parent')
          .select('parent.id')
          .whereRef('parent.id', '=', 'contributions.parent_id')
          .where('parent.status', '=', 'published'),
      ),
    ]),
  ]);
}
