import type { Selector, TextPositionSelector, TextQuoteSelector } from '../contract';
import { matchByParagraph, matchQuote, quoteFitsAt, type Located, type TextSpan } from './match-quote';
import { buildTextModel, type PageText, type TextModel } from './text-model';

/**
 * Where a selector set points in the page today:
 * - `anchored`: the passage, to highlight;
 * - `possible`: words that may be the passage, changed or moved, that cannot be
 *   told apart from a look-alike: not highlighted, offered to the reader to
 *   confirm ("Passage peut-être modifié");
 * - `orphan`: nothing convincing; listed, never dropped.
 */
export type AnchorResult = { kind: 'anchored'; range: Range } | { kind: 'possible'; range: Range } | { kind: 'orphan' };

/**
 * Where the selectors point in `root` today: the position if the quote is
 * still there with its context, else the quote searched exactly, then
 * approximately; see `AnchorResult` and evidence.ts for what is highlighted.
 */
export function anchor(root: Node, selectors: readonly Selector[]): AnchorResult {
  const model = buildTextModel(root);
  const located = locate(model, selectors);
  // Alone, the quote has no neighbours to say how far the page moved around it: it must not have.
  return resultIn(
    model,
    located.kind === 'anchored' ? located : (locateByParagraph(model, selectors, 0, 0) ?? located),
  );
}

export function resultIn(model: TextModel, located: Located): AnchorResult {
  return located.kind === 'orphan' ? located : { kind: located.kind, range: model.range(located.start, located.end) };
}

/**
 * What the selectors point to in `text`, on the evidence of the quote alone
 * (see `locateByParagraph` for more). `shift` is how far earlier
 * quotes of the same page were found from their recorded positions: after an
 * insertion higher up, everything below moves by the same amount.
 */
export function locate(page: PageText, selectors: readonly Selector[], shift = 0): Located {
  const { text } = page;
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  if (!quote) {
    // Nothing to check the position against: trust it while it still fits the page.
    return position && position.end <= text.length
      ? { kind: 'anchored', start: position.start, end: position.end }
      : { kind: 'orphan' };
  }
  if (position) {
    for (const start of shift === 0 ? [position.start] : [position.start + shift, position.start]) {
      if (quoteFitsAt(text, quote, start)) return { kind: 'anchored', start, end: start + quote.exact.length };
    }
  }
  return matchQuote(page, quote, position && position.start + shift);
}

/** A place to highlight. */
export type Anchored = { kind: 'anchored' } & TextSpan;

/**
 * Slack around the shifts of a quote's neighbours: a word or two edited
 * between a neighbour and the quote moves it that much beyond them.
 */
const shiftSlack = 32;

/**
 * The quote anchored on its own paragraph (see evidence.ts), where the page
 * moved by between `lowShift` and `highShift` around it: the shifts measured
 * on the nearest quotes highlighted before and after it. Undefined if that
 * evidence is not there.
 */
export function locateByParagraph(
  page: PageText,
  selectors: readonly Selector[],
  lowShift: number,
  highShift: number,
): Anchored | undefined {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  if (!quote || !position) return undefined;
  const from = position.start + lowShift - shiftSlack;
  const to = position.start + highShift + shiftSlack;
  const found = matchByParagraph(page.text, quote, from, to, (offset) => page.isBreak(offset));
  return found && { kind: 'anchored' as const, ...found };
}
