import type { MiddlewareHandler } from 'hono';
import { platformMessage } from '../../api-client/contract/platform-messages';
import type { AppEnv } from './env';
import { ProblemError } from './problems';

/** The writes anyone may make from a page: sending, reporting and withdrawing contributions. */
const publicWrites = [/^\/v1\/contributions:batch$/, /^\/v1\/contributions\/[^/]+\/(reports|withdrawal)$/];
/** Reads behind a token: same-origin (the console) or server to server, never from other sites. */
const privateReads = [/^\/v1\/moderation(\/|$)/, /^\/v1\/exports(\/|$)/, /^\/v1\/me(\/|$)/];

const allowedHeaders = 'Content-Type, Accept-Language';
const exposedHeaders = 'Retry-After, Content-Language';

/**
 * CORS by kind of route. Public reads answer any origin (`*`): they are public
 * data. Public writes answer only the embedding sites of VIGIE_CORS_ORIGINS (`*`
 * by default, so any administration can embed the widget), and a write that comes
 * with another Origin is refused outright with 403, not merely left unreadable.
 * Routes behind a token get no CORS header at all.
 */
export function corsPolicy(writeOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  const anyWriter = writeOrigins.includes('*');
  return async (c, next) => {
    const origin = c.req.header('origin');
    const path = c.req.path;
    if (origin === undefined || !path.startsWith('/v1/')) return next();
    const requested = c.req.header('access-control-request-method');
    const preflight = c.req.method === 'OPTIONS' && requested !== undefined;
    const method = (preflight ? requested : c.req.method).toUpperCase();

    let allow: string | null = null;
    const write = method === 'POST' && publicWrites.some((route) => route.test(path));
    if (write) allow = anyWriter ? '*' : writeOrigins.includes(origin) ? origin : null;
    else if ((method === 'GET' || method === 'HEAD') && !privateReads.some((route) => route.test(path))) allow = '*';

    if (preflight) {
      const headers = new Headers({ vary: 'Origin' });
      if (allow) {
        headers.set('access-control-allow-origin', allow);
        headers.set('access-control-allow-methods', method);
        headers.set('access-control-allow-headers', allowedHeaders);
        headers.set('access-control-max-age', '600');
      }
      return new Response(null, { status: 204, headers });
    }
    if (write && allow === null) {
      throw new ProblemError('forbidden', {
        detail: platformMessage('request.origin-not-allowed', c.get('locale'), { origin }),
      });
    }
    await next();
    if (allow) {
      c.res.headers.set('access-control-allow-origin', allow);
      c.res.headers.set('access-control-expose-headers', exposedHeaders);
      if (allow !== '*') c.res.headers.append('vary', 'Origin');
    }
  };
}
