import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../support/chromium';
import { axeViolationsIn } from '../support/widget-page';
import { startWidgetSite, type WidgetSite } from '../support/widget-site';

/*
 * The widget's quote mode when a draft comes back to a page whose words changed
 * since the citizen quoted them: the page is served with its wording edited,
 * as its administration would republish it.
 */

const passage = 'Un tableau de bord de suivi sera mis à disposition du public.';

let site: WidgetSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/**
 * Republishes the demo page with `from` replaced by `to`, on the demo site itself (it reads
 * its page on each request). Not through Playwright's route.fulfill: a fulfilled document
 * has no address space, so Chromium would refuse it the platform's loopback port.
 */
function republish(from: string, to: string): void {
  const file = path.join(site.siteDir, 'index.html');
  original ??= readFileSync(file, 'utf8');
  writeFileSync(file, original.replace(from, to));
}
let original: string | undefined;

const widget = () => page.locator('vigie-feedback');
const offer = () => widget().getByRole('group', { name: 'Passage peut-être modifié' });

beforeAll(async () => {
  site = await startWidgetSite();
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
  context = await browser.newContext({ locale: 'fr-FR' });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await site?.dispose();
});

it('a draft whose quoted passage changed offers the new words; "C’est ici" takes them, "Ce n’est pas ici" is not asked again', async () => {
  await page.goto(site.pageUrl);
  await widget()
    .getByRole('textbox', { name: 'Votre contribution' })
    .fill('Quand ce tableau de bord sera-t-il publié ?');
  await page.evaluate((text) => {
    const paragraph = [...document.querySelectorAll('#commande-publique p')].find((p) => p.textContent.includes(text))!;
    const node = paragraph.firstChild as Text;
    const range = document.createRange();
    range.setStart(node, node.data.indexOf(text));
    range.setEnd(node, node.data.indexOf(text) + text.length);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  }, passage);
  // The words typed are saved first; the quote's own save is the one to wait for.
  await expect.poll(() => widget().getByRole('status').textContent()).toContain('Brouillon enregistré');
  const saves = () => page.evaluate(() => (window as unknown as { saves: number }).saves);
  await page.evaluate(() => {
    const w = window as unknown as { saves: number };
    w.saves = 0;
    document.addEventListener('vigie-draft-saved', () => w.saves++);
  });
  await widget().getByRole('button', { name: 'Citer le passage sélectionné' }).click();
  await expect.poll(() => widget().getByText(`Passage cité : « ${passage} »`).count()).toBe(1);
  await expect.poll(saves).toBeGreaterThan(0);

  // The administration rewords the passage: the draft comes back, and its quote is offered for checking.
  const reworded = 'Un tableau de bord de suivi sera mis à la disposition du public.';
  republish(passage, reworded);
  await page.reload();
  await expect.poll(() => offer().count(), { timeout: 15_000 }).toBe(1);
  expect(await offer().getByText(`Sur la page : « ${reworded} »`).count()).toBe(1);
  expect(await axeViolationsIn(page)).toEqual([]);
  await page.evaluate(() => {
    const w = window as unknown as { saves: number };
    w.saves = 0;
    document.addEventListener('vigie-draft-saved', () => w.saves++);
  });
  await offer().getByRole('button', { name: 'C’est ici' }).click();
  await expect.poll(() => widget().getByText(`Passage cité : « ${reworded} »`).count()).toBe(1);
  expect(await offer().count()).toBe(0);
  await expect.poll(saves).toBeGreaterThan(0);

  // Kept in the draft: the next visit finds the passage where it now is, and asks nothing.
  await page.reload();
  await expect.poll(() => widget().getByText(`Passage cité : « ${reworded} »`).count(), { timeout: 15_000 }).toBe(1);
  await page.waitForTimeout(1000);
  expect(await offer().count()).toBe(0);

  // Reworded again; this time the citizen says no, from the keyboard, and is not asked again.
  republish(passage, 'Un tableau de bord de suivi sera mis à la disposition des usagers.');
  await page.reload();
  await expect.poll(() => offer().count(), { timeout: 15_000 }).toBe(1);
  await offer().getByRole('button', { name: 'Ce n’est pas ici' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => offer().count()).toBe(0);
  expect(await widget().getByRole('status').textContent()).toContain('ne vous sera plus proposé');
  await page.reload();
  await expect.poll(() => widget().getByText(`Passage cité : « ${reworded} »`).count(), { timeout: 15_000 }).toBe(1);
  await page.waitForTimeout(1000);
  expect(await offer().count()).toBe(0);
});
