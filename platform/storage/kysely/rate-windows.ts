import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';
import type { RateWindows } from '../storage';

/**
 * Seconds until the window ends; never more than a window, though another process may
 * have opened it a moment after this one read its clock.
 */
const wait = (startedAt: number, windowMs: number, now: number) =>
  Math.min(Math.ceil(windowMs / 1000), Math.max(1, Math.ceil((startedAt + windowMs - now) / 1000)));

/**
 * The rate limit's windows in PostgreSQL, so that every process on the database counts
 * the same writes: one statement per charge. The rules are those of the in-memory
 * limiter (http/rate-limit.ts): a fresh window (a new client, or one whose window is
 * over) always takes the cost, even beyond the limit; an open window takes it only whole.
 * INSERT … ON CONFLICT DO UPDATE … WHERE locks the client's row, so two processes
 * charging the same client at once are counted one after the other, never both on the
 * same count; a refused charge updates nothing and returns no row.
 */
export function rateWindowQueries(db: Kysely<Database>): RateWindows {
  let lastSweep = 0;

  // Finished windows are forgotten now and then (a client's key changes every day anyway).
  const sweep = (windowMs: number, now: number) => {
    if (now - lastSweep < windowMs) return;
    lastSweep = now;
    void db
      .deleteFrom('rate_windows')
      .where('started_at', '<=', now - windowMs)
      .execute()
      .catch(() => undefined);
  };

  return {
    async take(client, cost, { limit, windowMs }, now) {
      sweep(windowMs, now);
      const charged = await sql<{ count: number }>`
        INSERT INTO rate_windows AS w (client, started_at, count) VALUES (${client}, ${now}, ${cost})
        ON CONFLICT (client) DO UPDATE SET
          started_at = CASE WHEN w.started_at <= ${now - windowMs} THEN ${now} ELSE w.started_at END,
          count = CASE WHEN w.started_at <= ${now - windowMs} THEN ${cost} ELSE w.count + ${cost} END
        WHERE w.started_at <= ${now - windowMs} OR w.count + ${cost} <= ${limit}
        RETURNING count`.execute(db);
      if (charged.rows.length > 0) return 0;
      const row = await db
        .selectFrom('rate_windows')
        .select('started_at')
        .where('client', '=', client)
        .executeTakeFirst();
      return row ? wait(Number(row.started_at), windowMs, now) : 1;
    },

    async peek(client, { limit, windowMs }, now) {
      const row = await db
        .selectFrom('rate_windows')
        .select(['started_at', 'count'])
        .where('client', '=', client)
        .executeTakeFirst();
      if (!row || now - Number(row.started_at) >= windowMs || row.count < limit) return 0;
      return wait(Number(row.started_at), windowMs, now);
    },
  };
}
