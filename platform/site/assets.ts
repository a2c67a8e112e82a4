import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { AppEnv } from '../http/env';

const require = createRequire(import.meta.url);
const dsfrPackage = require.resolve('@gouvfr/dsfr/package.json');
const dsfrVersion = (JSON.parse(readFileSync(dsfrPackage, 'utf8')) as { version: string }).version;
const dsfrDist = path.join(path.dirname(dsfrPackage), 'dist');

/** Versioned, so a year of caching is safe: a new DSFR is a new address. */
const DSFR_PREFIX = `/dsfr/${dsfrVersion}`;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** What the pages use of the DSFR: its stylesheet and what the stylesheet points at. */
const dsfrFiles = /^\/(dsfr\.min\.css|fonts\/[\w-]+\.woff2?|icons\/[\w-]+\/[\w-]+\.svg|favicon\/favicon\.(svg|ico))$/;

const types: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
};

interface OwnAsset {
  url: string;
  body: string;
  type: string;
}

/** The site's own stylesheet and script, addressed by their content's hash. */
function ownAssets(): Map<string, OwnAsset> {
  const dir = fileURLToPath(new URL('./assets/', import.meta.url));
  const assets = new Map<string, OwnAsset>();
  for (const name of ['site.css', 'share.js', 'live.js']) {
    const body = readFileSync(path.join(dir, name), 'utf8');
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 12);
    assets.set(name, { url: `/site/${hash}/${name}`, body, type: types[name.split('.').at(-1)!]! });
  }
  return assets;
}

const own = ownAssets();

/** Where the pages find their styles, fonts and script. */
export const assetUrls = {
  dsfrCss: `${DSFR_PREFIX}/dsfr.min.css`,
  favicon: `${DSFR_PREFIX}/favicon/favicon.svg`,
  siteCss: own.get('site.css')!.url,
  shareJs: own.get('share.js')!.url,
  liveJs: own.get('live.js')!.url,
};

/** Serves the DSFR from the platform itself (no third party) and the site's own files, cached for good. */
export function assetRoutes(app: Hono<AppEnv>): void {
  app.use(`${DSFR_PREFIX}/*`, compress());
  app.use(`${DSFR_PREFIX}/*`, async (c, next) => {
    const file = c.req.path.slice(DSFR_PREFIX.length);
    if (!dsfrFiles.test(file)) return c.notFound();
    await next();
  });
  app.get(
    `${DSFR_PREFIX}/*`,
    serveStatic({
      root: dsfrDist,
      rewriteRequestPath: (requested) => requested.slice(DSFR_PREFIX.length),
      onFound: (_path, c) => c.header('cache-control', IMMUTABLE),
    }),
  );

  app.use('/site/*', compress());
  app.get('/site/:hash/:name', (c) => {
    const asset = own.get(c.req.param('name'));
    if (!asset || asset.url !== c.req.path) return c.notFound();
    return c.body(asset.body, 200, { 'content-type': asset.type, 'cache-control': IMMUTABLE });
  });
}
