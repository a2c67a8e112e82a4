import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ContributionInput } from '../../api-client/contract';
import { axeOnPage } from '../support/axe';
import { inPageWords, sendAndExpectHeldOnce, writeComment } from '../support/citizen-flows';
import { PLAN_CANONICAL, type CitizenWorld } from '../support/citizen-world';
import { aContribution } from '../support/contributions';
import { draftsOf, openSidePanel, openPageWithUi, type ExtensionBrowser } from '../support/extension-browser';
import { startExtensionWorld, type ExtensionWorld } from '../support/extension-world';
import { administrationOf, moderatorOf, type Moderator } from '../support/moderator';

// Published on arrival (as `npm start` runs), so other citizens' words are public at once.
const fr = inPageWords.fr;
let ext: ExtensionWorld;
let world: CitizenWorld;
let moderator: Moderator;
let browser: ExtensionBrowser;

const TITLE = "Plan d'action national pour un gouvernement ouvert 2021-2023";
const onPlan = (body: string, exact: string, extra: Partial<ContributionInput> = {}) =>
  aContribution({
    body,
    commitmentId: undefined,
    target: { url: PLAN_CANONICAL, title: TITLE, selectors: [{ type: 'TextQuoteSelector', exact }] },
    ...extra,
  });
const replyTo = (parentId: string, body: string) =>
  aContribution({
    kind: 'reply',
    parentId,
    body,
    commitmentId: undefined,
    target: { url: PLAN_CANONICAL, title: TITLE, selectors: [] },
  });

const supported = onPlan(
  `Les données des marchés ne sont pas à jour ${crypto.randomUUID()}`,
  'Les données essentielles',
);
const discussed = onPlan(`Quels acteurs de la société civile ? ${crypto.randomUUID()}`, 'La France a rejoint');
const firstReply = replyTo(discussed.id, `Première réponse ${crypto.randomUUID()}`);
const secondReply = replyTo(discussed.id, `Seconde réponse ${crypto.randomUUID()}`);

beforeAll(async () => {
  ext = await startExtensionWorld();
  ({ world, browser } = ext);
  moderator = await moderatorOf(world.platform);
  // One at a time: the replies' order is the order they arrived.
  for (const item of [supported, discussed, firstReply, secondReply]) await world.client.submitBatch([item]);
}, 180_000);

// A failed test must not leave the next one offline.
afterEach(async () => {
  world.proxy.restore();
  await browser.context.setOffline(false);
});

afterAll(() => ext?.close());

async function openPanel(page: Page): Promise<Page> {
  const panel = await openSidePanel(browser, page);
  await expect.poll(() => panel.getByRole('heading', { name: 'Mes contributions' }).count()).toBe(1);
  return panel;
}

const published = (panel: Page, text: string) =>
  panel
    .getByRole('region', { name: /Contributions publiées sur cette page/ })
    .getByRole('listitem')
    .filter({ hasText: text })
    .first();
const badge = () =>
  (browser.context.serviceWorkers()[0] ?? browser.worker).evaluate(() =>
    (
      globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
    ).chrome.action.getBadgeText({}),
  );
const mine = (panel: Page, text: string) =>
  panel.getByRole('region', { name: 'Mes contributions' }).getByRole('listitem').filter({ hasText: text });
/** The "Moi aussi" requests that reached the platform (a CORS preflight is not one). */
const supportRequests = (id: string) =>
  world.proxy.requests.filter((r) => r.path === `/v1/contributions/${id}/support` && r.method !== 'OPTIONS');

describe('"Moi aussi"', () => {
  it('pressed offline (on, off, on), kept across a reload, is sent once when the network returns', async () => {
    const { page, ui } = await openPageWithUi(browser, world.planUrl);
    let panel = await openPanel(page);
    const item = () => published(panel, supported.body);
    const button = () => item().getByRole('button', { name: 'Moi aussi' });
    await expect.poll(() => button().getAttribute('aria-pressed'), { timeout: 15_000 }).toBe('false');
    expect(await item().textContent()).toContain('Aucun soutien pour l’instant');
    expect(await axeOnPage(panel)).toEqual([]);

    await browser.context.setOffline(true);
    await button().click();
    await expect.poll(() => button().getAttribute('aria-pressed')).toBe('true');
    await button().click();
    await expect.poll(() => button().getAttribute('aria-pressed')).toBe('false');
    await button().click();
    await expect.poll(() => button().getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(() => item().textContent())
      .toContain('Soutenue par 1 personne · votre « Moi aussi » part dès que le réseau revient');
    expect(await axeOnPage(panel)).toEqual([]);
    // The intent is in the extension's database: a reloaded panel shows it pressed, still waiting.
    await panel.close();
    await browser.context.setOffline(false);
    world.proxy.cut(); // the platform stays out of reach while the panel reloads
    panel = await openPanel(page);
    await expect.poll(() => button().getAttribute('aria-pressed'), { timeout: 15_000 }).toBe('true');
    expect(supportRequests(supported.id)).toHaveLength(0);

    world.proxy.restore();
    await panel.evaluate(() => dispatchEvent(new Event('online')));
    await expect
      .poll(async () => (await world.client.getContribution(supported.id)).supportCount, { timeout: 20_000 })
      .toBe(1);
    await expect.poll(() => item().textContent(), { timeout: 15_000 }).toContain('Soutenue par 1 personne');
    await expect.poll(() => item().textContent(), { timeout: 15_000 }).not.toContain('réseau revient');
    // Once: one POST, no DELETE, whatever was pressed meanwhile.
    expect(supportRequests(supported.id).map((r) => r.method)).toEqual(['POST']);

    // The popover on the page says the same, pressed, and takes it back.
    await ui.click('button', fr.marker(1, 'Les données essentielles'));
    await ui.find('dialog', fr.contributionsTitle(1));
    await expect.poll(() => ui.uiText()).toContain('Soutenue par 1 personne');
    await ui.find('button', 'Moi aussi');
    expect(await ui.isolated<string>(pressedInPopover)).toBe('true');
    expect(await ui.axe()).toEqual([]);
    await ui.click('button', 'Moi aussi');
    await expect.poll(() => ui.isolated<string>(pressedInPopover)).toBe('false');
    await expect
      .poll(async () => (await world.client.getContribution(supported.id)).supportCount, { timeout: 20_000 })
      .toBe(0);
    expect(await ui.axe()).toEqual([]);
    for (const p of [panel, page]) await p.close();
    await ui.detach();

    // Two other devices say "Moi aussi" later: a page read since shows the platform's 2, not
    // the 0 this device's last answer said.
    for (const key of ['c', 'd']) await world.client.supportContribution(supported.id, key.repeat(64));
    const later = await openPageWithUi(browser, world.planUrl);
    await later.ui.click('button', fr.marker(1, 'Les données essentielles'));
    await later.ui.find('dialog', fr.contributionsTitle(1));
    await expect.poll(() => later.ui.uiText()).toContain('Soutenue par 2 personnes');
    expect(await later.ui.isolated<string>(pressedInPopover)).toBe('false');
    await later.page.close();
    await later.ui.detach();
  });
});

const pressedInPopover = `chrome.dom.openOrClosedShadowRoot(document.querySelector('[data-vigie]')).querySelector('.support-toggle').getAttribute('aria-pressed')`;

describe('replies', () => {
  it('are counted, loaded on demand oldest first; "Répondre" drafts a reply offline, sent once, followed in « Mes contributions »', async () => {
    const { page, ui } = await openPageWithUi(browser, world.planUrl);
    const panel = await openPanel(page);
    const item = published(panel, discussed.body);
    const show = item.getByRole('button', { name: 'Afficher les réponses (2)' });
    await expect.poll(() => show.getAttribute('aria-expanded'), { timeout: 15_000 }).toBe('false');
    await show.click();
    const thread = item.getByRole('list', { name: 'Réponses' });
    await expect.poll(() => thread.getByRole('listitem').count()).toBe(2);
    expect(await thread.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining(firstReply.body),
      expect.stringContaining(secondReply.body),
    ]);
    expect(await item.getByRole('button', { name: 'Masquer les réponses (2)' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    // A reply is a published contribution too: « Moi aussi » under it, sent at once online.
    const firstInThread = thread.getByRole('listitem').first();
    await firstInThread.getByRole('button', { name: 'Moi aussi' }).click();
    await expect
      .poll(async () => (await world.client.listReplies(discussed.id)).items[0]?.supportCount, { timeout: 15_000 })
      .toBe(1);
    await expect.poll(() => firstInThread.textContent(), { timeout: 15_000 }).toContain('Soutenue par 1 personne');
    expect(await firstInThread.getByRole('button', { name: 'Moi aussi' }).getAttribute('aria-pressed')).toBe('true');
    expect(await axeOnPage(panel)).toEqual([]);

    await browser.context.setOffline(true);
    await item.getByRole('button', { name: 'Répondre' }).click();
    const words = `Je confirme ${crypto.randomUUID()}`;
    await item.getByRole('textbox', { name: 'Votre réponse' }).fill(words);
    await expect.poll(() => item.getByRole('status').last().textContent()).toContain('Brouillon enregistré');
    expect(await axeOnPage(panel)).toEqual([]);
    await item.getByRole('button', { name: 'Envoyer' }).click();
    // The editor closes; the keyboard is back on « Répondre ».
    await expect.poll(() => panel.evaluate(() => document.activeElement?.textContent)).toBe('Répondre');
    await expect
      .poll(() => mine(panel, words).getByRole('heading').textContent())
      .toMatch(/^Réponse à une contribution — En attente/);
    expect(world.posts().filter((r) => r.body.includes(words))).toHaveLength(0);

    await browser.context.setOffline(false);
    await panel.evaluate(() => dispatchEvent(new Event('online')));
    await expect
      .poll(() => mine(panel, words).getByRole('heading').textContent(), { timeout: 20_000 })
      .toBe('Réponse à une contribution — Publiée');
    const held = (await world.client.listReplies(discussed.id)).items.filter((r) => r.body === words);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ kind: 'reply', parentId: discussed.id });
    expect(world.posts(held[0]!.id)).toHaveLength(1);
    expect((await draftsOf(browser)).filter((d) => d.body === words)).toHaveLength(1);
    // And live: the thread shows it without a reload.
    await expect.poll(() => thread.getByRole('listitem').count(), { timeout: 15_000 }).toBe(3);
    expect(await axeOnPage(panel)).toEqual([]);
    for (const p of [panel, page]) await p.close();
    await ui.detach();
  });
});

describe('live', () => {
  it('the side panel follows the page: new contributions, counts, replies and an answer to mine, removals; sorted by support; the badge', async () => {
    const { page, ui } = await openPageWithUi(browser, world.planUrl);
    const myText = `Le portail unique est introuvable ${crypto.randomUUID()}`;
    await writeComment(
      ui,
      fr,
      { selector: '#commande-publique p', passage: 'Les acheteurs publics publieront' },
      myText,
    );
    const own = await sendAndExpectHeldOnce(world, ui, fr, myText);
    await ui.press('Escape');
    const panel = await openPanel(page);
    await expect.poll(() => published(panel, myText).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => mine(panel, myText).getByRole('heading').textContent()).toBe('Commentaire — Publiée');

    // Another citizen writes: it shows up, no reload.
    const newcomer = onPlan(`Arrivée en direct ${crypto.randomUUID()}`, 'Le plan d');
    await world.client.submitBatch([newcomer]);
    await expect.poll(() => published(panel, newcomer.body).count(), { timeout: 15_000 }).toBe(1);

    // Two other devices say "Moi aussi" to it: the count rises live, and sorting by support puts it first.
    for (const key of ['a', 'b']) await world.client.supportContribution(newcomer.id, key.repeat(64));
    await expect
      .poll(() => published(panel, newcomer.body).textContent(), { timeout: 15_000 })
      .toContain('Soutenue par 2 personnes');
    await panel.getByRole('combobox', { name: 'Trier' }).selectOption('support');
    const list = panel
      .getByRole('region', { name: /Contributions publiées sur cette page/ })
      .getByRole('list')
      .first();
    await expect
      .poll(async () => (await list.getByRole('listitem').first().textContent()) ?? '')
      .toContain(newcomer.body);

    // A citizen replies to mine: the panel's thread count and « Mes contributions » learn it from the stream.
    await world.client.submitBatch([replyTo(own.id, `Moi aussi je le cherche ${crypto.randomUUID()}`)]);
    await expect
      .poll(() => published(panel, myText).getByRole('button', { name: 'Afficher les réponses (1)' }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await expect
      .poll(() => mine(panel, myText).textContent(), { timeout: 15_000 })
      .toContain('1 réponse d’autres citoyens');
    expect(await mine(panel, myText).getByRole('heading').textContent()).toBe('Nouveau Commentaire — Publiée');

    // An organisation answers mine: the list shows it, and « Mes contributions » learns it from the stream.
    const ministry = await administrationOf(world.platform, 'Ministère de l’Économie', [
      '--domains',
      '*.example.gouv.fr',
    ]);
    await ministry.answer(own.id, { body: 'Le portail ouvre en mars.', status: 'in-progress' });
    await expect
      .poll(() => published(panel, myText).locator('.answer').textContent(), { timeout: 15_000 })
      .toContain('Réponse de Ministère de l’Économie');
    await expect
      .poll(() => mine(panel, myText).locator('.answer-body').textContent(), { timeout: 15_000 })
      .toBe('Le portail ouvre en mars.');

    // Hidden by a moderator: it leaves the list live.
    await moderator.hide(newcomer.id, 'spam');
    await expect.poll(() => published(panel, newcomer.body).count(), { timeout: 15_000 }).toBe(0);
    expect(await axeOnPage(panel)).toEqual([]);
    for (const p of [panel, page]) await p.close();
    await ui.detach();

    // No panel open, no stream: another reply is news on the badge once the platform is asked (the popup opens).
    expect(await badge()).toBe('');
    await world.client.submitBatch([replyTo(own.id, `Pareil ici ${crypto.randomUUID()}`)]);
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await expect.poll(badge, { timeout: 15_000 }).toBe('1');
    await expect.poll(() => popup.getByText('1 nouveauté sur vos contributions').count()).toBe(1);
    await popup.close();
  });
});
