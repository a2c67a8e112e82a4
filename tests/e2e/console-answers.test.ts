import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVigieClient } from '../../api-client/http';
import { builtConsoleDir } from '../support/built-assets';
import { chromiumArgs, findChromium } from '../support/chromium';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import { startPlatformOn, type StoragePlatform } from '../support/platform-storage';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const MINISTRY = 'Ministère de l’Économie';

let platform: StoragePlatform;
let browser: Browser;
let token = '';
const problems: string[] = [];

beforeAll(async () => {
  platform = await startPlatformOn('sqlite', {
    env: { VIGIE_MODERATION: 'pre' },
    args: ['--console', await builtConsoleDir()],
  });
  token = await platform.token('administration', MINISTRY, '--domains', '*.economie.gouv.fr,economie.gouv.fr');
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
});
afterAll(async () => {
  await browser?.close();
  await platform?.dispose();
});

/** axe-core in the page (evaluated, as the CSP forbids injected script tags): no violation at all. */
async function expectAccessible(page: Page, what: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: { run(): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> };
      }
    ).axe.run();
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  expect(violations, what).toEqual([]);
}

describe('the console, for an administration', () => {
  it('shows its scope only, and answers the selected contribution beside the decision, by keyboard; axe finds nothing', async () => {
    const ours = aContribution({
      body: 'Le registre des marchés n’est pas à jour.',
      target: { url: 'https://www.economie.gouv.fr/daj', title: 'DAJ', selectors: [] },
    });
    const theirs = aContribution({
      body: 'Le patrimoine mérite mieux.',
      target: { url: 'https://economie.gouv.fr.evil.example/', title: 'Sosie', selectors: [] },
    });
    await createVigieClient({ baseUrl: platform.url }).submitBatch([ours, theirs]);

    const page = await browser.newPage();
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    await page.goto(`${platform.url}/console`);
    await page.getByLabel('Jeton d’accès').fill(token);
    await page.keyboard.press('Enter');
    await page.getByText('Connecté :').waitFor();
    expect(await page.locator('.session').textContent()).toContain(`${MINISTRY} (administration)`);
    await expect
      .poll(() => page.getByRole('navigation', { name: 'Sections' }).getByRole('button').allTextContents())
      .toEqual(['Modération (1 en attente)', 'Tableau de bord', 'Exports', 'Intégrer']);

    await page.locator('.queue li').first().waitFor();
    expect(await page.locator('.queue li').count()).toBe(1);
    expect(await page.locator('.queue').textContent()).toContain(ours.body);
    // The moderators' reply is theirs; an organisation answers under its name.
    expect(await page.getByLabel('Réponse publique de la modération (facultative)').count()).toBe(0);
    await expectAccessible(page, 'an administration’s queue with its answer form');

    // The answer is one key away from the selected contribution.
    await page.locator('.queue > li.selected').focus();
    await page.keyboard.press('a');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('answer-body');
    await page.getByLabel('Où en est votre organisation ?').selectOption({ label: 'Réponse apportée' });
    await page.getByLabel('Texte de la réponse').fill('Le registre sera à jour lundi.');
    await page.getByLabel('Texte de la réponse').press('Tab');
    await page.keyboard.press('Enter'); // the button "Publier la réponse" has the focus
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Réponse enregistrée.');
    await expect
      .poll(() => page.locator('.queue li').first().textContent())
      .toContain(`Réponse de ${MINISTRY} (Réponse apportée)`);
    expect(await page.getByRole('button', { name: 'Modifier la réponse' }).count()).toBe(1);
    await expectAccessible(page, 'after answering');

    const history = await send('GET', `${platform.url}/v1/contributions/${ours.id}/answers`, { token });
    expect(history.json<{ items: unknown[] }>().items).toEqual([
      {
        body: 'Le registre sera à jour lundi.',
        status: 'answered',
        organisation: MINISTRY,
        at: expect.any(String) as unknown,
      },
    ]);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Your organisation’s answer' }).waitFor();
    expect(await page.getByLabel('Where does your organisation stand?').inputValue()).toBe('answered');
    await expectAccessible(page, 'in English');
    expect(problems).toEqual([]);
    await page.close();
  });
});
