import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app';
import type { PlatformConfig } from './config';
import { drainServer, SHUTDOWN_GRACE_MS } from './lifecycle';
import { EventBus } from './live/event-bus';
import { StreamLimits } from './live/stream-limits';
import type { Logger } from './logger';
import { seedCommitments } from './seed/commitments';
import { openStorage } from './storage/open';
import type { Storage } from './storage/storage';

export interface RunningPlatform {
  /** Base URL of the API, on the loopback address the server listens on. */
  url: string;
  port: number;
  /** The address browsers reach it at: VIGIE_PUBLIC_URL, or http://localhost:PORT. */
  publicUrl: string;
  storage: Storage;
  /** Stops accepting, lets requests in flight finish (`graceMs` at most), then closes the database. */
  close(options?: { graceMs?: number }): Promise<void>;
}

/** What the process running the platform hands it besides its settings. */
export interface PlatformRuntime {
  logger?: Logger;
  /** The built widget and console (default dist/widget, dist/console). */
  widgetDir?: string;
  consoleDir?: string;
  /** The public pages' built script (default dist/site). */
  siteScriptDir?: string;
}

/** The replay log keeps no event older than a day, whatever its size. */
const EVENT_LOG_AGE_MS = 24 * 60 * 60 * 1000;
/** Events replayed to a client coming back, at most; beyond, it reloads (`reset`). */
const REPLAY_LIMIT = 1000;

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Opens storage (migrating and seeding it), then listens; resolves once accepting connections. */
export async function startPlatform(config: PlatformConfig, runtime: PlatformRuntime = {}): Promise<RunningPlatform> {
  const storage = await openStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  await storage.seedCommitments(seedCommitments());
  // Never stored: unset, a secret for this process alone (the README says what that means).
  const addressSecret = config.addressSecret ?? randomBytes(32).toString('base64url');
  // Unconfigured, the public address is the loopback one, known once the port is bound.
  let publicUrl = config.publicUrl;
  const streams = config.streams;
  const bus = new EventBus(storage, {
    logSize: streams.eventLogSize,
    logAgeMs: EVENT_LOG_AGE_MS,
    logger: runtime.logger,
  });
  try {
    await bus.start();
  } catch (error) {
    await storage.close();
    throw error;
  }
  const app = createApp({
    storage,
    moderation: config.moderation,
    maxBodyBytes: config.maxBodyBytes,
    corsOrigins: config.corsOrigins,
    rateLimit: config.rateLimit,
    reportThreshold: config.reportThreshold,
    addressSecret,
    trustProxy: config.trustProxy,
    publicUrl: () => publicUrl ?? '',
    version: packageVersion(),
    supportRateLimit: config.supportRateLimit,
    live: {
      bus,
      limits: new StreamLimits(streams.total, streams.perNetwork),
      heartbeatMs: streams.heartbeatMs,
      replayLimit: Math.min(REPLAY_LIMIT, streams.eventLogSize),
    },
    ...runtime,
  });
  let server: ServerType;
  try {
    server = await new Promise((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
      s.once('error', reject);
    });
  } catch (error) {
    // Not listening (the port is taken): leave nothing open behind.
    await bus.close();
    await storage.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  publicUrl ??= `http://localhost:${port}`;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    publicUrl,
    storage,
    async close({ graceMs = SHUTDOWN_GRACE_MS } = {}) {
      // Live streams never finish on their own: end them first (their clients reconnect to
      // another process, or to this one restarted), so the grace period waits only for
      // requests that do finish.
      await bus.close();
      const { cut } = await drainServer(server, graceMs);
      if (cut > 0) runtime.logger?.warn({ cut, graceMs }, 'connections still open after the grace period were cut');
      await storage.close();
    },
  };
}
