import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createVigieClient } from '../../api-client/http';
import { aContribution } from '../support/contributions';
import { findFirefox } from '../support/firefox';
import { startWidgetSite, type WidgetSite } from '../support/widget-site';

// The widget on a plain page in Firefox ESR (puppeteer-core over WebDriver BiDi): the floating
// dialog and « Moi aussi », the parts of it that lean on what browsers do differently
// (<dialog>.showModal, the focus it keeps and gives back, Web Locks and IndexedDB in the outbox).
let site: WidgetSite;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  site = await startWidgetSite();
  const file = path.join(site.siteDir, 'index.html');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(' quote-mode></vigie-feedback>', ' mode="floating"></vigie-feedback>'),
  );
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    extraPrefsFirefox: { 'intl.accept_languages': 'fr-FR, fr', 'app.update.enabled': false },
  });
  page = await browser.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.dispose();
});

/** In the widget's shadow root: `>>>` pierces it. */
const inWidget = (selector: string) => `vigie-feedback >>> ${selector}`;
const focused = () =>
  page.evaluate(() => {
    const active = document.querySelector('vigie-feedback')?.shadowRoot?.activeElement;
    return { inDialog: !!active?.closest('dialog'), part: active?.getAttribute('part') ?? null };
  });
const dialogOpen = () =>
  page.evaluate(() => document.querySelector('vigie-feedback')?.shadowRoot?.querySelector('dialog')?.open ?? false);

it('opens the floating dialog, keeps and gives back the focus, and « Moi aussi » reaches the platform', async () => {
  const client = createVigieClient({ baseUrl: site.platform.url });
  const input = aContribution({ body: `Lu dans Firefox ${crypto.randomUUID()}` });
  await client.submitBatch([input]);

  await page.goto(site.pageUrl);
  const launcher = await page.waitForSelector(inWidget('[part=launcher]'));
  expect(await launcher!.evaluate((b) => b.textContent?.trim())).toBe('Donner mon avis');
  await launcher!.click();
  await expect.poll(dialogOpen).toBe(true);
  expect((await focused()).inDialog).toBe(true);
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    expect((await focused()).inDialog).toBe(true);
  }

  const show = await page.waitForSelector(inWidget('dialog section[aria-labelledby=published-title] button'));
  await show!.click();
  const item = await page.waitForSelector(inWidget(`li[data-id="${input.id}"] .support-toggle`), { timeout: 15_000 });
  expect(await item!.evaluate((b) => [b.textContent?.trim(), b.getAttribute('aria-pressed')])).toEqual([
    'Moi aussi',
    'false',
  ]);
  await item!.click();
  await expect.poll(() => item!.evaluate((b) => b.getAttribute('aria-pressed'))).toBe('true');
  await expect.poll(async () => (await client.getContribution(input.id)).supportCount).toBe(1);

  await page.keyboard.press('Escape');
  await expect.poll(dialogOpen).toBe(false);
  expect((await focused()).part).toBe('launcher');
});
