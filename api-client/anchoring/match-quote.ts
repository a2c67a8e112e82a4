import search from 'approx-string-match';
import type { TextQuoteSelector } from '../contract';
import { keptLikeWhole, keptUpToParagraph, wholePassageAt, type IsBreak } from './evidence';
import {
  asIntact,
  ceilingWith,
  choose,
  nearby,
  oneSideRadius,
  plausible,
  scorer,
  type Candidate,
  type ScoreAt,
  type TextSpan,
} from './score-match';
import type { PageText } from './text-model';

export type { TextSpan } from './score-match';

/** An exact quote this long, found once and nearby, is worth offering even if both sides were rewritten. */
const selfEvidentLength = 64;

/** Edits tolerated: one in four characters of the quote. */
const maxErrorsFor = (length: number): number => Math.min(Math.floor(length / 4), 512);

/**
 * A nearby match scoring this well (a lightly reworded quote with its context)
 * is taken without looking for copies farther away: a far copy could only win
 * with a context as intact, and then the page is ambiguous and position decides.
 */
const nearIsEnough = 0.9;

/**
 * How much lower than the place to highlight a nearer place may score and
 * still be a rival. One word reworded in a short quote costs its place about
 * 0.05 (the words weigh 50 of 110), and a copy within `nearby` loses at most
 * 0.02 for its distance: an edited original scores within 0.1 of an intact
 * copy; a passing look-alike, with its context changed too, well below.
 */
const rivalMargin = 0.1;

/** First, cheaper radius of the nearby approximate search. */
const closeRadius = 512;

/** Rounds of approximate search near the expected position; see `approximateNear`. */
const nearbyRounds = 3;

/** Pieces of context searched exactly to find where a far-moved quote went; see `seededRegions`. */
const seedLength = 16;
const minSeedLength = 8;
const maxSeedHits = 64;

/** The quote is at `start`, with its prefix and suffix exactly around it. */
export function quoteFitsAt(text: string, quote: TextQuoteSelector, start: number): boolean {
  const { exact, prefix, suffix } = quote;
  if (start < 0 || !text.startsWith(exact, start)) return false;
  if (prefix && (start < prefix.length || !text.startsWith(prefix, start - prefix.length))) return false;
  if (suffix && !text.startsWith(suffix, start + exact.length)) return false;
  return true;
}

/** What a quote's search found: a place to highlight, a place only to offer, or nothing. */
export type Located = ({ kind: 'anchored' | 'possible' } & TextSpan) | { kind: 'orphan' };

const orphan: Located = { kind: 'orphan' };

/**
 * Finds the quote in `text`, cheapest evidence first:
 * 1. the whole recorded passage (words and both sides of context) near the
 *    expected start (or all of it that counts, `keptLikeWhole`), then anywhere
 *    (the quote moved): highlighted, the nearest winning, unless a place
 *    nearer to the expected start could be the quote too, changed (see
 *    `nearerRivals`);
 * 2. approximate close to the expected start, then near it, if convincing
 *    enough (`nearIsEnough`);
 * 3. exact anywhere, competing with the nearby ones on one score (words,
 *    context, distance): a far copy of a boilerplate sentence must not beat the
 *    reworded original where it was;
 * 4. approximate far away, next to surviving pieces of its context.
 * The best place of 2 to 4 is a possible match, not highlighted, unless the
 * whole passage reads there as recorded (see evidence.ts). An orphan when
 * nothing is convincing or two places tie.
 */
export function matchQuote(page: PageText, quote: TextQuoteSelector, expectedStart?: number): Located {
  const { text } = page;
  const { exact } = quote;
  if (exact.length === 0 || text.length === 0) return orphan;
  const scoreAt = scorer(text, quote, expectedStart);
  const maxErrors = maxErrorsFor(exact.length);
  const candidates: Candidate[] = [];
  const near =
    expectedStart === undefined
      ? undefined
      : {
          at: expectedStart,
          from: Math.max(0, expectedStart - nearby),
          to: Math.min(text.length, expectedStart + exact.length + nearby),
        };
  const judged = (place: Candidate): Located =>
    wholePassageAt(text, quote, place)
      ? { kind: 'anchored', ...span(place) }
      : { kind: 'possible', ...wholeWords(text, quote, place) };
  const verdict = (places: readonly Candidate[]): Located => {
    const choice = choose(places);
    return choice.kind === 'found' ? judged(choice.match) : orphan;
  };
  /** Highlighted if it is the one place, and nothing nearer could be the quote too; else offered. */
  const strongest = (places: Candidate[]): Located | undefined => {
    if (places.length === 0) return undefined;
    const choice = choose(places);
    const best = choice.kind === 'found' ? choice.match : places[0]!;
    const rivals = nearerRivals(text, exact, best, near?.at, maxErrors, scoreAt, candidates);
    if (rivals.length === 0) return choice.kind === 'found' ? { kind: 'anchored', ...span(best) } : orphan;
    // Two stories fit: the reader decides.
    const offered = choose(choice.kind === 'found' ? [best, ...rivals] : rivals);
    return offered.kind === 'found' ? { kind: 'possible', ...span(offered.match) } : orphan;
  };
  const intact = () => candidates.filter((c) => c.contextIntact);

  if (near)
    candidates.push(...exactStarts(text, exact, near.from, near.to).map((s) => scoreAt(s, s + exact.length, 0)));
  // Near where the page's shift puts it, as much of its context as an old quote's whole passage will do.
  const found = strongest(intact()) ?? strongest(candidates.filter((c) => keptLikeWhole(page, quote, c)).map(asIntact));
  if (found) return found;
  for (const s of exactStarts(text, exact, 0, text.length)) {
    if (!near || s < near.from || s > near.to) candidates.push(scoreAt(s, s + exact.length, 0));
  }
  // Moved, words and context whole: the quote itself, unless something nearer could be.
  const moved = strongest(intact());
  if (moved) return moved;

  if (near && maxErrors > 0) {
    // Close first: a reworded quote is usually within a few lines of where it is expected.
    for (const radius of [closeRadius, nearby]) {
      const from = Math.max(0, near.at - radius - maxErrors);
      const to = Math.min(text.length, near.at + exact.length + radius + maxErrors);
      candidates.push(...approximateNear(text, from, to, exact, maxErrors, scoreAt, candidates));
      const local = choose(candidates);
      if (local.kind === 'found' && local.match.score >= nearIsEnough) return judged(local.match);
    }
  }

  const first = choose(candidates);
  if (first.kind === 'found') return judged(first.match);
  if (first.kind === 'tie') return orphan;

  const exactOnes = candidates.filter((c) => c.errors === 0);
  const only = exactOnes.length === 1 ? exactOnes[0]! : undefined;
  const onlyNearby = only && near && Math.abs(only.start - near.at) <= nearby;
  if (onlyNearby && exact.length >= selfEvidentLength) return judged(only);

  if (maxErrors === 0) return orphan;
  // With no context to seed from, only the whole text is left: tens of milliseconds on a long page.
  const everywhere: [number, number][] = [[0, text.length]];
  const regions = quote.prefix || quote.suffix ? seededRegions(text, quote, maxErrors) : everywhere;
  const far = regions.flatMap(([from, to]) => approximate(text, from, to, exact, maxErrors, scoreAt));
  return verdict([...candidates, ...far]);
}

/**
 * The quote where the page's shift around it puts it: `from` and `to` bound
 * its start, where its neighbours' shifts say it can be. Either
 * - the whole recorded passage (words and context), the only one there: a copy
 *   of the sentence farther away, its context changed, is a sibling, not the
 *   quote moved; or
 * - its words unchanged and its context as recorded up to the edges of its
 *   own paragraph (evidence.ts): a paragraph inserted or removed right next
 *   to it. Its words must occur only there within `oneSideRadius` around: a
 *   formula said twice nearby is not told apart by a paragraph's edge.
 * Nor may a changed place around it (an edited original) score nearly as
 * well. Undefined otherwise.
 */
export function matchByParagraph(
  text: string,
  quote: TextQuoteSelector,
  from: number,
  to: number,
  isBreak: IsBreak,
): TextSpan | undefined {
  const { exact } = quote;
  if (exact.length === 0) return undefined;
  const scoreAt = scorer(text, quote, Math.round((from + to) / 2));
  const maxErrors = maxErrorsFor(exact.length);
  /** Whether an edited original, between `start` and `end`, could be the quote as well as `only`. */
  const rivalled = (only: Candidate, start: number, end: number) =>
    approximateNear(
      text,
      Math.max(0, start - maxErrors),
      Math.min(text.length, end + exact.length + maxErrors),
      exact,
      maxErrors,
      scoreAt,
      [],
    ).some((c) => plausible(c) && c.score >= only.score - rivalMargin && (c.end <= only.start || c.start >= only.end));

  const whole = exactStarts(text, exact, from, to)
    .map((start) => scoreAt(start, start + exact.length, 0))
    .flatMap((c) =>
      wholePassageAt(text, quote, c) || keptLikeWhole({ text, isBreak }, quote, c) ? [asIntact(c)] : [],
    );
  if (whole.length > 1) return undefined;
  if (whole.length === 1) return rivalled(whole[0]!, from, to) ? undefined : span(whole[0]!);

  const wideFrom = Math.max(0, from - oneSideRadius);
  const wideTo = Math.min(text.length, to + oneSideRadius);
  const exactOnes = exactStarts(text, exact, wideFrom, wideTo);
  if (exactOnes.length !== 1) return undefined;
  const only = scoreAt(exactOnes[0]!, exactOnes[0]! + exact.length, 0);
  if (only.start < from || only.start > to) return undefined;
  if (!keptUpToParagraph(text, quote, only, isBreak)) return undefined;
  return rivalled(only, wideFrom, wideTo) ? undefined : span(only);
}

/**
 * Places nearer to the expected start than `whole` (a place with the evidence
 * to be highlighted) that could be the quote as well, its words or context
 * changed: the quote edited where it was, while a sibling paragraph elsewhere
 * still reads as the quote once did. Looked for within `nearby` of the
 * expected start, no farther than `whole` itself; a rival must score within
 * `rivalMargin` of it, for a weak look-alike in between is no rival when the
 * expected start is off by a paragraph inserted since the last quote.
 */
function nearerRivals(
  text: string,
  exact: string,
  whole: Candidate,
  expectedStart: number | undefined,
  maxErrors: number,
  scoreAt: ScoreAt,
  known: readonly Candidate[],
): Candidate[] {
  if (expectedStart === undefined) return [];
  const distance = Math.abs(whole.start - expectedStart);
  if (distance === 0) return [];
  const radius = Math.min(distance, nearby);
  const from = Math.max(0, expectedStart - radius - maxErrors);
  const to = Math.min(text.length, expectedStart + exact.length + radius + maxErrors);
  const found = maxErrors > 0 ? approximateNear(text, from, to, exact, maxErrors, scoreAt, []) : [];
  // Exact words with one side of context intact are the passage's own, wherever the expected start was off.
  const ownWords = (c: Candidate) => c.errors === 0 && Math.max(c.prefixScore, c.suffixScore) === 1;
  return [...known, ...found].filter(
    (c) =>
      (plausible(c) || ownWords(c)) &&
      c.score >= whole.score - rivalMargin &&
      Math.abs(c.start - expectedStart) < distance &&
      (c.end <= whole.start || c.start >= whole.end),
  );
}

const span = ({ start, end }: TextSpan): TextSpan => ({ start, end });

/** How far a possible match's edges may reach for the quote's own first and last words: a word or two. */
const outerReach = 24;
const letter = /[\p{L}\p{N}]/u;
const inWord = (text: string, at: number) => letter.test(text.charAt(at - 1)) && letter.test(text.charAt(at));

/**
 * A possible match as a reader would point at it. The fewest edits may begin
 * or end inside a word ("…sormais publiées" for "seront publiées"): its edges
 * go out to whole words when the quote itself began and ended on whole words,
 * and to the quote's own first and last words when they stand just outside
 * ("seront désormais publiées"), a word or two away.
 */
function wholeWords(text: string, quote: TextQuoteSelector, place: TextSpan): TextSpan {
  let { start, end } = place;
  const { exact } = quote;
  const startsWord = !quote.prefix || !letter.test(quote.prefix.slice(-1)) || !letter.test(exact.charAt(0));
  const endsWord = !quote.suffix || !letter.test(quote.suffix.charAt(0)) || !letter.test(exact.slice(-1));
  if (startsWord) while (start > 0 && inWord(text, start)) start--;
  if (endsWord) while (end < text.length && inWord(text, end)) end++;
  const first = /^\S+/.exec(exact)?.[0];
  const last = /\S+$/.exec(exact)?.[0];
  if (startsWord && first && !text.startsWith(first, start)) {
    const before = text.slice(Math.max(0, start - outerReach), start);
    const at = before.lastIndexOf(`${first} `);
    if (at !== -1 && (at === 0 || before.charAt(at - 1) === ' ')) start -= before.length - at;
  }
  if (endsWord && last && !text.endsWith(last, end)) {
    const after = text.slice(end, end + outerReach);
    const at = after.indexOf(` ${last}`);
    const close = at + 1 + last.length;
    if (at !== -1 && (close === after.length || !letter.test(after.charAt(close)))) end += close;
  }
  return { start, end };
}

/** Starts of `exact` in text, from `from` to `to` inclusive; never scans past the window. */
function exactStarts(text: string, exact: string, from: number, to: number): number[] {
  const start = Math.max(0, from);
  const end = Math.min(text.length, to + exact.length);
  const window = start === 0 && end === text.length ? text : text.slice(start, end);
  const starts: number[] = [];
  for (let i = window.indexOf(exact); i !== -1; i = window.indexOf(exact, i + 1)) starts.push(start + i);
  return starts;
}

function approximate(
  text: string,
  from: number,
  to: number,
  exact: string,
  maxErrors: number,
  scoreAt: ScoreAt,
): Candidate[] {
  const window = from === 0 && to === text.length ? text : text.slice(from, to);
  return search(window, exact, maxErrors).map((m) => scoreAt(from + m.start, from + m.end, m.errors));
}

/**
 * Approximate matches near the expected start. approx-string-match reports only
 * the matches with the fewest edits, so a near-copy of the quote (the next
 * sentence of a legal text often is one) would hide an edited original: each
 * round masks what was found and searches again for the next best, until no
 * match with more edits could outscore what is already known.
 */
function approximateNear(
  text: string,
  from: number,
  to: number,
  exact: string,
  maxErrors: number,
  scoreAt: ScoreAt,
  known: readonly Candidate[],
): Candidate[] {
  let window = text.slice(from, to);
  const found: Candidate[] = [];
  for (let round = 0; round < nearbyRounds; round++) {
    const matches = search(window, exact, maxErrors);
    if (matches.length === 0) break;
    for (const m of matches) found.push(scoreAt(from + m.start, from + m.end, m.errors));
    const best = choose([...known, ...found]);
    // Later rounds only find matches with at least as many edits.
    if (best.kind === 'found' && best.match.score >= ceilingWith(matches[0]!.errors, exact.length)) break;
    window = masked(window, matches);
  }
  return found;
}

/** `window` with the matched spans blotted out by a character no quote contains. */
function masked(window: string, spans: readonly TextSpan[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  let at = 0;
  for (const { start, end } of sorted) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    pieces.push(window.slice(at, from), '\uffff'.repeat(end - from));
    at = end;
  }
  pieces.push(window.slice(at));
  return pieces.join('');
}

/**
 * Where a quote that moved far and was reworded could be: next to an exact
 * copy of a piece of its prefix or suffix. Scanning a megabyte approximately
 * costs tens of milliseconds per quote; a few exact searches, well under one.
 * A far match needs its context anyway (see `supported`), so little is lost.
 */
function seededRegions(text: string, quote: TextQuoteSelector, maxErrors: number): [number, number][] {
  const { exact, prefix = '', suffix = '' } = quote;
  const m = exact.length;
  const regions: [number, number][] = [];
  const seed = (piece: string, quoteStartAfterPiece: number, drift: number): void => {
    if (piece.length < minSeedLength) return;
    const starts: number[] = [];
    for (let i = text.indexOf(piece); i !== -1; i = text.indexOf(piece, i + 1)) {
      // A piece found everywhere is boilerplate, not a clue.
      if (starts.length === maxSeedHits) return;
      starts.push(i + quoteStartAfterPiece);
    }
    for (const start of starts) regions.push([start - maxErrors - drift, start + m + maxErrors + drift]);
  };
  const near = seedLength;
  seed(prefix.slice(-near), Math.min(near, prefix.length), 0);
  seed(suffix.slice(0, near), -m, 0);
  // The context's far ends, only when the parts touching the quote were reworded too.
  if (regions.length === 0) {
    if (prefix.length > near) seed(prefix.slice(0, near), prefix.length, prefix.length - near);
    if (suffix.length > near) seed(suffix.slice(-near), -m - (suffix.length - near), suffix.length - near);
  }

  regions.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of regions) {
    const clipped: [number, number] = [Math.max(0, from), Math.min(text.length, to)];
    if (clipped[1] <= clipped[0]) continue;
    const last = merged.at(-1);
    if (last && clipped[0] <= last[1]) last[1] = Math.max(last[1], clipped[1]);
    else merged.push(clipped);
  }
  return merged;
}
