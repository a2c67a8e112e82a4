import search from 'approx-string-match';
import type { TextQuoteSelector } from '../contract';
import { ceilingWith, nearby, pick, scorer, type Candidate, type ScoreAt, type TextSpan } from './score-match';

export type { TextSpan } from './score-match';

/** An exact quote this long, found once and nearby, is its own evidence even if both sides were rewritten. */
const selfEvidentLength = 64;

/** Edits tolerated: one in four characters of the quote. */
const maxErrorsFor = (length: number): number => Math.min(Math.floor(length / 4), 512);

/**
 * A nearby match scoring this well (a lightly reworded quote with its context)
 * is taken without looking for copies farther away: a far copy could only win
 * with a context as intact, and then the page is ambiguous and position decides.
 */
const nearIsEnough = 0.9;

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

/**
 * Finds the quote in `text`, cheapest evidence first:
 * 1. exact and with its context intact near the expected start: done;
 * 2. approximate close to the expected start, then near it, if convincing
 *    enough (`nearIsEnough`);
 * 3. exact anywhere, competing with the nearby ones on one score (words,
 *    context, distance): a far copy of a boilerplate sentence must not beat the
 *    reworded original where it was;
 * 4. approximate far away, next to surviving pieces of its context.
 * Null when nothing is convincing or two places tie.
 */
export function matchQuote(text: string, quote: TextQuoteSelector, expectedStart?: number): TextSpan | null {
  const { exact } = quote;
  if (exact.length === 0 || text.length === 0) return null;
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

  if (near) {
    const close = exactStarts(text, exact, near.from, near.to).map((s) => scoreAt(s, s + exact.length, 0));
    // Nothing farther away can beat an intact occurrence nearby.
    if (close.some((c) => c.contextIntact)) return verdict(close);
    candidates.push(...close);
    if (maxErrors > 0) {
      // Close first: a reworded quote is usually within a few lines of where it is expected.
      for (const radius of [closeRadius, nearby]) {
        const from = Math.max(0, near.at - radius - maxErrors);
        const to = Math.min(text.length, near.at + exact.length + radius + maxErrors);
        candidates.push(...approximateNear(text, from, to, exact, maxErrors, scoreAt, candidates));
        const local = pick(candidates);
        if (local.kind === 'found' && local.match.score >= nearIsEnough) return span(local.match);
      }
    }
  }

  for (const s of exactStarts(text, exact, 0, text.length)) {
    if (!near || s < near.from || s > near.to) candidates.push(scoreAt(s, s + exact.length, 0));
  }
  const first = pick(candidates);
  if (first.kind === 'found') return span(first.match);
  if (first.kind === 'tie') return null;

  const exactOnes = candidates.filter((c) => c.errors === 0);
  const only = exactOnes.length === 1 ? exactOnes[0]! : undefined;
  const onlyNearby = only && near && Math.abs(only.start - near.at) <= nearby;
  if (onlyNearby && exact.length >= selfEvidentLength) return span(only);

  if (maxErrors === 0) return null;
  // With no context to seed from, only the whole text is left: tens of milliseconds on a long page.
  const whole: [number, number][] = [[0, text.length]];
  const regions = quote.prefix || quote.suffix ? seededRegions(text, quote, maxErrors) : whole;
  const far = regions.flatMap(([from, to]) => approximate(text, from, to, exact, maxErrors, scoreAt));
  return verdict([...candidates, ...far]);
}

function verdict(candidates: Candidate[]): TextSpan | null {
  const result = pick(candidates);
  return result.kind === 'found' ? span(result.match) : null;
}

const span = ({ start, end }: TextSpan): TextSpan => ({ start, end });

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
    const best = pick([...known, ...found]);
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
