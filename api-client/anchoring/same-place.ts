import type { TextQuoteSelector } from '../contract';

/**
 * Whether a place a reader refused ("Ce n'est pas ici") is the place offered
 * now: the same words with the same context on one side at least. Not both: a
 * clock or a counter next to it changes one side by the second.
 */
export function samePlace(refused: TextQuoteSelector, now: TextQuoteSelector): boolean {
  return refused.exact === now.exact && (refused.prefix === now.prefix || refused.suffix === now.suffix);
}
