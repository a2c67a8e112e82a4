import { effect, signal } from '@preact/signals';
import { createVigieClient } from '../../api-client/http';
import { openLiveStream, type LiveStream, type LiveStreamStatus } from '../../api-client/live';
import { sendMessage } from '../messaging/messenger';
import { pageView } from './active-page';
import { draftsSnapshot } from './drafts-feed';
import { applyLiveEvent, liveListOf, ownIdsIn, type LiveList } from './live-list';
import { settings } from './locale';

/** More than a side panel will ever list; the platform pages by 100. */
const MAX_LISTED = 300;

/** The page's list as the platform has it now, updated live; undefined until read. */
export const liveList = signal<LiveList | undefined>(undefined);
export const liveStatus = signal<LiveStreamStatus | 'off'>('off');

/**
 * While the side panel is open on an allow-listed page, it reads the page's list itself
 * (with the position of the platform's live events it was read at) and follows the page's
 * stream from there: new contributions and replies, answers, counts and removals change
 * the list without a reload. The panel holds the EventSource, not the background: an MV3
 * worker has none and sleeps, and a stream should live only while someone looks. What the
 * stream says of this device's own contributions is told to the background, whose follower
 * then asks the platform what became of them (the badge).
 */
export function followLivePage(abort: AbortSignal): void {
  let current: { key: string; stream?: LiveStream; stop: AbortController } | undefined;

  const close = () => {
    current?.stop.abort();
    current?.stream?.close();
    current = undefined;
  };

  const open = (platformUrl: string, url: string) => {
    const stop = new AbortController();
    const session: NonNullable<typeof current> = { key: `${platformUrl} ${url}`, stop };
    current = session;
    const client = createVigieClient({ baseUrl: platformUrl });
    const read = async () => {
      const readAt = Date.now();
      const items = [];
      let cursor: string | undefined;
      let eventId: string | undefined;
      do {
        const answer = await client.listContributionsAt(
          { url, limit: 100, ...(cursor ? { cursor } : {}) },
          { signal: stop.signal },
        );
        eventId ??= answer.eventId;
        items.push(...answer.page.items);
        cursor = answer.page.nextCursor ?? undefined;
      } while (cursor && items.length < MAX_LISTED);
      return { items, eventId, readAt };
    };
    const start = async () => {
      const { items, eventId, readAt } = await read();
      if (stop.signal.aborted) return;
      liveList.value = liveListOf(url, items, readAt);
      session.stream = openLiveStream({
        baseUrl: platformUrl,
        scope: { url },
        lastEventId: eventId,
        onStatus: (status) => (liveStatus.value = status),
        onEvent: (event) => {
          const own = new Map((draftsSnapshot.peek()?.drafts ?? []).map((d) => [d.id, d.platform ?? {}]));
          const mine = ownIdsIn(event, own);
          if (mine.length > 0) void sendMessage('own:news', { ids: mine }).catch(() => undefined);
          const list = liveList.peek();
          if (!list || list.url !== url) return;
          const next = applyLiveEvent(list, event);
          if (next === 'reload') {
            // The list as it is now; the stream goes on from the reset's id by itself.
            void read()
              .then(
                ({ items: again, readAt: readAgainAt }) =>
                  !stop.signal.aborted && (liveList.value = liveListOf(url, again, readAgainAt)),
              )
              .catch(() => undefined);
          } else liveList.value = next;
        },
      });
    };
    start().catch(() => {
      // The list the page's content script read stays shown; it is just not live.
      if (!stop.signal.aborted) liveStatus.value = 'off';
    });
  };

  const stopFollowing = effect(() => {
    const view = pageView.value;
    const platformUrl = settings.value?.platformUrl;
    const url = view.kind === 'ready' && view.state.allowed ? view.state.url : undefined;
    const key = platformUrl && url ? `${platformUrl} ${url}` : undefined;
    if (key === current?.key) return;
    close();
    liveList.value = undefined;
    liveStatus.value = 'off';
    if (platformUrl && url) open(platformUrl, url);
  });
  abort.addEventListener('abort', () => {
    stopFollowing();
    close();
  });
}
