import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModerationItem, ModerationQueue } from '../../api-client/contract';
import { createVigieClient } from '../../api-client/http';
import { expectAccessible, focused, openConsole, signIn, tabTo, consoleWorld } from '../support/console-page';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import type { StoragePlatform } from '../support/platform-storage';

// A moderator's day with the keyboard alone: the keys said on the page and turned off, search,
// the decision beside the selected contribution ("autre" and its explanation, the reply key),
// a bulk decision, counts that follow, and axe in each state.

let platform: StoragePlatform;
let browser: Browser;
let token = '';
const problems: string[] = [];

beforeAll(async () => {
  ({ platform, browser } = await consoleWorld());
  token = await platform.token('moderator', 'Modération DITP');
});
afterAll(async () => {
  await browser?.close();
  await platform?.dispose();
});

const casino = aContribution({ body: 'Gagnez au casino en ligne, cliquez ici.' });
const others = [1, 2, 3, 4].map((n) => aContribution({ body: `Contribution ordinaire numéro ${n}.` }));

const item = async (id: string) =>
  ModerationItem.parse((await send('GET', `${platform.url}/v1/moderation/contributions/${id}`, { token })).json());
const statusTab = (page: Page, name: RegExp) =>
  page.getByRole('navigation', { name: 'Statuts de la file' }).getByRole('button', { name });
const queueItems = (page: Page) => page.locator('.queue > li');

describe('the console with the keyboard alone', () => {
  it('says its keys on the page, acts on them only in the queue, and lets them be turned off', async () => {
    await createVigieClient({ baseUrl: platform.url }).submitBatch([casino, ...others]);
    const page = await openConsole(browser, platform.url, problems);
    await signIn(page, token);
    await queueItems(page).nth(4).waitFor();
    await expectAccessible(page, 'the queue');
    await expect.poll(() => statusTab(page, /En attente/).textContent()).toBe('En attente (5)');
    expect(await page.getByRole('button', { name: 'Modération (5 en attente)' }).count()).toBe(1);

    // The keys, in a disclosure reached by Tab.
    await tabTo(page, 'details.keys summary');
    await page.keyboard.press('Enter');
    await page
      .getByText('aller à la réponse (publique pour la modération, officielle pour une administration)')
      .waitFor();
    await expectAccessible(page, 'the keys said');

    // A letter typed outside the queue decides nothing.
    await tabTo(page, '#filter-q');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('p');
    // Turned off, j no longer moves.
    await tabTo(page, '#shortcuts-on');
    await page.keyboard.press('Space');
    await tabTo(page, '.queue > li.selected');
    const first = await focused(page);
    await page.keyboard.press('j');
    await page.keyboard.press('p');
    expect(await focused(page)).toBe(first);
    expect((await item(first!)).contribution.status).toBe('pending');
    // Back on: j moves, and the focus follows the selection.
    await tabTo(page, '#shortcuts-on', { back: true });
    await page.keyboard.press('Space');
    await tabTo(page, '.queue > li.selected');
    await page.keyboard.press('j');
    await expect.poll(() => focused(page)).not.toBe(first);
    expect(await page.evaluate(() => localStorage.getItem('vigie.shortcuts'))).toBe('on');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('searches every status, rejects with "autre" and its explanation beside the contribution, and replies by key', async () => {
    const page = await openConsole(browser, platform.url, problems);
    await signIn(page, token);
    await queueItems(page).first().waitFor();
    await tabTo(page, '#filter-q');
    await page.keyboard.type('CASINO');
    await page.keyboard.press('Enter');
    await expect.poll(() => queueItems(page).count()).toBe(1);
    await expect.poll(() => statusTab(page, /En attente/).textContent()).toBe('En attente (1)');
    await tabTo(page, '.queue > li.selected');
    expect(await focused(page)).toBe(casino.id);

    // Rejecting needs a reason: said, and the focus goes to it, right below the contribution.
    await page.keyboard.press('r');
    await page.getByText('Choisissez un motif avant de masquer ou de rejeter.').waitFor();
    expect(await focused(page)).toBe('decision-reason');
    const gap = await page.evaluate(() => {
      const card = document.querySelector('.queue > li.selected .card-body')!.getBoundingClientRect();
      return document.getElementById('decision-reason')!.getBoundingClientRect().top - card.bottom;
    });
    expect(gap).toBeLessThan(150);
    await page.keyboard.type('Autre');
    expect(await page.locator('#decision-reason').inputValue()).toBe('other');
    await page.keyboard.press('Escape');
    expect(await focused(page)).toBe(casino.id);
    // "Autre" asks for its explanation.
    await page.keyboard.press('r');
    await page.getByText('Le motif « autre » demande une courte explication.').waitFor();
    expect(await focused(page)).toBe('decision-note');
    await page.keyboard.type('Publicité pour des jeux d’argent.');
    await expectAccessible(page, 'a decision with its explanation');
    await page.keyboard.press('Escape');
    // The reply field is one key away.
    await page.keyboard.press('a');
    expect(await focused(page)).toBe('decision-reply');
    await page.keyboard.type('Les messages publicitaires ne sont pas publiés.');
    await page.keyboard.press('Escape');
    await page.keyboard.press('r');
    await page.getByText('Contribution rejetée.').waitFor();

    const rejected = await item(casino.id);
    expect(rejected.contribution).toMatchObject({
      status: 'rejected',
      reply: { body: 'Les messages publicitaires ne sont pas publiés.' },
    });
    expect(rejected.journal).toEqual([
      expect.objectContaining({
        by: 'Modération DITP',
        decision: 'reject',
        reason: 'other',
        note: 'Publicité pour des jeux d’argent.',
        replied: true,
      }),
    ]);
    // The search covers every status: the rejected one is found in its queue, with its journal.
    await tabTo(page, { text: 'Rejetées (1)' });
    await page.keyboard.press('Enter');
    await page.locator('.queue .journal').getByText('Publicité pour des jeux d’argent.').waitFor();
    expect(await page.locator('.queue .journal').textContent()).toContain('Modération DITP');
    await expectAccessible(page, 'the rejected queue with its journal');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('ticks contributions with x and hides them in one bulk decision; the counts follow', async () => {
    const page = await openConsole(browser, platform.url, problems);
    await signIn(page, token);
    await queueItems(page).nth(3).waitFor();
    await tabTo(page, '.queue > li.selected');
    const ticked = [await focused(page)];
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await expect.poll(() => focused(page)).not.toBe(ticked[0]);
    ticked.push(await focused(page));
    await page.keyboard.press('x');
    await page.getByText('2 contributions sélectionnées').waitFor();
    await tabTo(page, '#bulk-reason', { back: true });
    await page.keyboard.type('Hors');
    await tabTo(page, { text: 'Masquer la sélection' });
    await expectAccessible(page, 'a bulk decision');
    await page.keyboard.press('Enter');
    await page.getByText('2 contributions masquées.').waitFor();
    await expect.poll(() => statusTab(page, /Masquées/).textContent()).toBe('Masquées (2)');
    for (const id of ticked) {
      expect((await item(id!)).journal.at(-1)).toMatchObject({ decision: 'hide', reason: 'off-topic', bulk: true });
    }
    const hidden = ModerationQueue.parse(
      (await send('GET', `${platform.url}/v1/moderation/queue?status=hidden`, { token })).json(),
    );
    expect(hidden.items.map((i) => i.contribution.id).sort()).toEqual([...ticked].sort());

    // A contribution arriving meanwhile shows in the counts without a reload (asked every 20 s).
    await createVigieClient({ baseUrl: platform.url }).submitBatch([aContribution({ body: 'Une de plus.' })]);
    await expect
      .poll(() => page.getByRole('button', { name: /^Modération \(/ }).textContent(), { timeout: 30_000 })
      .toBe('Modération (3 en attente)');

    await tabTo(page, 'button[lang="en"]', { back: true });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Moderation queue' }).waitFor();
    await expectAccessible(page, 'the queue in English');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('leaves the focus where the moderator put it when the queue arrives or reloads', async () => {
    const page = await openConsole(browser, platform.url, problems);
    // The queue's answer is held until the moderator has moved on (the platform still answers it).
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      (url) => url.pathname === '/v1/moderation/queue',
      async (route) => {
        await held;
        await route.continue();
      },
    );
    await signIn(page, token);
    await tabTo(page, { text: 'Exports' });
    release();
    await queueItems(page).first().waitFor();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Exports');

    // A search sent from its field: the results come, the focus stays in the field.
    await tabTo(page, '#filter-q');
    await page.keyboard.type('ordinaire');
    await page.keyboard.press('Enter');
    await expect.poll(() => queueItems(page).count()).toBe(2);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(await focused(page)).toBe('filter-q');
    expect(problems).toEqual([]);
    await page.close();
  });
});
