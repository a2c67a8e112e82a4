/**
 * Anchoring benchmark (not a test: nothing here asserts a time or a count).
 *
 *   npx tsx tests/bench/anchoring.bench.ts            (both libraries)
 *   npx tsx tests/bench/anchoring.bench.ts --no-peer  (Vigie alone: the peer takes a while)
 *   npx tsx tests/bench/anchoring.bench.ts --context 32  (quotes as recorded before: 32 characters of context)
 *
 * Two stories, each in Debian's Chromium, each judged by one referee for Vigie's
 * anchorAll and for the peer, dom-anchor-text-quote, in the same run:
 *
 * 1. Republished: a generated legal code of over a million characters, 500
 *    quotes, then paragraphs inserted, quotes reworded and paragraphs deleted
 *    (those whose words are said elsewhere first). Also the time target.
 * 2. Drift: two versions of a long code with look-alikes planted and then
 *    revised at them: sibling paragraphs that differ by one legal term, one of
 *    them deleted; sentences two articles share, the quoted copy reworded,
 *    deleted or given new surroundings; short generic phrases said all over the
 *    page, their paragraph deleted. See tests/support/anchoring-drift.ts.
 *
 * Each quote has a known right answer: a place, or orphan. A quote is
 * highlighted right or wrong; not highlighted, it is a correct orphan, a
 * possible match offered to the reader (not highlighted), or missed.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { CONTEXT_LENGTH } from '../../api-client/anchoring/describe';
import type * as BenchPage from '../support/anchoring-bench-page';
import type { DriftPlan } from '../support/anchoring-drift';
import type { QuotePlan } from '../support/anchoring-scenario';
import { chromiumArgs, findChromium } from '../support/chromium';
import { machineLine } from './machine';

const republishedPlan: QuotePlan = { quotes: 500, insertions: 60, edits: 100, deletions: 25 };
const driftPlan: DriftPlan = {
  'term-deleted': 60,
  'term-kept': 30,
  'shared-reworded': 30,
  'shared-deleted': 30,
  'shared-context': 30,
  'generic-deleted': 40,
  'generic-kept': 30,
  untouched: 100,
  edited: 30,
  moved: 20,
  insertions: 60,
};
const seed = 2025;
const ourRuns = 7;
const withPeer = !process.argv.includes('--no-peer');
// Characters of context recorded on each side of each quote: what describe keeps today, or fewer.
const contextArgument = process.argv.indexOf('--context');
const context = contextArgument === -1 ? CONTEXT_LENGTH : Number(process.argv[contextArgument + 1]);
if (!(context > 0 && context <= CONTEXT_LENGTH)) throw new Error(`--context takes 1 to ${CONTEXT_LENGTH} characters`);

declare global {
  interface Window {
    vigieBench: typeof BenchPage;
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function bundlePageCode(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../support/anchoring-bench-page.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName: 'vigieBench',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

const documentOf = (body: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Code</title></head><body>${body}</body></html>`;

interface Measured {
  prepared: BenchPage.Prepared;
  ours: { runs: BenchPage.OurRun[]; readings: number[]; verdict: BenchPage.Verdict };
  peer?: { runs: number[]; verdict: BenchPage.Verdict };
}

/** Quotes the first version, then loads the second afresh and anchors it with both libraries. */
async function measure(page: Page, code: string, prepare: (page: Page) => Promise<BenchPage.Prepared>) {
  await page.setContent(documentOf(''), { waitUntil: 'load' });
  await page.addScriptTag({ content: code });
  const prepared = await prepare(page);
  await page.setContent(documentOf(prepared.html), { waitUntil: 'load' });
  await page.addScriptTag({ content: code });
  const same = await page.evaluate((p) => window.vigieBench.load(p), { quotes: prepared.quotes, text: prepared.text });
  if (!same) throw new Error('The second version, loaded afresh, does not read as prepared');
  // For reading a quote's case outside the browser (locateAll is pure): VIGIE_BENCH_DUMP=dir.
  if (process.env.VIGIE_BENCH_DUMP) {
    const name = `${process.env.VIGIE_BENCH_DUMP}/${prepared.saidElsewhere === undefined ? 'drift' : 'republished'}.json`;
    const breaks = await page.evaluate(() => window.vigieBench.breakOffsets());
    writeFileSync(name, JSON.stringify({ text: prepared.text, breaks, quotes: prepared.quotes }));
  }

  const runs: BenchPage.OurRun[] = [];
  const readings: number[] = [];
  for (let run = 0; run < ourRuns; run++) {
    readings.push(await page.evaluate(() => window.vigieBench.timeTextModel()));
    runs.push(await page.evaluate(() => window.vigieBench.runOurs()));
  }
  const measured: Measured = {
    prepared,
    ours: { runs, readings, verdict: await page.evaluate(() => window.vigieBench.judge('ours')) },
  };
  if (withPeer) {
    const peerRuns = [await page.evaluate(() => window.vigieBench.runPeer())];
    // Slow as it is, one run is enough; three when it is quick.
    if (peerRuns[0]! < 10_000) {
      for (let run = 1; run < 3; run++) peerRuns.push(await page.evaluate(() => window.vigieBench.runPeer()));
    }
    measured.peer = { runs: peerRuns, verdict: await page.evaluate(() => window.vigieBench.judge('peer')) };
  }
  return measured;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

const outcomeHeads = ['right', 'wrong', 'orphan', 'possible match (right place)', 'missed'];
const outcomeCells = (v: BenchPage.Verdict, possible: boolean) => [
  String(v.counts.right),
  String(v.counts.wrong),
  String(v.counts.orphan),
  possible ? `${v.counts.possible} (${v.possibleRight})` : '—',
  String(v.counts.missed),
];

function report(title: string, m: Measured): void {
  const { prepared, ours, peer } = m;
  const n = prepared.quotes.length;
  const places = prepared.quotes.filter((q) => q.expected).length;
  console.log(`\n## ${title}\n`);
  console.log(
    `First version ${prepared.firstLength.toLocaleString('en')} characters, second ${prepared.text.length.toLocaleString('en')}. ` +
      `${n} quotes: ${places} with a place as their right answer, ${n - places} with orphan` +
      (prepared.undecidable
        ? ` (${prepared.undecidable} more left out: their words and context are still on the page)`
        : '') +
      (prepared.saidElsewhere !== undefined ? `; ${prepared.saidElsewhere} of the deleted are said elsewhere` : '') +
      '.',
  );
  const rows = [
    ['library', 'time (ms, median)', 'runs', ...outcomeHeads],
    [
      'vigie anchorAll',
      median(ours.runs.map((r) => r.ms)).toFixed(1),
      String(ours.runs.length),
      ...outcomeCells(ours.verdict, true),
    ],
  ];
  if (peer) {
    rows.push([
      'dom-anchor-text-quote 4.0.2',
      median(peer.runs).toFixed(1),
      String(peer.runs.length),
      ...outcomeCells(peer.verdict, false),
    ]);
  }
  console.log(`\n${table(rows)}\n`);

  const kinds = [...new Set(prepared.quotes.map((q) => q.kind))];
  const kindRows = [
    [
      'kind',
      'quotes',
      'right answer',
      'vigie: right / wrong / orphan / possible / missed',
      ...(peer ? ['peer: right / wrong / orphan / missed'] : []),
    ],
  ];
  for (const kind of kinds) {
    const of = prepared.quotes.filter((q) => q.kind === kind);
    const o = ours.verdict.byKind[kind]!;
    const p = peer?.verdict.byKind[kind];
    kindRows.push([
      kind,
      String(of.length),
      of.every((q) => q.expected) ? 'a place' : of.every((q) => !q.expected) ? 'orphan' : 'both',
      `${o.right} / ${o.wrong} / ${o.orphan} / ${o.possible} / ${o.missed}`,
      ...(p ? [`${p.right} / ${p.wrong} / ${p.orphan} / ${p.missed}`] : []),
    ]);
  }
  console.log(`${table(kindRows)}\n`);

  const verbatim = prepared.quotes.flatMap((q, i) => (q.verbatim ? [i] : []));
  const share = (n: number) => `${n} (${((100 * n) / verbatim.length).toFixed(1)} %)`;
  console.log(
    `Quotes still on the page word for word: ${verbatim.length}; highlighted at their place by vigie: ` +
      `${share(ours.verdict.verbatimRight)}, offered there as a possible match: ${share(ours.verdict.verbatimOffered)}` +
      (peer ? `; highlighted at their place by the peer: ${share(peer.verdict.verbatimRight)}` : '') +
      '.',
  );
  const ms = (values: number[]) => values.map((t) => t.toFixed(1)).join(', ');
  console.log(
    `vigie runs (ms): ${ms(ours.runs.map((r) => r.ms))}; reading the page once: ${median(ours.readings).toFixed(1)} ms (median); ` +
      `long tasks (> 50 ms) per run: ${ours.runs.map((r) => r.longTasks).join(', ')}.`,
  );
  if (peer) console.log(`peer runs (ms): ${ms(peer.runs)}`);
  for (const mistake of ours.verdict.mistakes) console.log(`vigie: ${mistake}`);
}

async function main(): Promise<void> {
  const code = await bundlePageCode();
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
  try {
    console.log(`Quotes recorded with ${context} characters of context on each side.`);
    const page = await browser.newPage();
    const republished = await measure(page, code, (p) =>
      p.evaluate(([plan, s, c]) => window.vigieBench.prepareRepublished(plan, s, c), [
        republishedPlan,
        seed,
        context,
      ] as const),
    );
    report('Republished legal code', republished);
    console.log('Target: 500 quotes on a page of a million characters in under 250 ms (median), 0 wrong.');
    const drift = await measure(page, code, (p) =>
      p.evaluate(([plan, s, c]) => window.vigieBench.prepareDrift(plan, s, c), [driftPlan, seed, context] as const),
    );
    report('Drift between two versions, with look-alikes', drift);
    console.log('Target: 0 wrong; at least 99 % of the quotes still on the page word for word highlighted.');
    console.log(`\nMachine: ${machineLine()}; load average ${os.loadavg()[0]!.toFixed(1)}.`);
  } finally {
    await browser.close();
  }
}

await main();
