export type LockResult<T> = { acquired: true; value: T } | { acquired: false };

export interface LockRunOptions {
  /** Wait for the lock (true) or give up at once when someone else holds it (false, the default). */
  wait?: boolean;
  /** Stops waiting; only meaningful with wait. */
  signal?: AbortSignal;
}

/**
 * Who may push a database's outbox: one holder at a time. Web Locks span every tab
 * and worker of the origin and are released when the holder dies, which is what a
 * crashed tab needs; the in-process mutex is the fallback where they do not exist.
 */
export interface SyncLock {
  readonly name: string;
  readonly kind: 'web-locks' | 'in-process';
  run<T>(task: () => Promise<T>, options?: LockRunOptions): Promise<LockResult<T>>;
}

/** Why a wait was given up: the signal's reason when it is an error (an AbortError by default). */
function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('The wait was aborted.', 'AbortError');
}

export function lockNameFor(dbName: string): string {
  return `vigie-sync:${dbName}`;
}

type LockManagerLike = Pick<LockManager, 'request'>;

function webLocks(): LockManagerLike | undefined {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks && typeof nav.locks.request === 'function' ? nav.locks : undefined;
}

export function createWebLock(name: string, locks: LockManagerLike): SyncLock {
  return {
    name,
    kind: 'web-locks',
    async run<T>(task: () => Promise<T>, options: LockRunOptions = {}): Promise<LockResult<T>> {
      // The spec refuses ifAvailable together with a signal; a signal only matters when waiting.
      const lockOptions: LockOptions = options.wait
        ? { mode: 'exclusive', ...(options.signal ? { signal: options.signal } : {}) }
        : { mode: 'exclusive', ifAvailable: true };
      return await locks.request(name, lockOptions, async (lock): Promise<LockResult<T>> =>
        lock ? { acquired: true, value: await task() } : { acquired: false },
      );
    },
  };
}

/** A mutex for one JavaScript realm: enough when there is one process and no Web Locks. */
export function createInProcessLock(name: string): SyncLock {
  let held = false;
  const waiters: Array<() => void> = [];

  const release = () => {
    const next = waiters.shift();
    if (next) next();
    else held = false;
  };

  const acquire = (signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (!held) {
        held = true;
        resolve();
        return;
      }
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const waiter = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const index = waiters.indexOf(waiter);
        if (index >= 0) waiters.splice(index, 1);
        if (signal) reject(abortReason(signal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      waiters.push(waiter);
    });

  return {
    name,
    kind: 'in-process',
    async run<T>(task: () => Promise<T>, options: LockRunOptions = {}): Promise<LockResult<T>> {
      if (!options.wait && held) return { acquired: false };
      await acquire(options.signal);
      try {
        return { acquired: true, value: await task() };
      } finally {
        release();
      }
    },
  };
}

// Two stores on one database in the same realm (two widgets on a page) share one mutex.
const inProcessLocks = new Map<string, SyncLock>();

/** Web Locks where the platform has them, otherwise this realm's mutex for the name. */
export function defaultSyncLock(name: string): SyncLock {
  const locks = webLocks();
  if (locks) return createWebLock(name, locks);
  let lock = inProcessLocks.get(name);
  if (!lock) {
    lock = createInProcessLock(name);
    inProcessLocks.set(name, lock);
  }
  return lock;
}
