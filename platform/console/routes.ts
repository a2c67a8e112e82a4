import type { Hono } from 'hono';
import { platformMessage } from '../../api-client/contract/platform-messages';
import type { AppEnv } from '../http/env';
import { ProblemError } from '../http/problems';
import { prepareConsole } from './bundle';
import { consolePage } from './page';

/** Scripts and styles from this origin only: no inline script, no eval, no third party. */
const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const headers = {
  'content-security-policy': CONSOLE_CSP,
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
};

/** The console for moderators and NGOs: one page, its script and its styles. */
export function consoleRoutes(app: Hono<AppEnv>): void {
  app.get('/console', async (c) => {
    await prepareConsole();
    return c.html(consolePage(c.get('locale')), 200, headers);
  });
  app.get('/console/', (c) => c.redirect('/console', 301));
  // Browsers ask for it on every page; an empty answer beats a logged 404.
  app.get('/favicon.ico', (c) => c.body(null, 204, { 'cache-control': 'max-age=86400' }));
  app.get('/console/assets/:file', async (c) => {
    const asset = (await prepareConsole()).get(c.req.param('file'));
    if (!asset) {
      throw new ProblemError('notFound', { detail: platformMessage('console.file-not-found', c.get('locale')) });
    }
    return c.body(asset.body as string, 200, { ...headers, 'content-type': asset.type });
  });
}
