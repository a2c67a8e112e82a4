import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../schema';
import type { ExportFilter, OrganisationScope, PageCursor } from '../storage';

type ContributionsBuilder = ExpressionBuilder<Database, 'contributions'>;

/**
 * Strictly past the cursor, in the direction the listing goes. A row-value
 * comparison, not the equivalent OR: PostgreSQL and SQLite both turn it into an
 * index range, so every page costs the same however deep the listing goes.
 */
export function pastCursor(eb: ContributionsBuilder, after: PageCursor, direction: '<' | '>'): Expression<SqlBool> {
  return eb(eb.refTuple('received_at', 'id'), direction, eb.tuple(after.receivedAt, after.id));
}

/** A LIKE pattern that matches `text` literally at its end, `\` being the escape character. */
function endsWith(text: string): string {
  return '%' + text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/**
 * The one definition of an administration's scope, for every query that applies it: the
 * page's host is one of its hosts or lies below one of its `*.` domains (`.economie.gouv.fr`
 * ends the host, so `xeconomie.gouv.fr` and `economie.gouv.fr.evil.example` do not), or the
 * contribution is on a commitment it leads. An empty scope holds nothing.
 */
export function inScope(eb: ContributionsBuilder, scope: OrganisationScope): Expression<SqlBool> {
  const hosts = scope.domains.filter((d) => !d.startsWith('*.'));
  const below = scope.domains.filter((d) => d.startsWith('*.')).map((d) => d.slice(1));
  const conditions: Expression<SqlBool>[] = [];
  if (hosts.length > 0) conditions.push(eb('target_host', 'in', hosts));
  for (const suffix of below) conditions.push(sql<SqlBool>`target_host LIKE ${endsWith(suffix)} ESCAPE '\\'`);
  if (scope.commitmentIds.length > 0) conditions.push(eb('commitment_id', 'in', [...scope.commitmentIds]));
  return conditions.length === 0 ? eb.lit(false) : eb.or(conditions);
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
  if (filter.scope !== undefined) conditions.push(inScope(eb, filter.scope));
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
