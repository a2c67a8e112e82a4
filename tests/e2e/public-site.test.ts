import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../support/chromium';
import { aContribution } from '../support/contributions';
import { startPlatformOn, type StoragePlatform } from '../support/platform-storage';
import { cspViolations, publicContext, wcagViolations } from '../support/public-browser';
import { moderation } from '../support/public-site';

let platform: StoragePlatform;
let browser: Browser;
const zoe = aContribution({
  body: 'Où sont les données essentielles de 2024 ?\nEt celles de 2025 ?',
  author: { pseudonym: 'Zoé' },
  target: {
    url: 'https://www.economie.gouv.fr/daj/commande-publique',
    title: 'La commande publique',
    selectors: [
      { type: 'TextQuoteSelector', exact: 'les données essentielles', prefix: 'Publier ', suffix: ' des marchés' },
    ],
  },
});
const gap = aContribution({ kind: 'gap', gapType: 'no-contact', body: '<b>Aucun</b> contact sur la page.' });

beforeAll(async () => {
  platform = await startPlatformOn('sqlite', { env: { VIGIE_MODERATION: 'pre' } });
  const mod = moderation(platform, await platform.token('moderator', 'Modération'));
  await mod.submit(zoe, gap);
  await mod.publish(zoe.id);
  await mod.publish(gap.id, 'Une adresse de contact a été ajoutée.');
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await platform?.dispose();
});

const pages = () => [
  '/',
  '/?lang=en',
  '/?statut=unverified',
  '/engagements/FR0067',
  '/engagements/FR0067?lang=en',
  `/c/${zoe.id}`,
  `/c/${gap.id}?lang=en`,
  `/pages?url=${encodeURIComponent(zoe.target.url)}`,
  '/pages',
  '/recherche?q=donnees',
  '/recherche',
  '/donnees',
  '/engagements/FR9999',
  '/?statut=inconnu',
];

/** A reader's context (see publicContext), optionally with the site's own script blocked. */
async function newContext(options: { javaScript: boolean; blockScripts?: boolean }): Promise<BrowserContext> {
  const context = await publicContext(browser, options.javaScript);
  // Our one script blocked: the page exactly as a reader without JavaScript gets it, axe aside.
  if (options.blockScripts) await context.route(/\/site\/[^/]+\/share\.js$/, (route) => route.abort());
  return context;
}

describe('the public pages in Chromium', () => {
  it('are complete without JavaScript: content, links and forms work', async () => {
    const context = await newContext({ javaScript: false });
    const page = await context.newPage();
    for (const path of pages()) {
      const response = await page.goto(`${platform.url}${path}`);
      expect(response?.status(), path).toBeLessThan(500);
      expect(await page.locator('h1').count(), path).toBe(1);
    }
    await page.goto(`${platform.url}/engagements/FR0067`);
    expect(await page.getByText(zoe.body.split('\n')[0]!).count()).toBe(1);
    expect(await page.getByText('Une adresse de contact a été ajoutée.').count()).toBe(1);
    // Without a script, "Partager" stays hidden and the permalink stands in.
    expect(await page.getByRole('button', { name: /Partager/ }).count()).toBe(0);
    await page.getByRole('link', { name: /Lien permanent.+Zoé/ }).click();
    await expect.poll(() => page.url()).toBe(`${platform.url}/c/${zoe.id}`);
    // A search is a plain form.
    await page.getByRole('link', { name: 'Rechercher' }).first().click();
    await page.getByRole('searchbox', { name: 'Rechercher dans les contributions publiées' }).fill('Données');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('/recherche?q=Donn');
    expect(await page.locator('article').count()).toBe(1);
    await context.close();
  });

  it('draw every chart label whole, inside its chart, in French and in English', async () => {
    const context = await newContext({ javaScript: true });
    const page = await context.newPage();
    for (const path of ['/engagements/FR0067', '/engagements/FR0067?lang=en']) {
      await page.goto(`${platform.url}${path}`);
      await page.evaluate(() => document.fonts.ready);
      // A label drawn left of the chart's edge is cut off (a month and its year's wide digits were).
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll<SVGTextElement>('svg.vigie-chart text')].flatMap((text) => {
          const box = text.getBBox();
          const width = (text.ownerSVGElement as SVGSVGElement).viewBox.baseVal.width;
          return box.x < 0 || box.x + box.width > width ? [`${text.textContent} (${box.x.toFixed(1)})`] : [];
        }),
      );
      expect(await page.locator('svg.vigie-chart text').count(), path).toBeGreaterThan(8);
      expect(outside, path).toEqual([]);
    }
    await context.close();
  });

  it('have no axe violation (WCAG 2.1 A and AA) with their script and without it, and break no CSP rule', async () => {
    for (const blockScripts of [true, false]) {
      const context = await newContext({ javaScript: true, blockScripts });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      for (const path of pages()) {
        await page.goto(`${platform.url}${path}`);
        expect(await wcagViolations(page), `${path}${blockScripts ? ' (script blocked)' : ''}`).toEqual([]);
        expect(await cspViolations(page), path).toEqual([]);
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('work with the keyboard alone: skip link, search, a contribution’s page, and "Partager" copying its address', async () => {
    const context = await newContext({ javaScript: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: platform.url });
    const page = await context.newPage();
    await page.goto(`${platform.url}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au contenu');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('contenu');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('q');
    // Focus is seen: the DSFR outlines what the keyboard reached.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    await page.keyboard.type('contact');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/recherche\?q=contact/);
    // Tab to the first result's permalink, and follow it.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent ?? '')).startsWith('Lien permanent')) break;
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(`${platform.url}/c/${gap.id}`);
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent ?? '')) === 'Partager') break;
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').last().textContent()).toBe('Lien copié dans le presse-papiers.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `http://localhost:${platform.port}/c/${gap.id}`,
    );
    await context.close();
  });
});
