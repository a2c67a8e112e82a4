import type { Context } from 'hono';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { AppEnv } from '../http/env';

/**
 * The pages' policy: everything from this origin, no inline script or style, no plugin,
 * no framing. The share button's script is a file of its own.
 */
export const SITE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Headers of every page. `no-cache` makes a browser ask again each time, with the ETag it
 * holds (set by the ETag middleware from the body): a page changes as soon as what it
 * shows changes, and costs one 304 otherwise.
 */
export function pageHeaders(locale: string): Record<string, string> {
  return {
    'content-security-policy': SITE_CSP,
    'cache-control': 'no-cache',
    'content-language': locale,
    vary: 'Accept-Language',
  };
}

export function html(c: Context<AppEnv>, document: VNode, locale: string, status: 200 | 400 | 404 = 200): Response {
  return c.html(`<!doctype html>\n${renderToString(document)}`, status, pageHeaders(locale));
}
