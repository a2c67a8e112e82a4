import { createHmac } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';

/** The caller's address: the socket's, or behind a trusted proxy the last X-Forwarded-For hop. */
function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // not served by @hono/node-server (e.g. app.request in a unit test)
  }
}

/**
 * Sets `clientHash`: the address under an HMAC with the platform's secret salt.
 * The raw address is never stored or logged; without the salt, the hash cannot be
 * turned back into an address by trying all 2^32 IPv4 addresses.
 */
export function identifyClient(salt: string, trustProxy: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const address = clientAddress(c, trustProxy);
    c.set('clientHash', createHmac('sha256', salt).update(address).digest('base64url'));
    await next();
  };
}
