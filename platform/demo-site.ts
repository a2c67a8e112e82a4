import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

export interface DemoSite {
  url: string;
  close(): Promise<void>;
}

export const PLATFORM_URL_PLACEHOLDER = '%VIGIE_PLATFORM_URL%';

/**
 * Serves a built demo site (an administration's page embedding the widget) on its
 * own origin, under the strict policy such a site would have: styles and fonts from
 * itself only, scripts from itself and the platform (which serves the widget), no
 * inline code, no eval, and network access to the platform alone. Pages name the
 * platform through a placeholder filled in here.
 */
export async function startDemoSite(options: {
  dir: string;
  port: number;
  host: string;
  platformUrl: string;
}): Promise<DemoSite> {
  const platformOrigin = new URL(options.platformUrl).origin;
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${platformOrigin}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${platformOrigin}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('content-security-policy', csp);
    c.res.headers.set('x-content-type-options', 'nosniff');
    c.res.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  });
  app.get('/', async (c) => {
    const page = await readFile(path.join(options.dir, 'index.html'), 'utf8');
    return c.html(page.replaceAll(PLATFORM_URL_PLACEHOLDER, options.platformUrl));
  });
  app.use('/*', serveStatic({ root: path.relative(process.cwd(), options.dir) || '.' }));

  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
