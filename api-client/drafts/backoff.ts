export interface BackoffOptions {
  /** First wait, and the shortest wait ever. Default 1 s. */
  baseMs?: number;
  /** Longest wait. Default 5 min. */
  capMs?: number;
}

export const DEFAULT_BACKOFF = { baseMs: 1_000, capMs: 5 * 60_000 } as const;

/**
 * The wait after `failures` consecutive failures: exponential, capped, with full
 * jitter (uniform up to the ceiling) so that many clients cut off together do not
 * come back together. The floor of one base keeps a random source that returns 0
 * from turning the retry loop into a spin.
 */
export function backoffDelay(failures: number, random: () => number, options: BackoffOptions = {}): number {
  const baseMs = options.baseMs ?? DEFAULT_BACKOFF.baseMs;
  const capMs = Math.max(baseMs, options.capMs ?? DEFAULT_BACKOFF.capMs);
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const ceiling = Math.min(capMs, baseMs * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(baseMs + r * (ceiling - baseMs));
}
