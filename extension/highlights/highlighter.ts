import { buildTextModel, describe, type AnchorResult } from '../../api-client/anchoring';
import type { Selector } from '../../api-client/contract';
import type { Highlighter, HighlighterOptions } from '../content/chunks';
import { watchPageText } from './page-watch';
import { createPainter } from './painter';
import { placeContributions, quoteOf } from './placing';

/** Words of a possible match shown in the side panel: enough to recognise the place. */
const SHOWN_WORDS = 300;

const idle = (run: () => void) =>
  'requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 1000 }) : setTimeout(run, 200);

/**
 * Paints the published contributions where their passages are, off the
 * critical path (anchoring yields to the page between slices, and starts when
 * the browser is idle), and keeps them there as the page changes: a page that
 * renders its text after `load`, or rewrites it, is read again once it settles
 * (page-watch.ts). Passages still painted on their words are left alone; only
 * the others are looked for again. What is not highlighted is reported: a
 * possible match (for the side panel to ask "C'est ici ?") or an orphan.
 */
export async function startHighlighter(options: HighlighterOptions): Promise<Highlighter> {
  const { signal, contributions } = options;
  const choices = { ...options.choices };
  const painter = createPainter(options);
  const placed = new Map<string, Range>();
  const possible = new Map<string, Range>();
  const orphans = new Set<string>();

  const report = () =>
    options.onPlaced({
      orphanIds: contributions.flatMap((c) => (orphans.has(c.id) ? [c.id] : [])),
      possible: contributions.flatMap((c) => {
        const range = possible.get(c.id);
        return range ? [{ id: c.id, text: range.toString().replace(/\s+/g, ' ').trim().slice(0, SHOWN_WORDS) }] : [];
      }),
    });
  const show = () =>
    watch.ourOwn(() =>
      painter.show(
        contributions.flatMap((c) => (placed.has(c.id) ? [{ contribution: c, range: placed.get(c.id)! }] : [])),
      ),
    );
  const settle = (id: string, result: AnchorResult) => {
    placed.delete(id);
    possible.delete(id);
    orphans.delete(id);
    if (result.kind === 'anchored') placed.set(id, result.range);
    else if (result.kind === 'possible') possible.set(id, result.range);
    else orphans.add(id);
  };

  let running = false;
  let again = false;
  const place = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const lost = contributions.filter((c) => !painter.holds(c.id));
      if (lost.length === 0) return;
      const results = await placeContributions(lost, choices, signal);
      lost.forEach((c, i) => settle(c.id, results[i]!));
      show();
      report();
    } finally {
      running = false;
      if (again && !signal.aborted) {
        again = false;
        idle(() => void place().catch(stopped));
      }
    }
  };
  const watch = watchPageText({
    signal,
    ours: (node) => options.host.contains(node),
    onChange: () => idle(() => void place().catch(stopped)),
  });

  await place();
  signal.throwIfAborted();

  return {
    async decide(id, here) {
      const range = possible.get(id);
      if (!range || !contributions.some((c) => c.id === id)) return false;
      const model = buildTextModel(document.body);
      if (here) {
        let selectors: Selector[];
        try {
          selectors = describe(range, model);
        } catch {
          return false;
        }
        await options.onChoose(id, { here: selectors });
        choices[id] = { notHere: choices[id]?.notHere ?? [], here: selectors };
        settle(id, { kind: 'anchored', range });
        show();
      } else {
        const refused = quoteOf(range, model);
        if (!refused) return false;
        await options.onChoose(id, { notHere: refused });
        choices[id] = { ...choices[id], notHere: [...(choices[id]?.notHere ?? []), refused] };
        settle(id, { kind: 'orphan' });
      }
      report();
      return true;
    },
  };
}

/** A cycle cut short by the feature's end is not an error. */
function stopped(error: unknown): void {
  if (!(error instanceof DOMException && error.name === 'AbortError')) console.warn('[vigie] anchoring failed', error);
}
