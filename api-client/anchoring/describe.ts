import type { MessageCode, TextPositionSelector, TextQuoteSelector } from '../contract';
// The plain-value module, not the contract's index: no schemas in the page's bundle.
import { QUOTE_MAX_LENGTH } from '../contract/limits';
import { buildTextModel, type TextModel } from './text-model';

/** Characters of context kept on each side of a quote (the contract allows up to 64). */
export const CONTEXT_LENGTH = 64;

/** A selection that cannot become a quote; `code` is a contract message code the UI can show. */
export class DescribeError extends Error {
  constructor(readonly code: Extract<MessageCode, 'quote.empty' | 'quote.too-long'>) {
    super(
      code === 'quote.empty'
        ? 'The range selects no visible text'
        : `The quote is longer than ${QUOTE_MAX_LENGTH} characters`,
    );
    this.name = 'DescribeError';
  }
}

/**
 * The selectors of a user's selection: the quote with its context, and its
 * position in the normalised text of `root`. Whitespace at either end of the
 * selection is left out. To describe many ranges of one page, pass the page's
 * TextModel (from buildTextModel) instead of re-reading it for each.
 * Throws a DescribeError when nothing visible is selected or the quote is too
 * long for the contract.
 */
export function describe(
  range: Range,
  root: Node | TextModel = document.body,
): [TextQuoteSelector, TextPositionSelector] {
  const model = 'offsetOf' in root ? root : buildTextModel(root);
  const { text } = model;
  let start = model.offsetOf(range.startContainer, range.startOffset);
  let end = model.offsetOf(range.endContainer, range.endOffset);
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  if (end <= start) throw new DescribeError('quote.empty');
  if (end - start > QUOTE_MAX_LENGTH) throw new DescribeError('quote.too-long');

  const prefix = wholeCharacters(text.slice(Math.max(0, start - CONTEXT_LENGTH), start));
  const suffix = wholeCharacters(text.slice(end, end + CONTEXT_LENGTH));
  const quote: TextQuoteSelector = {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    ...(prefix && { prefix }),
    ...(suffix && { suffix }),
  };
  return [quote, { type: 'TextPositionSelector', start, end }];
}

/** Context cut at 32 code units may split an emoji; a lone half would not survive JSON. */
function wholeCharacters(context: string): string {
  return context.replace(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/g, '');
}
