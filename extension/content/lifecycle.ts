import { browser } from 'wxt/browser';

interface InvalidatableContext {
  onInvalidated(callback: () => void): unknown;
}

/**
 * The content script's one AbortSignal. It aborts when the extension is really
 * gone (reloaded, updated, removed: `runtime.id` disappears), not merely when
 * WXT's context says so: WXT hears about "newer scripts" through a DOM event a
 * page can dispatch too, and a page must not be able to switch Vigie off.
 */
export function createLifecycle(ctx: InvalidatableContext) {
  const controller = new AbortController();
  const checkAlive = () => {
    if (!browser.runtime?.id) controller.abort();
    return !controller.signal.aborted;
  };
  ctx.onInvalidated(checkAlive);
  return { signal: controller.signal, checkAlive };
}
