import type { Selector } from '../contract';
import { locate, locateByParagraph } from './anchor';
import type { Located } from './match-quote';
import { nearby } from './score-match';
import type { PageText } from './text-model';

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
  /** How far each highlighted quote moved along with the page, on which reading of it. */
  const shifts: (Shift | undefined)[] = list.map(() => undefined);
  /** How far each highlighted quote moved, with the page or not (an article moved elsewhere). */
  const moves: (Shift | undefined)[] = list.map(() => undefined);

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
    const found = locate(steps.page(), list[index]!, shift);
    steps.found(index, found);
    settled[index] = found.kind === 'anchored';
    const start = expected[index];
    if (found.kind !== 'anchored' || start === undefined) continue;
    const moved = found.start - start;
    moves[index] = { shift: moved, generation };
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
  // A neighbour that moved away with its article (a jump) may have taken the quote along:
  // there too, by exactly as much. Two places found, one each way, are one too many.
  const before = neighbours(order, shifts);
  const after = neighbours([...order].reverse(), shifts);
  const movedBefore = neighbours(order, moves);
  const movedAfter = neighbours([...order].reverse(), moves);
  for (const index of order) {
    if (settled[index]) continue;
    if (await steps.pause()) generation++;
    const current = (n: Shift | undefined): n is Shift => n !== undefined && n.generation === generation;
    const around = [before[index], after[index]].flatMap((n) => (current(n) ? [n.shift] : []));
    // With nothing highlighted before it, the start of the page is its neighbour: it never moves.
    if (!current(before[index])) around.push(0);
    const bands: [number, number][] = [[Math.min(...around), Math.max(...around)]];
    for (const n of [movedBefore[index], movedAfter[index]]) {
      if (current(n) && !around.includes(n.shift)) bands.push([n.shift, n.shift]);
    }
    const places = bands.flatMap(([low, high]) => locateByParagraph(steps.page(), list[index]!, low, high) ?? []);
    const distinct = places.filter((p, i) => places.findIndex((q) => q.start === p.start) === i);
    if (distinct.length === 1) steps.found(index, distinct[0]!);
  }
}

interface Shift {
  shift: number;
  generation: number;
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
