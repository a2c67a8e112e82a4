import { createHash } from 'node:crypto';
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

/**
 * A value that changes although what the page shows does not (the live events' position
 * the page was made at): rendered as `placeholder`, left out of the ETag, then filled in.
 * A page answered 304 keeps the older value, which is right: its stream replays from there.
 * Only its first occurrence is filled in: the placeholder must come before anything a
 * citizen wrote, who could have typed it.
 */
export interface Volatile {
  placeholder: string;
  value: string;
}

export function html(
  c: Context<AppEnv>,
  document: VNode,
  locale: string,
  status: 200 | 400 | 404 = 200,
  volatile?: Volatile,
): Response {
  let body = `<!doctype html>\n${renderToString(document)}`;
  const headers = pageHeaders(locale);
  if (volatile) {
    // The ETag middleware keeps an ETag it is given: this one is of what the page shows.
    headers.etag = `W/"${createHash('sha1').update(body).digest('hex')}"`;
    body = body.replace(volatile.placeholder, volatile.value);
  }
  return c.html(body, status, headers);
}
