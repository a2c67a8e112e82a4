import { browser } from 'wxt/browser';
import { resolveLocale } from '../i18n/locale';
import { onMessage, sendMessage } from '../messaging/messenger';
import { backgroundRequests } from '../messaging/protocol';
import { defaultSettings } from '../settings/defaults';
import type { Settings } from '../settings/schema';
import { loadSettings, watchSettings } from '../settings/store';
import { pagesStrings } from '../i18n/pages';
import { alarmSchedule, armHeartbeat, isSyncAlarm } from './alarm-schedule';
import { showNewsOnBadge, type ActionLike } from './badge';
import { createConnectivity } from './connectivity';
import { createDraftAccess, memoryArea } from './draft-access';
import { clientFor, createDraftsService } from './drafts-service';
import { createLiveUpdates } from './live-updates';
import { createPageData } from './page-data';
import { createPassageChoices } from './passage-choices';
import { createRouter, RefusedMessage, type RequestType } from './router';
import { isNewBrowserSession } from './session-start';

/**
 * How often the heartbeat asks what became of sent contributions when nobody looks: a
 * request a quarter of an hour at most, only for a citizen who has sent something.
 */
const STATUS_EVERY_MS = 15 * 60_000;

/**
 * The background worker: it owns the drafts and the engine that sends them, and
 * answers the content scripts and pages. Listeners are registered synchronously,
 * at the top of every start, so that an alarm or a message wakes a worker that
 * knows what to do with it.
 */
export function startBackground(): void {
  let settings: Settings = defaultSettings();
  const ready = loadSettings().then((loaded) => (settings = loaded));
  watchSettings((changed) => (settings = changed));

  // The extension's language, as its pages resolve it: commitments come back in it.
  const client = clientFor(
    () => settings.platformUrl,
    () => resolveLocale(settings.language, browser.i18n.getUILanguage()),
  );
  const connectivity = createConnectivity(globalThis);
  const drafts = createDraftsService({
    client,
    schedule: alarmSchedule(browser.alarms),
    connectivity,
    onError: (error) => console.warn('[vigie] a push failed', error),
  });
  const session = browser.storage.session ?? memoryArea();
  const access = createDraftAccess(session);
  const pageData = createPageData({
    client,
    allowList: async () => {
      await ready;
      return settings.allowList;
    },
  });
  const passages = createPassageChoices(browser.storage.local);
  // What became of the citizen's contributions: asked when they look, and on the heartbeat.
  const refreshStatuses = (ifOlderThanMs?: number) =>
    void ready
      .then(() => drafts.follower.refresh(ifOlderThanMs === undefined ? {} : { ifOlderThanMs }))
      .catch((error: unknown) => console.warn('[vigie] the statuses could not be asked', error));
  const self = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };
  const router = createRouter({
    drafts,
    access,
    pageData,
    passages,
    self,
    pseudonym: () => settings.pseudonym,
    openOptions: () => browser.runtime.openOptionsPage(),
    refreshStatuses: () => refreshStatuses(),
  });
  const locale = () => resolveLocale(settings.language, browser.i18n.getUILanguage());
  // Manifest V3's action, Manifest V2's browserAction (Firefox MV2).
  const action = (browser.action ?? (browser as unknown as { browserAction?: ActionLike }).browserAction) as
    ActionLike | undefined;
  if (action) void ready.then(() => showNewsOnBadge(drafts.store, action, (n) => pagesStrings[locale()].badgeTitle(n)));

  for (const type of Object.keys(backgroundRequests) as RequestType[]) {
    onMessage(type, ({ data, sender }) =>
      router.handle(type, data, sender).catch((error: unknown) => {
        if (error instanceof RefusedMessage) console.warn(`[vigie] ${error.message}`);
        throw error;
      }),
    );
  }

  const live = createLiveUpdates({ drafts, access, self });
  browser.runtime.onConnect.addListener((port) => live.connect(port));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (!isSyncAlarm(alarm.name)) return;
    void ready.then(() => drafts.engine.onAlarm()).catch(() => undefined);
    refreshStatuses(STATUS_EVERY_MS);
  });
  armHeartbeat(browser.alarms);

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== 'open-toolbar' || tab?.id === undefined) return;
    // A page without our content script (the browser's own pages) has no one to answer.
    sendMessage('selection:act', undefined, tab.id).catch(() => undefined);
  });

  // A browser that starts again may have its network back: its queue is tried at once, not
  // after the backoff the last session had reached. A worker woken by an event keeps the backoff.
  void ready
    .then(async () => drafts.start({ retryNow: await isNewBrowserSession(session) }))
    .catch((error: unknown) => console.warn('[vigie] start-up sync failed', error));
}
