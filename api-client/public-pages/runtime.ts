import * as z from 'zod/mini';
import type { Locale } from '../contract';
import {
  createDraftStore,
  createStatusFollower,
  createSyncEngine,
  requestPersistentStorage,
  type PushClient,
} from '../drafts';
import { contributionStatuses, createTransport, submitBatch, supportContribution, withdrawSupport } from '../http';
import { ReplyForms } from './reply-forms';
import { SupportButtons } from './support-buttons';
import { talkWords } from './words';

// Zod would probe `new Function` for its fast path; the pages' CSP forbids eval.
z.config({ jitless: true });

/** The public pages' drafts and « Moi aussi », in IndexedDB on the platform's own origin. */
export const SITE_DB_NAME = 'vigie-site';
/** Asked again when the tab comes back into view, at most this often. */
const FOLLOW_AGAIN_MS = 30_000;

/**
 * Sets up « Moi aussi » and « Répondre » on every contribution the page shows, now and as
 * the live list adds some, and starts the engine that sends them (one tab of the origin
 * pushes at a time, under a Web Lock, with the link's backoff).
 */
export function startTalkBack(): void {
  const locale: Locale = document.documentElement.lang === 'en' ? 'en' : 'fr';
  const words = talkWords();
  const store = createDraftStore({ dbName: SITE_DB_NAME, defaults: { source: 'site', locale }, locale });
  const platform = createTransport({ baseUrl: location.origin, locale });
  // The engine only sends: these are all the routes it calls.
  const client: PushClient = {
    submitBatch: (items, o) => submitBatch(platform, items, o),
    supportContribution: (id, key, o) => supportContribution(platform, id, key, o),
    withdrawSupport: (id, key, o) => withdrawSupport(platform, id, key, o),
  };
  const engine = createSyncEngine({ store, client, locale });
  // A page load is a new session: what waits out an earlier page's backoff goes now.
  void engine.start({ retryNow: true });
  void requestPersistentStorage();
  // What became of the replies this device sent under the page's contributions (published,
  // hidden…), asked with their secrets; no request when there is none.
  const follower = createStatusFollower({
    store,
    client: { contributionStatuses: (items, o) => contributionStatuses(platform, items, o) },
    only: (draft) =>
      draft.input.kind === 'reply' &&
      document.querySelector(`[data-talk="${CSS.escape(draft.input.parentId ?? '')}"]`) !== null,
  });
  // A page load is a new visit and asks (a moderator may have decided a moment ago); a tab
  // shown again asks only if the last answer is older than FOLLOW_AGAIN_MS.
  const follow = (options?: { ifOlderThanMs: number }) => void follower.refresh(options).catch(() => undefined);
  follow();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') follow({ ifOlderThanMs: FOLLOW_AGAIN_MS });
  });
  const supports = new SupportButtons(store, locale, words);
  const replies = new ReplyForms(store, locale, words);
  const setUp = () => {
    for (const talk of document.querySelectorAll<HTMLElement>('[data-talk]:not([data-talk-ready])')) {
      talk.dataset.talkReady = '';
      supports.add(talk);
      replies.add(talk);
      talk.hidden = false;
    }
  };
  setUp();
  // What the page says to do without JavaScript is done here.
  for (const how of document.querySelectorAll<HTMLElement>('[data-talk-how]')) how.hidden = true;
  new MutationObserver(setUp).observe(document.body, { childList: true, subtree: true });
}
