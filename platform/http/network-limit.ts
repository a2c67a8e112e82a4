import { createHmac } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { platformMessage } from '../../api-client/contract/platform-messages';
import { dayKey } from './client-address';
import type { AppEnv } from './env';
import { ProblemError } from './problems';
import type { WriteLimiter } from './rate-limit';

/**
 * A second limit on "Moi aussi", per network (IPv4 /24, IPv6 /48) rather than per
 * address: a device can make as many keys as it likes, and an IPv6 host may hold a
 * whole /64 of addresses, so the per-address limit alone would not bound one person's
 * supports. The network is keyed with the day's key from the operator's secret and
 * counted where the per-address limit counts (this process's memory on SQLite, the
 * database shared by every process on PostgreSQL). Needs `identifyClient` before it.
 */
export function networkLimit(limiter: WriteLimiter | null, secret: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (limiter) {
      const key = createHmac('sha256', dayKey(secret, new Date()))
        .update(`support/${c.get('network')}`)
        .digest('base64url');
      const wait = await limiter.take(key);
      if (wait > 0) {
        throw new ProblemError('rateLimited', {
          detail: platformMessage('support.rate-limited', c.get('locale'), { seconds: wait }),
          headers: { 'retry-after': String(wait) },
        });
      }
    }
    await next();
  };
}
