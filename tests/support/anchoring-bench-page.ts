/**
 * The browser half of tests/bench/anchoring.bench.ts, bundled and injected into
 * the benchmark page: the same quotes, the same republished page, anchored by
 * our code and by the peer, and judged by one referee.
 */
import * as peerQuote from 'dom-anchor-text-quote';
import * as peerPosition from 'dom-anchor-text-position';
import { anchorAll, buildTextModel, describe } from '../../api-client/anchoring';
import type { Selector } from '../../api-client/contract';
import { seededRandom } from './anchoring-legal-code';
import { pickQuotes, republish, type QuotePlan } from './anchoring-scenario';

interface PeerQuote {
  quote: peerQuote.TextQuote;
  hint: number;
}

export interface Story {
  textLength: number;
  quotes: number;
  moved: number;
  edited: number;
  deleted: number;
  untouched: number;
}

export interface Verdict {
  correct: number;
  /** Anchored, but not where the words now are (or anchored although they were deleted). */
  wrongPlace: number;
  /** Not anchored although the words are still on the page. */
  missed: number;
  /** One line per quote not judged right, to read rather than count. */
  mistakes: string[];
}

let ours: Selector[][] = [];
let peer: PeerQuote[] = [];
let expected: (Range | null)[] = [];
let kinds: ('untouched' | 'edited' | 'deleted')[] = [];
const found = new Map<'ours' | 'peer', (Range | null)[]>();

/** Quotes the page as readers would, then republishes it. Not timed. */
export function prepare(plan: QuotePlan, seed: number): Story {
  const body = document.body;
  const ranges = pickQuotes(body, plan.quotes, seededRandom(seed));
  const before = buildTextModel(body);
  const described = ranges.map((range) => describe(range, before));
  ours = described;
  peer = ranges.map((range) => {
    const position = peerPosition.fromRange(body, range);
    return { quote: peerQuote.fromTextPosition(body, position), hint: position.start };
  });
  const story = republish(body, ranges, plan, seededRandom(seed + 1));
  expected = story.expected;
  kinds = ranges.map((_, i) =>
    story.deleted.includes(i) ? 'deleted' : story.edited.includes(i) ? 'edited' : 'untouched',
  );
  const after = buildTextModel(body);
  let moved = 0;
  expected.forEach((range, i) => {
    if (range && after.offsetOf(range.startContainer, range.startOffset) !== described[i]![1].start) moved++;
  });
  return {
    textLength: before.text.length,
    quotes: plan.quotes,
    moved,
    edited: story.edited.length,
    deleted: story.deleted.length,
    untouched: plan.quotes - story.edited.length - story.deleted.length,
  };
}

export interface OurRun {
  /** Wall time of anchorAll, yields included: what a reader waits for. */
  ms: number;
  /** Tasks of over 50 ms the page ran meanwhile (the Long Tasks API), and the longest. */
  longTasks: number;
  longestTaskMs: number;
}

export async function runOurs(): Promise<OurRun> {
  const tasks: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  const start = performance.now();
  const { ranges } = await anchorAll(document.body, ours);
  const end = performance.now();
  found.set('ours', ranges);
  // Long task entries reach observers some time after their task, when the page is idle.
  await new Promise((resolve) => setTimeout(resolve, 500));
  observer.disconnect();
  const during = tasks.filter((entry) => entry.startTime < end && entry.startTime + entry.duration > start);
  return {
    ms: end - start,
    longTasks: during.length,
    longestTaskMs: Math.max(0, ...during.map((entry) => entry.duration)),
  };
}

export function runPeer(): number {
  const start = performance.now();
  const ranges = peer.map(({ quote, hint }) => peerQuote.toRange(document.body, quote, { hint }));
  const elapsed = performance.now() - start;
  found.set('peer', ranges);
  return elapsed;
}

/** Time of the one reading of the page anchorAll starts with. */
export function timeTextModel(): number {
  const start = performance.now();
  buildTextModel(document.body);
  return performance.now() - start;
}

/**
 * Right when the range covers the words where they now are, give or take two
 * characters at each end (the peer counts raw whitespace); right for a deleted
 * quote only when nothing is returned.
 */
export function judge(library: 'ours' | 'peer'): Verdict {
  const ranges = found.get(library) ?? [];
  const referee = buildTextModel(document.body);
  const at = (range: Range) => [
    referee.offsetOf(range.startContainer, range.startOffset),
    referee.offsetOf(range.endContainer, range.endOffset),
  ];
  const verdict: Verdict = { correct: 0, wrongPlace: 0, missed: 0, mistakes: [] };
  const describeMistake = (i: number, outcome: 'wrong place' | 'missed', got: Range | null): string => {
    const quote = ours[i]![0] as { exact: string };
    const place = got ? ` at ${at(got)[0]}: "${referee.text.slice(at(got)[0], at(got)[1])}"` : '';
    const want = expected[i] ? ` (expected at ${at(expected[i])[0]})` : '';
    return `#${i} ${kinds[i]} quote "${quote.exact}": ${outcome}${place}${want}`;
  };
  expected.forEach((want, i) => {
    const got = ranges[i] ?? null;
    if (want === null) {
      if (got === null) verdict.correct++;
      else {
        verdict.wrongPlace++;
        verdict.mistakes.push(describeMistake(i, 'wrong place', got));
      }
      return;
    }
    if (got === null) {
      verdict.missed++;
      verdict.mistakes.push(describeMistake(i, 'missed', got));
      return;
    }
    const [wantStart, wantEnd] = at(want);
    const [gotStart, gotEnd] = at(got);
    if (Math.abs(wantStart! - gotStart!) <= 2 && Math.abs(wantEnd! - gotEnd!) <= 2) verdict.correct++;
    else {
      verdict.wrongPlace++;
      verdict.mistakes.push(describeMistake(i, 'wrong place', got));
    }
  });
  return verdict;
}
