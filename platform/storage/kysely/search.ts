import { sql, type Kysely, type Selectable } from 'kysely';
import type { ContributionsTable, Database } from '../schema';
import type { SearchQuery, SearchResult, Storage } from '../storage';
import { publicEntry } from './public-site';

/** More words than anyone types in a search box; beyond them the query is cut. */
const MAX_TERMS = 12;

/**
 * The reader's words as an FTS5 query: each word quoted (so nothing typed is read as
 * FTS5 syntax), all required, and words of three letters or more match as the start of
 * a word ("donnee" finds "données", as PostgreSQL's stemming would; numbers match whole:
 * "2024" is not "20245"). One-letter words ("l'", "a") are dropped when others remain. The split is the
 * `unicode61` tokenizer's: letters and digits make words, anything else separates them.
 */
export function fts5Query(text: string): string | null {
  const words = text.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  const useful = words.length > 1 ? words.filter((word) => word.length > 1) : words;
  const terms = (useful.length > 0 ? useful : words)
    .slice(0, MAX_TERMS)
    .map((word) => (word.length >= 3 && /\p{L}\p{M}*$/u.test(word) ? `"${word}"*` : `"${word}"`));
  return terms.length === 0 ? null : terms.join(' ');
}

function sqliteSearch(db: Kysely<Database>): Pick<Storage, 'searchPublic' | 'searchIgnoresAccents'> {
  return {
    async searchPublic(query: SearchQuery): Promise<SearchResult> {
      const match = fts5Query(query.text);
      if (match === null) return { items: [], total: 0 };
      // FTS5 walks its doclist backwards for ORDER BY rowid DESC: the newest matches come
      // first without ranking every match. Rowids follow publication (search_rows).
      const [counted, rows] = await Promise.all([
        sql<{ n: number }>`
          SELECT count(*) AS n FROM (
            SELECT rowid FROM search_index WHERE search_index MATCH ${match} LIMIT ${query.countUpTo})`.execute(db),
        sql<Selectable<ContributionsTable>>`
          WITH hits AS (
            SELECT rowid FROM search_index WHERE search_index MATCH ${match}
            ORDER BY rowid DESC LIMIT ${query.limit} OFFSET ${query.offset})
          SELECT c.* FROM hits
          JOIN search_rows r ON r.rowid = hits.rowid
          JOIN contributions c ON c.id = r.contribution_id
          ORDER BY hits.rowid DESC`.execute(db),
      ]);
      return { items: rows.rows.map(publicEntry), total: Number(counted.rows[0]?.n ?? 0) };
    },

    searchIgnoresAccents: () => Promise.resolve(true),
  };
}

function postgresSearch(db: Kysely<Database>): Pick<Storage, 'searchPublic' | 'searchIgnoresAccents'> {
  let accentBlind: Promise<boolean> | undefined;
  // The same expression as the index (migration 004), so the planner uses it; replies are
  // found under their parent, not here (SQLite's index leaves them out, migration 006).
  const matches = (text: string) =>
    sql`status = 'published' AND parent_id IS NULL AND vigie_search_document(body, selectors) @@ websearch_to_tsquery('vigie_search', ${text})`;
  return {
    async searchPublic(query) {
      const [counted, rows] = await Promise.all([
        sql<{ n: string }>`
          SELECT count(*) AS n FROM (
            SELECT 1 FROM contributions WHERE ${matches(query.text)} LIMIT ${query.countUpTo}) AS hits`.execute(db),
        sql<Selectable<ContributionsTable>>`
          SELECT * FROM contributions WHERE ${matches(query.text)}
          ORDER BY published_at DESC, id DESC LIMIT ${query.limit} OFFSET ${query.offset}`.execute(db),
      ]);
      return { items: rows.rows.map(publicEntry), total: Number(counted.rows[0]?.n ?? 0) };
    },

    searchIgnoresAccents() {
      accentBlind ??= sql<{ blind: boolean }>`
        SELECT EXISTS (
          SELECT 1 FROM pg_ts_config_map m
          JOIN pg_ts_config c ON c.oid = m.mapcfg
          JOIN pg_ts_dict d ON d.oid = m.mapdict
          WHERE c.cfgname = 'vigie_search' AND d.dictname = 'unaccent') AS blind`
        .execute(db)
        .then((result) => result.rows[0]?.blind === true);
      return accentBlind;
    },
  };
}

export function searchQueries(
  db: Kysely<Database>,
  kind: Storage['kind'],
): Pick<Storage, 'searchPublic' | 'searchIgnoresAccents'> {
  return kind === 'postgres' ? postgresSearch(db) : sqliteSearch(db);
}

export interface SearchUpkeep {
  /** After an erasure: the index must not keep the erased words (see below). */
  afterErasure(): void;
  close(): Promise<void>;
}

/** Withdrawals close together share one rebuild. */
const REBUILD_DELAY_MS = 1000;

/**
 * PostgreSQL's GIN index keeps a word as a key even once no row holds it: VACUUM empties
 * the key's list of rows but leaves the key (ginvacuum.c). So after a withdrawal, the
 * index is rebuilt without blocking reads or writes (REINDEX CONCURRENTLY), and the
 * withdrawn words leave it. SQLite's FTS5 index, with `secure-delete`, needs nothing.
 */
export function searchUpkeep(
  db: Kysely<Database>,
  kind: Storage['kind'],
  log: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): SearchUpkeep {
  if (kind !== 'postgres') return { afterErasure() {}, close: () => Promise.resolve() };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;

  const rebuild = () => {
    timer = undefined;
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    // Both indexes over the same expression: the public one and the console's (every status).
    running = sql`REINDEX INDEX CONCURRENTLY search_index`
      .execute(db)
      .then(() => sql`REINDEX INDEX CONCURRENTLY console_search_index`.execute(db))
      .then(
        () => undefined,
        (error: unknown) =>
          log(
            `[vigie] the search index was not rebuilt after a withdrawal: ${error instanceof Error ? error.message : String(error)}`,
          ),
      )
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          schedule();
        }
      });
  };
  const schedule = () => {
    if (!closed) timer ??= setTimeout(rebuild, REBUILD_DELAY_MS);
  };

  return {
    afterErasure: schedule,
    async close() {
      // A rebuild still due runs before the pool closes: an erasure is not left half done.
      if (timer) {
        clearTimeout(timer);
        rebuild();
      }
      closed = true;
      await running;
    },
  };
}
