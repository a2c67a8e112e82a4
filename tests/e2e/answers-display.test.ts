import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVigieClient } from '../../api-client/http';
import { axeOnPage, axeRules, axeSource } from '../support/axe';
import { chromiumArgs, findChromium } from '../support/chromium';
import { inPageWords } from '../support/citizen-flows';
import { PLAN_CANONICAL, type CitizenWorld } from '../support/citizen-world';
import { aContribution } from '../support/contributions';
import { openSidePanel, openPageWithUi, type ExtensionBrowser } from '../support/extension-browser';
import { startExtensionWorld, type ExtensionWorld } from '../support/extension-world';
import { tokenFor } from '../support/platform-cli';
import { startWidgetSite, type WidgetSite } from '../support/widget-site';

const MINISTRY = 'Ministère de l’Économie';

/** axe-core on the widget alone (the page is the demo's), evaluated: the demo page's CSP forbids inline scripts. */
async function axeOnWidget(page: Page): Promise<string[]> {
  await page.evaluate(`${axeSource};0`);
  return page.evaluate<string[]>(`(async () => {
    const result = await axe.run({ include: [['vigie-feedback']] }, { runOnly: ${JSON.stringify(axeRules)} });
    return result.violations.map((v) => v.id + ' (' + v.nodes.length + ')');
  })()`);
}

/** Answers as the ministry, twice: received, then answered (so the answer reads as edited). */
async function answerTwice(baseUrl: string, token: string, id: string, words: string): Promise<void> {
  const ministry = createVigieClient({ baseUrl, token });
  await ministry.answerContribution(id, { body: 'Bien reçue.', status: 'received' });
  const answered = await ministry.answerContribution(id, { body: words, status: 'answered' });
  expect(answered.answer).toMatchObject({
    organisation: MINISTRY,
    status: 'answered',
    firstAt: expect.any(String) as unknown,
  });
}

describe('the widget shows an organisation’s answer', () => {
  let site: WidgetSite;
  let browser: Browser;
  beforeAll(async () => {
    site = await startWidgetSite();
    browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await site?.dispose();
  });

  it('as "Réponse de <organisation>" with its status in words, in French and English; axe finds nothing', async () => {
    // The demo page shows FR0067: the ministry leads it, so its contributions are the ministry's to answer.
    const token = await tokenFor(site.platform.dataDir, [
      '--role',
      'administration',
      '--name',
      MINISTRY,
      '--commitments',
      'FR0067',
    ]);
    const body = `Quand le registre sera-t-il en ligne ? ${crypto.randomUUID()}`;
    const [item] = await createVigieClient({ baseUrl: site.platform.url }).submitBatch([aContribution({ body })]);
    const words = 'Le registre sera en ligne le 1er mars sur data.gouv.fr.';
    await answerTwice(site.platform.url, token, item!.id!, words);

    for (const [locale, show, heading, status, edited] of [
      ['fr-FR', 'Afficher les contributions publiées', `Réponse de ${MINISTRY}`, 'Réponse apportée', '(modifiée)'],
      ['en-GB', 'Show the published contributions', `Answer from ${MINISTRY}`, 'Answered', '(edited)'],
    ] as const) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto(site.pageUrl);
      if (locale === 'en-GB')
        await page.evaluate(() => document.querySelector('vigie-feedback')!.setAttribute('lang', 'en'));
      const widget = page.locator('vigie-feedback');
      await widget.getByRole('button', { name: show }).click();
      const entry = widget.getByRole('listitem').filter({ hasText: body });
      await expect.poll(() => entry.count()).toBe(1);
      const answer = entry.locator('.answer');
      expect(await answer.locator('strong').textContent()).toBe(heading);
      const line = (await answer.locator('p').first().textContent())!.replace(/\s+/g, ' ');
      expect(line).toContain(`· ${status} ·`);
      expect(line).toContain(edited);
      expect(await answer.locator('.answer-body').textContent()).toBe(words);
      if (locale === 'fr-FR') expect(await axeOnWidget(page)).toEqual([]);
      await context.close();
    }
  });
});

describe('the extension shows an organisation’s answer', () => {
  let ext: ExtensionWorld;
  let world: CitizenWorld;
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    ext = await startExtensionWorld();
    ({ world, browser } = ext);
  }, 180_000);
  afterAll(() => ext?.close());

  it('in the popover on the quoted words and in the side panel; axe finds nothing', async () => {
    // The plan's page is filed under www.example.gouv.fr: the ministry runs that domain here.
    const token = await tokenFor(world.platform.dataDir, [
      '--role',
      'administration',
      '--name',
      MINISTRY,
      '--domains',
      '*.example.gouv.fr',
    ]);
    const passage = 'Les données essentielles des marchés publics seront publiées';
    const body = `Et les avenants ? ${crypto.randomUUID()}`;
    const [item] = await world.client.submitBatch([
      aContribution({
        body,
        target: { url: PLAN_CANONICAL, title: 'Plan', selectors: [{ type: 'TextQuoteSelector', exact: passage }] },
      }),
    ]);
    const words = 'Les avenants seront publiés avec les marchés.';
    await answerTwice(world.platform.url, token, item!.id!, words);

    const { page, ui } = await openPageWithUi(browser, world.planUrl);
    const marker = inPageWords.fr.marker(1, passage);
    await ui.find('button', marker, 15_000);
    await ui.click('button', marker);
    await ui.find('dialog', inPageWords.fr.contributionsTitle(1));
    const shown = (await ui.uiText()).replace(/\s+/g, ' ');
    expect(shown).toContain(`Réponse de ${MINISTRY} · Réponse apportée ·`);
    expect(shown).toContain('(modifiée)');
    expect(shown).toContain(words);
    expect(await ui.axe()).toEqual([]);

    const panel = await openSidePanel(browser, page);
    const entry = panel.getByRole('listitem').filter({ hasText: body });
    await expect.poll(() => entry.count()).toBe(1);
    expect(await entry.locator('.answer strong').textContent()).toBe(`Réponse de ${MINISTRY}`);
    expect(await entry.locator('.answer-body').textContent()).toBe(words);
    expect(await axeOnPage(panel)).toEqual([]);
    await panel.close();
    await page.close();
  });
});
