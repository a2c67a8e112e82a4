import { countNews, type DraftStore } from '../../api-client/drafts';

/** The part of browser.action (browserAction in Manifest V2) the badge uses. */
export interface ActionLike {
  setBadgeText(details: { text: string }): unknown;
  setBadgeBackgroundColor(details: { color: string }): unknown;
  setTitle(details: { title: string }): unknown;
}

/**
 * The toolbar button counts the contributions something happened to since the citizen
 * last looked at "Mes contributions" (published, hidden, rejected, a reply: see
 * api-client/drafts platform-state.ts), and says it in its title for screen readers.
 * Looking at them in the side panel clears it. Returns the function that stops it.
 */
export function showNewsOnBadge(store: DraftStore, action: ActionLike, title: (news: number) => string): () => void {
  const quietly = (run: () => unknown) => void Promise.resolve(run()).catch(() => undefined);
  // The DSFR's "error" red on white text: the badge draws the eye only when there is news.
  quietly(() => action.setBadgeBackgroundColor({ color: '#ce0500' }));
  return store.watchList({ state: 'synced' }).subscribe((drafts) => {
    const news = countNews(drafts);
    quietly(() => action.setBadgeText({ text: news > 0 ? String(news) : '' }));
    quietly(() => action.setTitle({ title: title(news) }));
  });
}
