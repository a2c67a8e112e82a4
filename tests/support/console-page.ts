import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeOnPage } from './axe';
import { builtConsoleDir } from './built-assets';
import { chromiumArgs, findChromium } from './chromium';
import { startPlatformOn, type StoragePlatform } from './platform-storage';

/** A platform serving the console built from the sources, and a Chromium to drive it. */
export async function consoleWorld(): Promise<{ platform: StoragePlatform; browser: Browser }> {
  const platform = await startPlatformOn('sqlite', {
    env: { VIGIE_MODERATION: 'pre' },
    args: ['--console', await builtConsoleDir()],
  });
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
  return { platform, browser };
}

/** A page of the console that records any script error or CSP violation in `problems`. */
export async function openConsole(browser: Browser, url: string, problems: string[]): Promise<Page> {
  const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1100, height: 900 } });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(`${url}/console`);
  return page;
}

/** What has the focus, as a test names it: its id, or the queue item's contribution id. */
export const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return active?.dataset.id ?? active?.id ?? active?.tagName.toLowerCase() ?? null;
  });

/**
 * Presses Tab (Shift+Tab with `back`) until the focus is on what `matches` says, as a keyboard
 * user walks a page; fails after `max` presses.
 */
export async function tabTo(
  page: Page,
  matches: string | { text: string },
  options: { back?: boolean; max?: number } = {},
) {
  const target = typeof matches === 'string' ? { selector: matches } : matches;
  for (let i = 0; i < (options.max ?? 60); i++) {
    const there = await page.evaluate((t: { selector?: string; text?: string }) => {
      const active = document.activeElement;
      if (!active || active === document.body) return false;
      return t.selector !== undefined ? active.matches(t.selector) : active.textContent?.trim() === t.text;
    }, target);
    if (there) return;
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${JSON.stringify(matches)}; the focus is on ${await focused(page)}`);
}

/** Signs in with the keyboard alone: Tab to the token field, type it, Enter. */
export async function signIn(page: Page, token: string): Promise<void> {
  await tabTo(page, '#token');
  await page.keyboard.type(token);
  await page.keyboard.press('Enter');
  await page.getByText(/Connecté :|Signed in:/).waitFor();
}

/** axe-core (WCAG 2.1 A and AA, best practices) finds nothing on the page as it is. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  expect(await axeOnPage(page), what).toEqual([]);
}
