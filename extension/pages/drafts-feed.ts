import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { DRAFTS_PORT, DraftsSnapshot } from '../messaging/protocol';
import { sendMessage } from '../messaging/messenger';
import { SupportsSnapshot, type SupportMark } from '../messaging/talk-back';

/** Every draft of this device and the sync status, as the background last told. */
export const draftsSnapshot = signal<DraftsSnapshot | undefined>(undefined);
/** This device's "Moi aussi", by contribution, as the background last told. */
export const supportsFeed = signal<ReadonlyMap<string, SupportMark> | undefined>(undefined);

/**
 * Listens to the background on a port. The worker may sleep and drop the port:
 * then we connect again, which wakes it.
 */
export function connectDraftsFeed(abort: AbortSignal): void {
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  const connect = () => {
    if (abort.aborted) return;
    const current = browser.runtime.connect({ name: DRAFTS_PORT });
    port = current;
    current.onMessage.addListener((message: unknown) => {
      const parsed = DraftsSnapshot.safeParse(message);
      if (parsed.success) draftsSnapshot.value = parsed.data;
      const supports = SupportsSnapshot.safeParse(message);
      if (supports.success) supportsFeed.value = new Map(supports.data.supports.map((m) => [m.id, m]));
    });
    current.onDisconnect.addListener(() => {
      if (port === current) setTimeout(connect, 300);
    });
  };
  connect();
  // Opening a page that shows the contributions is the moment to ask what became of them
  // (once: reconnecting to a worker that slept is not opening).
  void sendMessage('drafts:refresh', undefined).catch(() => undefined);
  // The page sees the network come back before the worker does.
  addEventListener('online', () => void sendMessage('network:online', undefined).catch(() => undefined), {
    signal: abort,
  });
  abort.addEventListener('abort', () => {
    const last = port;
    port = undefined;
    last?.disconnect();
  });
}
