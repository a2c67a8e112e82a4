import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContributionInput } from '../../api-client/contract';
import { axeOnPage } from '../support/axe';
import { builtConsoleDir } from '../support/built-assets';
import { chromiumArgs, findChromium } from '../support/chromium';
import { aContribution } from '../support/contributions';
import { startPlatformOn, type StoragePlatform } from '../support/platform-storage';
import { moderation } from '../support/public-site';

let platform: StoragePlatform;
let browser: Browser;
let token: string;

beforeAll(async () => {
  platform = await startPlatformOn('sqlite', {
    env: { VIGIE_MODERATION: 'pre' },
    args: ['--console', await builtConsoleDir()],
  });
  token = await platform.token('moderator', 'Modération DITP');
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
});
afterAll(async () => {
  await browser?.close();
  await platform?.dispose();
});

describe('the console and citizens’ replies', () => {
  it('shows a reply in the queue as a reply, with the words it answers, and publishes it by keyboard', async () => {
    const mod = moderation(platform, token);
    const parent = aContribution({ body: 'Le registre des lobbies n’est pas à jour.', author: { pseudonym: 'Zoé' } });
    await mod.submit(parent);
    await mod.publish(parent.id);
    const { commitmentId: _c, ...rest } = aContribution({ body: 'Il manque aussi 2025.' });
    const reply: ContributionInput = {
      ...rest,
      kind: 'reply',
      parentId: parent.id,
      target: { ...parent.target, selectors: [] },
    };
    await mod.submit(reply);

    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${platform.url}/console`);
    await page.getByLabel('Jeton d’accès').fill(token);
    await page.keyboard.press('Enter');
    const item = page.locator(`.queue li[data-id="${reply.id}"]`);
    await item.waitFor();
    expect(await item.locator('.meta strong').textContent()).toBe('Réponse d’un citoyen');
    expect(await item.getByText('En réponse à Zoé :').isVisible()).toBe(true);
    expect(await item.getByRole('blockquote').textContent()).toBe('Le registre des lobbies n’est pas à jour.');
    expect(await axeOnPage(page)).toEqual([]);

    await item.focus();
    await page.keyboard.press('p');
    await page.getByText('Contribution publiée.').waitFor();
    const replies = await mod.client.listReplies(parent.id);
    expect(replies.items.map((r) => r.id)).toEqual([reply.id]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
