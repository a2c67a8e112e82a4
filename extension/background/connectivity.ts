import type { ConnectivityEvents } from '../../api-client/drafts';

export interface SharedConnectivity extends ConnectivityEvents {
  /**
   * A page or a composer saw the network come back: tell the engine, at most every
   * few seconds, unless `force` (the citizen asked to send again).
   */
  announceOnline(options?: { force?: boolean }): boolean;
}

/**
 * The engine's `online` events: the worker's own, and those the extension's
 * pages and content scripts report. A worker is not always told when the network
 * returns; a page the citizen is looking at is. Reports are throttled, so a page
 * that fakes them cannot make the engine hammer the platform.
 *
 * A background that sleeps (an MV3 worker, a Firefox event page) is woken by the
 * very message that says the network is back, and its engine listens only once
 * the settings are read: an `online` that finds no listener is kept, and told to
 * the first one that comes.
 */
export function createConnectivity(
  source: ConnectivityEvents | null,
  options: { minIntervalMs?: number; now?: () => number } = {},
): SharedConnectivity {
  const target = new EventTarget();
  const onlineListeners = new Set<() => void>();
  let missedOnline = false;
  const minIntervalMs = options.minIntervalMs ?? 5_000;
  const now = options.now ?? Date.now;
  let lastAnnounced = -Infinity;
  const tellOnline = () => {
    if (onlineListeners.size === 0) missedOnline = true;
    else target.dispatchEvent(new Event('online'));
  };
  source?.addEventListener('online', tellOnline);
  source?.addEventListener('offline', () => target.dispatchEvent(new Event('offline')));
  return {
    addEventListener(type, listener) {
      target.addEventListener(type, listener);
      if (type !== 'online') return;
      onlineListeners.add(listener);
      if (missedOnline) {
        missedOnline = false;
        queueMicrotask(listener);
      }
    },
    removeEventListener(type, listener) {
      target.removeEventListener(type, listener);
      if (type === 'online') onlineListeners.delete(listener);
    },
    announceOnline({ force = false } = {}) {
      if (!force && now() - lastAnnounced < minIntervalMs) return false;
      lastAnnounced = now();
      tellOnline();
      return true;
    },
  };
}
