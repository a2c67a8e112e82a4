import path from 'node:path';
import { logLevels, type LogLevel } from './logger';

export interface PlatformConfig {
  port: number;
  /** Port of the demo site that `npm start` serves beside the platform. */
  demoPort: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  moderation: 'pre' | 'post';
  maxBodyBytes: number;
  corsOrigins: string[];
  /** Public writes allowed per client and window; null turns the limit off. */
  rateLimit: RateLimit | null;
  /** Distinct readers whose reports send a published contribution back to review. */
  reportThreshold: number;
  /**
   * The operator's secret behind hashed client addresses (VIGIE_ADDRESS_SECRET), never
   * stored in the data; unset, each process makes one in memory at start.
   */
  addressSecret: string | undefined;
  /** Behind a reverse proxy, the client is the last address of X-Forwarded-For. */
  trustProxy: boolean;
  /**
   * The platform's public address (VIGIE_PUBLIC_URL), the base of every absolute link it
   * writes; unset, http://localhost:<port>. Never taken from a request's Host header.
   */
  publicUrl: string | undefined;
  /** VIGIE_LOG_LEVEL: info by default (a line per request); warn under `npm start`, whose terminal a person reads. */
  logLevel: LogLevel;
  /** "Moi aussi" (and taking it back) per network and window, beside the per-address limit; null: none. */
  supportRateLimit: RateLimit | null;
  /** Live streams (Server-Sent Events) this process holds open. */
  streams: StreamSettings;
}

export interface StreamSettings {
  /** In all, per process. */
  total: number;
  /** From one network (IPv4 /24, IPv6 /48), per process. */
  perNetwork: number;
  /** Between heartbeats (comment lines that keep proxies from closing an idle stream). */
  heartbeatMs: number;
  /** Events the replay log keeps (a client away for longer is told to reload). */
  eventLogSize: number;
}

export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** A configuration mistake, said in one sentence; the CLI prints it and exits. */
export class ConfigError extends Error {}

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; it is "${raw}".`);
  }
  return value;
}

const windows: Record<string, number> = { s: 1000, sec: 1000, min: 60_000, m: 60_000, h: 3_600_000, hour: 3_600_000 };

/** "60/min", "10/s", "1000/h", or "off". */
export function parseRateLimit(raw: string, name = 'VIGIE_RATE_LIMIT'): RateLimit | null {
  if (raw.trim() === 'off') return null;
  const match = /^\s*(\d+)\s*\/\s*(\d*)\s*([a-z]+)\s*$/.exec(raw);
  const count = Number(match?.[1]);
  const unit = windows[match?.[3] ?? ''];
  const times = match?.[2] ? Number(match[2]) : 1;
  if (!match || !unit || !Number.isInteger(count) || count < 1 || times < 1) {
    throw new ConfigError(`${name} must look like 60/min, 10/s, 1000/h or off; it is "${raw}".`);
  }
  return { limit: count, windowMs: unit * times };
}

function origins(raw: string): string[] {
  const list = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of list) {
    if (origin === '*') continue;
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || parsed.origin !== origin) {
      throw new ConfigError(
        `VIGIE_CORS_ORIGINS lists "${origin}", which is not an origin such as https://www.example.gouv.fr.`,
      );
    }
  }
  return list;
}

/** VIGIE_ADDRESS_SECRET, or the older VIGIE_ADDRESS_SALT: when an operator set it, it already was this secret. */
function addressSecret(env: NodeJS.ProcessEnv): string | undefined {
  const [name, raw] = env.VIGIE_ADDRESS_SECRET
    ? ['VIGIE_ADDRESS_SECRET', env.VIGIE_ADDRESS_SECRET]
    : ['VIGIE_ADDRESS_SALT', env.VIGIE_ADDRESS_SALT];
  if (!raw) return undefined;
  // Short enough to guess, it would let whoever holds the database try every network.
  if (raw.length < 16) {
    throw new ConfigError(`${name} must be at least 16 characters long (e.g. openssl rand -base64 32).`);
  }
  return raw;
}

function publicUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw.trim());
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    throw new ConfigError(
      `VIGIE_PUBLIC_URL must be an http or https address such as https://vigie.example.gouv.fr; it is "${raw}".`,
    );
  }
  // Links are joined onto it: keep a path prefix, drop the trailing slash.
  return url.href.replace(/\/+$/, '');
}

function logLevel(raw: string): LogLevel {
  const level = logLevels.find((known) => known === raw);
  if (!level) throw new ConfigError(`VIGIE_LOG_LEVEL must be one of ${logLevels.join(', ')}; it is "${raw}".`);
  return level;
}

/**
 * Reads the platform's settings from the environment. `demo` is what `npm start`
 * runs: contributions are published on arrival unless VIGIE_MODERATION says otherwise.
 */
export function readConfig(env: NodeJS.ProcessEnv, { demo = false } = {}): PlatformConfig {
  const moderation = env.VIGIE_MODERATION ?? (demo ? 'post' : 'pre');
  if (moderation !== 'pre' && moderation !== 'post') {
    throw new ConfigError(`VIGIE_MODERATION must be "pre" or "post"; it is "${moderation}".`);
  }
  return {
    port: integer('PORT', env.PORT, 8787, 0, 65535),
    demoPort: integer('VIGIE_DEMO_PORT', env.VIGIE_DEMO_PORT, 8788, 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(env.VIGIE_DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    moderation,
    maxBodyBytes: integer('VIGIE_MAX_BODY_BYTES', env.VIGIE_MAX_BODY_BYTES, 4 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    corsOrigins: origins(env.VIGIE_CORS_ORIGINS ?? '*'),
    rateLimit: parseRateLimit(env.VIGIE_RATE_LIMIT || '60/min'),
    reportThreshold: integer('VIGIE_REPORT_THRESHOLD', env.VIGIE_REPORT_THRESHOLD, 3, 1, 1000),
    addressSecret: addressSecret(env),
    trustProxy: env.VIGIE_TRUST_PROXY === '1' || env.VIGIE_TRUST_PROXY === 'true',
    publicUrl: publicUrl(env.VIGIE_PUBLIC_URL),
    logLevel: logLevel(env.VIGIE_LOG_LEVEL || (demo ? 'warn' : 'info')),
    supportRateLimit: parseRateLimit(env.VIGIE_SUPPORT_RATE_LIMIT || '120/h', 'VIGIE_SUPPORT_RATE_LIMIT'),
    streams: {
      total: integer('VIGIE_STREAMS', env.VIGIE_STREAMS, 5000, 1, 1_000_000),
      perNetwork: integer('VIGIE_STREAMS_PER_NETWORK', env.VIGIE_STREAMS_PER_NETWORK, 50, 1, 1_000_000),
      heartbeatMs: integer('VIGIE_STREAM_HEARTBEAT_MS', env.VIGIE_STREAM_HEARTBEAT_MS, 20_000, 100, 600_000),
      eventLogSize: integer('VIGIE_EVENT_LOG_SIZE', env.VIGIE_EVENT_LOG_SIZE, 10_000, 1, 10_000_000),
    },
  };
}
