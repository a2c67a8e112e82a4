import { BATCH_MAX_ITEMS, type Locale } from '../contract';
import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import type { SyncLock } from './lock';
import { createValue, type Watchable } from './observable';
import {
  currentOnline,
  defaultConnectivity,
  timeoutSchedule,
  type ConnectivityEvents,
  type Schedule,
} from './schedule';
import type { DraftError } from './schema';
import { internalsOf, type DraftStore } from './store';
import { start, stop, syncNow, type EngineConfig, type EngineRun } from './sync-lifecycle';
import { createSupportOutbox } from './support-outbox';
import type { PushClient, SyncCounts } from './sync-push';

export type { ConnectivityEvents, Schedule } from './schedule';
export type { PushClient, SyncCounts } from './sync-push';

export interface SyncEngineOptions {
  store: DraftStore;
  /**
   * The routes the engine calls. Without the support routes, "Moi aussi" pressed on this
   * device waits in the outbox (the extension's background has them; a bundle that never
   * offers "Moi aussi" need not carry them).
   */
  client: PushClient;
  /** Language of the sentences kept in drafts' lastError. Default fr. */
  locale?: Locale;
  /** Items per request, at most the contract's 100. */
  batchSize?: number;
  backoff?: BackoffOptions;
  /**
   * How long to wait when the platform refuses the request itself (401, 403, 404,
   * 415…): retrying sooner cannot help, giving up would lose words. Default: the backoff cap.
   */
  holdMs?: number;
  /**
   * The timer that wakes the engine for the next attempt. Default setTimeout; the
   * extension passes one over chrome.alarms (an MV3 worker sleeps), or null and
   * calls onAlarm() itself.
   */
  schedule?: Schedule | null;
  /** Default: globalThis where it has addEventListener; null ignores connectivity events. */
  connectivity?: ConnectivityEvents | null;
  /** Default: the store's lock (Web Locks where present). */
  lock?: SyncLock;
  now?: () => number;
  random?: () => number;
  /** Failures of triggered pushes (timer, online, queue), which have no caller to throw to. */
  onError?: (error: unknown) => void;
}

export type SyncReport =
  | ({ skipped: false } & SyncCounts)
  | { skipped: true; reason: 'another-tab-is-sending'; message: 'skipped: another tab is sending' };

export interface SyncEngineState {
  started: boolean;
  /** A push holds the lock and is on the wire. */
  pushing: boolean;
  lockKind: SyncLock['kind'];
  nextAttemptAt: number | null;
  /** The last whole-request failure; cleared as soon as the platform answers. */
  lastFailure: (DraftError & { at: number }) | null;
  lastReport: SyncReport | null;
  /** navigator.onLine where the platform tells; null where it does not. */
  online: boolean | null;
}

export interface SyncEngine {
  /**
   * Listens to its triggers and pushes once; the first push that holds the lock
   * first puts drafts a crash left `sending` back in the queue. `retryNow` says this
   * is a new session (a page load, a browser start): drafts waiting out the backoff a
   * past session reached go now, as on an online event; the platform's Retry-After holds.
   */
  start(options?: { retryNow?: boolean }): Promise<SyncReport>;
  /** Stops listening and aborts a request in flight (its drafts go back to the queue). */
  stop(): Promise<void>;
  /** Pushes whatever is due now, unless another tab is already pushing. */
  syncNow(): Promise<SyncReport>;
  /** For hosts with their own timer (chrome.alarms): the same as syncNow. */
  onAlarm(): Promise<SyncReport>;
  readonly state: Watchable<SyncEngineState> & { get(): SyncEngineState };
}

/**
 * Pushes queued drafts to the platform in batches and maps each item's outcome:
 * created or duplicate → synced; conflict or invalid → rejected with the reason.
 * Transient failures (network, timeout, 408, 429, 5xx) back off exponentially
 * with full jitter, never before Retry-After; one failing link costs one request
 * per backoff step, whatever the number of drafts. A request refused for what it
 * carries (413, 400, 422) is split until the one item at fault is rejected; one
 * refused whatever it carries (401, 403, 404, 415…) keeps its drafts queued and
 * waits `holdMs`: retrying sooner cannot help, and rejecting would blame the citizen.
 * A draft the platform answers 5xx to whatever the batch is sent apart, so it cannot
 * stall the others (send-batch.ts). The push is sync-push.ts; the triggers, timers
 * and lock are sync-lifecycle.ts.
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { store } = options;
  const { outbox, db, supportQueued } = internalsOf(store);
  const lock = options.lock ?? store.lock;
  const now = options.now ?? Date.now;
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  const config: EngineConfig = {
    outbox,
    client: options.client,
    locale: options.locale ?? 'fr',
    batchSize: Math.min(Math.max(1, Math.floor(options.batchSize ?? BATCH_MAX_ITEMS)), BATCH_MAX_ITEMS),
    backoff,
    holdMs: options.holdMs ?? backoff.capMs,
    now,
    random: options.random ?? Math.random,
    supports: createSupportOutbox(db),
    onQueued: (listener) => {
      const offDrafts = store.onQueued(listener);
      supportQueued.add(listener);
      return () => {
        offDrafts();
        supportQueued.delete(listener);
      };
    },
    lock,
    schedule: options.schedule === undefined ? timeoutSchedule(now) : options.schedule,
    connectivity: options.connectivity === undefined ? defaultConnectivity() : options.connectivity,
    onError: options.onError ?? ((error: unknown) => console.error('[vigie] sync failed', error)),
  };
  const run: EngineRun = {
    config,
    state: createValue<SyncEngineState>({
      started: false,
      pushing: false,
      lockKind: lock.kind,
      nextAttemptAt: null,
      lastFailure: null,
      lastReport: null,
      online: currentOnline(),
    }),
    lifetime: new AbortController(),
    rerun: false,
    waitingForLock: false,
    recoverOnNextPush: false,
    dueOnNextPush: false,
  };
  return {
    state: run.state,
    syncNow: () => syncNow(run),
    onAlarm: () => syncNow(run),
    start: (startOptions) => start(run, startOptions),
    stop: () => stop(run),
  };
}
