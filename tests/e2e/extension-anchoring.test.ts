import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContributionInput } from '../../api-client/contract';
import { createVigieClient } from '../../api-client/http';
import { buildExtension, type ExtensionBuild } from '../../extension/build';
import { axeOnPage } from '../support/axe';
import {
  configureThroughOptions,
  InPageUi,
  launchExtensionBrowser,
  openSidePanel,
  type ExtensionBrowser,
} from '../support/extension-browser';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { fromFile, startStaticServer, type StaticServer } from '../support/static-server';

/*
 * The built extension on a page whose text is rendered two seconds after
 * `load` (as single-page applications do), with a clock that keeps ticking;
 * and the citizen's answers to possible matches, from the side panel.
 */

const fixture = new URL('../fixtures/plan-tardif.html', import.meta.url);
const CANONICAL = 'https://www.example.gouv.fr/gouvernement-ouvert/suivi';

const unchanged = 'Les collectivités volontaires ouvriront leurs données budgétaires dans un format réutilisable.';
// Published against wording the page has since changed: "trois fois" was "deux fois", "trois mois" was "six mois".
const confirmed = {
  quoted: 'Un comité de suivi associant la société civile se réunit trois fois par an',
  found: 'Un comité de suivi associant la société civile se réunit deux fois par an',
};
const refused = {
  quoted: 'Les résultats des consultations publiques sont mis en ligne dans un délai de six mois.',
  found: 'Les résultats des consultations publiques sont mis en ligne dans un délai de trois mois.',
};

let build: ExtensionBuild;
let platform: PlatformProcess;
let site: StaticServer;
let profileDir: string;
let browser: ExtensionBrowser;
const pageUrl = () => `${site.url}/suivi`;

const contribution = (exact: string, body: string): ContributionInput => ({
  id: crypto.randomUUID(),
  kind: 'comment',
  body,
  target: { url: CANONICAL, title: 'Suivi', selectors: [{ type: 'TextQuoteSelector', exact }] },
  locale: 'fr',
  source: 'widget',
  createdAt: new Date().toISOString(),
});

/** What the page paints with the CSS Custom Highlight API, read from the page itself. */
const painted = (page: Page) =>
  page.evaluate(() => [...(CSS.highlights.get('vigie') ?? [])].map((r) => (r as Range).toString()));

async function openPage(): Promise<{ page: Page; ui: InPageUi }> {
  const page = await browser.context.newPage();
  const ui = await InPageUi.attach(page, browser.extensionId);
  await page.goto(pageUrl());
  return { page, ui };
}

beforeAll(async () => {
  build = await buildExtension({ ifStale: true });
  platform = await startPlatformProcess({ env: { VIGIE_MODERATION: 'post' } });
  site = await startStaticServer({ '/suivi': { body: fromFile(fixture) } });
  profileDir = mkdtempSync(path.join(tmpdir(), 'vigie-anchoring-profile-'));
  browser = await launchExtensionBrowser(profileDir, build.chromeDir);
  await configureThroughOptions(browser, { platformUrl: platform.url, allowList: '*.gouv.fr\n127.0.0.1' });
  const results = await createVigieClient({ baseUrl: platform.url }).submitBatch([
    contribution(unchanged, 'Quelles collectivités ?'),
    contribution(confirmed.quoted, 'Qui siège au comité ?'),
    contribution(refused.quoted, 'Le délai est-il tenu ?'),
  ]);
  expect(results.map((r) => r.outcome)).toEqual(['created', 'created', 'created']);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await platform?.dispose();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

describe('a page whose text comes two seconds after load', () => {
  it('gets its highlights once the text is there, and a ticking clock repaints nothing', async () => {
    const { page, ui } = await openPage();
    expect(await page.locator('#chargement').count()).toBe(1);
    await ui.find('button', `1 contribution Vigie sur « ${unchanged.slice(0, 57)}… »`, 15_000);
    expect(await painted(page)).toEqual([unchanged]);

    // The clock ticks twice a second; the highlight stays the very same one, and so does its marker.
    await page.evaluate(() => {
      (window as unknown as { first: unknown }).first = [...CSS.highlights.get('vigie')!][0];
    });
    await page.waitForTimeout(3000);
    expect(
      await page.evaluate(() => {
        const now = [...CSS.highlights.get('vigie')!];
        return now.length === 1 && now[0] === (window as unknown as { first: unknown }).first;
      }),
    ).toBe(true);
    expect(await ui.count('button', `1 contribution Vigie sur « ${unchanged.slice(0, 57)}… »`)).toBe(1);
    await ui.detach();
    await page.close();
  });
});

describe('a passage that may have changed', () => {
  it('is offered in the side panel; "C’est ici" paints it and is remembered, "Ce n’est pas ici" is not asked again', async () => {
    const { page, ui } = await openPage();
    const panel = await openSidePanel(browser, page);
    await expect
      .poll(() => panel.getByRole('heading', { name: 'Passages peut-être modifiés (2)' }).count(), { timeout: 15_000 })
      .toBe(1);
    expect(await painted(page)).toEqual([unchanged]);
    const offer = (found: string) =>
      panel.getByRole('listitem', { name: 'Passage peut-être modifié' }).filter({ hasText: found });
    expect(await offer(confirmed.found).getByText(confirmed.quoted).count()).toBe(1);
    expect(await axeOnPage(panel)).toEqual([]);

    // From the keyboard: focus "C'est ici", press Enter.
    await offer(confirmed.found).getByRole('button', { name: 'C’est ici' }).focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => panel.getByRole('status').first().textContent()).toContain('le passage est surligné');
    await expect.poll(() => painted(page).then((p) => [...p].sort())).toEqual([confirmed.found, unchanged].sort());
    await offer(refused.found).getByRole('button', { name: 'Ce n’est pas ici' }).click();
    await expect.poll(() => panel.getByRole('heading', { name: 'Passages introuvables (1)' }).count()).toBe(1);
    expect(await panel.getByRole('heading', { name: /Passages? peut-être modifiés?/ }).count()).toBe(0);
    expect(await axeOnPage(panel)).toEqual([]);
    // The page's clock ticks on next to the refused place: it is still not offered again.
    await page.waitForTimeout(2500);
    expect(await panel.getByRole('heading', { name: /Passages? peut-être modifiés?/ }).count()).toBe(0);

    // Kept by the background, in the extension's own storage; nothing in the page's.
    const stored = await (browser.context.serviceWorkers()[0] ?? browser.worker).evaluate(async () => {
      const chromeApi = (
        globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<unknown> } } } }
      ).chrome;
      return JSON.stringify(await chromeApi.storage.local.get('passageChoices'));
    });
    expect(stored).toContain(confirmed.found);
    expect(stored).toContain(refused.found);
    expect(await page.evaluate(async () => [localStorage.length, (await indexedDB.databases()).length])).toEqual([
      0, 0,
    ]);

    // The next visit: the confirmed place is highlighted once the text comes; nothing is asked.
    await page.reload();
    await expect
      .poll(() => painted(page).then((p) => [...p].sort()), { timeout: 15_000 })
      .toEqual([confirmed.found, unchanged].sort());
    await panel.reload();
    await expect.poll(() => panel.getByRole('heading', { name: 'Passages introuvables (1)' }).count()).toBe(1);
    expect(await panel.getByRole('heading', { name: /Passages? peut-être modifiés?/ }).count()).toBe(0);
    for (const p of [panel, page]) await p.close();
    await ui.detach();
  });

  it('is offered in English too', async () => {
    await configureThroughOptions(browser, { language: 'en' });
    try {
      // A new contribution whose wording the page has changed since ("second" was "premier"): a new offer.
      await createVigieClient({ baseUrl: platform.url }).submitBatch([
        contribution(
          'Le rapport d’étape sur la transparence des algorithmes publics sera publié au second semestre.',
          'Quand ?',
        ),
      ]);
      const { page, ui } = await openPage();
      const panel = await openSidePanel(browser, page);
      await expect
        .poll(() => panel.getByRole('heading', { name: 'Passage may have changed (1)' }).count(), { timeout: 15_000 })
        .toBe(1);
      const offer = panel.getByRole('listitem', { name: 'Passage may have changed' });
      expect(await offer.getByRole('button', { name: 'It’s here' }).count()).toBe(1);
      expect(await offer.getByRole('button', { name: 'It’s not here' }).count()).toBe(1);
      expect(await axeOnPage(panel)).toEqual([]);
      for (const p of [panel, page]) await p.close();
      await ui.detach();
    } finally {
      await configureThroughOptions(browser, { language: 'auto' });
    }
  });
});
