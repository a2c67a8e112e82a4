import type { Selector } from '../contract';
import { locate, locateByParagraph } from './anchor';
import type { Located } from './match-quote';
import { nearby } from './score-match';
import type { TextModel } from './text-model';

/** What `locateAll` reads of the page: its text and where its paragraphs end. */
export type PageText = Pick<TextModel, 'text' | 'isBreak'>;

export interface LocateAllSteps {
  /** The page as it reads now. */
  page(): PageText;
  /** A turn for the event loop between two quotes; true if the page was read again meanwhile. */
  pause(): Promise<boolean>;
  /** Where quote `index` is on the page as `page()` reads now; may be called again for the same quote. */
  found(index: number, located: Located): void;
}

/**
 * Where each selector set of `list` points on one page, each quote helped by
 * the others: pure, so the DOM's part (reading, yielding, Ranges) stays in
 * anchorAll. Quotes go in page order, so the shift measured on one is a good
 * guess for the next.
 */
export async function locateAll(list: readonly (readonly Selector[])[], steps: LocateAllSteps): Promise<void> {
  const expected = list.map((selectors) => selectors.find((s) => s.type === 'TextPositionSelector')?.start);
  const order = list.map((_, i) => i).sort((a, b) => (expected[a] ?? Infinity) - (expected[b] ?? Infinity) || a - b);
  const settled: boolean[] = list.map(() => false);
  let generation = 0;
  /** How far each highlighted quote moved, on which reading of the page. */
  const shifts: ({ shift: number; generation: number } | undefined)[] = list.map(() => undefined);

  // First the quote alone: each place highlighted tells how far the page moved there,
  // unless it is far from where the page's shift put it: one article moved elsewhere
  // says nothing of the page around it, until the next quote is found moved as much.
  let shift = 0;
  let jump: number | undefined;
  for (const index of order) {
    if (await steps.pause()) {
      generation++;
      shift = 0;
      jump = undefined;
    }
    const found = locate(steps.page().text, list[index]!, shift);
    steps.found(index, found);
    settled[index] = found.kind === 'anchored';
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
    if (settled[index]) continue;
    if (await steps.pause()) generation++;
    const around = [before[index], after[index]].flatMap((n) => (n && n.generation === generation ? [n.shift] : []));
    // With nothing highlighted before it, the start of the page is its neighbour: it never moves.
    if (!before[index] || before[index].generation !== generation) around.push(0);
    const [low, high] = [Math.min(...around), Math.max(...around)];
    const found = locateByParagraph(steps.page(), list[index]!, low, high);
    if (found) steps.found(index, found);
  }
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
