import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { axeOnPage } from './axe';
import {
  expectHighlightedOnReload,
  heldByPlatform,
  inPageWords,
  reopenByClickingWords,
  selectPassage,
  sendAndExpectHeldOnce,
  useToolbarByKeyboard,
  writeComment,
  writeGap,
} from './citizen-flows';
import { PLAN_CANONICAL, startCitizenWorld, type CitizenWorld } from './citizen-world';
import { aContribution } from './contributions';
import {
  GECKO_ID,
  launchFirefoxWithExtension,
  type FirefoxExtensionBrowser,
  type FirefoxInPageUi,
} from './firefox-extension-browser';
import { expectHostilePageHarmless, hostilePage } from './hostile-page';
import { draftsInThisOrigin, type DraftSummary } from './in-page-driver';
import { waitUntil } from './wait';

/** The options page's names in the language it is shown in. */
const optionsWords = {
  en: {
    platform: 'Platform address',
    allowList: 'Sites where Vigie shows published contributions',
    language: 'Language',
    save: 'Save',
    saved: 'Settings saved.',
  },
  fr: {
    platform: 'Adresse de la plateforme',
    allowList: 'Sites où Vigie affiche les contributions publiées',
    language: 'Langue',
    save: 'Enregistrer',
    saved: 'Réglages enregistrés.',
  },
} as const;

const fr = inPageWords.fr;

async function field(page: Page, role: string, name: string) {
  const handle = await page.waitForSelector(`aria/[name="${name}"][role="${role}"]`, { timeout: 8000 });
  if (!handle) throw new Error(`No ${role} named "${name}"`);
  return handle;
}

/** Replaces a field's whole value with the keyboard, as a citizen would. */
async function retype(page: Page, role: string, name: string, text: string): Promise<void> {
  await (await field(page, role, name)).click();
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/**
 * The citizen's flows in a real Firefox with a build of the extension installed
 * (MV2 or MV3): the options page, a comment and a gap flag held once by the
 * platform, the highlight of what was published and the side panel, the toolbar
 * by keyboard, a hostile page, and a contribution that waits while the platform
 * is out of reach. One browser for the whole suite; after
 * each test, nothing may have been logged as an error, content scripts included
 * (that is where Firefox's wrappers around page objects bite).
 */
export function describeFirefoxCitizenFlows(
  buildDir: () => Promise<string>,
  options: {
    /** A non-persistent background (MV3): Firefox suspends it after 3 s idle here, and the tests check what survives. */
    backgroundSleeps: boolean;
  },
): void {
  let world: CitizenWorld;
  let firefox: FirefoxExtensionBrowser;

  /** Sets the options through the options page; its words are those of `shownIn`. */
  async function configure(
    shownIn: keyof typeof optionsWords,
    values: { platformUrl?: string; allowList?: string; language?: 'auto' | 'fr' | 'en' },
  ): Promise<string[]> {
    const words = optionsWords[shownIn];
    const page = await firefox.openExtensionPage('options.html');
    await waitUntil(
      async () => (await field(page, 'textbox', words.platform)).evaluate((e) => (e as HTMLInputElement).value),
      (v) => v !== '',
      'the options to load',
    );
    if (values.platformUrl) await retype(page, 'textbox', words.platform, values.platformUrl);
    if (values.allowList) await retype(page, 'textbox', words.allowList, values.allowList);
    if (values.language) await (await field(page, 'combobox', words.language)).select(values.language);
    await (await field(page, 'button', words.save)).click();
    await waitUntil(
      () => page.$eval('[role=status]', (e) => e.textContent ?? ''),
      (t) => t === words.saved,
      'the settings to be saved',
    );
    const violations = await axeOnPage(page);
    await page.close();
    return violations;
  }

  /** Every draft in the extension's own database, read from one of its pages (same origin as its background). */
  async function draftsInExtension(): Promise<DraftSummary[]> {
    const page = await firefox.openExtensionPage('popup.html');
    try {
      return await page.evaluate(draftsInThisOrigin);
    } finally {
      await page.close();
    }
  }

  /**
   * The WebExtension id of the page tab opened last: the highest tab id but the
   * asking page's own (Firefox numbers tabs in the order they open).
   */
  async function lastPageTabId(): Promise<number> {
    const page = await firefox.openExtensionPage('popup.html');
    try {
      return await page.evaluate(async () => {
        type Tabs = { query(q: object): Promise<Array<{ id?: number }>>; getCurrent(): Promise<{ id?: number }> };
        const tabs = (globalThis as unknown as { browser: { tabs: Tabs } }).browser.tabs;
        const own = (await tabs.getCurrent()).id;
        return Math.max(...(await tabs.query({})).map((t) => t.id ?? -1).filter((id) => id !== own));
      });
    } finally {
      await page.close();
    }
  }

  beforeAll(async () => {
    const dir = await buildDir();
    world = await startCitizenWorld({ '/hostile': { body: hostilePage(GECKO_ID) } });
    firefox = await launchFirefoxWithExtension(dir, options.backgroundSleeps ? { backgroundIdleMs: 3000 } : {});
    // Firefox's interface is in English here, and so are the options until told otherwise.
    // The test page's host (127.0.0.1) is put on the allow-list.
    const violations = await configure('en', { platformUrl: world.proxy.url, allowList: '*.gouv.fr\n127.0.0.1' });
    expect(violations).toEqual([]);
  }, 120_000);

  afterAll(async () => {
    await firefox?.close();
    await world?.close();
  });

  afterEach(() => {
    const errors = firefox.errors.splice(0);
    expect(errors).toEqual([]);
  });

  it('speaks Firefox’s language (English here) until the options page says French', async () => {
    const ui = await firefox.openPage(world.planUrl);
    const where = { selector: '#calendrier p', passage: 'Le bilan des engagements précédents' };
    await selectPassage(ui, inPageWords.en, where);
    expect(await ui.count('button', inPageWords.en.flag)).toBe(1);

    expect(await configure('en', { language: 'fr' })).toEqual([]);
    await ui.reload();
    await selectPassage(ui, fr, where);
    expect(await ui.count('button', fr.flag)).toBe(1);
    // The options page itself now speaks French, and shows what was saved.
    const options = await firefox.openExtensionPage('options.html');
    await waitUntil(
      async () =>
        (await field(options, 'textbox', optionsWords.fr.platform)).evaluate((e) => (e as HTMLInputElement).value),
      (v) => v === world.proxy.url,
      'the saved platform address',
    );
    expect(await axeOnPage(options)).toEqual([]);
    await options.close();
    await ui.close();
  });

  it('a passage commented is held once by the platform, then highlighted on the next visit', async () => {
    const ui = await firefox.openPage(world.planUrl);
    const passage = 'Les données essentielles des marchés publics seront publiées';
    const text = `Où est le calendrier ? ${crypto.randomUUID()}`;
    await writeComment(ui, fr, { selector: '#commande-publique p', passage }, text);
    const stored = await sendAndExpectHeldOnce(world, ui, fr, text);
    expect(stored).toMatchObject({
      source: 'extension',
      commitmentId: 'FR0067',
      locale: 'fr',
      kind: 'comment',
      status: 'published',
      target: { url: PLAN_CANONICAL },
    });
    expect(stored.target.selectors).toContainEqual(
      expect.objectContaining({ type: 'TextQuoteSelector', exact: passage }),
    );

    await expectHighlightedOnReload(ui, fr, passage, text);
    await reopenByClickingWords(ui, fr, passage);

    // The side panel (Firefox's sidebar, opened here as a tab for this page) asks the
    // content script what it knows: the published contribution, and mine, sent.
    const panel = await firefox.openExtensionPage(`sidepanel.html?tab=${await lastPageTabId()}`);
    const headings = () => panel.$$eval('h2, h3', (all) => all.map((h) => h.textContent?.trim() ?? ''));
    await expect.poll(headings).toContain('Contributions publiées sur cette page (1)');
    await expect.poll(headings).toContain('Mes contributions');
    expect(await headings()).toContain('Commentaire — Publiée');
    expect(await panel.$$eval('main li', (items) => items.map((li) => li.textContent ?? '').join(' '))).toContain(text);
    expect(await axeOnPage(panel)).toEqual([]);

    // Withdrawn from the panel, after a confirmation: erased from the platform with the secret kept here.
    await (await panel.waitForSelector('aria/Retirer[role="button"]'))!.click();
    await (await panel.waitForSelector('aria/Confirmer le retrait[role="button"]'))!.click();
    await expect.poll(headings, { timeout: 15_000 }).toContain('Commentaire — Retirée');
    const gone = await world.client.getContribution(stored.id).catch((error: unknown) => error);
    expect((gone as { status?: number }).status).toBe(404);
    expect(await axeOnPage(panel)).toEqual([]);
    await panel.close();
    await ui.close();
  });

  it('the toolbar is one tab stop: arrows move, Enter acts, Escape closes', async () => {
    const ui = await firefox.openPage(world.planUrl);
    await useToolbarByKeyboard(ui, fr, { selector: '#calendrier p', passage: 'Le bilan des engagements précédents' });
    await ui.close();
  });

  it('a hostile page finds no draft, cannot reach the messaging, forges nothing, and cannot switch Vigie off', async () => {
    const ui = await firefox.openPage(`${world.site.url}/hostile`);
    await expectHostilePageHarmless(world, ui, fr, draftsInExtension);
    await ui.close();
  });

  it('a transparency gap is flagged with its kind', async () => {
    const ui = await firefox.openPage(world.planUrl);
    const text = `Le calendrier promis manque ${crypto.randomUUID()}`;
    await writeGap(
      ui,
      fr,
      { selector: '#calendrier p', passage: 'Le bilan des engagements précédents sera publié' },
      'Données non publiées',
      text,
    );
    const stored = await sendAndExpectHeldOnce(world, ui, fr, text);
    expect(stored).toMatchObject({ kind: 'gap', gapType: 'missing-data', source: 'extension' });
    await ui.close();
  });

  /**
   * Writes a comment and presses "Envoyer" while the platform is out of reach
   * (the proxy resets every connection): the composer says it waits, the draft is
   * queued in the extension, and nothing reached the platform. The proxy stays cut.
   */
  async function sendWhileCut(ui: FirefoxInPageUi, where: { selector: string; passage: string }, text: string) {
    await writeComment(ui, fr, where, text);
    const refusedBefore = world.proxy.refused;
    world.proxy.cut();
    await ui.click('button', fr.send);
    await expect.poll(() => ui.statusText(), { timeout: 15_000 }).toMatch(fr.waiting);
    expect(world.proxy.refused).toBeGreaterThan(refusedBefore);
    const queued = (await draftsInExtension()).find((d) => d.body === text);
    expect(queued?.state).toBe('queued');
    expect(world.posts(queued!.id)).toHaveLength(0);
    expect(await heldByPlatform(world, text)).toEqual([]);
  }

  /** The network returns: the browser tells the page, whose content script tells the extension. */
  async function networkReturns(ui: FirefoxInPageUi): Promise<void> {
    world.proxy.restore();
    await ui.inPage(() => window.dispatchEvent(new Event('online')));
  }

  it('sent while the platform is out of reach, a contribution waits, then leaves once when the network returns', async () => {
    const ui = await firefox.openPage(world.planUrl);
    const text = `Hors ligne ${crypto.randomUUID()}`;
    const where = {
      selector: '#commande-publique p:nth-of-type(2)',
      passage: 'Un tableau de bord de suivi sera mis à disposition du public.',
    };
    try {
      await sendWhileCut(ui, where, text);
      if (options.backgroundSleeps) {
        // Meanwhile the background falls asleep, and the composer's line to it drops.
        const sleeps = await firefox.backgroundSleeps();
        await expect.poll(() => firefox.backgroundSleeps(), { timeout: 15_000 }).toBeGreaterThan(sleeps);
      }
    } finally {
      world.proxy.restore();
    }
    await networkReturns(ui);
    await expect.poll(async () => (await heldByPlatform(world, text)).length, { timeout: 20_000 }).toBe(1);
    // The composer still follows its draft.
    await expect.poll(() => ui.statusText()).toMatch(fr.sent);
    const [stored] = await heldByPlatform(world, text);
    expect(world.posts(stored!.id)).toHaveLength(1);
    await ui.close();
  });

  it.runIf(options.backgroundSleeps)(
    'the network coming back wakes the sleeping background, which sends at once, not at its next alarm',
    async () => {
      const ui = await firefox.openPage(world.planUrl);
      const text = `Reprise du réseau ${crypto.randomUUID()}`;
      try {
        await sendWhileCut(ui, { selector: '#calendrier p', passage: 'Les ateliers se tiennent' }, text);
        // The citizen closes the composer and reads on; nothing of Vigie keeps the background awake.
        await ui.press('Escape');
        await expect.poll(() => ui.count('dialog', fr.commentTitle)).toBe(0);
        await expect.poll(() => firefox.backgroundState(), { timeout: 15_000 }).toBe('stopped');
      } finally {
        world.proxy.restore();
      }
      await networkReturns(ui);
      // The retry alarm is 30 s or more away: only the page's news can send it this soon.
      await expect.poll(async () => (await heldByPlatform(world, text)).length, { timeout: 10_000 }).toBe(1);
      const [stored] = await heldByPlatform(world, text);
      expect(world.posts(stored!.id)).toHaveLength(1);
      await ui.close();
    },
  );

  // Last: the reply it leaves is followed, and the hostile page's test counts the requests made meanwhile.
  it('"Moi aussi" pressed while the platform is out of reach leaves once; "Répondre" drafts a reply; the list is live', async () => {
    const onPlan = (body: string, extra = {}) =>
      aContribution({
        body,
        commitmentId: undefined,
        target: { url: PLAN_CANONICAL, title: 'Plan', selectors: [{ type: 'TextQuoteSelector', exact: 'Le plan d' }] },
        ...extra,
      });
    const other = onPlan(`Un autre citoyen ${crypto.randomUUID()}`);
    await world.client.submitBatch([other]);
    const ui = await firefox.openPage(world.planUrl);
    const panel = await firefox.openExtensionPage(`sidepanel.html?tab=${await lastPageTabId()}`);
    const itemOf = async (text: string) => {
      const found = await panel.waitForFunction(
        (t) => [...document.querySelectorAll('main li')].find((li) => li.querySelector('.body')?.textContent === t),
        { timeout: 15_000 },
        text,
      );
      return found.asElement() as ElementHandle<HTMLLIElement>;
    };
    const item = await itemOf(other.body);
    const meToo = async () => (await item.$('aria/Moi aussi[role="button"]'))!;
    const pressed = async () => (await meToo()).evaluate((b) => b.getAttribute('aria-pressed'));
    await expect.poll(pressed).toBe('false');
    try {
      world.proxy.cut(); // the open stream stays; new requests are refused
      await (await meToo()).click();
      await expect.poll(pressed).toBe('true');
      await expect.poll(() => item.evaluate((li) => li.textContent ?? '')).toContain('part dès que le réseau revient');
      expect(await axeOnPage(panel)).toEqual([]);
      if (options.backgroundSleeps) {
        const sleeps = await firefox.backgroundSleeps();
        await expect.poll(() => firefox.backgroundSleeps(), { timeout: 15_000 }).toBeGreaterThan(sleeps);
      }
    } finally {
      world.proxy.restore();
    }
    await panel.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect
      .poll(async () => (await world.client.getContribution(other.id)).supportCount, { timeout: 20_000 })
      .toBe(1);
    // Once, whatever was pressed (a CORS preflight aside: the MV2 build's request is cross-origin).
    const supports = world.proxy.requests.filter(
      (r) => r.path === `/v1/contributions/${other.id}/support` && r.method !== 'OPTIONS',
    );
    expect(supports.map((r) => r.method)).toEqual(['POST']);

    await (await item.$('aria/Répondre[role="button"]'))!.click();
    const words = `Je confirme ${crypto.randomUUID()}`;
    await (await item.waitForSelector('aria/Votre réponse[role="textbox"]'))!.type(words);
    await (await item.$('aria/Envoyer[role="button"]'))!.click();
    await expect
      .poll(async () => (await world.client.listReplies(other.id)).items.map((r) => r.body), { timeout: 20_000 })
      .toEqual([words]);
    // The stream says my reply is public: the background asks the platform what became of it then.
    const [mine] = (await world.client.listReplies(other.id)).items;
    await expect
      .poll(
        () => world.proxy.requests.some((r) => r.path === '/v1/contributions/status' && r.body.includes(mine!.id)),
        {
          timeout: 15_000,
        },
      )
      .toBe(true);

    // Written elsewhere, it shows up in the open panel without a reload.
    const arriving = onPlan(`En direct ${crypto.randomUUID()}`);
    await world.client.submitBatch([arriving]);
    await itemOf(arriving.body);
    expect(await axeOnPage(panel)).toEqual([]);
    await panel.close();
    await ui.close();
  });
}
