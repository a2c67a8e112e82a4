import type { Server } from 'node:http';
import type { ServerType } from '@hono/node-server';
import type { Logger } from './logger';

/** How long requests in flight may take to finish once the platform is told to stop. */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Stops accepting connections at once, lets the requests in flight finish, and after
 * `graceMs` cuts whatever is still open. Resolves with how many connections it cut.
 */
export function drainServer(server: ServerType, graceMs = SHUTDOWN_GRACE_MS): Promise<{ cut: number }> {
  const http = server as Server;
  return new Promise((resolve) => {
    let cut = 0;
    // A connection whose request just finished waits idle for its next one: close it
    // then, not after the keep-alive timeout. (Node's close() does so only once.)
    const sweep = setInterval(() => http.closeIdleConnections(), 100);
    const deadline = setTimeout(() => {
      http.getConnections((_, count) => {
        cut = count;
        http.closeAllConnections();
      });
    }, graceMs);
    http.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve({ cut });
    });
    http.closeIdleConnections();
  });
}

/** Something that stops cleanly: the platform (server, then database), the demo site. */
export interface Closable {
  close(): Promise<unknown>;
}

/**
 * On SIGTERM or SIGINT: stop gracefully (see drainServer), then exit 0. A second
 * signal while stopping exits at once, for an operator who will not wait.
 */
export function stopOnSignals(parts: Closable[], logger: Logger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'stopping at once: a second signal came');
      process.exit(1);
    }
    stopping = true;
    logger.info(
      { signal, graceMs: SHUTDOWN_GRACE_MS },
      'stopping: no new connections, requests in flight finish, then the database closes',
    );
    Promise.all(parts.map((part) => part.close())).then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'could not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
