import pg from 'pg';
import { EVENTS_CHANNEL, type ListenForEvents } from './kysely/events';

/** Waits before connecting again after losing the listening connection: doubling, at most 30 s. */
const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 30_000;

/**
 * Hears the events other platform processes commit on the same PostgreSQL database:
 * one connection of its own (a pooled one cannot stay in LISTEN), re-made when it is
 * lost. Each notification, and each reconnection (events may have come meanwhile), tells
 * the listener to read the log: notifications carry no data, the log holds it.
 */
export function listenOnPostgres(
  url: string,
  log: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): ListenForEvents {
  return async (onNotify) => {
    let current: pg.Client | undefined;
    let stopped = false;
    let retry: NodeJS.Timeout | undefined;
    let delay = RETRY_FIRST_MS;

    const connect = async (): Promise<void> => {
      const client = new pg.Client({ connectionString: url });
      const lost = (reason: string) => {
        if (stopped || current !== client) return;
        current = undefined;
        client.removeAllListeners();
        client.on('error', () => undefined);
        void client.end().catch(() => undefined);
        log(`[vigie] the live events connection to PostgreSQL was lost (${reason}); connecting again`);
        schedule();
      };
      client.on('notification', () => onNotify());
      client.on('error', (error: Error) => lost(error.message));
      client.on('end', () => lost('closed'));
      current = client;
      try {
        await client.connect();
        await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      } catch (error) {
        lost(error instanceof Error ? error.message : String(error));
        throw error;
      }
      delay = RETRY_FIRST_MS;
      onNotify();
    };

    const schedule = () => {
      if (stopped || retry) return;
      retry = setTimeout(() => {
        retry = undefined;
        connect().catch(() => undefined); // `lost` scheduled the next attempt
      }, delay);
      delay = Math.min(delay * 2, RETRY_MAX_MS);
    };

    try {
      await connect();
    } catch (error) {
      // Not listening at start is the caller's to report; no retry left behind.
      stopped = true;
      clearTimeout(retry);
      throw error;
    }
    return async () => {
      stopped = true;
      clearTimeout(retry);
      const client = current;
      current = undefined;
      await client?.end().catch(() => undefined);
    };
  };
}
