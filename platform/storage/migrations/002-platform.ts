import type { Kysely } from 'kysely';

// One column per ALTER TABLE: SQLite adds columns one statement at a time.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['withdrawal_key_hash', 'reply_body', 'reply_at', 'moderation_reason', 'moderated_at']) {
    await db.schema.alterTable('contributions').addColumn(column, 'text').execute();
  }
  await db.schema.alterTable('campaigns').addColumn('owner', 'text').execute();

  await db.schema
    .createTable('reports')
    .addColumn('contribution_id', 'text', (col) => col.notNull())
    .addColumn('reporter_hash', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('reports_pk', ['contribution_id', 'reporter_hash'])
    .execute();

  await db.schema
    .createTable('withdrawals')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('withdrawn_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .execute();

  // The moderation queue and exports read in arrival order, by status or by campaign.
  await db.schema
    .createIndex('contributions_by_status')
    .on('contributions')
    .columns(['status', 'received_at', 'id'])
    .execute();
  await db.schema
    .createIndex('contributions_by_campaign')
    .on('contributions')
    .columns(['campaign_id', 'received_at', 'id'])
    .execute();
  await db.schema.createIndex('contributions_by_arrival').on('contributions').columns(['received_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('contributions_by_arrival').execute();
  await db.schema.dropIndex('contributions_by_campaign').execute();
  await db.schema.dropIndex('contributions_by_status').execute();
  for (const table of ['settings', 'api_tokens', 'withdrawals', 'reports']) await db.schema.dropTable(table).execute();
  await db.schema.alterTable('campaigns').dropColumn('owner').execute();
  for (const column of ['moderated_at', 'moderation_reason', 'reply_at', 'reply_body', 'withdrawal_key_hash']) {
    await db.schema.alterTable('contributions').dropColumn(column).execute();
  }
}
