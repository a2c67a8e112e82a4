/**
 * The browser half of tests/bench/anchoring.bench.ts, bundled and injected into
 * the benchmark's pages. On the first version of a page, readers quote it and
 * the page is revised (`prepare…`): what comes back is the second version's
 * markup, every quote's selectors (ours and the peer's) and where it should be
 * found now. The second version is then loaded afresh, as a reader's next visit
 * would, and anchored by our code and by the peer, judged by one referee.
 */
import * as peerQuote from 'dom-anchor-text-quote';
import * as peerPosition from 'dom-anchor-text-position';
import { anchorAll, buildTextModel, describe } from '../../api-client/anchoring';
import type { Selector, TextQuoteSelector } from '../../api-client/contract';
import { withContext } from './anchoring-dom';
import { driftCodeBody } from './anchoring-drift-text';
import { quoteForDrift, type DriftPlan } from './anchoring-drift';
import { legalCodeBody, seededRandom } from './anchoring-legal-code';
import { pickQuotes, republish, type QuotePlan } from './anchoring-scenario';

export interface BenchQuote {
  selectors: Selector[];
  peer: { quote: peerQuote.TextQuote; hint: number };
  kind: string;
  /** Where the words are in the second version's text, or null: the right answer is an orphan. */
  expected: { start: number; end: number } | null;
  /** The words are still on the page exactly as quoted. */
  verbatim: boolean;
}

export interface Prepared {
  /** The second version of the page, to be loaded afresh. */
  html: string;
  /** Its visible text, for the loaded page to be checked against. */
  text: string;
  firstLength: number;
  quotes: BenchQuote[];
  /** Quotes with orphan as their right answer whose words and context are still on the page: left out. */
  undecidable: number;
  /** Deleted quotes of the republished scenario whose words are still said elsewhere. */
  saidElsewhere?: number;
}

/** How a library answered for one quote. */
export type Outcome = 'right' | 'wrong' | 'orphan' | 'possible' | 'missed';

export interface Verdict {
  counts: Record<Outcome, number>;
  /** Possible matches offered at the right place. */
  possibleRight: number;
  /** Quotes still on the page word for word, highlighted at their place. */
  verbatimRight: number;
  /** The same, offered as a possible match at their place instead. */
  verbatimOffered: number;
  byKind: Record<string, Record<Outcome, number>>;
  /** One line per quote not judged right, to read rather than count. */
  mistakes: string[];
}

/**
 * The first version's markup and the readers' quotes: taken, then the page
 * revised. `context`: characters of context kept on each side, for quotes
 * recorded before `describe` kept 64.
 */
function finish(
  ranges: Range[],
  kinds: string[],
  revise: () => (Range | null)[],
  context: number,
): Omit<Prepared, 'firstLength'> {
  const body = document.body;
  const before = buildTextModel(body);
  const selectors = ranges.map((range) => withContext(describe(range, before), context));
  const peer = ranges.map((range) => {
    const position = peerPosition.fromRange(body, range);
    return { quote: peerQuote.fromTextPosition(body, position), hint: position.start };
  });
  const expected = revise();
  const after = buildTextModel(body);
  const offsets = (range: Range) => ({
    start: after.offsetOf(range.startContainer, range.startOffset),
    end: after.offsetOf(range.endContainer, range.endOffset),
  });
  let undecidable = 0;
  const quotes: BenchQuote[] = [];
  selectors.forEach((set, i) => {
    const [quote] = set as [TextQuoteSelector, ...Selector[]];
    const want = expected[i] ? offsets(expected[i]) : null;
    if (!want && after.text.includes(`${quote.prefix ?? ''}${quote.exact}${quote.suffix ?? ''}`)) {
      undecidable++;
      return;
    }
    // The referee counts a collapsed space before a word as the word's start: trimmed.
    const verbatim = want !== null && after.text.slice(want.start, want.end).trim() === quote.exact;
    quotes.push({ selectors: set, peer: peer[i]!, kind: kinds[i]!, expected: want, verbatim });
  });
  return { html: body.innerHTML, text: after.text, quotes, undecidable };
}

/** The republished legal code: paragraphs inserted, quotes reworded, paragraphs deleted. */
export function prepareRepublished(plan: QuotePlan, seed: number, context: number): Prepared {
  document.body.innerHTML = legalCodeBody({ seed });
  const body = document.body;
  const ranges = pickQuotes(body, plan.quotes, seededRandom(seed));
  const firstLength = buildTextModel(body).text.length;
  let saidElsewhere = 0;
  const kinds: string[] = ranges.map(() => 'untouched');
  const prepared = finish(
    ranges,
    kinds,
    () => {
      const story = republish(body, ranges, plan, seededRandom(seed + 1));
      for (const i of story.edited) kinds[i] = 'edited';
      for (const i of story.deleted) kinds[i] = 'deleted';
      saidElsewhere = story.saidElsewhere;
      return story.expected;
    },
    context,
  );
  return { ...prepared, firstLength, saidElsewhere };
}

/** The code with planted look-alikes, revised at them (anchoring-drift). */
export function prepareDrift(plan: DriftPlan, seed: number, context: number): Prepared {
  document.body.innerHTML = driftCodeBody({ seed });
  const body = document.body;
  const firstLength = buildTextModel(body).text.length;
  const story = quoteForDrift(body, plan, seededRandom(seed + 1));
  return { ...finish(story.ranges, story.kinds, () => story.revise(), context), firstLength };
}

// ---- on the second version ---------------------------------------------------------------

let quotes: BenchQuote[] = [];
type Answer = { kind: 'anchored' | 'possible'; range: Range } | { kind: 'orphan' };
const answers = new Map<'ours' | 'peer', Answer[]>();

/** Takes the quotes on the freshly loaded second version; false if its text is not the one prepared. */
export function load(prepared: { quotes: BenchQuote[]; text: string }): boolean {
  quotes = prepared.quotes;
  answers.clear();
  return buildTextModel(document.body).text === prepared.text;
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
  const results = await anchorAll(
    document.body,
    quotes.map((q) => q.selectors),
  );
  const end = performance.now();
  answers.set('ours', results);
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
  const ranges = quotes.map(({ peer }) => peerQuote.toRange(document.body, peer.quote, { hint: peer.hint }));
  const elapsed = performance.now() - start;
  answers.set(
    'peer',
    ranges.map((range) => (range ? { kind: 'anchored', range } : { kind: 'orphan' })),
  );
  return elapsed;
}

/** Where the loaded page's paragraphs end (TextModel.isBreak), for the dump. */
export function breakOffsets(): number[] {
  const model = buildTextModel(document.body);
  const offsets: number[] = [];
  for (let at = model.text.indexOf(' '); at !== -1; at = model.text.indexOf(' ', at + 1)) {
    if (model.isBreak(at)) offsets.push(at);
  }
  return offsets;
}

/** Time of the one reading of the page anchorAll starts with. */
export function timeTextModel(): number {
  const start = performance.now();
  buildTextModel(document.body);
  return performance.now() - start;
}

const noOutcomes = (): Record<Outcome, number> => ({ right: 0, wrong: 0, orphan: 0, possible: 0, missed: 0 });

/**
 * Highlighted at the right place when the range covers the words where they
 * now are, give or take two characters at each end (the peer counts raw
 * whitespace); anything else highlighted is wrong. Not highlighted: a correct
 * orphan, a possible match offered to the reader, or a miss.
 */
export function judge(library: 'ours' | 'peer'): Verdict {
  const referee = buildTextModel(document.body);
  const at = (range: Range) => ({
    start: referee.offsetOf(range.startContainer, range.startOffset),
    end: referee.offsetOf(range.endContainer, range.endOffset),
  });
  const verdict: Verdict = {
    counts: noOutcomes(),
    possibleRight: 0,
    verbatimRight: 0,
    verbatimOffered: 0,
    byKind: {},
    mistakes: [],
  };
  (answers.get(library) ?? []).forEach((answer, i) => {
    const { expected, kind, selectors } = quotes[i]!;
    const got = answer.kind === 'orphan' ? null : at(answer.range);
    const right = got !== null && expected !== null && sameSpan(got, expected);
    let outcome: Outcome;
    if (answer.kind === 'anchored') outcome = right ? 'right' : 'wrong';
    else if (answer.kind === 'possible') outcome = 'possible';
    else outcome = expected ? 'missed' : 'orphan';
    if (outcome === 'possible' && right) verdict.possibleRight++;
    if (outcome === 'right' && quotes[i]!.verbatim) verdict.verbatimRight++;
    if (outcome === 'possible' && right && quotes[i]!.verbatim) verdict.verbatimOffered++;
    verdict.counts[outcome]++;
    (verdict.byKind[kind] ??= noOutcomes())[outcome]++;
    if (outcome === 'wrong' || outcome === 'missed') {
      const { prefix = '', exact, suffix = '' } = selectors[0] as TextQuoteSelector;
      const t = referee.text;
      const place = got
        ? ` at ${got.start}: [${t.slice(got.start - 32, got.start)}]${t.slice(got.start, got.end)}[${t.slice(got.end, got.end + 32)}]`
        : '';
      const want = expected ? ` (expected at ${expected.start})` : ' (expected: orphan)';
      verdict.mistakes.push(`${kind} quote [${prefix}]${exact}[${suffix}]: ${outcome}${place}${want}`);
    }
  });
  return verdict;
}

function sameSpan(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return Math.abs(a.start - b.start) <= 2 && Math.abs(a.end - b.end) <= 2;
}
