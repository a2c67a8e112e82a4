import type { SyncLock } from './lock';
import type { Value } from './observable';
import type { ConnectivityEvents, Schedule } from './schedule';
import type { SyncEngineState, SyncReport } from './sync-engine';
import { pushDue, type PushOptions } from './sync-push';

/** The engine's settings, resolved once from its options. */
export interface EngineConfig extends PushOptions {
  /** Tells when a draft is queued. */
  onQueued(listener: () => void): () => void;
  lock: SyncLock;
  schedule: Schedule | null;
  connectivity: ConnectivityEvents | null;
  onError: (error: unknown) => void;
}

/** Everything that changes while an engine lives, in one record the functions below share. */
export interface EngineRun {
  readonly config: EngineConfig;
  readonly state: Value<SyncEngineState>;
  /** Aborted by stop(): ends the request in flight and the wait for the lock. */
  lifetime: AbortController;
  /** The push under way, if any. */
  running?: Promise<SyncReport> | undefined;
  /** A push was asked for while one ran: it claims again before it lets go of the lock. */
  rerun: boolean;
  waitingForLock: boolean;
  /** Set by start(): the first push that holds the lock puts crash leftovers back in the queue… */
  recoverOnNextPush: boolean;
  /** …and, for a new session, makes the waiting drafts due. */
  dueOnNextPush: boolean;
  cancelTimer?: (() => void) | undefined;
  /** Stops listening to the triggers. */
  detach?: (() => void) | undefined;
}

const SKIPPED: SyncReport = {
  skipped: true,
  reason: 'another-tab-is-sending',
  message: 'skipped: another tab is sending',
};

const patchState = (run: EngineRun, patch: Partial<SyncEngineState>) => run.state.set({ ...run.state.get(), ...patch });

function armTimer(run: EngineRun, at: number | null): void {
  run.cancelTimer?.();
  run.cancelTimer = undefined;
  const schedule = run.config.schedule;
  if (at === null || !run.state.get().started || !schedule) return;
  run.cancelTimer = schedule(at, () => void trigger(run));
}

/** When another tab holds the lock: push again as soon as it lets go, in case it missed ours. */
function retryWhenLockFrees(run: EngineRun): void {
  if (run.waitingForLock || !run.state.get().started) return;
  run.waitingForLock = true;
  const signal = run.lifetime.signal;
  run.config.lock
    .run(() => Promise.resolve(), { wait: true, signal })
    .then(
      () => {
        run.waitingForLock = false;
        if (!signal.aborted) void trigger(run);
      },
      () => {
        run.waitingForLock = false;
      },
    );
}

/** Under the lock: what start() left to do, then one push. */
async function pushHoldingLock(run: EngineRun, signal: AbortSignal) {
  const { config } = run;
  patchState(run, { pushing: true });
  try {
    if (run.recoverOnNextPush) {
      run.recoverOnNextPush = false;
      await config.outbox.recover(config.now());
    }
    if (run.dueOnNextPush) {
      run.dueOnNextPush = false;
      await config.outbox.makeAllDue(config.now());
    }
    return await pushDue(config, signal, {
      takeRerun() {
        const asked = run.rerun;
        run.rerun = false;
        return asked;
      },
      linkSeen: (lastFailure) => patchState(run, { lastFailure }),
    });
  } finally {
    patchState(run, { pushing: false });
  }
}

/** Pushes whatever is due now, unless another tab is pushing; a push asked for during one joins it. */
export function syncNow(run: EngineRun): Promise<SyncReport> {
  if (run.running) {
    run.rerun = true;
    return run.running;
  }
  const signal = run.lifetime.signal;
  const thisRun = (async (): Promise<SyncReport> => {
    try {
      const result = await run.config.lock.run(() => pushHoldingLock(run, signal), { wait: false });
      if (!result.acquired) {
        retryWhenLockFrees(run);
        patchState(run, { lastReport: SKIPPED });
        return SKIPPED;
      }
      const report: SyncReport = { skipped: false, ...result.value };
      patchState(run, { lastReport: report, nextAttemptAt: report.nextAttemptAt });
      armTimer(run, report.nextAttemptAt);
      return report;
    } finally {
      run.running = undefined;
    }
  })();
  run.running = thisRun;
  void thisRun
    .finally(() => {
      if (run.rerun && run.state.get().started) {
        run.rerun = false;
        void trigger(run);
      }
    })
    .catch(() => undefined);
  return thisRun;
}

/** A push nobody awaits (timer, online, queue): its failure is reported, not thrown. */
function trigger(run: EngineRun): Promise<void> {
  return syncNow(run).then(
    () => undefined,
    (error: unknown) => {
      if (!run.lifetime.signal.aborted) run.config.onError(error);
    },
  );
}

/** Listens to what should start a push: a draft queued, the network back. */
function attach(run: EngineRun): () => void {
  const { config } = run;
  const offQueued = config.onQueued(() => void trigger(run));
  const onOnline = () => {
    patchState(run, { online: true });
    config.outbox.makeAllDue(config.now()).then(() => trigger(run), config.onError);
  };
  const onOffline = () => patchState(run, { online: false });
  config.connectivity?.addEventListener('online', onOnline);
  config.connectivity?.addEventListener('offline', onOffline);
  return () => {
    offQueued();
    config.connectivity?.removeEventListener('online', onOnline);
    config.connectivity?.removeEventListener('offline', onOffline);
  };
}

export function start(run: EngineRun, options?: { retryNow?: boolean }): Promise<SyncReport> {
  if (options?.retryNow) run.dueOnNextPush = true;
  if (!run.state.get().started) {
    patchState(run, { started: true });
    run.detach = attach(run);
    // Not store.recover(), which waits: while another tab pushes, start-up must not hang.
    run.recoverOnNextPush = true;
  }
  return syncNow(run);
}

export async function stop(run: EngineRun): Promise<void> {
  patchState(run, { started: false });
  run.detach?.();
  run.detach = undefined;
  armTimer(run, null);
  run.lifetime.abort();
  await run.running?.catch(() => undefined);
  run.lifetime = new AbortController();
}
