import { BATCH_MAX_ITEMS, type Locale } from '../contract';
import type { VigieClient } from '../http';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { randomUuid } from './ids';
import type { SyncLock } from './lock';
import { createValue, type Watchable } from './observable';
import type { LinkFailure, Settlement } from './outbox';
import type { DraftError } from './schema';
import { sendBatch, type OutgoingItem } from './send-batch';
import type { DraftStore } from './store';
import { checkDraft, refusalOf } from './validate';

/** Where `online` / `offline` events come from: a window, a worker's self. */
export interface ConnectivityEvents {
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
}

/** The host's timer: call `wake` at (or after) epoch ms `at`; return a cancel. */
export type Schedule = (at: number, wake: () => void) => () => void;

export interface SyncEngineOptions {
  store: DraftStore;
  client: Pick<VigieClient, 'submitBatch'>;
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

export interface SyncCounts {
  /** Requests made to the platform. */
  requests: number;
  /** Items put on the wire (an item re-sent in a split batch counts again). */
  sent: number;
  synced: number;
  rejected: number;
  /** Drafts back in the queue for a later attempt. */
  retryLater: number;
  /** When the next queued draft may go (epoch ms), or null when nothing waits. */
  nextAttemptAt: number | null;
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

const SKIPPED: SyncReport = {
  skipped: true,
  reason: 'another-tab-is-sending',
  message: 'skipped: another tab is sending',
};

const MAX_TIMER_MS = 2 ** 31 - 1;

/** setTimeout to the time, on the engine's own clock; a wake-up past the longest timer just re-arms. */
const timeoutSchedule =
  (now: () => number): Schedule =>
  (at, wake) => {
    const timer = setTimeout(wake, Math.min(Math.max(at - now(), 0), MAX_TIMER_MS));
    return () => clearTimeout(timer);
  };

function defaultConnectivity(): ConnectivityEvents | null {
  const target = globalThis as Partial<ConnectivityEvents>;
  return typeof target.addEventListener === 'function' && typeof target.removeEventListener === 'function'
    ? (target as ConnectivityEvents)
    : null;
}

function currentOnline(): boolean | null {
  const online = (globalThis as { navigator?: { onLine?: unknown } }).navigator?.onLine;
  return typeof online === 'boolean' ? online : null;
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
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { store, client } = options;
  const outbox = store.outbox;
  const lock = options.lock ?? store.lock;
  const locale = options.locale ?? 'fr';
  const batchSize = Math.min(Math.max(1, Math.floor(options.batchSize ?? BATCH_MAX_ITEMS)), BATCH_MAX_ITEMS);
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  const holdMs = options.holdMs ?? backoff.capMs;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const schedule = options.schedule === undefined ? timeoutSchedule(now) : options.schedule;
  const connectivity = options.connectivity === undefined ? defaultConnectivity() : options.connectivity;
  const onError = options.onError ?? ((error: unknown) => console.error('[vigie] sync failed', error));

  const state = createValue<SyncEngineState>({
    started: false,
    pushing: false,
    lockKind: lock.kind,
    nextAttemptAt: null,
    lastFailure: null,
    lastReport: null,
    online: currentOnline(),
  });
  const patchState = (patch: Partial<SyncEngineState>) => state.set({ ...state.get(), ...patch });

  let lifecycle = new AbortController();
  let running: Promise<SyncReport> | undefined;
  let rerun = false;
  let waitingForLock = false;
  // Set by start(): the first push that holds the lock puts crash leftovers back in the queue,
  // and, for a new session, makes the waiting drafts due.
  let recoverOnNextPush = false;
  let dueOnNextPush = false;
  let cancelTimer: (() => void) | undefined;
  let detach: (() => void) | undefined;

  const delayAfter = (failures: number) => backoffDelay(failures, random, backoff);

  /** One push: claim due drafts a batch at a time until none is due or the link fails. */
  async function push(signal: AbortSignal): Promise<SyncCounts> {
    const counts: SyncCounts = { requests: 0, sent: 0, synced: 0, rejected: 0, retryLater: 0, nextAttemptAt: null };
    // Shrinks for the rest of the push once the platform says a batch is too large.
    let limit = batchSize;
    for (;;) {
      if (signal.aborted) break;
      const claim = randomUuid();
      const claimed = await outbox.claimDue({ now: now(), limit, claim });
      if (claimed.length === 0) {
        if (!rerun) break;
        rerun = false;
        continue;
      }
      const settlements = new Map<string, Settlement>();
      const items: OutgoingItem[] = [];
      for (const draft of claimed) {
        // Checked again: the contract may have tightened since the draft was queued.
        const check = checkDraft(draft);
        if (check.ok) items.push({ draft, payload: check.contribution });
        else settlements.set(draft.id, { kind: 'rejected', error: refusalOf(check, locale) });
      }

      const batch = await sendBatch(items, {
        client,
        signal,
        locale,
        retryItemAt: (draft) => now() + delayAfter(draft.attempts),
      });
      counts.requests += batch.requests;
      counts.sent += batch.sent;
      if (batch.tooLargeAt !== undefined) limit = Math.max(1, Math.min(limit, Math.ceil(batch.tooLargeAt / 2)));
      const interruption = batch.interruption;
      const failure: LinkFailure | undefined =
        interruption && interruption.action !== 'stopped'
          ? {
              error: interruption.error,
              retryAfterMs: interruption.retryAfterMs,
              delayAfter: interruption.action === 'hold' ? () => holdMs : delayAfter,
            }
          : undefined;
      for (const [id, settlement] of batch.settlements) settlements.set(id, settlement);
      const retryAt = await outbox.settle({
        claim,
        ids: claimed.map((draft) => draft.id),
        settlements,
        failure,
        now: now(),
        answered: batch.answered,
        serverFailed: batch.serverFailed,
      });
      for (const draft of claimed) {
        const settlement = settlements.get(draft.id);
        if (settlement?.kind === 'synced') counts.synced++;
        else if (settlement?.kind === 'rejected') counts.rejected++;
        else counts.retryLater++;
      }
      if (failure) {
        patchState({ lastFailure: { ...failure.error, at: now() } });
      } else if (batch.answered) {
        patchState({ lastFailure: null });
      }
      if (interruption || retryAt !== undefined) break;
    }
    counts.nextAttemptAt = await outbox.nextAttemptAt();
    return counts;
  }

  function armTimer(at: number | null) {
    cancelTimer?.();
    cancelTimer = undefined;
    if (at === null || !state.get().started || !schedule) return;
    cancelTimer = schedule(at, () => void trigger());
  }

  /** When another tab holds the lock: push again as soon as it lets go, in case it missed ours. */
  function retryWhenLockFrees() {
    if (waitingForLock || !state.get().started) return;
    waitingForLock = true;
    const signal = lifecycle.signal;
    lock
      .run(async () => undefined, { wait: true, signal })
      .then(
        () => {
          waitingForLock = false;
          if (!signal.aborted) void trigger();
        },
        () => {
          waitingForLock = false;
        },
      );
  }

  function syncNow(): Promise<SyncReport> {
    if (running) {
      // A push is on: it claims again before it lets go of the lock.
      rerun = true;
      return running;
    }
    const signal = lifecycle.signal;
    running = (async (): Promise<SyncReport> => {
      try {
        const result = await lock.run(
          async () => {
            patchState({ pushing: true });
            try {
              if (recoverOnNextPush) {
                recoverOnNextPush = false;
                await outbox.recover(now());
              }
              if (dueOnNextPush) {
                dueOnNextPush = false;
                await outbox.makeAllDue(now());
              }
              return await push(signal);
            } finally {
              patchState({ pushing: false });
            }
          },
          { wait: false },
        );
        if (!result.acquired) {
          retryWhenLockFrees();
          patchState({ lastReport: SKIPPED });
          return SKIPPED;
        }
        const report: SyncReport = { skipped: false, ...result.value };
        patchState({ lastReport: report, nextAttemptAt: report.nextAttemptAt });
        armTimer(report.nextAttemptAt);
        return report;
      } finally {
        running = undefined;
      }
    })();
    const thisRun = running;
    void thisRun
      .finally(() => {
        if (rerun && state.get().started) {
          rerun = false;
          void trigger();
        }
      })
      .catch(() => undefined);
    return thisRun;
  }

  /** A push nobody awaits (timer, online, queue): its failure is reported, not thrown. */
  function trigger(): Promise<void> {
    return syncNow().then(
      () => undefined,
      (error: unknown) => {
        if (!lifecycle.signal.aborted) onError(error);
      },
    );
  }

  function attach() {
    const offQueued = store.onQueued(() => void trigger());
    const onOnline = () => {
      patchState({ online: true });
      outbox.makeAllDue(now()).then(() => trigger(), onError);
    };
    const onOffline = () => patchState({ online: false });
    connectivity?.addEventListener('online', onOnline);
    connectivity?.addEventListener('offline', onOffline);
    return () => {
      offQueued();
      connectivity?.removeEventListener('online', onOnline);
      connectivity?.removeEventListener('offline', onOffline);
    };
  }

  return {
    state,
    syncNow,
    onAlarm: syncNow,

    start(startOptions) {
      if (startOptions?.retryNow) dueOnNextPush = true;
      if (!state.get().started) {
        patchState({ started: true });
        detach = attach();
        // Not store.recover(), which waits: while another tab pushes, start-up must not hang.
        recoverOnNextPush = true;
      }
      return syncNow();
    },

    async stop() {
      patchState({ started: false });
      detach?.();
      detach = undefined;
      armTimer(null);
      lifecycle.abort();
      await running?.catch(() => undefined);
      lifecycle = new AbortController();
    },
  };
}
