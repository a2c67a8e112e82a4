import type { TextQuoteSelector } from '../contract';
import { affixDistance } from './affix-distance';

/**
 * How convincing a place in the text is for a quote, from the evidence at hand:
 * the words (edits counted), the context on either side, and the distance from
 * where the quote was expected. One score, so exact copies far away and
 * reworded originals nearby can be weighed against each other.
 */

export interface TextSpan {
  start: number;
  end: number;
}

export interface Candidate extends TextSpan {
  errors: number;
  score: number;
  /** Edit similarity (0 to 1) of the text before and after this place to the recorded prefix and suffix. */
  prefixScore: number;
  suffixScore: number;
  /** The words, and prefix and suffix both (those recorded), read exactly as when the quote was taken. */
  contextIntact: boolean;
  /** Enough of the context survives for this place to be considered at all; see `oneSide`. */
  supported: boolean;
}

export type ScoreAt = (start: number, end: number, errors: number) => Candidate;

// The words themselves weigh most, then what surrounds them, then being where
// the quote was expected. Position is credited almost fully within `nearby`
// characters and not at all beyond twice that: whole sections may be inserted
// above a quote, but a far-away copy of a common sentence must not pass for
// the deleted original.
const weights = { quote: 50, prefix: 20, suffix: 20, position: 20 };
const totalWeight = weights.quote + weights.prefix + weights.suffix + weights.position;

/** Distance from the expected start within which position counts (almost) fully. */
export const nearby = 2048;

/**
 * Below this, a place is not even worth offering as a possible match: the
 * caller gets an orphan. An exact quote passes with its context intact
 * anywhere, or nearby with one side intact; an edited quote needs more. Whether
 * a place that passes is highlighted is for evidence.ts to say.
 */
const minScore = 0.76;

/**
 * How much of its context a place must keep to be offered at all. Legal and
 * administrative pages repeat their formulae, and a formula with one matching
 * side of context is found all over the page; so one side (this similar) is
 * enough only right where the quote was expected, or a little farther for a
 * quote long enough to be telling. Elsewhere both sides must be nearly intact.
 */
const oneSide = 0.75;
const bothSides = 0.9;
export const oneSideRadius = 512;
const tellingLength = 64;

/** Scores under this distance of each other are one tie: an ambiguous quote. */
const tieEpsilon = 1e-9;

export function scorer(text: string, quote: TextQuoteSelector, expectedStart: number | undefined): ScoreAt {
  const { exact, prefix = '', suffix = '' } = quote;
  return (start, end, errors) => {
    const prefixScore = prefix ? affixSimilarity(prefix, text, start, -1) : start === 0 ? 1 : 0.5;
    const suffixScore = suffix ? affixSimilarity(suffix, text, end, 1) : end === text.length ? 1 : 0.5;
    const quoteScore = 1 - errors / exact.length;
    const positionScore = expectedStart === undefined ? 1 : closeness(Math.abs(start - expectedStart));
    const score =
      (weights.quote * quoteScore +
        weights.prefix * prefixScore +
        weights.suffix * suffixScore +
        weights.position * positionScore) /
      totalWeight;
    return {
      start,
      end,
      errors,
      score,
      prefixScore,
      suffixScore,
      // Recorded without any context, the words are the whole passage (unique, or nearest, to count).
      contextIntact: errors === 0 && ((!prefix && !suffix) || (prefixScore === 1 && suffixScore === 1)),
      supported:
        (!prefix && !suffix) ||
        Math.min(prefixScore, suffixScore) >= bothSides ||
        (Math.max(prefixScore, suffixScore) >= oneSide &&
          expectedStart !== undefined &&
          (Math.abs(start - expectedStart) <= oneSideRadius || (positionScore > 0 && exact.length >= tellingLength))),
    };
  };
}

/** The best score a match with `errors` edits could reach: perfect context, right place. */
export function ceilingWith(errors: number, quoteLength: number): number {
  const context = weights.prefix + weights.suffix + weights.position;
  return (weights.quote * (1 - errors / quoteLength) + context) / totalWeight;
}

/**
 * A place whose context reads as recorded as far as it counts (`keptLikeWhole`
 * in evidence.ts), scored as the whole passage it stands for.
 */
export function asIntact(candidate: Candidate): Candidate {
  if (candidate.contextIntact) return candidate;
  const lost = weights.prefix * (1 - candidate.prefixScore) + weights.suffix * (1 - candidate.suffixScore);
  return {
    ...candidate,
    score: candidate.score + lost / totalWeight,
    prefixScore: 1,
    suffixScore: 1,
    contextIntact: true,
    supported: true,
  };
}

/** A place worth considering at all: enough of its context survives, and it scores well enough. */
export function plausible(candidate: Candidate): boolean {
  return candidate.supported && candidate.score >= minScore;
}

/** The best supported place, or why there is none: two places tie, or none is convincing. */
export type Choice = { kind: 'found'; match: Candidate } | { kind: 'tie' | 'weak' | 'none' };

export function choose(candidates: readonly Candidate[]): Choice {
  const usable = candidates.filter((c) => c.supported);
  if (usable.length === 0) return { kind: candidates.length === 0 ? 'none' : 'weak' };
  let best = usable[0]!;
  for (const c of usable) if (c.score > best.score) best = c;
  // Weak copies elsewhere may tie among themselves; an edited original may still be found.
  if (best.score < minScore) return { kind: 'weak' };
  // Overlapping spans are the same place found with different edges, not a rival.
  const rival = usable.some(
    (c) => c !== best && (c.end <= best.start || c.start >= best.end) && c.score >= best.score - tieEpsilon,
  );
  return rival ? { kind: 'tie' } : { kind: 'found', match: best };
}

/** 1 at the expected place, 0.9 at `nearby`, 0 from twice `nearby`: nearer still wins among equals. */
function closeness(distance: number): number {
  if (distance <= nearby) return 1 - (0.1 * distance) / nearby;
  return Math.max(0, 0.9 * (1 - (distance - nearby) / nearby));
}

/**
 * 1 when `affix` reads exactly next to `edge` (before it when `direction` is -1,
 * after it when 1), falling with the edit distance to the text there (see
 * affix-distance.ts), read over half as much again as the affix.
 */
function affixSimilarity(affix: string, text: string, edge: number, direction: -1 | 1): number {
  const from = direction < 0 ? edge - affix.length : edge;
  if (from >= 0 && text.startsWith(affix, from)) return 1;
  const m = Math.min(affix.length, 64);
  const available = direction < 0 ? edge : text.length - edge;
  return 1 - affixDistance(affix, text, edge, direction, Math.min(available, m + (m >> 1))) / m;
}
