/** Where `online` / `offline` events come from: a window, a worker's self. */
export interface ConnectivityEvents {
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
}

/** The host's timer: call `wake` at (or after) epoch ms `at`; return a cancel. */
export type Schedule = (at: number, wake: () => void) => () => void;

/** setTimeout keeps a delay in a signed 32-bit integer: a longer one (about 24.8 days) would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The setTimeout delay that wakes at epoch ms `at`: never negative, never longer than
 * setTimeout keeps. A wake-up before `at` finds nothing due and arms the timer again.
 */
export function timerDelay(at: number, now: number): number {
  return Math.min(Math.max(at - now, 0), MAX_TIMER_MS);
}

/** setTimeout to the time, on the engine's own clock. */
export const timeoutSchedule =
  (now: () => number): Schedule =>
  (at, wake) => {
    const timer = setTimeout(wake, timerDelay(at, now()));
    return () => clearTimeout(timer);
  };

export function defaultConnectivity(): ConnectivityEvents | null {
  const target = globalThis as Partial<ConnectivityEvents>;
  return typeof target.addEventListener === 'function' && typeof target.removeEventListener === 'function'
    ? (target as ConnectivityEvents)
    : null;
}

/** navigator.onLine where the platform tells; null where it does not. */
export function currentOnline(): boolean | null {
  const online = (globalThis as { navigator?: { onLine?: unknown } }).navigator?.onLine;
  return typeof online === 'boolean' ? online : null;
}
