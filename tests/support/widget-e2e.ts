import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { chromiumArgs, findChromium } from './chromium';
import { axeViolationsIn, probeWidgetPage } from './widget-page';
import { startWidgetSite, type WidgetSite } from './widget-site';

// The widget's end-to-end world, shared by its test files: what each test drives (read live
// through these bindings, set anew before each test) and the helpers that say it in a line.

export let site: WidgetSite;
let browser: Browser;
export let context: BrowserContext;
export let page: Page;

export async function openDemo(target: Page = page): Promise<void> {
  await target.goto(site.pageUrl);
  await target.locator('vigie-feedback').scrollIntoViewIfNeeded();
}

/** Focuses the text field and waits until the drafts code has loaded and saved once. */
export async function startWriting(text: string, target: Page = page): Promise<void> {
  await bodyField(target).fill(text);
  await expect.poll(async () => (await events(target)).some((e) => e.type === 'vigie-draft-saved')).toBe(true);
}

export const bodyField = (target: Page = page) => target.getByRole('textbox', { name: 'Votre contribution' });
export const status = (target: Page = page) => target.locator('vigie-feedback').getByRole('status');
export const events = (target: Page = page) =>
  target.evaluate(() => (window as unknown as { __events: Array<{ type: string; id: string }> }).__events);

export const axeViolations = (target: Page = page) => axeViolationsIn(target);

/** The demo site and a Chromium for the file's tests; each test gets a fresh French context. */
export function useWidgetDemo(env: Record<string, string> = {}): void {
  beforeAll(async () => {
    site = await startWidgetSite(env);
    browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.dispose();
  });

  beforeEach(async () => {
    context = await browser.newContext({ locale: 'fr-FR' });
    await context.addInitScript(probeWidgetPage);
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });
}
