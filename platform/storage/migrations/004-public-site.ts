import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The public side: commitments in two languages, when each contribution became public,
 * the indexes the public pages read through, and full-text search with each database's
 * own engine. Only published contributions are searchable, and the search index follows
 * publication, hiding and withdrawal in the same transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['title_en', 'lead_institution_en']) {
    await db.schema.alterTable('commitments').addColumn(column, 'text').execute();
  }
  // `published_at` came with 003-hardening, filled with the arrival; a publication decision
  // before it left `moderated_at`, which is when those became public.
  await sql`UPDATE contributions SET published_at = COALESCE(moderated_at, received_at) WHERE status = 'published'`.execute(
    db,
  );

  // What the public pages read, newest publication first. Status comes in each index as
  // an equality, like in the older ones, so that the planner (SQLite's has no statistics)
  // prefers these, which also give the order, to those that would need a sort.
  await db.schema
    .createIndex('public_by_commitment')
    .on('contributions')
    .columns(['commitment_id', 'status', 'published_at', 'id'])
    .execute();
  await db.schema
    .createIndex('public_by_page')
    .on('contributions')
    .columns(['target_url', 'status', 'published_at', 'id'])
    .execute();
  await db.schema.createIndex('public_by_date').on('contributions').columns(['status', 'published_at', 'id']).execute();
  // Covers the counts of the plan's page: read from the index alone, never from the rows.
  await db.schema
    .createIndex('public_counts')
    .on('contributions')
    .columns(['status', 'commitment_id', 'kind', 'gap_type', 'reply_at'])
    .execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) await postgresSearch(db);
  else await sqliteSearch(db);
}

/** The first quoted passage of a contribution's selectors (a JSON array), in SQLite. */
const sqliteQuote = (row: 'new' | 'old') =>
  `(SELECT json_extract(value, '$.exact') FROM json_each(${row}.selectors) WHERE json_extract(value, '$.type') = 'TextQuoteSelector' LIMIT 1)`;

/**
 * SQLite: an FTS5 index that keeps no text. It is contentless (`content=''`: only the
 * index, no copy of the words) with `secure-delete` on, so that deleting a row removes
 * its terms from the index pages instead of leaving them behind a delete marker
 * (`contentless_delete` would leave them until a merge). Its rowids live in
 * `search_rows`, an INTEGER PRIMARY KEY table, because a VACUUM may renumber the
 * implicit rowids of `contributions`. Triggers keep it in step in the same transaction.
 */
async function sqliteSearch(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE search_rows (rowid INTEGER PRIMARY KEY, contribution_id TEXT NOT NULL UNIQUE)`,
    `CREATE VIRTUAL TABLE search_index USING fts5(body, quote, content='', tokenize='unicode61 remove_diacritics 2')`,
    `INSERT INTO search_index(search_index, rank) VALUES ('secure-delete', 1)`,
    // A delete must give the very values that were indexed: they are the old row's.
    `CREATE TRIGGER search_forget_deleted AFTER DELETE ON contributions WHEN old.status = 'published' BEGIN
       INSERT INTO search_index(search_index, rowid, body, quote)
         SELECT 'delete', rowid, old.body, ${sqliteQuote('old')} FROM search_rows WHERE contribution_id = old.id;
       DELETE FROM search_rows WHERE contribution_id = old.id;
     END`,
    `CREATE TRIGGER search_learn_inserted AFTER INSERT ON contributions WHEN new.status = 'published' BEGIN
       INSERT INTO search_rows(contribution_id) VALUES (new.id);
       INSERT INTO search_index(rowid, body, quote)
         SELECT rowid, new.body, ${sqliteQuote('new')} FROM search_rows WHERE contribution_id = new.id;
     END`,
    `CREATE TRIGGER search_follow_updated AFTER UPDATE OF status, body, selectors ON contributions
     WHEN old.status IS NOT new.status OR old.body IS NOT new.body OR old.selectors IS NOT new.selectors BEGIN
       INSERT INTO search_index(search_index, rowid, body, quote)
         SELECT 'delete', rowid, old.body, ${sqliteQuote('old')} FROM search_rows
         WHERE contribution_id = old.id AND old.status = 'published';
       DELETE FROM search_rows WHERE contribution_id = old.id AND old.status = 'published';
       INSERT INTO search_rows(contribution_id) SELECT new.id WHERE new.status = 'published';
       INSERT INTO search_index(rowid, body, quote)
         SELECT rowid, new.body, ${sqliteQuote('new')} FROM search_rows
         WHERE contribution_id = new.id AND new.status = 'published';
     END`,
    // What was published before this migration, in the order it became public.
    `INSERT INTO search_rows(contribution_id)
       SELECT id FROM contributions WHERE status = 'published' ORDER BY published_at, id`,
    `INSERT INTO search_index(rowid, body, quote)
       SELECT r.rowid, c.body, (SELECT json_extract(value, '$.exact') FROM json_each(c.selectors)
                                WHERE json_extract(value, '$.type') = 'TextQuoteSelector' LIMIT 1)
       FROM search_rows r JOIN contributions c ON c.id = r.contribution_id`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

/**
 * PostgreSQL: its own full-text search with the `french` configuration, made blind to
 * accents by the `unaccent` extension (trusted since PostgreSQL 13: the database's owner
 * may create it). Where it cannot be created, the configuration is plain `french` and
 * search tells accents apart: `searchIgnoresAccents()` says so, and the search page too.
 * A partial GIN index over an expression: no stored copy of the words beside the row,
 * and only published rows are in it.
 */
async function postgresSearch(db: Kysely<unknown>): Promise<void> {
  await sql`
    DO $$
    BEGIN
      BEGIN
        CREATE EXTENSION IF NOT EXISTS unaccent;
      EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'vigie: unaccent is not available (%), search will tell accents apart', SQLERRM;
      END;
      CREATE TEXT SEARCH CONFIGURATION vigie_search (COPY = pg_catalog.french);
      IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN
        ALTER TEXT SEARCH CONFIGURATION vigie_search
          ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
      END IF;
    END
    $$`.execute(db);
  // One definition of what is searched (the text and the quoted passage), used by the
  // index and by every query, so the planner matches them.
  await sql`
    CREATE FUNCTION vigie_search_document(body text, selectors text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT to_tsvector('vigie_search'::regconfig, body || ' ' || COALESCE(
        jsonb_path_query_first(selectors::jsonb, '$[*] ? (@.type == "TextQuoteSelector").exact') #>> '{}', ''))
    $$`.execute(db);
  await sql`
    CREATE INDEX search_index ON contributions USING gin (vigie_search_document(body, selectors))
    WHERE status = 'published'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`DROP INDEX search_index`.execute(db);
    await sql`DROP FUNCTION vigie_search_document(text, text)`.execute(db);
    await sql`DROP TEXT SEARCH CONFIGURATION vigie_search`.execute(db);
  } else {
    for (const trigger of ['search_follow_updated', 'search_learn_inserted', 'search_forget_deleted']) {
      await sql.raw(`DROP TRIGGER ${trigger}`).execute(db);
    }
    await sql`DROP TABLE search_index`.execute(db);
    await sql`DROP TABLE search_rows`.execute(db);
  }
  for (const index of ['public_counts', 'public_by_date', 'public_by_page', 'public_by_commitment']) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.alterTable('contributions').dropColumn('published_at').execute();
  for (const column of ['lead_institution_en', 'title_en']) {
    await db.schema.alterTable('commitments').dropColumn(column).execute();
  }
}
