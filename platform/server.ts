import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app';
import type { PlatformConfig } from './config';
import { seedCommitments } from './seed/commitments';
import { openStorage } from './storage/open';
import type { Storage } from './storage/storage';

export interface RunningPlatform {
  /** Base URL of the API, on the loopback address the server listens on. */
  url: string;
  port: number;
  storage: Storage;
  close(): Promise<void>;
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Opens storage (migrating and seeding it), then listens; resolves once accepting connections. */
export async function startPlatform(config: PlatformConfig): Promise<RunningPlatform> {
  const storage = await openStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  await storage.upsertCommitments(seedCommitments());
  // Never stored: unset, a secret for this process alone (the README says what that means).
  const addressSecret = config.addressSecret ?? randomBytes(32).toString('base64url');
  // Unconfigured, the public address is the loopback one, known once the port is bound.
  let publicUrl = config.publicUrl;
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
  });
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  publicUrl ??= `http://localhost:${port}`;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    storage,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await storage.close();
    },
  };
}
