import path from 'node:path';

export interface PlatformConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  moderation: 'pre' | 'post';
  maxBodyBytes: number;
  corsOrigins: string[];
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
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(env.VIGIE_DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    moderation,
    maxBodyBytes: integer('VIGIE_MAX_BODY_BYTES', env.VIGIE_MAX_BODY_BYTES, 4 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    corsOrigins: (env.VIGIE_CORS_ORIGINS ?? '*')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  };
}
