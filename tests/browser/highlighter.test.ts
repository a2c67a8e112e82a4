import { afterEach, expect, it, vi } from 'vitest';
import { describe, HIGHLIGHT_NAME, MARK_TAG } from '../../api-client/anchoring';
import type { Contribution, Selector, TextQuoteSelector } from '../../api-client/contract';
import type { HighlighterOptions } from '../../extension/content/chunks';
import { createUiHost } from '../../extension/content/ui-host';
import { startHighlighter } from '../../extension/highlights/highlighter';
import { watchPageText } from '../../extension/highlights/page-watch';
import type { PassageChoice } from '../../extension/messaging/protocol';
import { aContribution } from '../support/contributions';
import { rangeOfText, showPage } from '../support/anchoring-dom';

/*
 * The extension's in-page highlighter, in real Chromium: pages whose text comes
 * late or keeps changing, and the citizen's answers about possible matches.
 */

const page = `<main><h1>Plan</h1>
  <p id="a">Les données essentielles des marchés publics seront publiées dans un format ouvert et réutilisable.</p>
  <p id="b">Un tableau de bord de suivi sera mis à disposition du public avant la fin de l’année.</p>
  <p id="clock">10:00:00</p></main>`;

const stops: AbortController[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop.abort();
  document.body.replaceChildren();
  document.querySelectorAll('[data-vigie]').forEach((e) => e.remove());
});

/** Selectors of `words` as a reader would have quoted them on `html`. */
function quoted(html: string, words: string): Selector[] {
  const body = showPage(html);
  const selectors = describe(rangeOfText(body, words));
  body.replaceChildren();
  return selectors;
}

const published = (selectors: Selector[]): Contribution => ({
  ...aContribution({ target: { url: 'https://www.example.gouv.fr/plan', title: 'Plan', selectors } }),
  status: 'published',
  receivedAt: '2026-11-27T09:30:00.000Z',
});

function start(contributions: Contribution[], choices: Record<string, PassageChoice> = {}) {
  const stop = new AbortController();
  stops.push(stop);
  const placed: Parameters<HighlighterOptions['onPlaced']>[0][] = [];
  const chosen: [string, unknown][] = [];
  const running = startHighlighter({
    host: createUiHost(stop.signal)(),
    contributions,
    choices,
    locale: 'fr',
    signal: stop.signal,
    onActivate: () => undefined,
    onPlaced: (result) => placed.push(result),
    onChoose: (id, choice) => {
      chosen.push([id, choice]);
      return Promise.resolve();
    },
  });
  return { stop, running, placed, chosen };
}

const painted = () => [...(CSS.highlights.get(HIGHLIGHT_NAME) ?? [])] as Range[];

it('paints the passages of a page whose text comes late, once it has come, and repaints nothing as a clock ticks', async () => {
  const contribution = published(quoted(page, 'seront publiées dans un format ouvert'));
  document.body.innerHTML = '<main><p>Chargement…</p></main>';
  const { running, placed } = start([contribution]);
  await running;
  expect(placed.at(-1)).toEqual({ orphanIds: [contribution.id], possible: [] });

  // The page's script renders its text, then keeps a clock ticking.
  document.body.innerHTML = page;
  const ticking = setInterval(() => (document.getElementById('clock')!.textContent = new Date().toISOString()), 50);
  try {
    // The page never settles: it is looked at again every two seconds at most.
    await expect
      .poll(() => painted().map((r) => r.toString()), { timeout: 6000 })
      .toEqual(['seront publiées dans un format ouvert']);
    expect(placed.at(-1)).toEqual({ orphanIds: [], possible: [] });
    const first = painted()[0];
    const looks = placed.length;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    // Still the very same highlight: not taken down and put up again.
    expect(painted()).toEqual([first]);
    // The ticking clock is looked at every couple of seconds at most, and nothing is anchored again.
    expect(placed.length).toBe(looks);
  } finally {
    clearInterval(ticking);
  }
});

it('follows a passage the page rewrote and one it removed, and stops with its signal', async () => {
  const kept = published(quoted(page, 'avant la fin de l’année.'));
  const removed = published(quoted(page, 'seront publiées dans un format ouvert'));
  document.body.innerHTML = page;
  const { running, placed, stop } = start([kept, removed]);
  await running;
  expect(painted()).toHaveLength(2);

  // A framework renders the page again from scratch: new nodes, one paragraph gone.
  document.body.innerHTML = page.replace(/<p id="a">.*?<\/p>/s, '');
  await expect.poll(() => placed.at(-1), { timeout: 4000 }).toEqual({ orphanIds: [removed.id], possible: [] });
  expect(painted().map((r) => r.toString())).toEqual(['avant la fin de l’année.']);

  stop.abort();
  expect(CSS.highlights.has(HIGHLIGHT_NAME)).toBe(false);
  const looks = placed.length;
  document.body.innerHTML = page;
  await new Promise((resolve) => setTimeout(resolve, 800));
  expect(placed.length).toBe(looks);
});

it('offers a changed passage; "C’est ici" paints it and keeps its place, "Ce n’est pas ici" is not asked again', async () => {
  const first = published(quoted(page, 'seront publiées dans un format ouvert'));
  const second = published(quoted(page, 'mis à disposition du public avant la fin'));
  const edited = page
    .replace('seront publiées dans', 'seront désormais publiées dans')
    .replace('du public avant', 'des citoyens avant');
  document.body.innerHTML = edited;
  const { running, placed, chosen, stop } = start([first, second]);
  const highlighter = await running;
  expect(painted()).toEqual([]);
  expect(placed.at(-1)).toEqual({
    orphanIds: [],
    possible: [
      { id: first.id, text: 'seront désormais publiées dans un format ouvert' },
      { id: second.id, text: 'mis à disposition des citoyens avant la fin' },
    ],
  });

  expect(await highlighter.decide(first.id, true)).toBe(true);
  expect(painted().map((r) => r.toString())).toEqual(['seront désormais publiées dans un format ouvert']);
  const [id, choice] = chosen[0]!;
  expect(id).toBe(first.id);
  expect((choice as { here: Selector[] }).here[0]).toMatchObject({
    exact: 'seront désormais publiées dans un format ouvert',
  });

  expect(await highlighter.decide(second.id, false)).toBe(true);
  expect(placed.at(-1)).toEqual({ orphanIds: [second.id], possible: [] });
  expect(await highlighter.decide(second.id, true)).toBe(false);

  // Next visit: the confirmed place is highlighted at once, the refused one is not offered.
  stop.abort();
  const choices: Record<string, PassageChoice> = {
    [first.id]: { here: (chosen[0]![1] as { here: Selector[] }).here, notHere: [] },
    [second.id]: { notHere: [(chosen[1]![1] as { notHere: TextQuoteSelector }).notHere] },
  };
  const again = start([first, second], choices);
  await again.running;
  expect(again.placed.at(-1)).toEqual({ orphanIds: [second.id], possible: [] });
  expect(painted().map((r) => r.toString())).toEqual(['seront désormais publiées dans un format ouvert']);
});

it('the page watcher waits for the page to settle, ignores our own changes, and is bounded while the page keeps changing', async () => {
  document.body.innerHTML = page;
  const stop = new AbortController();
  stops.push(stop);
  const host = createUiHost(stop.signal)();
  const onChange = vi.fn();
  const watch = watchPageText({
    signal: stop.signal,
    ours: (node) => host.contains(node),
    onChange,
    quietMs: 100,
    maxWaitMs: 400,
  });
  for (let i = 0; i < 5; i++) {
    document.getElementById('b')!.append(` ${i}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await expect.poll(() => onChange.mock.calls.length, { timeout: 2000 }).toBe(1);

  // Our own highlight elements, and our own UI, are not the page changing.
  watch.ourOwn(() => {
    const words = document.getElementById('a')!.firstChild!;
    const mark = document.createElement(MARK_TAG);
    words.before(mark);
    mark.append(words);
  });
  host.layer('test', '').append('texte de Vigie');
  // Attributes that show or hide no words: nothing either.
  document.getElementById('clock')!.setAttribute('aria-live', 'polite');
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(onChange).toHaveBeenCalledTimes(1);

  // Hidden words shown count; a page that never settles is looked at every `maxWaitMs`, no more.
  document.getElementById('b')!.hidden = true;
  const started = performance.now();
  const ticking = setInterval(() => (document.getElementById('clock')!.textContent = String(Math.random())), 10);
  await new Promise((resolve) => setTimeout(resolve, 1300));
  clearInterval(ticking);
  const calls = onChange.mock.calls.length - 1;
  const elapsed = performance.now() - started;
  expect(calls).toBeGreaterThanOrEqual(1);
  expect(calls).toBeLessThanOrEqual(Math.ceil(elapsed / 400) + 1);

  stop.abort();
  const after = onChange.mock.calls.length;
  document.getElementById('a')!.textContent = 'autre texte';
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(onChange).toHaveBeenCalledTimes(after);
});
