/**
 * A one-number hint in localStorage: how many of this site's drafts are not yet
 * received. It lets the first load decide whether to open IndexedDB at once (to
 * show a draft and resume sending) or wait for the citizen. The words themselves
 * live only in IndexedDB.
 */
const KEY = 'vigie:open-drafts';
/**
 * The second hint: the addresses of this site's pages holding contributions this device
 * sent, one a line, so their "Mes contributions sur cette page" shows without waiting for
 * the citizen (kept by the runtime, mine-section.ts). The page's origin could read the
 * drafts in IndexedDB anyway: this says nothing it could not learn.
 */
const OWN_PAGES_KEY = 'vigie:own-pages';

/** Open drafts on this site, or this device's contributions on this page: load the store at once. */
export function hasOpenDrafts(pageUrl: string): boolean {
  try {
    return (
      Number(localStorage.getItem(KEY)) > 0 || (localStorage.getItem(OWN_PAGES_KEY) ?? '').split('\n').includes(pageUrl)
    );
  } catch {
    return false; // storage blocked: drafts load on first focus instead
  }
}

export function recordOpenDrafts(count: number): void {
  try {
    if (count > 0) localStorage.setItem(KEY, String(count));
    else localStorage.removeItem(KEY);
  } catch {
    // storage blocked: the hint is an optimisation, nothing is lost without it
  }
}

/**
 * A draft was just written: the hint holds at once. The watcher's exact count comes a
 * moment later, and a page reloaded in that moment must still open the store.
 */
export function noteDraftWritten(): void {
  // No page address holds a line break: only the count answers.
  if (!hasOpenDrafts('\n')) recordOpenDrafts(1);
}
