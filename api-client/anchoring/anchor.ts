import type { Selector, TextPositionSelector, TextQuoteSelector } from '../contract';
import { matchQuote, quoteFitsAt, type TextSpan } from './match-quote';
import { buildTextModel } from './text-model';

/**
 * Where the selectors point in `root` today, or null if the words are gone or
 * cannot be told apart from another place: the position if the quote is still
 * there, else the quote searched exactly, then approximately.
 */
export function anchor(root: Node, selectors: readonly Selector[]): Range | null {
  const model = buildTextModel(root);
  const found = locate(model.text, selectors);
  return found && model.range(found.start, found.end);
}

/**
 * The span of `text` the selectors point to. `shift` is how far earlier quotes
 * of the same page were found from their recorded positions: after an insertion
 * higher up, everything below moves by the same amount.
 */
export function locate(text: string, selectors: readonly Selector[], shift = 0): TextSpan | null {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  if (!quote) {
    // Nothing to check the position against: trust it while it still fits the page.
    return position && position.end <= text.length ? { start: position.start, end: position.end } : null;
  }
  if (position) {
    for (const start of shift === 0 ? [position.start] : [position.start + shift, position.start]) {
      if (quoteFitsAt(text, quote, start)) return { start, end: start + quote.exact.length };
    }
  }
  return matchQuote(text, quote, position && position.start + shift);
}
