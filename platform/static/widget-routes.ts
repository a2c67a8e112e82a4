import type { Context, Hono } from 'hono';
import { platformMessage } from '../../api-client/contract/platform-messages';
import type { AppEnv } from '../http/env';
import { problemResponse } from '../http/problems';
import { builtFileResponse, loadBuiltFiles, type BuiltFile } from './built-files';

/** The address that follows upgrades, the one the README's snippet uses. */
export const WIDGET_ENTRY = 'vigie-feedback.js';
/** A release's own entry, `vigie-feedback.<12 hex>.js`: the address snippets pinned with SRI use. */
const PINNED_ENTRY = /^vigie-feedback\.[0-9a-f]{12}\.js$/;

/** The widget's files and which of them is this release's pinned entry. */
interface WidgetRelease {
  files: Map<string, BuiltFile>;
  pinned: string | null;
}

/**
 * Sites load these from their own pages: module scripts are fetched with CORS, and a
 * site isolated with COEP needs the resource to say it may be embedded cross-origin.
 */
const embeddable = {
  'access-control-allow-origin': '*',
  'cross-origin-resource-policy': 'cross-origin',
  'x-content-type-options': 'nosniff',
};

/**
 * The entry's address is stable, so it is cached briefly: an upgrade reaches every
 * site within five minutes. Every other file's name is made from its content (chunks,
 * pinned entries): it never changes, so it is cached for a year.
 */
function cacheControl(name: string): string {
  return name === WIDGET_ENTRY ? 'public, max-age=300' : 'public, max-age=31536000, immutable';
}

async function loadRelease(dir: string): Promise<WidgetRelease | null> {
  const files = await loadBuiltFiles(dir);
  const entry = files?.get(WIDGET_ENTRY);
  if (!files || !entry) return null;
  // The build writes the entry twice; the pinned copy is the one with the same bytes.
  const pinned = [...files].find(([name, file]) => PINNED_ENTRY.test(name) && file.etag === entry.etag)?.[0] ?? null;
  return { files, pinned };
}

export interface WidgetRoutesOptions {
  /** The built widget (dist/widget), read once, at the first request. */
  dir: string;
  /** The platform's public address, base of the addresses release.json gives. */
  publicUrl: () => string;
}

/**
 * Serves the built widget under /widget/ for administrations' pages, and
 * /widget/release.json, which says which addresses and integrity hash a snippet
 * should use (the console's "Intégrer" page reads it).
 */
export function widgetRoutes(app: Hono<AppEnv>, options: WidgetRoutesOptions): void {
  let release: Promise<WidgetRelease | null> | undefined;
  // Read at the first request, not at start: the API alone does not pay for it. A folder
  // missing then is looked for again at the next request, so a build made later is found.
  const current = async () => {
    release ??= loadRelease(options.dir);
    const found = await release.catch(() => null);
    if (!found) release = undefined;
    return found;
  };
  const missing = (c: Context<AppEnv>, built: boolean) =>
    problemResponse(c, 'notFound', {
      detail: platformMessage(built ? 'widget.file-not-found' : 'widget.not-built', c.get('locale')),
      headers: embeddable,
    });

  app.get('/widget/release.json', async (c) => {
    const found = await current();
    const entry = found?.files.get(WIDGET_ENTRY);
    if (!found || !entry) return missing(c, false);
    const base = `${options.publicUrl()}/widget/`;
    return c.json(
      {
        platform: options.publicUrl(),
        entry: `${base}${WIDGET_ENTRY}`,
        pinned: found.pinned ? { url: `${base}${found.pinned}`, integrity: entry.integrity } : null,
      },
      200,
      { ...embeddable, 'cache-control': 'no-cache' },
    );
  });

  app.get('/widget/*', async (c) => {
    const found = await current();
    if (!found) return missing(c, false);
    const name = c.req.path.slice('/widget/'.length);
    const file = found.files.get(name);
    if (!file) return missing(c, true);
    return builtFileResponse(file, c.req.header('if-none-match'), {
      ...embeddable,
      'cache-control': cacheControl(name),
    });
  });
}
