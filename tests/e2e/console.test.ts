import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Campaign, CampaignList, ModerationQueue } from '../../api-client/contract';
import { createVigieClient } from '../../api-client/http';
import { builtConsoleDir } from '../support/built-assets';
import { chromiumArgs, findChromium } from '../support/chromium';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import { startPlatformOn, type StoragePlatform } from '../support/platform-storage';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let platform: StoragePlatform;
let browser: Browser;
const tokens = { moderator: '', ngo: '', admin: '' };
const problems: string[] = [];

beforeAll(async () => {
  platform = await startPlatformOn('sqlite', {
    env: { VIGIE_MODERATION: 'pre' },
    args: ['--console', await builtConsoleDir()],
  });
  [tokens.moderator, tokens.ngo, tokens.admin] = await Promise.all([
    platform.token('moderator', 'Modération DITP'),
    platform.token('ngo', 'Regards Citoyens'),
    platform.token('admin', 'DITP'),
  ]);
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
});
afterAll(async () => {
  await browser?.close();
  await platform?.dispose();
});

async function openConsole(): Promise<Page> {
  const page = await browser.newPage({ acceptDownloads: true });
  // Any script error or CSP violation fails the run: the console must work under its own policy.
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  const response = await page.goto(`${platform.url}/console`);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  return page;
}

async function signIn(page: Page, token: string): Promise<void> {
  await page.getByLabel('Jeton d’accès').fill(token);
  await page.keyboard.press('Enter');
  await page.getByText('Connecté :').waitFor();
}

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

const focusedId = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id ?? null);

describe('the console', () => {
  it('serves no inline script and signs in with a token kept in sessionStorage', async () => {
    const page = await openConsole();
    expect(await page.evaluate(() => document.querySelectorAll('script:not([src]), [style]').length)).toBe(0);
    await expectAccessible(page, 'sign-in form');
    await page.getByLabel('Jeton d’accès').fill('vigie_' + 'x'.repeat(43));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      "Ce jeton d'accès n'est pas reconnu ou a été révoqué.",
    );
    problems.length = 0; // the refused sign-in logs its 401; nothing else may
    await signIn(page, tokens.moderator);
    expect(await page.evaluate(() => sessionStorage.getItem('vigie.token'))).toBe(tokens.moderator);
    await page.reload();
    await page.getByText('Connecté :').waitFor();
    await page.close();
  });

  it('works the moderation queue with the keyboard: j/k to move, p/h/r to decide', async () => {
    const client = createVigieClient({ baseUrl: platform.url });
    const items = [1, 2, 3].map((n) => aContribution({ body: `Contribution numéro ${n} à modérer` }));
    for (const item of items) await client.submitBatch([item]);
    const page = await openConsole();
    await signIn(page, tokens.moderator);
    await page.locator('.queue li').nth(2).waitFor();
    await expectAccessible(page, 'moderation queue');
    expect(await page.locator('.queue li').count()).toBe(3);

    // Oldest first; two sent within one millisecond are ordered by id, so read the order shown.
    const order = await page
      .locator('.queue li')
      .evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.id!));
    expect(new Set(order)).toEqual(new Set(items.map((i) => i.id)));
    await page.locator('.queue li').first().focus();
    await page.keyboard.press('j');
    await expect.poll(() => focusedId(page)).toBe(order[1]); // Preact renders, then moves the focus
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none'); // the focus is visible
    await page.keyboard.press('k');
    await expect.poll(() => focusedId(page)).toBe(order[0]);

    await page.keyboard.press('p');
    await page.getByText('Contribution publiée.').waitFor();
    expect((await client.getContribution(order[0]!)).status).toBe('published');

    // Hiding needs a reason: the console says so and takes the focus to it.
    await page.locator('.queue li').first().focus();
    await page.keyboard.press('h');
    await page.getByText('Choisissez un motif avant de masquer ou de rejeter.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('decision-reason');
    await page.selectOption('#decision-reason', 'spam');
    await page.getByLabel('Réponse publique de la modération (facultative)').fill('Message publicitaire.');
    await page.locator('.queue li').first().focus();
    await page.keyboard.press('r');
    await page.getByText('Contribution rejetée.').waitFor();
    const queue = ModerationQueue.parse(
      (await send('GET', `${platform.url}/v1/moderation/queue?status=rejected`, { token: tokens.moderator })).json(),
    );
    expect(queue.items[0]).toMatchObject({
      contribution: { id: order[1], reply: { body: 'Message publicitaire.' } },
      decision: { reason: 'spam' },
    });

    // Buttons do the same as the keys.
    await page.getByRole('button', { name: 'Publier (p)' }).click();
    await page.getByText('Contribution publiée.').waitFor();
    expect((await client.getContribution(order[2]!)).status).toBe('published');
    await page.getByText('Aucune contribution dans cette file.').waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Moderation queue' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectAccessible(page, 'moderation queue in English');
    await page.close();
  });

  it('lets an ngo create and close a campaign, and says when an export would be empty', async () => {
    const page = await openConsole();
    await signIn(page, tokens.ngo);
    await page.getByRole('heading', { name: 'Campagnes' }).waitFor();
    await expectAccessible(page, 'campaigns');
    await page.getByRole('button', { name: 'Nouvelle campagne' }).click();
    await page.getByLabel('Identifiant (lettres minuscules, chiffres et tirets)').fill('marches-publics-2026');
    await page.getByLabel('Titre').fill('Marchés publics 2026');
    await page.getByLabel('Question posée aux citoyens').fill('Quelles données manquent ?');
    await page
      .getByLabel('Engagements visés (identifiants séparés par des virgules, ex. FR0067)')
      .fill('FR0067, FR0068');
    await page.getByLabel('Ouverture').fill('2026-01-01T00:00');
    await page.getByLabel('Clôture').fill('2099-01-01T00:00');
    await expectAccessible(page, 'campaign form');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Campagne enregistrée.').waitFor();
    // An NGO's new campaign waits for an admin: the console says so, and no citizen sees it yet.
    await page.locator('[data-id="marches-publics-2026"]').getByText('en attente d’approbation').waitFor();
    expect((await send('GET', `${platform.url}/v1/campaigns/marches-publics-2026`)).status).toBe(404);
    const mine = CampaignList.parse(
      (await send('GET', `${platform.url}/v1/me/campaigns`, { token: tokens.ngo })).json(),
    );
    expect(mine.items[0]).toMatchObject({
      id: 'marches-publics-2026',
      owner: 'Regards Citoyens',
      approval: 'pending',
      targets: { commitmentIds: ['FR0067', 'FR0068'] },
    });
    expect(await page.getByRole('button', { name: 'Approuver : Marchés publics 2026' }).count()).toBe(0);

    // An admin approves it from the console.
    const adminPage = await openConsole();
    await signIn(adminPage, tokens.admin);
    await adminPage.getByRole('button', { name: 'Campagnes' }).click();
    await adminPage.getByRole('button', { name: 'Approuver : Marchés publics 2026' }).click();
    await adminPage.getByText('Campagne approuvée : les citoyens la voient.').waitFor();
    await adminPage.locator('[data-id="marches-publics-2026"]').getByText('approuvée', { exact: true }).waitFor();
    await expectAccessible(adminPage, 'campaigns as an admin');
    await adminPage.close();
    const approved = Campaign.parse((await send('GET', `${platform.url}/v1/campaigns/marches-publics-2026`)).json());
    expect(approved.approval).toBe('approved');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Clore : Marchés publics 2026' }).click();
    await page.getByText('Campagne close.').waitFor();
    expect(
      Date.parse(
        Campaign.parse((await send('GET', `${platform.url}/v1/campaigns/marches-publics-2026`)).json()).closesAt,
      ),
    ).toBeLessThanOrEqual(Date.now());

    await createVigieClient({ baseUrl: platform.url }).submitBatch([
      aContribution({ body: 'Avant, pendant, après ; « accents »' }),
    ]);
    await page.getByRole('button', { name: 'Exports' }).click();
    await expectAccessible(page, 'exports');
    // Its campaign received nothing published: the console says so instead of downloading an empty file.
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: 'Télécharger' }).click();
    await page
      .getByText('Aucune contribution ne correspond à ces filtres : aucun fichier n’a été téléchargé.')
      .waitFor();
    expect(downloads).toBe(0);
    await page.close();
    expect(problems).toEqual([]);
  });
});
