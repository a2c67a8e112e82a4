import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logger';
import type { AppEnv } from './env';

/**
 * An id a caller (a proxy, a load balancer) may hand in: letters, digits and `.:-`,
 * 128 at most. Nothing else is taken: a log line must not be forged through it, and an
 * underscore, which every Vigie token has, keeps a token pasted by mistake out of the logs.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9.:-]{0,127}$/;

export function requestIdFrom(header: string | undefined): string {
  return header !== undefined && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * Gives every request an id (echoed in X-Request-Id) and logs one line when it is
 * answered: method, path, status and time. Never its headers, query, body or address.
 * A streamed answer is logged when it starts, which is when its status is known.
 */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = requestIdFrom(c.req.header('x-request-id'));
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    c.res.headers.set('x-request-id', requestId);
    logger.info(
      {
        reqId: requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  };
}
