import type { TextQuoteSelector } from '../contract';
import type { Candidate } from './score-match';
import type { PageText } from './text-model';

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
 *   page may curl its apostrophes); or, near where the page's shift puts it,
 *   at least the 32 characters on each side that quotes recorded before they
 *   recorded 64 (`keptLikeWhole`); or
 * - where the quotes highlighted around it say the page moved (its
 *   neighbours' band, see locate-all.ts), its context reads as recorded up to
 *   a paragraph's edge, and changed only beyond: a paragraph inserted, removed
 *   or rewritten next to the quote (`keptUpToParagraph`, which says what a
 *   sibling or a repeated formula could still pass for);
 * and no place nearer to where the quote was expected could be it too (see
 * match-quote.ts). Anything less is a possible match: not highlighted, offered
 * with "Passage peut-être modifié" for the reader to confirm.
 *
 * Not highlighted, then, by design: a quote whose words are intact but whose
 * context changed inside its own paragraph (a neighbouring sentence rewritten).
 * The page and every selector then read exactly as when its paragraph was
 * deleted and a sibling paragraph sharing its sentence stands in its place
 * (tests/browser/anchoring-neighbours.test.ts builds both stories): no rule is
 * right in both. And a quote recorded with 32 characters of context whose
 * look-alike differs only farther away cannot be told from it by anyone; 64
 * characters, recorded since, push that limit back.
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

/** Fewer characters of context than this, kept or found elsewhere, say too little about a place. */
const telling = 8;

/** The context quotes kept before they kept 64 characters: as much of it is what their whole passage was. */
const oldContext = 32;

/**
 * The quote's words, unchanged, with its context as recorded up to the edge of
 * its own paragraph on each side; beyond an edge, the page changed (a
 * paragraph inserted, removed or rewritten next to it). Not the whole context
 * as recorded: that is `wholePassageAt`. See `keptAround` for what must hold,
 * and some of the context must be kept, not only the edges: a paragraph that
 * is the quote alone (a formula such as « La décision est notifiée à
 * l'intéressé. ») keeps its context "up to its edges" wherever it is repeated.
 */
export function keptUpToParagraph(text: string, quote: TextQuoteSelector, place: Candidate, isBreak: IsBreak): boolean {
  if (place.contextIntact) return false;
  const kept = keptAround(text, quote, place, isBreak);
  return kept !== undefined && kept.before + kept.after >= telling;
}

/**
 * Kept up to its paragraph, with at least 32 characters of context on each
 * side: all the evidence a whole passage gave before quotes kept 64. Where
 * the page's shift puts the quote, that is enough to highlight it, as it was;
 * far away, the 64 characters recorded say more than the 32 did: the
 * paragraph next to this place is not the one recorded (one sentence repeated
 * in two places, each followed by other words), and the place is not
 * highlighted on their strength alone.
 */
export function keptLikeWhole(page: PageText, quote: TextQuoteSelector, place: Candidate): boolean {
  const kept = keptAround(page.text, quote, place, (offset) => page.isBreak(offset));
  const { prefix = '', suffix = '' } = quote;
  return (
    kept !== undefined &&
    kept.before >= Math.min(oldContext, prefix.length) &&
    kept.after >= Math.min(oldContext, suffix.length)
  );
}

/**
 * How many characters of the recorded prefix and suffix still read next to
 * the quote's unchanged words, each side whole or up to its paragraph's edge;
 * undefined if a side changed inside the quote's paragraph, or if the
 * paragraph recorded next to the quote is the one holding this place. That
 * is how a sibling takes the quote's place: when a paragraph goes, the one
 * that followed it slides up, and a sentence they both end with is found
 * where the quote was, with the words recorded after the quote (the
 * sibling's first words) now opening its paragraph. Likewise before it. A
 * sibling kept while the other went cannot be told from this, and is not
 * highlighted either.
 */
function keptAround(
  text: string,
  quote: TextQuoteSelector,
  place: Candidate,
  isBreak: IsBreak,
): { before: number; after: number } | undefined {
  if (place.errors > 0) return undefined;
  const { prefix = '', suffix = '' } = quote;
  const before = place.prefixScore === 1 ? prefix.length : keptBefore(text, prefix, place.start, isBreak);
  const after = place.suffixScore === 1 ? suffix.length : keptAfter(text, suffix, place.end, isBreak);
  if (before < 0 || after < 0) return undefined;
  // The words recorded at the end of the paragraph before, now after this place in its own paragraph.
  const lastBefore = prefix.slice(0, Math.max(0, prefix.length - before - 1));
  const paragraphEnd = paragraphEdge(text, place.end, 1, isBreak);
  if (lastBefore.length >= telling && occursBetween(text, lastBefore, place.start, paragraphEnd)) return undefined;
  // The words recorded at the start of the paragraph after, now before this place in its own paragraph.
  const firstAfter = suffix.slice(after + 1);
  const paragraphStart = paragraphEdge(text, place.start, -1, isBreak) + 1;
  if (firstAfter.length >= telling && occursBetween(text, firstAfter, paragraphStart, place.end)) return undefined;
  return { before, after };
}

/**
 * How many characters before `start` read as the end of the recorded prefix,
 * back to a paragraph edge (the page's start is one) and no farther: the
 * longest such stretch. -1 if the text changed before reaching any edge.
 */
function keptBefore(text: string, prefix: string, start: number, isBreak: IsBreak): number {
  let kept = -1;
  for (let length = 0; length <= prefix.length; length++) {
    const at = start - length - 1;
    // Where the recorded prefix had a space between words, the page may have a paragraph's edge.
    if (length === prefix.length || prefix.charCodeAt(prefix.length - length - 1) === 32) {
      if (at < 0 || (text.charCodeAt(at) === 32 && isBreak(at))) kept = length;
    }
    if (at < 0 || length === prefix.length || text.charCodeAt(at) !== prefix.charCodeAt(prefix.length - length - 1)) {
      break;
    }
  }
  return kept;
}

/** How many characters from `end` read as the start of the recorded suffix, up to a paragraph edge; see keptBefore. */
function keptAfter(text: string, suffix: string, end: number, isBreak: IsBreak): number {
  let kept = -1;
  for (let length = 0; length <= suffix.length; length++) {
    const at = end + length;
    if (length === suffix.length || suffix.charCodeAt(length) === 32) {
      if (at >= text.length || (text.charCodeAt(at) === 32 && isBreak(at))) kept = length;
    }
    if (at >= text.length || length === suffix.length || text.charCodeAt(at) !== suffix.charCodeAt(length)) break;
  }
  return kept;
}

/** Paragraphs longer than this are read no farther for their edge: the search for a neighbour stops there. */
const longestParagraph = 4096;

/** The offset of the paragraph edge nearest to `from` in `direction`, or just past the page's edge. */
function paragraphEdge(text: string, from: number, direction: -1 | 1, isBreak: IsBreak): number {
  const last =
    direction < 0 ? Math.max(0, from - longestParagraph) : Math.min(text.length - 1, from + longestParagraph);
  for (let at = from; direction < 0 ? at >= last : at <= last; at += direction) {
    if (text.charCodeAt(at) === 32 && isBreak(at)) return at;
  }
  return last + direction;
}

/** Whether `piece` occurs in `text` overlapping the span from `from` to `to`. */
function occursBetween(text: string, piece: string, from: number, to: number): boolean {
  const at = text.indexOf(piece, Math.max(0, from - piece.length + 1));
  return at !== -1 && at < to;
}
