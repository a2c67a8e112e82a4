import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The console moderators work in all day (#18):
 * - a journal of decisions: who (the token's name and id), when, what, why (the reason, and
 *   the note that explains "other"); a bulk decision writes one line per contribution;
 * - beside each contribution, the latest decision's note and who took it, as the queue and
 *   the exports read them without a join;
 * - the contributions that came with the same withdrawal key's hash, counted through an index;
 * - a second full-text index over every status (the public one holds published contributions
 *   only), with the same engine and the same care for erasure.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('moderation_journal')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('contribution_id', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('token_id', 'text', (col) => col.notNull())
    .addColumn('account_name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('decision', 'text', (col) => col.notNull())
    .addColumn('reason', 'text')
    .addColumn('note', 'text')
    .addColumn('replied', 'integer', (col) => col.notNull())
    .addColumn('bulk', 'integer', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('moderation_journal_by_contribution')
    .on('moderation_journal')
    .columns(['contribution_id', 'at'])
    .execute();
  for (const column of ['moderation_note', 'moderated_by']) {
    await db.schema.alterTable('contributions').addColumn(column, 'text').execute();
  }
  await db.schema
    .createIndex('contributions_by_withdrawal_key')
    .on('contributions')
    .columns(['withdrawal_key_hash'])
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) await postgresSearch(db);
  else await sqliteSearch(db);
}

/** The first quoted passage of a contribution's selectors (a JSON array), in SQLite. */
const sqliteQuote = (row: 'new' | 'old') =>
  `(SELECT json_extract(value, '$.exact') FROM json_each(${row}.selectors) WHERE json_extract(value, '$.type') = 'TextQuoteSelector' LIMIT 1)`;

/**
 * SQLite: the console's FTS5 index over every contribution, built as the public one is
 * (004-public-site): contentless, `secure-delete` on, its rowids in `console_search_rows`,
 * kept by triggers in the same transaction. A contribution's words never change after it
 * arrived, so it follows insertions and deletions (and an edit, should one ever happen).
 */
async function sqliteSearch(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE console_search_rows (rowid INTEGER PRIMARY KEY, contribution_id TEXT NOT NULL UNIQUE)`,
    `CREATE VIRTUAL TABLE console_search USING fts5(body, quote, content='', tokenize='unicode61 remove_diacritics 2')`,
    `INSERT INTO console_search(console_search, rank) VALUES ('secure-delete', 1)`,
    `CREATE TRIGGER console_search_forget_deleted AFTER DELETE ON contributions BEGIN
       INSERT INTO console_search(console_search, rowid, body, quote)
         SELECT 'delete', rowid, old.body, ${sqliteQuote('old')} FROM console_search_rows WHERE contribution_id = old.id;
       DELETE FROM console_search_rows WHERE contribution_id = old.id;
     END`,
    `CREATE TRIGGER console_search_learn_inserted AFTER INSERT ON contributions BEGIN
       INSERT INTO console_search_rows(contribution_id) VALUES (new.id);
       INSERT INTO console_search(rowid, body, quote)
         SELECT rowid, new.body, ${sqliteQuote('new')} FROM console_search_rows WHERE contribution_id = new.id;
     END`,
    `CREATE TRIGGER console_search_follow_updated AFTER UPDATE OF body, selectors ON contributions
     WHEN old.body IS NOT new.body OR old.selectors IS NOT new.selectors BEGIN
       INSERT INTO console_search(console_search, rowid, body, quote)
         SELECT 'delete', rowid, old.body, ${sqliteQuote('old')} FROM console_search_rows WHERE contribution_id = old.id;
       INSERT INTO console_search(rowid, body, quote)
         SELECT rowid, new.body, ${sqliteQuote('new')} FROM console_search_rows WHERE contribution_id = new.id;
     END`,
    `INSERT INTO console_search_rows(contribution_id) SELECT id FROM contributions ORDER BY received_at, id`,
    `INSERT INTO console_search(rowid, body, quote)
       SELECT r.rowid, c.body, (SELECT json_extract(value, '$.exact') FROM json_each(c.selectors)
                                WHERE json_extract(value, '$.type') = 'TextQuoteSelector' LIMIT 1)
       FROM console_search_rows r JOIN contributions c ON c.id = r.contribution_id`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

/**
 * PostgreSQL: the same expression as the public index (vigie_search_document, 004), without
 * its `status = 'published'` predicate. Rebuilt with it after an erasure (search.ts): GIN
 * keeps a word as a key even once no row holds it.
 */
async function postgresSearch(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX console_search_index ON contributions USING gin (vigie_search_document(body, selectors))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`DROP INDEX console_search_index`.execute(db);
  else {
    for (const trigger of [
      'console_search_follow_updated',
      'console_search_learn_inserted',
      'console_search_forget_deleted',
    ]) {
      await sql.raw(`DROP TRIGGER ${trigger}`).execute(db);
    }
    await sql`DROP TABLE console_search`.execute(db);
    await sql`DROP TABLE console_search_rows`.execute(db);
  }
  await db.schema.dropIndex('contributions_by_withdrawal_key').execute();
  for (const column of ['moderated_by', 'moderation_note']) {
    await db.schema.alterTable('contributions').dropColumn(column).execute();
  }
  await db.schema.dropTable('moderation_journal').execute();
}
