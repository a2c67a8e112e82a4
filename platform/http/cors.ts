import type { MiddlewareHandler } from 'hono';
import { platformMessage } from '../../api-client/contract/platform-messages';
import type { AppEnv } from './env';
import { ProblemError } from './problems';

/** The writes anyone may make from a page: sending, reporting, withdrawing, asking one's own statuses, "Moi aussi". */
const publicWrites = [
  /^\/v1\/contributions:batch$/,
  /^\/v1\/contributions\/status$/,
  /^\/v1\/contributions\/[^/]+\/(reports|withdrawal|support)$/,
];
/** Taking a "Moi aussi" back is the one public write sent as DELETE. */
const publicDeletes = [/^\/v1\/contributions\/[^/]+\/support$/];
const reports = /^\/v1\/contributions\/[^/]+\/reports$/;
/** Reads behind a token: same-origin (the console) or server to server, never from other sites. */
const privateReads = [
  /^\/v1\/moderation(\/|$)/,
  /^\/v1\/exports(\/|$)/,
  /^\/v1\/me(\/|$)/,
  /^\/v1\/contributions\/[^/]+\/answers$/,
];

/**
 * A browser extension's page or worker. Any extension is accepted: Firefox gives each
 * installation its own random UUID (moz-extension://<uuid>), so no fixed id could be
 * listed, and no website can send a request under an extension's origin; an installed
 * extension could do more harm through the pages it reads than by filing reports.
 */
const extensionOrigin = /^(chrome|moz)-extension:\/\/[a-z0-9-]+$/i;

// Last-Event-ID: what a live stream's client sends when it reconnects. Vigie-Event-Id: where
// a list stands in the live events, for a stream opened after it (?lastEventId=).
const allowedHeaders = 'Content-Type, Accept-Language, Last-Event-ID';
const exposedHeaders = 'Retry-After, Content-Language, Vigie-Event-Id';

export interface CorsOptions {
  /** VIGIE_CORS_ORIGINS: the embedding sites; `*` lets any site send contributions (never reports). */
  writeOrigins: readonly string[];
  /** The platform's own public address: its pages may write too. */
  publicUrl: () => string;
}

/**
 * CORS by kind of route. Public reads answer any origin (`*`): they are public data.
 * Public writes answer the embedding sites of VIGIE_CORS_ORIGINS (`*` by default, so
 * any administration can embed the widget), the platform's own pages and the extension.
 * Reports are stricter: `*` does not count for them, or any website could make its
 * visitors' browsers file reports. A write that comes with another Origin is refused
 * outright with 403, not merely left unreadable. Routes behind a token get no CORS header.
 */
export function corsPolicy(options: CorsOptions): MiddlewareHandler<AppEnv> {
  const anyWriter = options.writeOrigins.includes('*');
  const listed = (origin: string) =>
    options.writeOrigins.includes(origin) || extensionOrigin.test(origin) || sameOrigin(origin, options.publicUrl());
  return async (c, next) => {
    const origin = c.req.header('origin');
    const path = c.req.path;
    if (origin === undefined || !path.startsWith('/v1/')) return next();
    const requested = c.req.header('access-control-request-method');
    const preflight = c.req.method === 'OPTIONS' && requested !== undefined;
    const method = (preflight ? requested : c.req.method).toUpperCase();

    let allow: string | null = null;
    const write =
      (method === 'POST' && publicWrites.some((route) => route.test(path))) ||
      (method === 'DELETE' && publicDeletes.some((route) => route.test(path)));
    const report = write && reports.test(path);
    if (report) allow = listed(origin) ? origin : null;
    else if (write) allow = listed(origin) ? origin : anyWriter ? '*' : null;
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
      const locale = c.get('locale');
      throw new ProblemError('forbidden', {
        detail: report
          ? platformMessage('report.origin', locale)
          : platformMessage('request.origin-not-allowed', locale, { origin }),
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

function sameOrigin(origin: string, publicUrl: string): boolean {
  try {
    return publicUrl !== '' && new URL(publicUrl).origin === origin;
  } catch {
    return false;
  }
}
