import type { Selector } from '../contract';
import { locate, locateByParagraph, resultIn, type AnchorResult } from './anchor';
import { nearby } from './score-match';
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

  // In page order, so the shift measured on one quote is a good guess for the next.
  const expected = list.map((selectors) => selectors.find((s) => s.type === 'TextPositionSelector')?.start);
  const order = list.map((_, i) => i).sort((a, b) => (expected[a] ?? Infinity) - (expected[b] ?? Infinity) || a - b);

  let changed = false;
  const watcher = new MutationObserver(() => {
    changed = true;
  });
  watcher.observe(root, { childList: true, characterData: true, subtree: true });
  let model = buildTextModel(root);
  let generation = 0;
  let sliceStart = performance.now();
  /** Between two slices of work: a turn for the page, and a new reading if its text changed. */
  const pause = async (): Promise<void> => {
    if (performance.now() - sliceStart < sliceMs) return;
    await yieldToEventLoop();
    signal?.throwIfAborted();
    // Records may already have gone to the callback at a microtask checkpoint.
    if (watcher.takeRecords().length > 0 || changed) {
      changed = false;
      model = buildTextModel(root);
      generation++;
    }
    sliceStart = performance.now();
  };
  /** How far each highlighted quote moved, on which reading of the page. */
  const shifts: ({ shift: number; generation: number } | undefined)[] = list.map(() => undefined);
  try {
    // First the quote alone: each place highlighted tells how far the page moved there,
    // unless it is far from where the page's shift put it: one article moved elsewhere
    // says nothing of the page around it, until the next quote is found moved as much.
    let shift = 0;
    let jump: number | undefined;
    let seen = generation;
    for (const index of order) {
      await pause();
      if (seen !== generation) {
        seen = generation;
        shift = 0;
        jump = undefined;
      }
      const found = locate(model.text, list[index]!, shift);
      results[index] = resultIn(model, found);
      const start = expected[index];
      if (found.kind !== 'anchored' || start === undefined) continue;
      const moved = found.start - start;
      if (Math.abs(moved - shift) <= nearby || (jump !== undefined && Math.abs(moved - jump) <= nearby)) {
        shift = moved;
        jump = undefined;
        shifts[index] = { shift, generation };
      } else {
        jump = moved;
      }
    }
    // Then the others, between their highlighted neighbours: where the page moved as much as
    // the text around them, a quote whose context changed only beyond its paragraph is theirs.
    const before = neighbours(order, shifts);
    const after = neighbours([...order].reverse(), shifts);
    for (const index of order) {
      if (results[index]!.kind === 'anchored') continue;
      await pause();
      const around = [before[index], after[index]].flatMap((n) => (n && n.generation === generation ? [n.shift] : []));
      // With nothing highlighted before it, the start of the page is its neighbour: it never moves.
      if (!before[index] || before[index].generation !== generation) around.push(0);
      const [low, high] = [Math.min(...around), Math.max(...around)];
      const found = locateByParagraph(model, list[index]!, low, high);
      if (found) results[index] = resultIn(model, found);
    }
  } finally {
    watcher.disconnect();
  }
  return results;
}

/** For each quote, the shift of the nearest highlighted quote before it in `order`. */
function neighbours<T>(order: readonly number[], shifts: readonly (T | undefined)[]): (T | undefined)[] {
  const found: (T | undefined)[] = shifts.map(() => undefined);
  let last: T | undefined;
  for (const index of order) {
    found[index] = last;
    if (shifts[index] !== undefined) last = shifts[index];
  }
  return found;
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
