import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeOnPage } from '../support/axe';
import { inPageWords, selectPassage, writeComment } from '../support/citizen-flows';
import { PLAN_CANONICAL, type CitizenWorld } from '../support/citizen-world';
import {
  draftsOf,
  openSidePanel,
  openPageWithUi,
  type ExtensionBrowser,
  type InPageUi,
} from '../support/extension-browser';
import { startExtensionWorld, type ExtensionWorld } from '../support/extension-world';
import { administrationOf, moderatorOf, type Moderator } from '../support/moderator';

// Under pre-moderation, as the platform runs for real: what a citizen sends waits for a moderator.
const fr = inPageWords.fr;
let ext: ExtensionWorld;
let world: CitizenWorld;
let moderator: Moderator;
let browser: ExtensionBrowser;

beforeAll(async () => {
  ext = await startExtensionWorld({ world: { moderation: 'pre' }, settings: { pseudonym: 'Camille' } });
  ({ world, browser } = ext);
  moderator = await moderatorOf(world.platform);
}, 180_000);

afterAll(() => ext?.close());

const passages = {
  lead: {
    selector: '#contenu > p.fr-text--lead',
    passage: 'La France a rejoint le Partenariat',
  },
  buyers: { selector: '#commande-publique p', passage: 'Les acheteurs publics publieront leurs données au fil de l' },
  milestone: {
    selector: '#commande-publique li:nth-of-type(2)',
    passage: 'ouverture du portail aux acheteurs publics',
  },
  workshops: { selector: '#calendrier p', passage: 'Les ateliers se tiennent' },
  everyone: { selector: '#participer p', passage: 'Chacun peut proposer un engagement' },
} as const;

/** The mark's name (Chromium's accessibility tree calls role="img" an "image"). */
const ownMarker = (passage: string) =>
  `Votre contribution en attente de relecture sur « ${passage} », visible de vous seul`;

/** Writes on a passage, sends, and waits until the platform has it (pending); returns its id. */
async function sendComment(ui: InPageUi, where: { selector: string; passage: string }, text: string): Promise<string> {
  await writeComment(ui, fr, where, text);
  await ui.click('button', fr.send);
  await expect.poll(() => ui.statusText(), { timeout: 15_000 }).toContain('En attente de relecture');
  await ui.press('Escape'); // the composer closes; the page is the citizen's again
  return (await draftsOf(browser)).find((d) => d.body === text)!.id;
}

async function openPanel(page: Page): Promise<Page> {
  const panel = await openSidePanel(browser, page);
  await expect.poll(() => panel.getByRole('heading', { name: 'Mes contributions' }).count()).toBe(1);
  return panel;
}

const mine = (panel: Page, text: string) =>
  panel.getByRole('region', { name: 'Mes contributions' }).getByRole('listitem').filter({ hasText: text });

const badge = () =>
  (browser.context.serviceWorkers()[0] ?? browser.worker).evaluate(() =>
    (
      globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
    ).chrome.action.getBadgeText({}),
  );

let pendingId = '';
let rejectedId = '';
const pendingText = `Le calendrier de publication manque ${crypto.randomUUID()}`;
const rejectedText = `Achetez nos produits ${crypto.randomUUID()}`;

describe('what became of my contributions', () => {
  it('a pending passage is marked for its author alone, signed with the options’ pseudonym, and listed as pending', async () => {
    const { page, ui } = await openPageWithUi(browser, world.planUrl);
    await selectPassage(ui, fr, passages.lead);
    await ui.click('button', fr.comment);
    await ui.find('dialog', fr.commentTitle);
    expect(await ui.uiText()).toContain('Signée « Camille »');
    await ui.press('Escape');
    pendingId = await sendComment(ui, passages.lead, pendingText);
    rejectedId = await sendComment(ui, passages.buyers, rejectedText);

    // Marked on the page in Vigie's closed shadow root: not in the page's highlight registry, nor its DOM.
    await ui.find('image', ownMarker(passages.lead.passage), 15_000);
    expect(await ui.painted()).not.toContain(passages.lead.passage);
    expect(
      await ui.inPage(() => ({
        text: document.documentElement.innerHTML.includes('Le calendrier de publication manque'),
        root: document.querySelector('[data-vigie]')?.shadowRoot ?? null,
      })),
    ).toEqual({ text: false, root: null });
    expect(await ui.axe()).toEqual([]);
    // And again on the next visit (this device's drafts, no platform request needed).
    await ui.reload();
    await ui.find('image', ownMarker(passages.lead.passage), 15_000);

    // The platform holds it under the options' pseudonym, unpublished: nobody else can read it.
    const held = await world.client.contributionStatuses([{ id: pendingId, secret: 'x'.repeat(43) }]);
    expect(held).toEqual([]);
    expect((await world.client.listContributions({ url: PLAN_CANONICAL, limit: 100 })).items).toEqual([]);

    const panel = await openPanel(page);
    await expect
      .poll(() => mine(panel, pendingText).getByRole('heading').textContent())
      .toBe('Commentaire — En attente de relecture');
    const meta = await mine(panel, pendingText).locator('.meta').textContent();
    expect(meta).toMatch(/^Envoyée le \d{1,2} \S+ \d{4} à \d{2}:\d{2} · Sur Plan d'action national/);
    expect(await mine(panel, pendingText).getByRole('link').getAttribute('href')).toContain('plan-2021-2023');
    expect(
      await panel.getByRole('region', { name: 'Mes contributions' }).getByRole('status').first().textContent(),
    ).toBe('2 en attente de relecture');
    expect(await mine(panel, pendingText).getByRole('button', { name: 'Supprimer' }).count()).toBe(0);
    expect(await axeOnPage(panel)).toEqual([]);
    for (const p of [panel, page]) await p.close();
    await ui.detach();
  });

  it('published with a reply and an answer, rejected, hidden: the badge counts them until "Mes contributions" shows them, marked', async () => {
    await moderator.publish(pendingId, 'Merci : le calendrier sera publié en janvier.');
    await moderator.reject(rejectedId, 'spam');
    // The plan's page is filed under www.example.gouv.fr: the ministry runs that domain here.
    const ministry = await administrationOf(world.platform, 'Ministère de l’Économie', [
      '--domains',
      '*.example.gouv.fr',
    ]);
    await ministry.answer(pendingId, { body: 'Le calendrier est en ligne depuis ce matin.', status: 'answered' });

    // Opening the popup asks the platform; the badge then counts both, and the popup says so.
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await expect.poll(badge, { timeout: 15_000 }).toBe('2');
    await expect.poll(() => popup.getByText('2 nouveautés sur vos contributions').count()).toBe(1);
    expect(await popup.getByRole('status').textContent()).toBe('1 publiée · 1 rejetée');
    expect(await axeOnPage(popup)).toEqual([]);
    await popup.close();

    const { page, ui } = await openPageWithUi(browser, world.planUrl);
    const panel = await openPanel(page);
    const published = mine(panel, pendingText);
    await expect.poll(() => published.getByRole('heading').textContent()).toBe('Nouveau Commentaire — Publiée');
    expect(await published.textContent()).toContain(
      'Réponse de la modération : Merci : le calendrier sera publié en janvier.',
    );
    expect(await published.locator('.answer strong').textContent()).toBe('Réponse de Ministère de l’Économie');
    expect(await published.locator('.answer').textContent()).toContain('Réponse apportée');
    expect(await published.locator('.answer-body').textContent()).toBe('Le calendrier est en ligne depuis ce matin.');
    expect(await mine(panel, rejectedText).getByRole('heading').textContent()).toBe(
      'Nouveau Commentaire — Rejetée (spam)',
    );
    // Seen: the badge clears, the marks stay while the panel is open.
    await expect.poll(badge).toBe('');
    expect(await axeOnPage(panel)).toEqual([]);
    await panel.close();

    await moderator.hide(pendingId, 'personal-data');
    const again = await openPanel(page);
    await expect
      .poll(() => mine(again, pendingText).getByRole('heading').textContent(), { timeout: 15_000 })
      .toBe('Nouveau Commentaire — Masquée par la modération (données personnelles)');
    await expect.poll(badge).toBe('');
    for (const p of [again, page]) await p.close();
    await ui.detach();
  });

  it('"Retirer" erases a sent contribution from the platform after a confirmation; "Oublier" warns; "Supprimer" is for drafts', async () => {
    const { page, ui } = await openPageWithUi(browser, world.planUrl);
    const draftText = `Brouillon jamais envoyé ${crypto.randomUUID()}`;
    await writeComment(ui, fr, passages.workshops, draftText);
    await ui.press('Escape');
    const panel = await openPanel(page);

    const withdrawn = mine(panel, rejectedText);
    expect(await withdrawn.getByRole('button', { name: 'Supprimer' }).count()).toBe(0);
    await withdrawn.getByRole('button', { name: 'Retirer' }).click();
    expect(await withdrawn.textContent()).toContain('Le texte sera effacé de la plateforme');
    expect(await axeOnPage(panel)).toEqual([]);
    // Focus moved to the confirmation: the next key press decides.
    await expect.poll(() => panel.evaluate(() => document.activeElement?.textContent)).toBe('Confirmer le retrait');
    await panel.keyboard.press('Enter');
    await expect.poll(() => panel.getByText('Contribution retirée').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => panel.getByRole('heading', { name: 'Commentaire — Retirée' }).count()).toBe(1);
    expect(await world.client.contributionStatuses([{ id: rejectedId, secret: 'x'.repeat(43) }])).toEqual([]);
    // Its words are gone from this device too; the entry stays, as withdrawn.
    expect((await draftsOf(browser)).some((d) => d.body === rejectedText)).toBe(false);

    const kept = mine(panel, pendingText);
    await kept.getByRole('button', { name: 'Oublier sur cet appareil' }).click();
    expect(await kept.textContent()).toContain('vous ne pourrez plus la retirer de la plateforme');
    await kept.getByRole('button', { name: 'Annuler' }).click();

    const draft = mine(panel, draftText);
    expect(await draft.getByRole('button', { name: 'Retirer' }).count()).toBe(0);
    await draft.getByRole('button', { name: 'Supprimer' }).click();
    expect(await draft.textContent()).toContain('Ce brouillon n’a jamais quitté cet appareil');
    await draft.getByRole('button', { name: 'Confirmer la suppression' }).click();
    await expect.poll(() => draft.count()).toBe(0);
    expect(await axeOnPage(panel)).toEqual([]);
    for (const p of [panel, page]) await p.close();
    await ui.detach();
  });
});

describe('continuing, and the composer on a small screen', () => {
  it('the same passage selected again continues its unsent draft; a composer closed empty keeps nothing', async () => {
    const { page, ui } = await openPageWithUi(browser, world.planUrl);
    const words = `À compléter ${crypto.randomUUID()}`;
    await writeComment(ui, fr, passages.milestone, words);
    await ui.click('button', 'Fermer');
    await selectPassage(ui, fr, passages.milestone);
    await ui.click('button', fr.comment);
    await expect.poll(() => ui.statusText()).toContain('Vous reprenez le brouillon laissé sur ce passage.');
    expect(
      await ui.isolated<string>(
        `chrome.dom.openOrClosedShadowRoot(document.querySelector('[data-vigie]')).querySelector('textarea').value`,
      ),
    ).toBe(words);
    await ui.press('Escape');
    expect((await draftsOf(browser)).filter((d) => d.body?.startsWith('À compléter'))).toHaveLength(1);

    const before = (await draftsOf(browser)).length;
    await selectPassage(ui, fr, passages.everyone);
    await ui.click('button', fr.comment);
    await ui.type('textbox', fr.body, 'x');
    await expect.poll(() => ui.statusText()).toContain(fr.saved);
    await ui.press('Backspace');
    await expect.poll(async () => (await draftsOf(browser)).some((d) => d.body === '')).toBe(true);
    await ui.press('Escape');
    await expect.poll(async () => (await draftsOf(browser)).length).toBe(before);
    await page.close();
    await ui.detach();
  });

  for (const [name, size] of [
    ['a phone (360 × 640)', { width: 360, height: 640 }],
    ['200 % zoom (a 1280 × 720 window)', { width: 640, height: 360 }],
  ] as const) {
    it(`keeps "Envoyer" in view on ${name}`, async () => {
      const { page, ui } = await openPageWithUi(browser, world.planUrl);
      await page.setViewportSize(size);
      await writeComment(ui, fr, passages.everyone, 'Sur un petit écran.');
      const box = await ui.isolated<{ x: number; y: number; bottom: number; right: number; top: boolean }>(`(() => {
        const root = chrome.dom.openOrClosedShadowRoot(document.querySelector('[data-vigie]'));
        const button = [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Envoyer');
        const r = button.getBoundingClientRect();
        const x = r.left + r.width / 2, y = r.top + r.height / 2;
        return { x, y, bottom: r.bottom, right: r.right, top: root.elementFromPoint(x, y) === button };
      })()`);
      expect(box.bottom).toBeLessThanOrEqual(size.height);
      expect(box.right).toBeLessThanOrEqual(size.width);
      expect(box.top).toBe(true); // nothing covers it: the fields scroll, the button stays
      expect(await ui.axe()).toEqual([]);
      await ui.press('Escape');
      await page.close();
      await ui.detach();
    });
  }
});
