import type { Selector } from '../contract';
import { resultIn, type AnchorResult } from './anchor';
import { locateAll } from './locate-all';
import { buildTextModel } from './text-model';

export interface AnchorAllOptions {
  /** Stops between two slices of work; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Longest stretch of work, in milliseconds, before the event loop gets a turn. Default 8. */
  sliceMs?: number;
}

/**
 * Anchors many selector sets against one reading of the page, giving the event
 * loop a turn every `sliceMs` so a page with hundreds of highlights stays
 * responsive. One result per selector set, in the order given: anchored,
 * possible match or orphan (see `AnchorResult`); none is dropped. If the page
 * changes text between two slices, it is read again before going on; Ranges
 * already handed out are live and follow the DOM.
 */
export async function anchorAll(
  root: Node,
  list: readonly (readonly Selector[])[],
  options: AnchorAllOptions = {},
): Promise<AnchorResult[]> {
  const { signal, sliceMs = 8 } = options;
  signal?.throwIfAborted();
  const results: AnchorResult[] = list.map(() => ({ kind: 'orphan' }));
  if (list.length === 0) return results;

  let changed = false;
  const watcher = new MutationObserver(() => {
    changed = true;
  });
  watcher.observe(root, { childList: true, characterData: true, subtree: true });
  let model = buildTextModel(root);
  let sliceStart = performance.now();
  try {
    await locateAll(list, {
      page: () => model,
      // Between two slices of work: a turn for the page, and a new reading if its text changed.
      async pause() {
        if (performance.now() - sliceStart < sliceMs) return false;
        await yieldToEventLoop();
        signal?.throwIfAborted();
        // Records may already have gone to the callback at a microtask checkpoint.
        const reread = watcher.takeRecords().length > 0 || changed;
        if (reread) {
          changed = false;
          model = buildTextModel(root);
        }
        sliceStart = performance.now();
        return reread;
      },
      // Ranges are made on the reading the place was found in; live, they follow the DOM after.
      found: (index, located) => {
        results[index] = resultIn(model, located);
      },
    });
  } finally {
    watcher.disconnect();
  }
  return results;
}

/** A turn for input and rendering, without the 4 ms clamp nested timeouts get. */
function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
