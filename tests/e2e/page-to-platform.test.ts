import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createVigieClient } from '../../api-client/http';
import { chromiumArgs, findChromium } from '../support/chromium';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { fromFile, startStaticServer, type StaticServer } from '../support/static-server';

let platform: PlatformProcess;
let site: StaticServer;
let browser: Browser;

beforeAll(async () => {
  platform = await startPlatformProcess({ env: { VIGIE_MODERATION: 'post' } });
  site = await startStaticServer({
    '/plan-2021-2023': { body: fromFile(new URL('../fixtures/plan-gouvernement-ouvert.html', import.meta.url)) },
  });
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await platform?.dispose();
});

it('a passage selected on a government page reaches the platform once and is listed for that page', async () => {
  const page = await browser.newPage();
  await page.goto(`${site.url}/plan-2021-2023`);
  const pageUrl = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel=canonical]')!.href);

  // What a client does: select words on the page, then send them twice (a retry), cross-origin.
  const answers = await page.evaluate(
    async ({ platformUrl, pageUrl }) => {
      const lead = document.querySelector('.fr-text--lead')!;
      const range = document.createRange();
      range.selectNodeContents(lead);
      const exact = range.toString().split(':')[0]!.trim();
      const item = {
        id: crypto.randomUUID(),
        kind: 'comment',
        body: 'Où sont publiés les comptes rendus des ateliers ?',
        target: { url: pageUrl, title: document.title, selectors: [{ type: 'TextQuoteSelector', exact }] },
        locale: 'fr',
        source: 'widget',
        createdAt: new Date().toISOString(),
      };
      const send = async () => {
        const response = await fetch(`${platformUrl}/v1/contributions:batch`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ items: [item] }),
        });
        const answer = (await response.json()) as { results: Array<{ outcome: string }> };
        return answer.results[0]!.outcome;
      };
      const outcomes = [await send(), await send()];
      const listed = (await (
        await fetch(`${platformUrl}/v1/contributions?url=${encodeURIComponent(pageUrl)}`)
      ).json()) as { items: Array<{ id: string }> };
      return { id: item.id, exact, outcomes, listed: listed.items.map((c) => c.id) };
    },
    { platformUrl: platform.url, pageUrl },
  );

  expect(answers.outcomes).toEqual(['created', 'duplicate']);
  expect(answers.listed).toEqual([answers.id]);
  const stored = await createVigieClient({ baseUrl: platform.url }).getContribution(answers.id);
  expect(stored.target.selectors).toEqual([{ type: 'TextQuoteSelector', exact: answers.exact }]);
  expect(stored.target.url).toBe('https://www.example.gouv.fr/gouvernement-ouvert/plan-2021-2023');
  expect(answers.exact).toMatch(/^La France a rejoint le Partenariat/);
});
