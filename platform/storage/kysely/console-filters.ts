import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../schema';
import type { ModerationFilter, Storage } from '../storage';
import { inScope } from './conditions';
import { fts5Query } from './search';

type ContributionsBuilder = ExpressionBuilder<Database, 'contributions'>;

/** A LIKE pattern that matches `text` literally at its end, `\` being the escape character. */
function endsWith(text: string): string {
  return '%' + text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/**
 * The console's full-text search, over every status, with the same engine as the public
 * search: SQLite's FTS5 (the console's own contentless index, 007-console) or PostgreSQL's
 * text search with the same document expression as its GIN indexes, so the planner uses them.
 */
function matchesWords(eb: ContributionsBuilder, text: string, kind: Storage['kind']): Expression<SqlBool> {
  if (kind === 'postgres') {
    return sql<SqlBool>`vigie_search_document(body, selectors) @@ websearch_to_tsquery('vigie_search', ${text})`;
  }
  const match = fts5Query(text);
  // Nothing but punctuation: no word to look for, so nothing matches.
  if (match === null) return eb.lit(false);
  return sql<SqlBool>`id IN (
    SELECT r.contribution_id FROM console_search_rows r
    WHERE r.rowid IN (SELECT rowid FROM console_search WHERE console_search MATCH ${match}))`;
}

/** Every filter of the console as one condition (true when none is set). */
export function moderationConditions(
  eb: ContributionsBuilder,
  filter: ModerationFilter | undefined,
  kind: Storage['kind'],
  scope?: Parameters<typeof inScope>[1],
): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (scope) conditions.push(inScope(eb, scope));
  if (!filter) return eb.and(conditions);
  if (filter.text !== undefined) conditions.push(matchesWords(eb, filter.text, kind));
  if (filter.commitmentId !== undefined) conditions.push(eb('commitment_id', '=', filter.commitmentId));
  const page = filter.page;
  if (page && 'url' in page) conditions.push(eb('target_url', '=', page.url));
  if (page && 'domain' in page) {
    conditions.push(
      eb.or([
        eb('target_host', '=', page.domain),
        sql<SqlBool>`target_host LIKE ${endsWith(`.${page.domain}`)} ESCAPE '\\'`,
      ]),
    );
  }
  if (filter.kind !== undefined) conditions.push(eb('kind', '=', filter.kind));
  if (filter.gapType !== undefined) conditions.push(eb('gap_type', '=', filter.gapType));
  if (filter.campaignId !== undefined) conditions.push(eb('campaign_id', '=', filter.campaignId));
  if (filter.from !== undefined) conditions.push(eb('received_at', '>=', filter.from));
  if (filter.to !== undefined) conditions.push(eb('received_at', '<', filter.to));
  if (filter.reported === true) conditions.push(eb('reported_at', 'is not', null));
  if (filter.reported === false) conditions.push(eb('reported_at', 'is', null));
  return eb.and(conditions);
}

/** The pending queue also holds what is still public but was reported: reviewed first. */
export function queueStatus(eb: ContributionsBuilder, status: string): Expression<SqlBool> {
  return status === 'pending'
    ? eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'published'), eb('reported_at', 'is not', null)])])
    : eb('status', '=', status);
}
