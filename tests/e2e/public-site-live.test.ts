import { createHash, randomBytes } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContributionInput } from '../../api-client/contract';
import { chromiumArgs, findChromium } from '../support/chromium';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import { startPlatformOn, type StoragePlatform } from '../support/platform-storage';
import { cspViolations, publicContext, wcagViolations } from '../support/public-browser';
import { moderation } from '../support/public-site';

let platform: StoragePlatform;
let browser: Browser;
let mod: ReturnType<typeof moderation>;
const zoe = aContribution({ body: 'Où sont les données essentielles de 2024 ?', author: { pseudonym: 'Zoé' } });
const replyTo = (parent: ContributionInput, body: string, pseudonym: string): ContributionInput => {
  const { commitmentId: _c, ...rest } = aContribution({ body, author: { pseudonym } });
  return { ...rest, kind: 'reply', parentId: parent.id, target: { ...parent.target, selectors: [] } };
};
const earlyReply = replyTo(zoe, 'Je les cherche aussi.', 'Karim');
const support = (id: string) =>
  send('POST', `${platform.url}/v1/contributions/${id}/support`, {
    body: { supporterKeyHash: createHash('sha256').update(randomBytes(16)).digest('hex') },
  });

beforeAll(async () => {
  platform = await startPlatformOn('sqlite', { env: { VIGIE_MODERATION: 'pre' } });
  mod = moderation(platform, await platform.token('moderator', 'Modération'));
  await mod.submit(zoe);
  await mod.publish(zoe.id);
  await mod.submit(earlyReply);
  await mod.publish(earlyReply.id);
  await support(zoe.id);
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await platform?.dispose();
});

const card = (page: Page, id: string) => page.locator(`article[data-contribution="${id}"]`);
const announced = (page: Page) => page.locator('[data-live-announcer]').textContent();

describe('the commitment page, live', () => {
  it('shows support counts and replies under their contribution without JavaScript', async () => {
    const context = await publicContext(browser, false);
    const page = await context.newPage();
    await page.goto(`${platform.url}/engagements/FR0067`);
    const zoeCard = card(page, zoe.id);
    expect(await zoeCard.getByText('1 personne dit « moi aussi »').isVisible()).toBe(true);
    expect(await zoeCard.getByRole('heading', { name: 'Réponses des citoyens (1)' }).isVisible()).toBe(true);
    expect(await zoeCard.getByText('Je les cherche aussi.').isVisible()).toBe(true);
    // Nothing says the page is live: without its script, it is not.
    expect(await page.getByText(/se met à jour en direct/).isVisible()).toBe(false);
    await page.goto(`${platform.url}/c/${earlyReply.id}`);
    await page.getByRole('link', { name: 'Voir la contribution à laquelle elle répond' }).click();
    await page.waitForURL(`${platform.url}/c/${zoe.id}`);
    expect(await page.getByRole('heading', { name: 'Réponses des citoyens (1)' }).isVisible()).toBe(true);
    await context.close();
  });

  it('brings new contributions, replies, counts and removals without a reload, said politely, the focus left where it was', async () => {
    const context = await publicContext(browser, true);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${platform.url}/engagements/FR0067`);
    await page.getByText(/Cette page se met à jour en direct/).waitFor();
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    // A reader is on Zoé's permalink with the keyboard.
    const permalink = card(page, zoe.id).getByRole('link', { name: /Lien permanent.+Zoé/ });
    await permalink.focus();
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    const before = await focused();
    expect(before).toContain('Lien permanent');

    const lou = aContribution({ body: 'Le calendrier de publication n’est pas daté.', author: { pseudonym: 'Lou' } });
    await mod.submit(lou);
    await mod.publish(lou.id);
    await card(page, lou.id).waitFor();
    // Newest first: on top of the list.
    expect(await page.locator('[data-live-list] > article').first().getAttribute('data-contribution')).toBe(lou.id);
    await expect.poll(() => announced(page)).toBe('Nouvelle contribution publiée : Commentaire, par Lou.');
    expect(await focused()).toBe(before);

    const reply = replyTo(zoe, 'Moi non plus, je ne les trouve pas.', 'Inès');
    await mod.submit(reply);
    await mod.publish(reply.id);
    await card(page, zoe.id).getByText('Moi non plus, je ne les trouve pas.').waitFor();
    await expect.poll(() => announced(page)).toBe('Nouvelle réponse de Inès.');
    await expect
      .poll(() => card(page, zoe.id).getByRole('heading', { name: 'Réponses des citoyens (2)' }).count())
      .toBe(1);

    await support(zoe.id);
    await expect
      .poll(() => card(page, zoe.id).locator('[data-support-count]').first().textContent())
      .toBe('2 personnes disent « moi aussi »');
    await support(lou.id);
    await expect.poll(() => card(page, lou.id).locator('[data-support-count]').first().isVisible()).toBe(true);
    expect(await focused()).toBe(before);

    await mod.publish(lou.id, 'Le calendrier sera publié en janvier.');
    await card(page, lou.id).getByText('Le calendrier sera publié en janvier.').waitFor();

    await mod.hide(lou.id);
    await expect.poll(() => card(page, lou.id).count()).toBe(0);
    await expect.poll(() => announced(page)).toBe('Une contribution a été retirée de cette page.');
    expect(await focused()).toBe(before);

    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(await wcagViolations(page)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('moves the focus to the list’s heading when what held it leaves the page', async () => {
    const context = await publicContext(browser, true);
    const page = await context.newPage();
    const gone = aContribution({ body: 'Bientôt masquée.', author: { pseudonym: 'Noé' } });
    await mod.submit(gone);
    await mod.publish(gone.id);
    await page.goto(`${platform.url}/engagements/FR0067`);
    await page.getByText(/Cette page se met à jour en direct/).waitFor();
    await card(page, gone.id)
      .getByRole('link', { name: /Lien permanent.+Noé/ })
      .focus();
    await mod.hide(gone.id);
    await expect.poll(() => card(page, gone.id).count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('contributions-title');
    await context.close();
  });
});
