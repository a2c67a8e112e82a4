import type { Selector, TextQuoteSelector } from '../api-client/contract';

/** Where a draft's quote is on the page now. */
export type QuotePlace =
  | { kind: 'anchored' | 'orphan' }
  /** Words that may be the quoted passage, changed: the citizen says whether they are. */
  | { kind: 'possible'; words: string; selectors: Selector[]; place: TextQuoteSelector };

/**
 * Follows the host page's selection so the citizen can quote it. The range is kept
 * while focus moves into the widget (moving focus may collapse the selection), and
 * described with the anchoring selectors only when the citizen asks. The anchoring
 * code loads then, or when a draft with a quote comes back: not with the page.
 */
export class QuoteCapture {
  #range: Range | undefined;
  #abort: AbortController | undefined;

  start(host: HTMLElement, onAvailable: (available: boolean) => void): void {
    this.stop();
    this.#abort = new AbortController();
    const follow = () => {
      const selection = document.getSelection();
      const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
      if (range && !range.collapsed && !host.contains(range.commonAncestorContainer) && range.toString().trim()) {
        this.#range = range.cloneRange();
      } else if (document.activeElement !== host) {
        this.#range = undefined;
      }
      onAvailable(this.#range !== undefined);
    };
    document.addEventListener('selectionchange', follow, { signal: this.#abort.signal });
    // This code loads on the page's first selection (or the widget's first interaction): that selection counts.
    follow();
  }

  stop(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#range = undefined;
  }

  /** The selection's selectors, or why it cannot be quoted: it shows no text, or too much. */
  async capture(): Promise<{ selectors: Selector[] } | { refused: 'quote.empty' | 'quote.too-long' } | undefined> {
    if (!this.#range) return undefined;
    const { describe, DescribeError } = await import('../api-client/anchoring');
    try {
      return { selectors: describe(this.#range, document.body) };
    } catch (error) {
      if (error instanceof DescribeError) return { refused: error.code };
      throw error;
    }
  }

  /**
   * Where a restored draft's quote is on the page today. A possible match at a
   * place the citizen already refused (`refused`) is not offered again.
   */
  async locate(selectors: readonly Selector[], refused: readonly TextQuoteSelector[]): Promise<QuotePlace> {
    const { anchor, buildTextModel, describe, samePlace } = await import('../api-client/anchoring');
    const found = anchor(document.body, selectors);
    if (found.kind !== 'possible') return { kind: found.kind };
    let described: Selector[];
    try {
      described = describe(found.range, buildTextModel(document.body));
    } catch {
      return { kind: 'orphan' };
    }
    const place = described[0] as TextQuoteSelector;
    if (refused.some((r) => samePlace(r, place))) return { kind: 'orphan' };
    return { kind: 'possible', words: place.exact, selectors: described, place };
  }
}
