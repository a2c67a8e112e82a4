import type { Context, Hono } from 'hono';
import { platformMessage } from '../../api-client/contract/platform-messages';
import type { AppEnv } from '../http/env';
import { ProblemError } from '../http/problems';
import { builtFileResponse, loadBuiltFiles, type BuiltFile } from '../static/built-files';
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
  'cache-control': 'no-cache',
  'referrer-policy': 'no-referrer',
};

/**
 * The console for moderators and NGOs: one page, its script and its styles, served
 * as `npm run build` wrote them into `dir` (read once, at the first visit).
 */
export function consoleRoutes(app: Hono<AppEnv>, dir: string): void {
  let files: Promise<Map<string, BuiltFile> | null> | undefined;
  const built = async (c: Context<AppEnv>) => {
    files ??= loadBuiltFiles(dir);
    const found = await files.catch(() => null);
    if (found?.size) return found;
    // Not built yet: looked for again at the next visit, so a build made meanwhile is found.
    files = undefined;
    throw new ProblemError('unavailable', { detail: platformMessage('console.not-built', c.get('locale')) });
  };

  app.get('/console', async (c) => {
    await built(c);
    return c.html(consolePage(c.get('locale')), 200, { ...headers, 'cache-control': 'no-store' });
  });
  app.get('/console/', (c) => c.redirect('/console', 301));
  // Browsers ask for it on every page; an empty answer beats a logged 404.
  app.get('/favicon.ico', (c) => c.body(null, 204, { 'cache-control': 'max-age=86400' }));
  app.get('/console/assets/:file', async (c) => {
    const file = (await built(c)).get(c.req.param('file'));
    if (!file)
      throw new ProblemError('notFound', { detail: platformMessage('console.file-not-found', c.get('locale')) });
    return builtFileResponse(file, c.req.header('if-none-match'), headers);
  });
}
