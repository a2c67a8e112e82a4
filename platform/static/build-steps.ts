import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * What the platform's two browser builds (the console, the public pages' script) share.
 * Build scripts only: the server never loads Vite, nor this.
 */

/**
 * Runs a Vite build with NODE_ENV=production, then gives the caller's back: Vite picks
 * packages' production entries from it, and a test runner sets it to "test".
 */
export async function inProduction<T>(run: () => Promise<T>): Promise<T> {
  const callerEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await run();
  } finally {
    if (callerEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = callerEnv;
  }
}

/** The newest modification time of a source (TypeScript, TSX or CSS) under `dir`, 0 when none. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.(tsx?|css)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** True when `built` is missing, or older than a source in one of `sourceDirs`: `npm start` then builds again. */
export function isStale(built: string | undefined, sourceDirs: readonly string[]): boolean {
  if (built === undefined || !existsSync(built)) return true;
  return Math.max(...sourceDirs.map(newestSource)) > statSync(built).mtimeMs;
}
