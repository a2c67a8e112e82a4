/**
 * A one-number hint in localStorage: how many of this site's drafts are not yet
 * received. It lets the first load decide whether to open IndexedDB at once (to
 * show a draft and resume sending) or wait for the citizen. The words themselves
 * live only in IndexedDB.
 */
const KEY = 'vigie:open-drafts';

export function hasOpenDrafts(): boolean {
  try {
    return Number(localStorage.getItem(KEY)) > 0;
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
  if (!hasOpenDrafts()) recordOpenDrafts(1);
}
