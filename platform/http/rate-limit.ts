import type { MiddlewareHandler } from 'hono';
import type { RateLimit } from '../config';
import { platformMessage } from '../../api-client/contract/platform-messages';
import type { AppEnv } from './env';
import { ProblemError } from './problems';

interface Window {
  startedAt: number;
  count: number;
}

/**
 * A fixed window per client, in this process's memory: cheap, and enough to stop
 * a runaway script. Several processes behind a load balancer each count on their
 * own, so the effective limit is at most N times the setting.
 */
export class RateLimiter {
  readonly #windows = new Map<string, Window>();
  #lastSweep = 0;

  constructor(readonly setting: RateLimit) {}

  /** Counts one request; returns 0 when allowed, else the seconds to wait. */
  take(client: string, now = Date.now()): number {
    this.#sweep(now);
    let window = this.#windows.get(client);
    if (!window || now - window.startedAt >= this.setting.windowMs) {
      window = { startedAt: now, count: 0 };
      this.#windows.set(client, window);
    }
    if (window.count >= this.setting.limit) {
      return Math.max(1, Math.ceil((window.startedAt + this.setting.windowMs - now) / 1000));
    }
    window.count++;
    return 0;
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

/** 429 with Retry-After once a client has used its requests for the window. Needs `clientHash`. */
export function rateLimit(limiter: RateLimiter | null): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const wait = limiter?.take(c.get('clientHash')) ?? 0;
    if (wait > 0) {
      throw new ProblemError('rateLimited', {
        detail: platformMessage('request.rate-limited', c.get('locale'), { seconds: wait }),
        headers: { 'retry-after': String(wait) },
      });
    }
    await next();
  };
}
