import { expect } from 'vitest';
import type { Contribution } from '../../api-client/contract';
import type { CitizenWorld } from './citizen-world';
import { PLAN_CANONICAL } from './citizen-world';
import type { InPageDriver } from './in-page-driver';

/**
 * The names a citizen meets in the in-page UI, per language: written out here
 * rather than imported from the extension, so a changed word fails a test.
 */
export interface InPageWords {
  comment: string;
  flag: string;
  commentTitle: string;
  flagTitle: string;
  body: string;
  gapType: string;
  send: string;
  saved: string;
  sent: RegExp;
  waiting: RegExp;
  marker(n: number, quote: string): string;
  contributionsTitle(n: number): string;
}

export const inPageWords = {
  fr: {
    comment: 'Commenter',
    flag: 'Signaler',
    commentTitle: 'Commenter ce passage',
    flagTitle: 'Signaler un manque de transparence',
    body: 'Votre contribution',
    gapType: 'Type de manque',
    send: 'Envoyer',
    saved: 'Brouillon enregistré',
    sent: /Publiée/,
    waiting: /En attente du réseau/,
    marker: (n, quote) => `${n} contribution${n > 1 ? 's' : ''} Vigie sur « ${quote} »`,
    contributionsTitle: (n) => `${n} contribution${n > 1 ? 's' : ''} sur ce passage`,
  },
  en: {
    comment: 'Comment',
    flag: 'Flag',
    commentTitle: 'Comment on this passage',
    flagTitle: 'Report a transparency gap',
    body: 'Your contribution',
    gapType: 'Kind of gap',
    send: 'Send',
    saved: 'Draft saved',
    sent: /Published/,
    waiting: /Waiting for the network/,
    marker: (n, quote) => `${n} Vigie contribution${n === 1 ? '' : 's'} on “${quote}”`,
    contributionsTitle: (n) => `${n} contribution${n === 1 ? '' : 's'} on this passage`,
  },
} satisfies Record<'fr' | 'en', InPageWords>;

/**
 * Selects a passage and waits for Vigie's toolbar. The content script starts when
 * the page is idle, after the test's page has loaded: a selection made before it
 * listens shows no toolbar, and the test, like a citizen, selects again.
 */
export async function selectPassage(
  ui: InPageDriver,
  words: InPageWords,
  where: { selector: string; passage: string },
): Promise<void> {
  await expect
    .poll(
      async () => {
        await ui.select(where.selector, where.passage);
        return ui.count('button', words.comment);
      },
      { interval: 500 },
    )
    .toBe(1);
}

/** Selects a passage, opens the composer with "Commenter", types, and waits for the draft to be saved. */
export async function writeComment(
  ui: InPageDriver,
  words: InPageWords,
  where: { selector: string; passage: string },
  text: string,
): Promise<void> {
  await selectPassage(ui, words, where);
  await ui.click('button', words.comment);
  await ui.find('dialog', words.commentTitle);
  await ui.type('textbox', words.body, text);
  await expect.poll(() => ui.statusText()).toContain(words.saved);
}

/**
 * Selects a passage, opens the composer with "Signaler", picks the kind of gap
 * by typing its first letters (the field has focus when the composer opens, as a
 * keyboard user finds it), writes, and waits for the draft to be saved.
 */
export async function writeGap(
  ui: InPageDriver,
  words: InPageWords,
  where: { selector: string; passage: string },
  gapLabel: string,
  text: string,
): Promise<void> {
  await selectPassage(ui, words, where);
  await ui.click('button', words.flag);
  await ui.find('dialog', words.flagTitle);
  await ui.find('combobox', words.gapType);
  await ui.keys(gapLabel);
  await ui.type('textbox', words.body, text);
  await expect.poll(() => ui.statusText()).toContain(words.saved);
}

/** The plan page's published contributions whose words are `text` (the platform's answer, not the extension's). */
export async function heldByPlatform(world: CitizenWorld, text: string): Promise<Contribution[]> {
  const { items } = await world.client.listContributions({ url: PLAN_CANONICAL, limit: 100 });
  return items.filter((c) => c.body === text);
}

/**
 * Presses "Envoyer" and waits until the platform holds the contribution: exactly
 * once, having received exactly one batch carrying it; the composer then says it left.
 */
export async function sendAndExpectHeldOnce(
  world: CitizenWorld,
  ui: InPageDriver,
  words: InPageWords,
  text: string,
): Promise<Contribution> {
  await ui.click('button', words.send);
  await expect.poll(async () => (await heldByPlatform(world, text)).length, { timeout: 15_000 }).toBe(1);
  const [stored] = await heldByPlatform(world, text);
  await expect.poll(() => ui.statusText()).toMatch(words.sent);
  expect(world.posts(stored!.id)).toHaveLength(1);
  return stored!;
}

/**
 * On the next visit, a published contribution's passage is painted and offered:
 * its marker opens the contribution. Returns the marker's name.
 */
export async function expectHighlightedOnReload(
  ui: InPageDriver,
  words: InPageWords,
  passage: string,
  text: string,
): Promise<string> {
  await ui.reload();
  const marker = words.marker(1, passage);
  await ui.find('button', marker, 15_000);
  expect(await ui.painted()).toContain(passage);
  await ui.click('button', marker);
  await ui.find('dialog', words.contributionsTitle(1));
  expect(await ui.uiText()).toContain(text);
  return marker;
}

/** Escape closes the contributions; clicking the painted words themselves opens them again. */
export async function reopenByClickingWords(ui: InPageDriver, words: InPageWords, passage: string): Promise<void> {
  await ui.press('Escape');
  await expect.poll(() => ui.count('dialog', words.contributionsTitle(1))).toBe(0);
  await ui.clickPainted(passage);
  await ui.find('dialog', words.contributionsTitle(1));
}

/** The toolbar is one tab stop: arrows move within it, Enter acts, Escape closes the composer. */
export async function useToolbarByKeyboard(
  ui: InPageDriver,
  words: InPageWords,
  where: { selector: string; passage: string },
): Promise<void> {
  await selectPassage(ui, words, where);
  await ui.focus('button', words.comment);
  await ui.press('ArrowRight');
  await ui.press('Enter');
  await ui.find('dialog', words.flagTitle);
  expect(await ui.count('combobox', words.gapType)).toBe(1);
  await ui.press('Escape');
  await expect.poll(() => ui.count('dialog', words.flagTitle)).toBe(0);
}
