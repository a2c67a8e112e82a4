import type { Locale } from '../../api-client/contract';
import {
  createDraftStore,
  createStatusFollower,
  createSyncEngine,
  followable,
  requestPersistentStorage,
  watchSyncStatus,
  withdrawContribution,
  type Draft,
  type DraftStore,
  type Schedule,
  type StatusFollower,
  type SyncEngine,
  type SyncStatus,
  type Watchable,
} from '../../api-client/drafts';
import { createVigieClient, type VigieClient } from '../../api-client/http';
import type { SharedConnectivity } from './connectivity';
import { createSupportBox } from './support-box';
import type { SupportBox } from './talk-back-routes';

export const EXTENSION_DB_NAME = 'vigie-extension';

export interface DraftsServiceOptions {
  /** The platform's client for the current settings; read at every request. */
  client: () => Pick<VigieClient, 'submitBatch' | 'contributionStatuses' | 'withdrawContribution'> &
    Partial<Pick<VigieClient, 'supportContribution' | 'withdrawSupport'>>;
  schedule: Schedule | null;
  connectivity: SharedConnectivity;
  dbName?: string;
  /** fake-indexeddb in unit tests. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  onError?: (error: unknown) => void;
}

export interface DraftsService {
  readonly store: DraftStore;
  readonly engine: SyncEngine;
  /** Asks the platform what became of the sent contributions (on open, on the heartbeat alarm). */
  readonly follower: StatusFollower;
  readonly connectivity: SharedConnectivity;
  /** Withdraws a sent contribution from the platform with the secret kept here; throws what went wrong. */
  withdraw(id: string): Promise<Draft>;
  /** This device's "Moi aussi", kept here and sent once by the engine. */
  readonly supports: SupportBox;
  /**
   * The live stream spoke of contributions of this device (published, answered, replied to,
   * removed): the follower asks the platform at once, whatever the last answer's age, once
   * for what arrives together.
   */
  ownNews(ids: readonly string[]): void;
  /**
   * Start-up: drafts a crash left `sending` go back to the queue, then one push.
   * `retryNow` for a browser that starts again: see SyncEngine.start.
   */
  start(options?: { retryNow?: boolean }): Promise<void>;
  /** The status line, in one language, kept up to date. */
  watchStatus(locale: Locale): Watchable<SyncStatus>;
  stop(): Promise<void>;
}

/**
 * The drafts live here, in the extension's own origin: the one database and the
 * one sync engine, for every tab. Content scripts never open it (they share the
 * page's IndexedDB); they send what the citizen types as messages.
 */
export function createDraftsService(options: DraftsServiceOptions): DraftsService {
  const store = createDraftStore({
    dbName: options.dbName ?? EXTENSION_DB_NAME,
    defaults: { source: 'extension' },
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  });
  const engine = createSyncEngine({
    store,
    client: {
      submitBatch: (items, requestOptions) => options.client().submitBatch(items, requestOptions),
      // "Moi aussi" leaves with the drafts, under the same lock and backoff.
      supportContribution: (id, key, o) => supportRoute(options.client().supportContribution)(id, key, o),
      withdrawSupport: (id, key, o) => supportRoute(options.client().withdrawSupport)(id, key, o),
    },
    schedule: options.schedule,
    connectivity: options.connectivity,
    ...(options.onError ? { onError: options.onError } : {}),
  });
  const follower = createStatusFollower({
    store,
    client: { contributionStatuses: (items, o) => options.client().contributionStatuses(items, o) },
  });
  const newsOf = new Set<string>();
  let newsAsked: Promise<void> | undefined;
  const ownNews = (ids: readonly string[]) => {
    for (const id of ids) newsOf.add(id);
    newsAsked ??= (async () => {
      // Events arrive together (a reply, then its parent's count): one request for them.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const asked = [...newsOf];
      newsOf.clear();
      newsAsked = undefined;
      const drafts = await Promise.all(asked.map((id) => store.get(id)));
      if (drafts.some((d) => d !== undefined && followable(d))) await follower.refresh();
    })().catch((error: unknown) => {
      newsAsked = undefined;
      options.onError?.(error);
    });
  };
  return {
    store,
    engine,
    follower,
    supports: createSupportBox(store),
    ownNews,
    withdraw: (id) => withdrawContribution(store, options.client(), id),
    connectivity: options.connectivity,
    async start(startOptions) {
      // Unsent words must not be evicted under storage pressure.
      void requestPersistentStorage();
      await engine.start(startOptions);
    },
    watchStatus: (locale) => watchSyncStatus(store, engine, locale),
    async stop() {
      await engine.stop();
      store.close();
    },
  };
}

function supportRoute<F>(route: F | undefined): F {
  if (!route) throw new Error('This client has no "Moi aussi" route.');
  return route;
}

/**
 * A client per platform address and language, made again only when either changes: the
 * platform answers in that language (commitment titles, refusals).
 */
export function clientFor(getBaseUrl: () => string, getLocale: () => Locale = () => 'fr'): () => VigieClient {
  let cached: { client: VigieClient; locale: Locale } | undefined;
  return () => {
    const baseUrl = getBaseUrl().replace(/\/+$/, '');
    const locale = getLocale();
    if (cached?.client.baseUrl !== baseUrl || cached.locale !== locale) {
      cached = { client: createVigieClient({ baseUrl, locale }), locale };
    }
    return cached.client;
  };
}
