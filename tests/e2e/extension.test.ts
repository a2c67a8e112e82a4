import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VigieHttpError } from '../../api-client/http';
import { buildExtension, type ExtensionBuild } from '../../extension/build';
import { axeOnPage } from '../support/axe';
import {
  expectHighlightedOnReload,
  inPageWords,
  reopenByClickingWords,
  sendAndExpectHeldOnce,
  useToolbarByKeyboard,
  writeComment as writeCommentIn,
} from '../support/citizen-flows';
import { PLAN_CANONICAL as CANONICAL, startCitizenWorld, type CitizenWorld } from '../support/citizen-world';
import {
  configureThroughOptions,
  draftsOf,
  launchExtensionBrowser,
  openSidePanel,
  openPageWithUi,
  tabIdOf,
  type ExtensionBrowser,
  type InPageUi,
  type OptionValues,
} from '../support/extension-browser';
import { expectHostilePageHarmless, hostilePage } from '../support/hostile-page';

const fr = inPageWords.fr;

/** A page outside the allow-list, on a host the extension has no reason to know. */
const elsewhere = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Un blog</title></head>
<body><main><h1>Notes de lecture</h1><p id="texte">Le rapport annuel sur la qualité des données n'a jamais été publié.</p></main></body></html>`;

let build: ExtensionBuild;
let world: CitizenWorld;
let profileDir: string;
let browser: ExtensionBrowser;

const openPage = (url: string) => openPageWithUi(browser, url);
const configure = (values: OptionValues) => configureThroughOptions(browser, values);
const draftsInExtension = () => draftsOf(browser);

/** Selects a passage, opens the composer with "Commenter", types, and waits for the draft to be saved. */
const writeComment = (ui: InPageUi, selector: string, passage: string, text: string) =>
  writeCommentIn(ui, fr, { selector, passage }, text);

beforeAll(async () => {
  build = await buildExtension({ ifStale: true });
  profileDir = mkdtempSync(path.join(tmpdir(), 'vigie-extension-profile-'));
  // The hostile page needs the extension id, known once the browser runs: served lazily.
  let extensionId = '';
  world = await startCitizenWorld({
    '/ailleurs': { body: elsewhere },
    '/hostile': { body: () => Promise.resolve(hostilePage(extensionId)) },
  });
  browser = await launchExtensionBrowser(profileDir, build.chromeDir);
  extensionId = browser.extensionId;
  // The test page's host (127.0.0.1) is put on the allow-list through the options page.
  await configure({ platformUrl: world.proxy.url, allowList: `*.gouv.fr\n127.0.0.1` });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await world?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

describe('on the government page', () => {
  it('a passage commented reaches the platform once, with its quote, and is highlighted on reload', async () => {
    const { page, ui } = await openPage(world.planUrl);
    const passage = 'Les données essentielles des marchés publics seront publiées';
    const text = `Où est le calendrier ? ${crypto.randomUUID()}`;
    await writeComment(ui, '#commande-publique p', passage, text);
    expect(await ui.axe()).toEqual([]);
    const stored = await sendAndExpectHeldOnce(world, ui, fr, text);
    expect(stored).toMatchObject({
      source: 'extension',
      commitmentId: 'FR0067',
      locale: 'fr',
      kind: 'comment',
      status: 'published',
    });
    expect(stored.target.selectors).toContainEqual(
      expect.objectContaining({ type: 'TextQuoteSelector', exact: passage }),
    );

    // After publication, the next visit paints the passage and offers the contribution.
    await expectHighlightedOnReload(ui, fr, passage, text);
    expect(await ui.count('StaticText', text)).toBeGreaterThan(0);
    expect(await ui.axe()).toEqual([]);
    await reopenByClickingWords(ui, fr, passage);
    await ui.detach();
    await page.close();
  });
});

describe('the side panel and the popup', () => {
  it('show the commitment, the published contributions, the orphans and my contributions; axe finds nothing', async () => {
    // One contribution whose passage is no longer on the page: it must be listed, not dropped.
    const orphanText = `Passage disparu ${crypto.randomUUID()}`;
    // And one whose words are markup: shown as the text it is, everywhere.
    const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> ${crypto.randomUUID()}`;
    const milestone = "Jalon 1 : publication d'un schéma de données commun.";
    const results = await world.client.submitBatch([
      {
        id: crypto.randomUUID(),
        kind: 'comment',
        body: payload,
        author: { pseudonym: '<b>Camille</b>' },
        target: { url: CANONICAL, title: 'Plan', selectors: [{ type: 'TextQuoteSelector', exact: milestone }] },
        locale: 'fr',
        source: 'widget',
        createdAt: new Date().toISOString(),
      },
      {
        id: crypto.randomUUID(),
        kind: 'gap',
        gapType: 'outdated',
        body: orphanText,
        target: {
          url: CANONICAL,
          title: 'Plan',
          selectors: [{ type: 'TextQuoteSelector', exact: 'Ce paragraphe a été retiré de la page depuis longtemps.' }],
        },
        locale: 'fr',
        source: 'widget',
        createdAt: new Date().toISOString(),
      },
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['created', 'created']);

    const { page, ui } = await openPage(world.planUrl);
    await ui.find(
      'button',
      '1 contribution Vigie sur « Les données essentielles des marchés publics seront publiées »',
      15_000,
    );
    const panel = await openSidePanel(browser, page);
    await expect.poll(() => panel.getByRole('heading', { name: 'Engagements liés à cette page' }).count()).toBe(1);
    await expect
      .poll(() =>
        panel.getByRole('heading', { name: /FR0067 — Rendre la commande publique plus transparente/ }).count(),
      )
      .toBe(1);
    await expect.poll(() => panel.getByRole('heading', { name: 'Passages introuvables (1)' }).count()).toBe(1);
    expect(await panel.getByText(orphanText).count()).toBe(1);
    expect(await panel.getByText(payload, { exact: true }).count()).toBe(1);
    expect(await panel.getByText('<b>Camille</b>', { exact: true }).count()).toBe(1);
    expect(
      await panel.evaluate(() => ({
        xss: (window as { __xss?: number }).__xss ?? null,
        injected: document.querySelectorAll('main img, main script, main b').length,
      })),
    ).toEqual({ xss: null, injected: 0 });
    expect(await panel.getByRole('heading', { name: /Contributions publiées sur cette page/ }).count()).toBe(1);
    // The platform's own pages: all of this page's contributions, and each one's permanent page.
    expect(
      await panel.getByRole('link', { name: 'Voir toutes les contributions sur cette page' }).getAttribute('href'),
    ).toBe(`${world.proxy.url.replace(/\/+$/, '')}/pages?url=${encodeURIComponent(CANONICAL)}`);
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const shared = panel.getByRole('listitem').filter({ hasText: payload });
    await shared.getByRole('button', { name: 'Partager' }).click();
    await expect.poll(() => shared.getByRole('status').textContent()).toBe('Lien de la contribution copié.');
    expect(await panel.evaluate(() => navigator.clipboard.readText())).toMatch(/\/c\/[0-9a-f-]{36}$/);
    await expect.poll(() => panel.getByRole('heading', { name: 'Mes contributions' }).count()).toBe(1);
    await expect.poll(() => panel.getByRole('heading', { name: /Commentaire — Publiée/ }).count()).toBeGreaterThan(0);
    expect(await axeOnPage(panel)).toEqual([]);

    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    // The summary counts what the entries say: one published, nothing waiting.
    await expect.poll(() => popup.getByRole('status').textContent()).toBe('1 publiée');
    expect(await popup.getByText(/en attente/).count()).toBe(0);
    expect(await popup.getByRole('button', { name: 'Ouvrir le panneau latéral' }).count()).toBe(1);
    expect(await axeOnPage(popup)).toEqual([]);

    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await expect
      .poll(() => options.getByRole('textbox', { name: /Sites où Vigie/ }).inputValue())
      .toContain('*.gouv.fr');
    expect(await axeOnPage(options)).toEqual([]);

    // In the page too, the markup stays text.
    await ui.click('button', `1 contribution Vigie sur « ${milestone} »`);
    await ui.find('dialog', '1 contribution sur ce passage');
    expect(await ui.count('StaticText', payload)).toBe(1);
    expect(
      await ui.isolated(
        `chrome.dom.openOrClosedShadowRoot(document.querySelector('[data-vigie]')).querySelectorAll('img, script, b').length`,
      ),
    ).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss ?? null)).toBeNull();
    for (const p of [panel, popup, options, page]) await p.close();
    await ui.detach();
  });

  it('"Mes contributions": a draft is continued and sent from the panel, another deleted', async () => {
    const { page, ui } = await openPage(world.planUrl);
    const kept = `À reprendre ${crypto.randomUUID()}`;
    await writeComment(ui, '#engagements p', 'Son avancement est évalué', kept);
    await ui.click('button', 'Fermer');
    const dropped = `À jeter ${crypto.randomUUID()}`;
    await writeComment(ui, '#calendrier p', 'Le bilan des engagements précédents sera publié', dropped);
    await page.keyboard.press('Escape');

    const panel = await openSidePanel(browser, page);
    // Found by their quotes, which stay in view while the words are being edited.
    const first = panel.getByRole('listitem').filter({ hasText: 'Son avancement est évalué' });
    await expect.poll(() => first.getByRole('heading').textContent()).toBe('Commentaire — Brouillon enregistré');
    await first.getByRole('button', { name: 'Continuer' }).click();
    await first.getByRole('textbox', { name: 'Votre contribution' }).fill(`${kept}, complété depuis le panneau.`);
    await first.getByRole('button', { name: 'Envoyer' }).click();
    await expect
      .poll(
        async () =>
          (await world.client.listContributions({ url: CANONICAL, limit: 100 })).items.some(
            (c) => c.body === `${kept}, complété depuis le panneau.`,
          ),
        { timeout: 15_000 },
      )
      .toBe(true);
    await expect.poll(() => first.getByRole('heading').textContent()).toBe('Commentaire — Publiée');

    const second = panel.getByRole('listitem').filter({ hasText: 'Le bilan des engagements précédents sera publié' });
    await second.getByRole('button', { name: 'Supprimer' }).click();
    await second.getByRole('button', { name: 'Confirmer la suppression' }).click();
    await expect.poll(() => second.count()).toBe(0);
    expect((await draftsInExtension()).some((d) => d.body === dropped)).toBe(false);
    expect(await axeOnPage(panel)).toEqual([]);
    for (const p of [panel, page]) await p.close();
    await ui.detach();
  });
});

describe('offline', () => {
  it('a contribution sent offline stays queued across a browser restart and is sent once when the network returns', async () => {
    const { ui } = await openPage(world.planUrl);
    const passage = 'Un tableau de bord de suivi sera mis à disposition du public.';
    const text = `Hors ligne ${crypto.randomUUID()}`;
    await writeComment(ui, '#commande-publique p:nth-of-type(2)', passage, text);
    // The network goes: pages offline, and the platform unreachable as well, because
    // Playwright's offline mode does not hold a worker that Chrome starts again.
    await browser.context.setOffline(true);
    world.proxy.cut();
    try {
      await ui.click('button', 'Envoyer');
      await expect.poll(() => ui.statusText(), { timeout: 15_000 }).toMatch(/En attente du réseau/);
      const queued = (await draftsInExtension()).find((d) => d.body === text)!;
      expect(queued.state).toBe('queued');
      await ui.detach();

      // Quit while offline; start again, still offline.
      const attemptsBeforeRestart = (await draftsInExtension()).find((d) => d.id === queued.id)!.attempts;
      await browser.close();
      browser = await launchExtensionBrowser(profileDir, build.chromeDir, { offline: true });
      const again = async () => (await draftsInExtension()).find((d) => d.id === queued.id);
      // A browser that starts again tries its queue at once, whatever backoff the last
      // session had reached, and finds no platform. The try is counted in the draft, where
      // the engine records it: under load, the proxy did not always see it within 15 s.
      await expect
        .poll(async () => (await again())?.attempts, { timeout: 15_000 })
        .toBeGreaterThan(attemptsBeforeRestart);
      await expect.poll(async () => (await again())?.state, { timeout: 15_000 }).toBe('queued');
      const panel = await browser.context.newPage();
      await panel.goto(browser.extensionUrl('sidepanel.html'));
      const mine = panel.getByRole('listitem').filter({ hasText: text });
      await expect.poll(() => mine.getByRole('heading').textContent()).toMatch(/^Commentaire — En attente/);
      // Offered once the failed attempt is recorded, which may come just after the heading.
      await expect.poll(() => mine.getByRole('button', { name: 'Renvoyer' }).count()).toBe(1);
      expect(world.posts(queued.id)).toHaveLength(0);
      await expect(world.client.getContribution(queued.id)).rejects.toBeInstanceOf(VigieHttpError);

      await browser.context.setOffline(false);
      world.proxy.restore();
      await panel.evaluate(() => window.dispatchEvent(new Event('online')));
      await expect
        .poll(async () => (await world.client.getContribution(queued.id).catch(() => null))?.body, { timeout: 20_000 })
        .toBe(text);
      await expect.poll(() => mine.getByRole('heading').textContent()).toMatch(/^Commentaire — Publiée/);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(world.posts(queued.id)).toHaveLength(1);
      await panel.close();
    } finally {
      world.proxy.restore();
      await browser.context.setOffline(false);
    }
  });
});

describe('privacy', () => {
  it('outside the allow-list, nothing reaches the platform until the citizen sends', async () => {
    const before = world.proxy.requests.length;
    // The same server, under a host name that is not on the allow-list.
    const { page, ui } = await openPage(`${world.site.url.replace('127.0.0.1', 'hors-liste.localhost')}/ailleurs`);
    await page.waitForTimeout(3500); // past the idle lookup an allow-listed page would make
    const text = `Ailleurs ${crypto.randomUUID()}`;
    await writeComment(ui, '#texte', "Le rapport annuel sur la qualité des données n'a jamais été publié.", text);
    await page.waitForTimeout(500);
    expect(world.proxy.requests.slice(before)).toEqual([]);

    await ui.click('button', 'Envoyer');
    await expect.poll(() => world.proxy.requests.length, { timeout: 15_000 }).toBeGreaterThan(before);
    await page.waitForTimeout(1000);
    const seen = world.proxy.requests.slice(before);
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/contributions:batch']);
    expect(seen[0]!.body).toContain(text);

    // The same visit on an allow-listed page does ask: the counter does see lookups.
    const lookups = () =>
      world.proxy.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v1/contributions?')).length;
    const lookupsBefore = lookups();
    const other = await openPage(world.planUrl);
    await expect.poll(lookups, { timeout: 10_000 }).toBeGreaterThan(lookupsBefore);
    for (const p of [page, other.page]) await p.close();
    await ui.detach();
    await other.ui.detach();
  });
});

describe('a hostile page', () => {
  it('finds no draft, cannot reach the messaging, forges nothing, and cannot switch Vigie off', async () => {
    const { page, ui } = await openPage(`${world.site.url}/hostile`);
    await expectHostilePageHarmless(world, ui, fr, draftsInExtension);
    await page.close();
    await ui.detach();
  });

  it('cannot restyle or hide the in-page UI', async () => {
    const { page, ui } = await openPage(world.planUrl);
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(
        '* { color: rgb(255, 0, 255) !important; letter-spacing: 9px !important; font-size: 40px !important } div, button, textarea, section { display: none !important; visibility: hidden !important }',
      );
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    await writeComment(ui, '#calendrier p', 'Les ateliers se tiennent', 'Quel calendrier ?');
    const look = await ui.isolated<Record<string, string>>(`(() => {
      const root = chrome.dom.openOrClosedShadowRoot(document.querySelector('[data-vigie]'));
      const textarea = root.querySelector('textarea');
      const label = root.querySelector('label');
      return {
        host: getComputedStyle(document.querySelector('[data-vigie]')).display,
        textarea: getComputedStyle(textarea).display,
        label: getComputedStyle(label).color,
        spacing: getComputedStyle(label).letterSpacing,
        size: getComputedStyle(label).fontSize,
      };
    })()`);
    expect(look).toEqual({
      host: 'block',
      textarea: 'block',
      label: 'rgb(22, 22, 22)',
      spacing: 'normal',
      size: '16px',
    });
    await page.close();
    await ui.detach();
  });
});

describe('keyboard and language', () => {
  it('the toolbar is one tab stop with arrow keys, Escape closes the composer, and the words follow the options', async () => {
    const { page, ui } = await openPage(world.planUrl);
    await useToolbarByKeyboard(ui, fr, { selector: '#calendrier p', passage: 'Le bilan des engagements précédents' });

    // Alt+Shift+V: the browser gives the command to the worker, which asks the tab (sent here as the worker would).
    await ui.select('#calendrier p', 'Le bilan des engagements précédents');
    const tabId = await tabIdOf(browser, page);
    await (browser.context.serviceWorkers()[0] ?? browser.worker).evaluate((id) => {
      const chromeApi = (
        globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: object): Promise<unknown> } } }
      ).chrome;
      return chromeApi.tabs.sendMessage(id, { id: 1, type: 'selection:act', timestamp: Date.now() });
    }, tabId);
    await expect
      .poll(() =>
        ui.isolated<string | undefined>(
          `chrome.dom.openOrClosedShadowRoot(document.querySelector('[data-vigie]')).activeElement?.textContent`,
        ),
      )
      .toBe('Commenter');

    await configure({ language: 'en' });
    await page.reload();
    await ui.select('#calendrier p', 'Le bilan des engagements précédents');
    await ui.find('button', 'Comment');
    expect(await ui.count('button', 'Flag')).toBe(1);
    await configure({ language: 'auto' });
    await page.close();
    await ui.detach();
  });
});
