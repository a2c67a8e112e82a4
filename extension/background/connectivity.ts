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
 */
export function createConnectivity(
  source: ConnectivityEvents | null,
  options: { minIntervalMs?: number; now?: () => number } = {},
): SharedConnectivity {
  const target = new EventTarget();
  const minIntervalMs = options.minIntervalMs ?? 5_000;
  const now = options.now ?? Date.now;
  let lastAnnounced = -Infinity;
  source?.addEventListener('online', () => target.dispatchEvent(new Event('online')));
  source?.addEventListener('offline', () => target.dispatchEvent(new Event('offline')));
  return {
    addEventListener: (type, listener) => target.addEventListener(type, listener),
    removeEventListener: (type, listener) => target.removeEventListener(type, listener),
    announceOnline({ force = false } = {}) {
      if (!force && now() - lastAnnounced < minIntervalMs) return false;
      lastAnnounced = now();
      target.dispatchEvent(new Event('online'));
      return true;
    },
  };
}
