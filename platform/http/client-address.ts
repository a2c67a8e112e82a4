import { createHmac } from 'node:crypto';
import { isIP, isIPv4 } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';

/** The caller's address: the socket's, or behind a trusted proxy the last X-Forwarded-For hop. */
function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded && isIP(forwarded)) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // not served by @hono/node-server (e.g. app.request in a unit test)
  }
}

/** The eight 16-bit groups of an IPv6 address (zone dropped, embedded IPv4 read), or null. */
function ipv6Groups(address: string): number[] | null {
  let text = address.split('%')[0]!.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (v4) {
    const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
    text = text.slice(0, -v4.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const part = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = part(head);
  const right = part(tail);
  const groups =
    tail === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

/**
 * The address cut to a prefix: an IPv4 address to `bits4` bits, an IPv6 one to `bits6`
 * (whole groups); an IPv4-mapped IPv6 address (::ffff:a.b.c.d, what a dual-stack socket
 * reports) counts as the IPv4 address it is.
 */
function truncate(address: string, bits4: 24 | 32, bits6: 48 | 64): string {
  if (isIPv4(address)) {
    const octets = address.split('.');
    return bits4 === 32 ? address : `${octets.slice(0, 3).join('.')}.0/24`;
  }
  const groups = isIP(address) === 6 ? ipv6Groups(address) : null;
  if (!groups) return 'unknown';
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi, lo] = [groups[6]!, groups[7]!];
    return truncate(`${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`, bits4, bits6);
  }
  const kept = groups.slice(0, bits6 / 16).map((g) => g.toString(16));
  return `${kept.join(':')}::/${bits6}`;
}

/** The network a reader writes from: IPv4 /24, IPv6 /48. Reports count networks, not addresses. */
export function networkOf(address: string): string {
  return truncate(address, 24, 48);
}

/** One machine, as far as an address tells: IPv4 whole, IPv6 /64 (what one host is given). */
export function hostOf(address: string): string {
  return truncate(address, 32, 64);
}

const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest();

/**
 * The key of a UTC day, derived from the operator's secret: what identifies a client
 * (for the rate limit) changes every day, and none of it is ever stored.
 */
export function dayKey(secret: string, at: Date): Buffer {
  return hmac(secret, `vigie/address/${at.toISOString().slice(0, 10)}`);
}

/**
 * The stored trace of a reader's report: the reader's network under a key derived from
 * the operator's secret and the contribution. Scoped to the contribution, not to the day:
 * one network counts once per contribution however many days it reports, and the same
 * network's reports of two contributions cannot be linked. Without the secret, which is
 * never in the data, trying every /24 finds nothing.
 */
export function reporterHash(secret: string, contributionId: string, network: string): string {
  return createHmac('sha256', hmac(secret, `vigie/report/${contributionId}`))
    .update(network)
    .digest('base64url');
}

/**
 * Sets `clientHash` (the address under the day's key, for the rate limit) and `network`
 * (the truncated address, for reports). The raw address is never stored or logged.
 */
export function identifyClient(
  secret: string,
  trustProxy: boolean,
  now: () => Date = () => new Date(),
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const address = clientAddress(c, trustProxy);
    c.set('clientHash', createHmac('sha256', dayKey(secret, now())).update(hostOf(address)).digest('base64url'));
    c.set('network', networkOf(address));
    await next();
  };
}
