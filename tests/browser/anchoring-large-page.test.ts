import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import {
  anchorAll,
  buildTextModel,
  describe,
  highlight,
  HIGHLIGHT_NAME,
  type AnchorResult,
} from '../../api-client/anchoring';
import type { Selector } from '../../api-client/contract';
import { legalCodeBody, seededRandom } from '../support/anchoring-legal-code';
import { pickQuotes, republish } from '../support/anchoring-scenario';

let body: HTMLElement;
beforeEach(() => {
  body = document.body;
  body.innerHTML = legalCodeBody({ seed: 7 });
});
afterEach(() => {
  vi.restoreAllMocks();
  body.replaceChildren();
});

function quotesOnThePage(count: number): { ranges: Range[]; selectors: Selector[][] } {
  const ranges = pickQuotes(body, count, seededRandom(11));
  const model = buildTextModel(body);
  return { ranges, selectors: ranges.map((range) => describe(range, model)) };
}

const boundaries = (range: Range | null) =>
  range && [range.startContainer, range.startOffset, range.endContainer, range.endOffset];

const samePlace = (a: Range | null, b: Range | null): boolean =>
  a !== null && b !== null && boundaries(a)!.every((part, i) => part === boundaries(b)![i]);

/** Work queued at the priority of a click, which must not wait for the whole batch. */
const meanwhile = (task: () => void): void => {
  const { scheduler } = globalThis as unknown as {
    scheduler: { postTask(task: () => void, options: { priority: 'user-blocking' }): Promise<void> };
  };
  void scheduler.postTask(task, { priority: 'user-blocking' });
};

it('the generated legal code holds over a million characters of visible text, and no hidden text', () => {
  const { text } = buildTextModel(body);
  expect(text.length).toBeGreaterThan(1_000_000);
  const opening =
    'Code des relations entre le public et l’administration Version en vigueur au 1er janvier 2025 Livre 1 :';
  expect(text.startsWith(opening)).toBe(true);
  expect(text).not.toContain('Note technique');
  expect(text).not.toContain('Ancienne rédaction');
  expect(text).not.toContain('__legalCodeLoaded');
  expect(text).not.toMatch(/\s\s|[\n\u00a0\u202f]/);
});

it('anchors 300 quotes with one reading of the republished page: never a wrong place, deleted ones never highlighted', async () => {
  const { ranges, selectors } = quotesOnThePage(300);
  const plan = { quotes: 300, insertions: 40, edits: 60, deletions: 20 };
  const { expected, edited, deleted, saidElsewhere } = republish(body, ranges, plan, seededRandom(5));
  expect(edited.length).toBe(60);
  expect(deleted.length).toBe(20);
  // The deleted quotes' words are said elsewhere on the page: the trap is there.
  expect(saidElsewhere).toBeGreaterThan(10);

  const walkers = vi.spyOn(document, 'createTreeWalker');
  const results = await anchorAll(body, selectors);
  expect(walkers).toHaveBeenCalledTimes(1);
  expect(results.length).toBe(300);

  const highlightedAt = results.flatMap((r, i) => (r.kind === 'anchored' ? [i] : []));
  const place = (r: AnchorResult) => (r.kind === 'anchored' ? r.range : null);
  expect(highlightedAt.filter((i) => !samePlace(place(results[i]!), expected[i]!))).toEqual([]);
  // A reworded quote may be the passage or a look-alike: offered, at the words as they now read.
  expect(edited.filter((i) => results[i]!.kind !== 'possible')).toEqual([]);
  const untouched = results.flatMap((_, i) => (edited.includes(i) || deleted.includes(i) ? [] : [i]));
  expect(untouched.filter((i) => results[i]!.kind === 'anchored').length).toBeGreaterThanOrEqual(
    0.99 * untouched.length,
  );

  // Hundreds of highlights cost nothing in the DOM with the Custom Highlight API.
  const html = body.innerHTML.length;
  const removers = results.flatMap((r) => (r.kind === 'anchored' ? [highlight(r.range)] : []));
  expect(CSS.highlights.get(HIGHLIGHT_NAME)?.size).toBe(highlightedAt.length);
  expect(body.innerHTML.length).toBe(html);
  removers.forEach((remove) => remove());
  expect(CSS.highlights.has(HIGHLIGHT_NAME)).toBe(false);
});

it('gives the event loop a turn between slices, and stops when asked', async () => {
  const { selectors } = quotesOnThePage(40);
  let interactionHandled = false;
  const work = anchorAll(body, selectors, { sliceMs: 0 });
  meanwhile(() => (interactionHandled = true));
  const results = await work;
  expect(interactionHandled).toBe(true);
  expect(results.every((r) => r.kind === 'anchored')).toBe(true);

  const controller = new AbortController();
  const stopped = anchorAll(body, selectors, { sliceMs: 0, signal: controller.signal });
  controller.abort(new Error('page closed'));
  await expect(stopped).rejects.toThrow('page closed');
});

it('reads the page again when it changes between two slices', async () => {
  const { ranges, selectors } = quotesOnThePage(60);
  const walkers = vi.spyOn(document, 'createTreeWalker');
  const work = anchorAll(body, selectors, { sliceMs: 0 });
  const warning = '<p>Un avertissement ajouté pendant le chargement.</p>';
  meanwhile(() => body.querySelector('article')!.insertAdjacentHTML('beforebegin', warning));
  const results = await work;
  expect(walkers).toHaveBeenCalledTimes(2);
  expect(results.map((r) => (r.kind === 'anchored' ? boundaries(r.range) : r.kind))).toEqual(ranges.map(boundaries));
});
