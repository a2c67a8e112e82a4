import type { Selector } from '../contract';
import { locate } from './anchor';
import { buildTextModel } from './text-model';

export interface AnchorAllOptions {
  /** Stops between two slices of work; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Longest stretch of work, in milliseconds, before the event loop gets a turn. Default 8. */
  sliceMs?: number;
}

export interface Orphan {
  /** Place of the selector set in the list given to anchorAll. */
  index: number;
  selectors: readonly Selector[];
}

export interface AnchorAllResult {
  /** One entry per selector set, in the order given: a live Range, or null for an orphan. */
  ranges: (Range | null)[];
  /** Every selector set that no longer anchors: shown as such, never silently dropped. */
  orphans: Orphan[];
}

/**
 * Anchors many selector sets against one reading of the page, giving the event
 * loop a turn every `sliceMs` so a page with hundreds of highlights stays
 * responsive. If the page changes text between two slices, it is read again
 * before going on; Ranges already handed out are live and follow the DOM.
 */
export async function anchorAll(
  root: Node,
  list: readonly (readonly Selector[])[],
  options: AnchorAllOptions = {},
): Promise<AnchorAllResult> {
  const { signal, sliceMs = 8 } = options;
  signal?.throwIfAborted();
  if (list.length === 0) return { ranges: [], orphans: [] };
  const ranges: (Range | null)[] = list.map(() => null);
  const orphans: Orphan[] = [];

  // In page order, so the shift measured on one quote is a good guess for the next.
  const expected = list.map((selectors) => selectors.find((s) => s.type === 'TextPositionSelector')?.start);
  const order = list.map((_, i) => i).sort((a, b) => (expected[a] ?? Infinity) - (expected[b] ?? Infinity) || a - b);

  let changed = false;
  const watcher = new MutationObserver(() => {
    changed = true;
  });
  watcher.observe(root, { childList: true, characterData: true, subtree: true });
  try {
    let model = buildTextModel(root);
    let shift = 0;
    let sliceStart = performance.now();
    for (const index of order) {
      if (performance.now() - sliceStart >= sliceMs) {
        await yieldToEventLoop();
        signal?.throwIfAborted();
        // Records may already have gone to the callback at a microtask checkpoint.
        if (watcher.takeRecords().length > 0 || changed) {
          changed = false;
          model = buildTextModel(root);
          shift = 0;
        }
        sliceStart = performance.now();
      }
      const selectors = list[index]!;
      const found = locate(model.text, selectors, shift);
      if (found) {
        ranges[index] = model.range(found.start, found.end);
        const start = expected[index];
        if (start !== undefined) shift = found.start - start;
      } else {
        orphans.push({ index, selectors });
      }
    }
  } finally {
    watcher.disconnect();
  }
  orphans.sort((a, b) => a.index - b.index);
  return { ranges, orphans };
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
