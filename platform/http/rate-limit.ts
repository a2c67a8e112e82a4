import type { Context, MiddlewareHandler } from 'hono';
import type { RateLimit } from '../config';
import { platformMessage } from '../../api-client/contract/platform-messages';
import type { RateWindows } from '../storage/storage';
import type { AppEnv } from './env';
import { ProblemError } from './problems';

interface Window {
  startedAt: number;
  count: number;
}

/** Counts writes per client; what the routes charge. Answers in seconds to wait, 0 when allowed. */
export interface WriteLimiter {
  take(client: string, cost?: number): number | Promise<number>;
  peek(client: string): number | Promise<number>;
}

/**
 * A fixed window per client, in this process's memory: cheap, and enough to stop
 * a runaway script. For one process (SQLite); processes sharing PostgreSQL count in
 * the database instead (`SharedRateLimiter`), or each would allow the whole setting.
 */
export class RateLimiter implements WriteLimiter {
  readonly #windows = new Map<string, Window>();
  #lastSweep = 0;

  constructor(readonly setting: RateLimit) {}

  /**
   * Counts `cost` writes (a batch costs its items), all or none; returns 0 when allowed,
   * else the seconds to wait. A batch larger than the whole limit passes only on a fresh
   * window and uses it up: otherwise a client with a full batch could never send it.
   */
  take(client: string, cost = 1, now = Date.now()): number {
    this.#sweep(now);
    let window = this.#windows.get(client);
    if (!window || now - window.startedAt >= this.setting.windowMs) {
      window = { startedAt: now, count: 0 };
      this.#windows.set(client, window);
    }
    const fits = window.count + cost <= this.setting.limit || (window.count === 0 && cost > this.setting.limit);
    if (!fits) return Math.max(1, Math.ceil((window.startedAt + this.setting.windowMs - now) / 1000));
    window.count += cost;
    return 0;
  }

  /** The seconds to wait before one more write is allowed; 0 when it is. Counts nothing. */
  peek(client: string, now = Date.now()): number {
    const window = this.#windows.get(client);
    if (!window || now - window.startedAt >= this.setting.windowMs || window.count < this.setting.limit) return 0;
    return Math.max(1, Math.ceil((window.startedAt + this.setting.windowMs - now) / 1000));
  }

  // Forget finished windows now and then, so memory follows the active clients only.
  #sweep(now: number): void {
    if (now - this.#lastSweep < this.setting.windowMs) return;
    this.#lastSweep = now;
    for (const [client, window] of this.#windows) {
      if (now - window.startedAt >= this.setting.windowMs) this.#windows.delete(client);
    }
  }
}

/** The same windows and rules, kept in PostgreSQL and shared by every process on the database. */
export class SharedRateLimiter implements WriteLimiter {
  constructor(
    readonly windows: RateWindows,
    readonly setting: RateLimit,
    readonly clock: () => number = Date.now,
  ) {}

  take(client: string, cost = 1): Promise<number> {
    return this.windows.take(client, cost, this.setting, this.clock());
  }

  peek(client: string): Promise<number> {
    return this.windows.peek(client, this.setting, this.clock());
  }
}

/** Charges `cost` writes to the client (needs `clientHash`), or throws 429 with Retry-After. */
export type ChargeWrites = (c: Context<AppEnv>, cost: number) => Promise<void>;

function tooMany(c: Context<AppEnv>, wait: number): ProblemError {
  return new ProblemError('rateLimited', {
    detail: platformMessage('request.rate-limited', c.get('locale'), { seconds: wait }),
    headers: { 'retry-after': String(wait) },
  });
}

export function chargeWrites(limiter: WriteLimiter | null): ChargeWrites {
  return async (c, cost) => {
    c.set('charged', true);
    const wait = (await limiter?.take(c.get('clientHash'), cost)) ?? 0;
    if (wait > 0) throw tooMany(c, wait);
  };
}

/** One write per request: reports, withdrawals, status requests. */
export function rateLimit(charge: ChargeWrites): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await charge(c, 1);
    await next();
  };
}

/**
 * For the batch, whose handler charges its items once the envelope is read: refused at
 * once when the window is used up, and charged one write when it never reached the
 * handler (a malformed body counts too, or it could be sent without end).
 */
export function batchRateLimit(limiter: WriteLimiter | null): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const wait = (await limiter?.peek(c.get('clientHash'))) ?? 0;
    if (wait > 0) throw tooMany(c, wait);
    await next();
    if (!c.get('charged')) await limiter?.take(c.get('clientHash'), 1);
  };
}
