import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Citizens talk back (#16):
 * - a reply is a contribution with `parent_id`; its page is its parent's, it has no
 *   commitment of its own, so the commitment pages' indexes never meet one;
 * - `support_count` and `reply_count` are kept beside each contribution, in the same
 *   transaction as what changes them, so a list shows them without counting rows;
 * - `supports` holds one row per (contribution, device key hashed with the contribution);
 * - `events` is the replay log of the live streams: what became public, or left public
 *   view, where; ids only (no text), the newest few thousand (see live/event-log).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable('contributions').addColumn('parent_id', 'text').execute();
  for (const column of ['support_count', 'reply_count']) {
    await db.schema
      .alterTable('contributions')
      .addColumn(column, 'integer', (col) => col.notNull().defaultTo(0))
      .execute();
  }
  // A contribution's replies, in arrival order (the platform's clock orders the API's lists).
  await db.schema
    .createIndex('replies_by_parent')
    .on('contributions')
    .columns(['parent_id', 'status', 'received_at', 'id'])
    .execute();
  // Lists by support, most supported first, on a commitment or a page.
  await db.schema
    .createIndex('support_by_commitment')
    .on('contributions')
    .columns(['commitment_id', 'status', 'support_count', 'received_at', 'id'])
    .execute();
  await db.schema
    .createIndex('support_by_page')
    .on('contributions')
    .columns(['target_url', 'status', 'support_count', 'received_at', 'id'])
    .execute();

  await db.schema
    .createTable('supports')
    .addColumn('contribution_id', 'text', (col) => col.notNull())
    .addColumn('supporter_hash', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('supports_pk', ['contribution_id', 'supporter_hash'])
    .execute();

  // Ids only grow, even past deleted rows (SQLite's AUTOINCREMENT, PostgreSQL's sequence):
  // a client's Last-Event-ID must never name a later event.
  await db.schema
    .createTable('events')
    .addColumn('id', postgres ? 'bigserial' : 'integer', (col) =>
      postgres ? col.primaryKey() : col.primaryKey().autoIncrement(),
    )
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('contribution_id', 'text', (col) => col.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('commitment_id', 'text')
    .addColumn('target_url', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('events_by_commitment').on('events').columns(['commitment_id', 'id']).execute();
  await db.schema.createIndex('events_by_page').on('events').columns(['target_url', 'id']).execute();
  await db.schema.createIndex('events_by_contribution').on('events').columns(['contribution_id']).execute();

  if (!postgres) await sqliteSearchTriggers(db);
}

/** The first quoted passage of a contribution's selectors (a JSON array), in SQLite (as in 004). */
const sqliteQuote = (row: 'new' | 'old') =>
  `(SELECT json_extract(value, '$.exact') FROM json_each(${row}.selectors) WHERE json_extract(value, '$.type') = 'TextQuoteSelector' LIMIT 1)`;

/**
 * Search finds contributions, not replies (a reply reads out of context; it is found
 * under its parent). SQLite's index counts its matches itself, so replies must stay out
 * of it: the triggers of 004 learn only published contributions without a parent.
 * PostgreSQL's search filters in its query (search.ts), its index needs no change.
 */
async function sqliteSearchTriggers(db: Kysely<unknown>, { withReplies = false } = {}): Promise<void> {
  const searchable = (row: 'new' | 'old') =>
    withReplies ? `${row}.status = 'published'` : `${row}.status = 'published' AND ${row}.parent_id IS NULL`;
  const statements = [
    'DROP TRIGGER search_learn_inserted',
    'DROP TRIGGER search_follow_updated',
    `CREATE TRIGGER search_learn_inserted AFTER INSERT ON contributions WHEN ${searchable('new')} BEGIN
       INSERT INTO search_rows(contribution_id) VALUES (new.id);
       INSERT INTO search_index(rowid, body, quote)
         SELECT rowid, new.body, ${sqliteQuote('new')} FROM search_rows WHERE contribution_id = new.id;
     END`,
    `CREATE TRIGGER search_follow_updated AFTER UPDATE OF status, body, selectors ON contributions
     WHEN old.status IS NOT new.status OR old.body IS NOT new.body OR old.selectors IS NOT new.selectors BEGIN
       INSERT INTO search_index(search_index, rowid, body, quote)
         SELECT 'delete', rowid, old.body, ${sqliteQuote('old')} FROM search_rows WHERE contribution_id = old.id;
       DELETE FROM search_rows WHERE contribution_id = old.id;
       INSERT INTO search_rows(contribution_id) SELECT new.id WHERE ${searchable('new')};
       INSERT INTO search_index(rowid, body, quote)
         SELECT rowid, new.body, ${sqliteQuote('new')} FROM search_rows WHERE contribution_id = new.id;
     END`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The triggers name parent_id: back to 004's (which indexed every published row) first.
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) await sqliteSearchTriggers(db, { withReplies: true });
  for (const index of ['events_by_contribution', 'events_by_page', 'events_by_commitment']) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.dropTable('events').execute();
  await db.schema.dropTable('supports').execute();
  for (const index of ['support_by_page', 'support_by_commitment', 'replies_by_parent']) {
    await db.schema.dropIndex(index).execute();
  }
  for (const column of ['reply_count', 'support_count', 'parent_id']) {
    await db.schema.alterTable('contributions').dropColumn(column).execute();
  }
}
