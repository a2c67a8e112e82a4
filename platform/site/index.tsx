import type { Context, Hono } from 'hono';
import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import type { AppEnv } from '../http/env';
import { assetRoutes } from './assets';
import { BadParameter, NotFoundPage, pageContext, type SiteOptions } from './context';
import { commitmentFeed, siteFeed } from './feeds';
import { commitmentPage } from './pages/commitment';
import { contributionPage } from './pages/contribution';
import { ErrorPage } from './pages/error';
import { contributionFragment } from './pages/fragment';
import { openDataFile, openDataPage } from './pages/open-data';
import { pageContributionsPage } from './pages/page-contributions';
import { planPage } from './pages/plan';
import { searchPage } from './pages/search';
import { html } from './respond';
import { talkScriptRoutes } from './talk-script';

export type { SiteOptions } from './context';

type Handler = (c: Context<AppEnv>, options: SiteOptions) => Promise<Response>;

/** 404 in the site's look, for unknown ids and for any address the platform does not know. */
export function notFoundPage(c: Context<AppEnv>, options: SiteOptions): Response {
  const page = pageContext(c, options, { lenient: true });
  return html(c, <ErrorPage page={page} status={404} />, page.locale, 404);
}

/** Bad parameters and unknown ids become pages in the site's look; anything else is the app's error. */
function guarded(handler: Handler, options: SiteOptions) {
  return async (c: Context<AppEnv>) => {
    try {
      return await handler(c, options);
    } catch (error) {
      if (error instanceof NotFoundPage) return notFoundPage(c, options);
      if (error instanceof BadParameter) {
        const page = pageContext(c, options, { lenient: true });
        return html(c, <ErrorPage page={page} status={400} problem={error.problem} />, page.locale, 400);
      }
      throw error;
    }
  };
}

/**
 * The platform's public side: the plan, each commitment, each contribution, a page's
 * contributions, search, Atom feeds and open data, rendered on the server (complete
 * without JavaScript) from the same storage as the API, so a change shows at once.
 */
export function siteRoutes(app: Hono<AppEnv>, options: SiteOptions): void {
  // Before the site's own files: /site/talk/… would otherwise be looked up as one of them.
  talkScriptRoutes(app, options.talkScript);
  assetRoutes(app);
  const pages: Array<[string, Handler]> = [
    ['/', planPage],
    ['/engagements/:id', commitmentPage],
    ['/engagements/:id/flux.atom', commitmentFeed],
    ['/c/:id', contributionPage],
    ['/pages', pageContributionsPage],
    ['/recherche', searchPage],
    ['/flux.atom', siteFeed],
    ['/donnees', openDataPage],
    ['/fragments/contributions/:id', contributionFragment],
  ];
  for (const [path, handler] of pages) {
    // The ETag is a hash of what the page shows: any change to it (a publication, an
    // answer, a withdrawal) changes the ETag, and an unchanged page costs a 304.
    app.get(path, compress(), etag({ weak: true }), guarded(handler, options));
  }
  app.get('/donnees/contributions.csv', (c) => openDataFile(c, options, 'csv'));
  app.get('/donnees/contributions.jsonld', (c) => openDataFile(c, options, 'jsonld'));
}
