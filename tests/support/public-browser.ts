import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeOnPage } from './axe';

/** What the public pages are held to: WCAG 2.1 A and AA (the RGAA's reference). */
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * A French reader's context for the public pages; with JavaScript, it records every CSP
 * violation a page causes, for `cspViolations` to read.
 */
export async function publicContext(browser: Browser, javaScript: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: javaScript });
  if (javaScript) {
    await context.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
  }
  return context;
}

/** The CSP violations the page has caused since it loaded (its context from `publicContext`). */
export const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

/** axe-core's WCAG 2.1 A and AA violations on the page as it is now, one line each. */
export const wcagViolations = (page: Page) => axeOnPage(page, WCAG);
