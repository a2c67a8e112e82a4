import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContributionInput, ContributionStatusResponse } from '../../api-client/contract';
import { builtSiteScriptDir } from '../support/built-assets';
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
const karim = aContribution({ body: 'Le tableau de bord n’est plus mis à jour.', author: { pseudonym: 'Karim' } });
const lou = aContribution({ body: 'Aucun contact pour poser une question.', author: { pseudonym: 'Lou' } });
const reply: ContributionInput = {
  ...aContribution({ body: 'Je les cherche aussi.', author: { pseudonym: 'Inès' } }),
  commitmentId: undefined,
  kind: 'reply',
  parentId: zoe.id,
  target: { ...zoe.target, selectors: [] },
};
const supportKey = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('hex');

/** The platform's own count, as the API says it. */
async function platformCount(id: string): Promise<number> {
  const answer = await send('GET', `${platform.url}/v1/contributions/${id}`);
  return (JSON.parse(answer.text) as { supportCount: number }).supportCount;
}

beforeAll(async () => {
  platform = await startPlatformOn('sqlite', {
    env: { VIGIE_MODERATION: 'pre' },
    args: ['--site-script', await builtSiteScriptDir()],
  });
  mod = moderation(platform, await platform.token('moderator', 'Modération'));
  // Published oldest first: Lou's is the newest, Karim's the most supported.
  for (const item of [zoe, karim, lou]) {
    await mod.submit(item);
    await mod.publish(item.id);
  }
  await mod.submit(reply);
  await mod.publish(reply.id);
  for (let i = 0; i < 2; i++)
    await send('POST', `${platform.url}/v1/contributions/${karim.id}/support`, {
      body: { supporterKeyHash: supportKey() },
    });
  await send('POST', `${platform.url}/v1/contributions/${zoe.id}/support`, {
    body: { supporterKeyHash: supportKey() },
  });
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await platform?.dispose();
});

const card = (page: Page, id: string) => page.locator(`article[data-contribution="${id}"]`);
const supportButton = (page: Page, id: string) =>
  card(page, id)
    .locator(`[data-talk="${id}"]`)
    .getByRole('button', { name: /^Moi aussi/ });
const countText = (page: Page, id: string) =>
  page.locator(`[data-talk="${id}"]`).evaluate((talk) => {
    const count = talk.previousElementSibling as HTMLElement;
    return count.hidden ? '' : count.textContent;
  });
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('the public pages: « Moi aussi », « Répondre » and the most supported first', () => {
  it('without JavaScript: sorted by support by a link, the choice said, and no button that would not work', async () => {
    const context = await publicContext(browser, false);
    const page = await context.newPage();
    await page.goto(`${platform.url}/engagements/FR0067`);
    expect(await page.locator('[data-live-list] > article').first().getAttribute('data-contribution')).toBe(lou.id);
    expect(await page.getByRole('button', { name: /^Moi aussi/ }).count()).toBe(0);
    const bySupport = page.getByRole('link', { name: 'Les plus soutenues d’abord' });
    await bySupport.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${platform.url}/engagements/FR0067?tri=soutien`);
    const order = await page
      .locator('[data-live-list] > article')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-contribution')));
    expect(order).toEqual([karim.id, zoe.id, lou.id]);
    expect(await page.getByRole('link', { name: 'Les plus soutenues d’abord' }).getAttribute('aria-current')).toBe(
      'true',
    );
    expect(await page.getByRole('link', { name: 'Les plus récentes d’abord' }).getAttribute('aria-current')).toBeNull();
    // A contribution's page still says how to support or reply.
    await page.goto(`${platform.url}/c/${zoe.id}`);
    expect(await page.getByText(/Pour dire « moi aussi » ou répondre/).isVisible()).toBe(true);
    await context.close();
    // axe needs JavaScript to run: the sorted page, read with it.
    const checked = await publicContext(browser, true);
    const sorted = await checked.newPage();
    await sorted.goto(`${platform.url}/engagements/FR0067?tri=soutien`);
    await supportButton(sorted, zoe.id).waitFor();
    expect(await wcagViolations(sorted)).toEqual([]);
    expect(await cspViolations(sorted)).toEqual([]);
    await checked.close();
  });

  it('« Moi aussi » is a toggle button: pressed, counted once even when the live count comes back, then taken back', async () => {
    const context = await publicContext(browser, true);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${platform.url}/engagements/FR0067`);
    const button = supportButton(page, zoe.id);
    await button.waitFor();
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    expect(await page.getByText(/Pour dire « moi aussi » ou répondre/).count()).toBe(0);
    // The platform's answer is held until its live count has reached the page: the worst order.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route(`**/v1/contributions/${zoe.id}/support`, async (route) => {
      const response = await route.fetch();
      await held;
      await route.fulfill({ response });
    });
    await button.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    expect(await countText(page, zoe.id)).toBe('2 personnes disent « moi aussi »');
    await expect.poll(() => platformCount(zoe.id)).toBe(2);
    // The stream's count (2) reached the page before the answer: this device's support is in it, not added again.
    await page.locator(`[data-contribution="${zoe.id}"] > [data-support-count="2"]`).waitFor({ state: 'attached' });
    expect(await countText(page, zoe.id)).toBe('2 personnes disent « moi aussi »');
    const answered = page.waitForEvent('requestfinished', (r) => r.url().endsWith(`/${zoe.id}/support`));
    release();
    await answered;
    await context.unroute(`**/v1/contributions/${zoe.id}/support`);
    expect(await countText(page, zoe.id)).toBe('2 personnes disent « moi aussi »');
    expect(await wcagViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => platformCount(zoe.id)).toBe(1);
    await expect.poll(() => countText(page, zoe.id)).toBe('1 personne dit « moi aussi »');
    // A reply can be supported too; after a reload, the button remembers.
    await page
      .locator(`[data-talk="${reply.id}"]`)
      .getByRole('button', { name: /^Moi aussi/ })
      .click();
    await expect.poll(() => platformCount(reply.id)).toBe(1);
    await page.reload();
    await expect
      .poll(() => page.locator(`[data-talk="${reply.id}"] [data-support-button]`).getAttribute('aria-pressed'))
      .toBe('true');
    expect(await cspViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a page’s contributions and the search results carry « Moi aussi » and « Répondre » too, in English with the page', async () => {
    const context = await publicContext(browser, true);
    const page = await context.newPage();
    for (const path of [`/pages?url=${encodeURIComponent(zoe.target.url)}&tri=soutien`, '/recherche?q=contact']) {
      await page.goto(`${platform.url}${path}`);
      const talk = page.locator('[data-talk]').first();
      await talk.getByRole('button', { name: /^Moi aussi/ }).waitFor();
      expect(await talk.getByRole('button', { name: /^Répondre/ }).count(), path).toBe(1);
      expect(await wcagViolations(page), path).toEqual([]);
    }
    // In English, from the page's language: the buttons, and the contract's sentence for an empty reply.
    await page.goto(`${platform.url}/c/${zoe.id}?lang=en`);
    const talk = page.locator(`[data-talk="${zoe.id}"]`);
    await talk.getByRole('button', { name: /^Me too/ }).waitFor();
    await talk.getByRole('button', { name: /^Reply/ }).click();
    await talk.getByRole('button', { name: 'Send the reply' }).click();
    await expect.poll(() => talk.locator('[data-field="body"] [data-error]').textContent()).toMatch(/^The text/);
    expect(await wcagViolations(page)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
  });

  it('pressed offline, pressed again and again, reloaded: the platform counts one support, sent once', async () => {
    const context = await publicContext(browser, true);
    const page = await context.newPage();
    const sent: string[] = [];
    page.on('requestfinished', (request) => {
      if (request.url().includes(`/v1/contributions/${lou.id}/support`)) sent.push(request.method());
    });
    await page.goto(`${platform.url}/c/${lou.id}`);
    const button = page.locator(`[data-talk="${lou.id}"]`).getByRole('button', { name: /^Moi aussi/ });
    await button.waitFor();
    await context.setOffline(true);
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator(`[data-talk="${lou.id}"] [role=status]`).textContent()).toBe(
      'Votre « moi aussi » est gardé sur cet appareil : il partira au retour du réseau.',
    );
    expect(await countText(page, lou.id)).toBe('1 personne dit « moi aussi »');
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('false');
    expect(await countText(page, lou.id)).toBe('');
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    expect(await wcagViolations(page)).toEqual([]);
    // The page comes back, the platform's routes still fail: the intent waits on the device.
    await context.route('**/v1/contributions/*/support', (route) => route.abort('internetdisconnected'));
    await context.setOffline(false);
    await page.reload();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    expect(await countText(page, lou.id)).toBe('1 personne dit « moi aussi »');
    expect(await platformCount(lou.id)).toBe(0);
    await context.unroute('**/v1/contributions/*/support');
    await page.reload();
    await expect.poll(() => platformCount(lou.id)).toBe(1);
    await expect.poll(() => sent).toEqual(['POST']);
    expect(await countText(page, lou.id)).toBe('1 personne dit « moi aussi »');
    await page.reload();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    expect(await countText(page, lou.id)).toBe('1 personne dit « moi aussi »');
    expect(sent).toEqual(['POST']);
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
  });

  it('a « Moi aussi » another tab sent while this page was loading is counted from the platform’s answer', async () => {
    const theo = aContribution({
      body: 'Le registre des subventions n’est pas en ligne.',
      author: { pseudonym: 'Théo' },
    });
    await mod.submit(theo);
    await mod.publish(theo.id);
    const context = await publicContext(browser, true);
    // The first tab keeps a « Moi aussi » that cannot leave yet.
    await context.route('**/v1/contributions/*/support', (route) => route.abort('internetdisconnected'));
    const first = await context.newPage();
    await first.goto(`${platform.url}/c/${theo.id}`);
    const firstButton = first.locator(`[data-talk="${theo.id}"]`).getByRole('button', { name: /^Moi aussi/ });
    await firstButton.click();
    await expect.poll(() => firstButton.getAttribute('aria-pressed')).toBe('true');
    // The second tab's page arrives with the platform's count (none yet); its script is held.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const second = await context.newPage();
    await second.route('**/site/talk/*', async (route) => {
      await held;
      await route.continue();
    });
    await second.goto(`${platform.url}/c/${theo.id}`, { waitUntil: 'commit' });
    await second.locator(`[data-talk="${theo.id}"]`).waitFor({ state: 'attached' });
    // Meanwhile the first tab's support leaves and the platform answers.
    await context.unroute('**/v1/contributions/*/support');
    await first.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => platformCount(theo.id)).toBe(1);
    await expect
      .poll(() =>
        first.evaluate(
          (id) =>
            new Promise<string | undefined>((resolve) => {
              const open = indexedDB.open('vigie-site');
              open.onsuccess = () => {
                const get = open.result.transaction('supports').objectStore('supports').get(id);
                get.onsuccess = () => resolve((get.result as { state?: string } | undefined)?.state);
              };
            }),
          theo.id,
        ),
      )
      .toBe('settled');
    // The second tab's script runs now: it finds the support settled, its count in the answer.
    release();
    const secondButton = second.locator(`[data-talk="${theo.id}"]`).getByRole('button', { name: /^Moi aussi/ });
    await expect.poll(() => secondButton.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => countText(second, theo.id), { timeout: 3_000 }).toBe('1 personne dit « moi aussi »');
    expect(await countText(first, theo.id)).toBe('1 personne dit « moi aussi »');
    await context.close();
  });

  it('« Répondre » with the keyboard alone, offline: the contract’s sentence, then the reply kept, sent once, shown to its author pending, then published', async () => {
    const context = await publicContext(browser, true);
    const page = await context.newPage();
    await page.goto(`${platform.url}/engagements/FR0067`);
    const talk = page.locator(`[data-talk="${karim.id}"]`);
    await talk.getByRole('button', { name: /^Moi aussi/ }).focus();
    await context.setOffline(true);
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toMatch(/^Répondre — Commentaire, Karim/);
    await page.keyboard.press('Enter');
    const form = talk.getByRole('form', { name: 'Répondre à Karim' });
    await form.waitFor();
    expect(await talk.getByRole('button', { name: /^Répondre/ }).getAttribute('aria-expanded')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('body');
    // Sent empty: the contract's sentence next to the field, which keeps the focus.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const bodyError = form.locator('[data-field="body"] [data-error]');
    await bodyError.waitFor();
    expect(await bodyError.textContent()).toMatch(/^Le texte/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('body');
    expect(await form.getByRole('textbox', { name: /Votre réponse/ }).getAttribute('aria-invalid')).toBe('true');
    expect(await wcagViolations(page)).toEqual([]);
    const words = `Il a été mis à jour hier ${crypto.randomUUID()}`;
    await page.keyboard.type(words);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Maëlle');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => form.isVisible()).toBe(false);
    expect(await talk.locator('[role=status]').textContent()).toBe(
      'Votre réponse est gardée sur cet appareil : elle partira dès que possible.',
    );
    const own = talk.locator('[data-own-replies] li');
    await expect.poll(() => own.textContent()).toContain(words);
    await expect.poll(() => own.textContent()).toMatch(/^Votre réponse · En attente du réseau/);
    expect(await wcagViolations(page)).toEqual([]);
    // Back online but the batch route fails: reloaded, the reply is still there, waiting.
    await context.route('**/v1/contributions:batch', (route) => route.abort('internetdisconnected'));
    await context.setOffline(false);
    await page.reload();
    await expect
      .poll(() => page.locator(`[data-talk="${karim.id}"] [data-own-replies] li`).textContent())
      .toContain(words);
    await context.unroute('**/v1/contributions:batch');
    await page.reload();
    await expect
      .poll(() => page.locator(`[data-talk="${karim.id}"] [data-own-replies] li`).textContent())
      .toMatch(/^Votre réponse · En attente de relecture/);
    const rows = await platform.rows(
      'SELECT kind, parent_id, author_pseudonym, source FROM contributions WHERE body = ?',
      [words],
    );
    expect(rows).toEqual([{ kind: 'reply', parent_id: karim.id, author_pseudonym: 'Maëlle', source: 'site' }]);
    // The platform answered "pending" just now; published a moment later by a moderator, the
    // next visit still asks again and its author reads so (a page load is not a tab shown again).
    const asked = page.waitForResponse((r) => r.url().endsWith('/v1/contributions/status'));
    await page.reload();
    expect(((await (await asked).json()) as ContributionStatusResponse).items).toEqual([
      expect.objectContaining({ status: 'pending' }),
    ]);
    const [{ id }] = (await platform.rows('SELECT id FROM contributions WHERE body = ?', [words])) as [{ id: string }];
    await mod.publish(id);
    await page.reload();
    await expect
      .poll(() => page.locator(`[data-talk="${karim.id}"] [data-own-replies] li`).textContent())
      .toMatch(/^Votre réponse · Publiée/);
    expect(await wcagViolations(page)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
  });
});
