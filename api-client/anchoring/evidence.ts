import type { TextQuoteSelector } from '../contract';
import type { Candidate } from './score-match';

/**
 * Whether a place found for a quote may be highlighted, or only offered to the
 * reader as a possible match. Legal pages say the same thing about a sibling
 * term ("la mesure de tutelle…", "la mesure de curatelle…"), repeat sentences
 * from article to article, and use short phrases everywhere. When the quoted
 * paragraph goes, its sibling sits exactly where the quote was expected, with
 * its words and context nearly intact: deleting the "tutelle" paragraph leaves
 * the very text that amending its term to "curatelle", and deleting the
 * sibling, would leave. Nearness and partial context cannot tell the two
 * stories apart; only the whole recorded passage can. So a place is highlighted
 * only when the quoted words read as recorded and
 * - both sides of their context too (typographic twins aside: a republished
 *   page may curl its apostrophes); or
 * - near where the quote was expected, its context reads as recorded up to
 *   the edge of its own paragraph, and changed only beyond: a paragraph
 *   inserted, removed or rewritten next to the quote. A sibling cannot take
 *   that shape: it differs from the quoted paragraph by a term inside it
 *   (a quote whose 32 characters of context on each side never reach the
 *   term cannot be told from the sibling by anyone);
 * and no place nearer to where the quote was expected could be it too (see
 * match-quote.ts). Anything less is a possible match: not highlighted, offered
 * with "Passage peut-être modifié" for the reader to confirm.
 */

// Characters a republished page swaps for their typographic twins: the same words to a reader.
const twins: Record<string, string> = {
  '\u2019': "'",
  '\u2018': "'",
  '\u02bc': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
};
const twinPattern = new RegExp(`[${Object.keys(twins).join('')}]`, 'g');
/** Same length as `text`, so offsets stay comparable. */
const folded = (text: string): string => text.replace(twinPattern, (c) => twins[c]!);

/** The quote's words and both sides of context read as recorded, typographic twins aside. */
export function intactButTypography(text: string, quote: TextQuoteSelector, place: Candidate): boolean {
  const { exact, prefix = '', suffix = '' } = quote;
  if (place.end - place.start !== exact.length) return false;
  const before = place.start - prefix.length;
  if (before < 0 || place.end + suffix.length > text.length) return false;
  return (
    folded(text.slice(before, place.end + suffix.length)) === folded(prefix + exact + suffix) &&
    // Without a recorded side, the quote was at that edge of the page: it must still be.
    ((prefix === '' && suffix === '') ||
      ((prefix !== '' || place.start === 0) && (suffix !== '' || place.end === text.length)))
  );
}

/** The whole recorded passage, words and context, is at this place. */
export function wholePassageAt(text: string, quote: TextQuoteSelector, place: Candidate): boolean {
  return place.contextIntact || intactButTypography(text, quote, place);
}

/** Whether the space at an offset of the page's text stands for a block boundary (TextModel.isBreak). */
export type IsBreak = (offset: number) => boolean;

/**
 * The quote's words, unchanged, with its context as recorded up to the edge of
 * its own paragraph on each side; beyond an edge, the page changed (a
 * paragraph inserted, removed or rewritten next to it). Not the whole context
 * as recorded: that is `wholePassageAt`.
 */
export function keptUpToParagraph(text: string, quote: TextQuoteSelector, place: Candidate, isBreak: IsBreak): boolean {
  if (place.errors > 0 || place.contextIntact) return false;
  const { prefix = '', suffix = '' } = quote;
  return (
    (place.prefixScore === 1 || keptBefore(text, prefix, place.start, isBreak)) &&
    (place.suffixScore === 1 || keptAfter(text, suffix, place.end, isBreak))
  );
}

/** From the paragraph edge nearest before `start` to `start`, the text ends the recorded prefix, at a word's edge. */
function keptBefore(text: string, prefix: string, start: number, isBreak: IsBreak): boolean {
  for (let at = start - 1; at >= Math.max(0, start - prefix.length - 1); at--) {
    if (text.charCodeAt(at) !== 32 || !isBreak(at)) continue;
    const inner = text.slice(at + 1, start);
    const edge = prefix.length - inner.length - 1;
    return prefix.endsWith(inner) && (edge < 0 || prefix.charCodeAt(edge) === 32);
  }
  // The quote was at the start of the page; a paragraph came before it since.
  return prefix === '' && start > 0 && isBreak(start - 1);
}

/** From `end` to the paragraph edge nearest after it, the text begins the recorded suffix, at a word's edge. */
function keptAfter(text: string, suffix: string, end: number, isBreak: IsBreak): boolean {
  for (let at = end; at <= Math.min(text.length - 1, end + suffix.length); at++) {
    if (text.charCodeAt(at) !== 32 || !isBreak(at)) continue;
    const inner = text.slice(end, at);
    return suffix.startsWith(inner) && (inner.length >= suffix.length || suffix.charCodeAt(inner.length) === 32);
  }
  return suffix === '' && end < text.length && isBreak(end);
}
