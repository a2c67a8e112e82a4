import type { Kysely } from 'kysely';

// Types are kept to text and integer so the same migration runs on SQLite and PostgreSQL.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('commitments')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('summary', 'text')
    .addColumn('lead_institution', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('themes', 'text', (col) => col.notNull())
    .addColumn('plan', 'text', (col) => col.notNull())
    .addColumn('pages', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('question', 'text', (col) => col.notNull())
    .addColumn('targets', 'text', (col) => col.notNull())
    .addColumn('opens_at', 'text', (col) => col.notNull())
    .addColumn('closes_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('contributions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('gap_type', 'text')
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('target_url', 'text', (col) => col.notNull())
    .addColumn('target_title', 'text', (col) => col.notNull())
    .addColumn('selectors', 'text', (col) => col.notNull())
    .addColumn('commitment_id', 'text')
    .addColumn('campaign_id', 'text')
    .addColumn('author_pseudonym', 'text')
    .addColumn('locale', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('received_at', 'text', (col) => col.notNull())
    .addColumn('content_hash', 'text', (col) => col.notNull())
    .execute();

  // The two public listings: a page's and a commitment's published contributions, newest first.
  await db.schema
    .createIndex('contributions_by_page')
    .on('contributions')
    .columns(['target_url', 'status', 'received_at', 'id'])
    .execute();
  await db.schema
    .createIndex('contributions_by_commitment')
    .on('contributions')
    .columns(['commitment_id', 'status', 'received_at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('contributions').execute();
  await db.schema.dropTable('campaigns').execute();
  await db.schema.dropTable('commitments').execute();
}
