import { PostgresAdapter, sql, type Kysely } from 'kysely';

/** The host a page address is filed under; the same rule as organisations/domains.ts, frozen here. */
function hostOf(address: string): string {
  try {
    return new URL(address).hostname.replace(/\.$/, '');
  } catch {
    return '';
  }
}

/**
 * Organisations that answer (#15):
 * - an administration's token keeps the site domains it runs and the commitments it leads;
 * - each contribution keeps its page's host, which those domains are compared with;
 * - an organisation's answer: every version in `answers` (the history), the latest beside
 *   the contribution, where public reads and the counts find it without a join;
 * - the "answered" count reads an official answer's status too: `public_counts` covers it;
 * - commitments keep their summary in English as well;
 * - on PostgreSQL, the rate limit's windows, shared by every process (an UNLOGGED table:
 *   nothing of it is worth a write-ahead log, and a crash that empties it costs nothing).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['domains', 'commitments']) {
    await db.schema.alterTable('api_tokens').addColumn(column, 'text').execute();
  }
  for (const column of [
    'target_host',
    'answer_body',
    'answer_status',
    'answer_organisation',
    'answer_at',
    'answer_first_at',
  ]) {
    await db.schema.alterTable('contributions').addColumn(column, 'text').execute();
  }
  await db.schema.alterTable('commitments').addColumn('summary_en', 'text').execute();

  // Hosts of the contributions already stored, a page of rows at a time.
  const pages = db as unknown as Kysely<{
    contributions: { id: string; target_url: string; target_host: string | null };
  }>;
  for (;;) {
    const rows = await pages
      .selectFrom('contributions')
      .select(['id', 'target_url'])
      .where('target_host', 'is', null)
      .limit(500)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      await pages
        .updateTable('contributions')
        .set({ target_host: hostOf(row.target_url) })
        .where('id', '=', row.id)
        .execute();
    }
  }
  await db.schema.createIndex('contributions_by_host').on('contributions').columns(['target_host']).execute();

  await db.schema
    .createTable('answers')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('contribution_id', 'text', (col) => col.notNull())
    .addColumn('token_id', 'text', (col) => col.notNull())
    .addColumn('organisation', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('answers_by_contribution').on('answers').columns(['contribution_id', 'at']).execute();

  await db.schema.dropIndex('public_counts').execute();
  await db.schema
    .createIndex('public_counts')
    .on('contributions')
    .columns(['status', 'commitment_id', 'kind', 'gap_type', 'reply_at', 'answer_status'])
    .execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`CREATE UNLOGGED TABLE rate_windows (
      client text PRIMARY KEY,
      started_at bigint NOT NULL,
      count integer NOT NULL)`.execute(db);
    await sql`CREATE INDEX rate_windows_by_start ON rate_windows (started_at)`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`DROP TABLE rate_windows`.execute(db);
  await db.schema.dropIndex('public_counts').execute();
  await db.schema
    .createIndex('public_counts')
    .on('contributions')
    .columns(['status', 'commitment_id', 'kind', 'gap_type', 'reply_at'])
    .execute();
  await db.schema.dropTable('answers').execute();
  await db.schema.dropIndex('contributions_by_host').execute();
  await db.schema.alterTable('commitments').dropColumn('summary_en').execute();
  for (const column of [
    'answer_first_at',
    'answer_at',
    'answer_organisation',
    'answer_status',
    'answer_body',
    'target_host',
  ]) {
    await db.schema.alterTable('contributions').dropColumn(column).execute();
  }
  for (const column of ['commitments', 'domains'])
    await db.schema.alterTable('api_tokens').dropColumn(column).execute();
}
