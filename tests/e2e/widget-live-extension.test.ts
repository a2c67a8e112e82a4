import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { builtWidgetDir } from '../support/built-assets';
import { inPageWords, writeComment } from '../support/citizen-flows';
import { PLAN_CANONICAL, type CitizenWorld } from '../support/citizen-world';
import { draftsOf, openPageWithUi, type ExtensionBrowser, type InPageUi } from '../support/extension-browser';
import { startExtensionWorld, type ExtensionWorld } from '../support/extension-world';
import { moderatorOf, type Moderator } from '../support/moderator';
import { axeViolationsIn } from '../support/widget-page';

// One government page with the widget embedded, read by a citizen who has the extension too,
// under pre-moderation: what either sends shows in the widget once a moderator publishes it. The
// widget speaks English here, so its form and the extension's composer (French) are told apart by name.
const fr = inPageWords.fr;
const fixture = new URL('../fixtures/plan-gouvernement-ouvert.html', import.meta.url);
let ext: ExtensionWorld;
let world: CitizenWorld;
let moderator: Moderator;
let browser: ExtensionBrowser;

/** The plan's page with the widget, loaded from the platform by its one script tag. */
function pageWithWidget(): string {
  const platform = world.platform.url;
  return readFileSync(fixture, 'utf8').replace(
    '</body>',
    `<script type="module" src="${platform}/widget/vigie-feedback.js"></script>
     <vigie-feedback platform="${platform}" lang="en"></vigie-feedback></body>`,
  );
}

beforeAll(async () => {
  ext = await startExtensionWorld({
    routes: { '/plan-avec-module': { body: () => pageWithWidget() } },
    world: { moderation: 'pre', args: ['--widget', await builtWidgetDir()] },
  });
  ({ world, browser } = ext);
  moderator = await moderatorOf(world.platform);
}, 180_000);

afterAll(() => ext?.close());

const widgetOf = (page: Page) => page.locator('vigie-feedback');
const listed = (page: Page, text: string) => widgetOf(page).locator('[part=list] > li').filter({ hasText: text });

async function openWithList(): Promise<{ page: Page; ui: InPageUi }> {
  const opened = await openPageWithUi(browser, `${world.site.url}/plan-avec-module`);
  await widgetOf(opened.page).getByRole('button', { name: 'Show the published contributions' }).click();
  // Read: empty at first, then holding what the other test published.
  const widget = widgetOf(opened.page);
  await expect
    .poll(
      async () =>
        (await widget.getByText('No contribution published yet.').count()) +
        (await widget.locator('[part=list]').count()),
      { timeout: 15_000 },
    )
    .toBe(1);
  return opened;
}

it('a contribution sent from the extension appears in the widget open on the same page once published, without a reload', async () => {
  const { page, ui } = await openWithList();
  const text = `Envoyé avec l’extension ${crypto.randomUUID()}`;
  await writeComment(ui, fr, { selector: '#commande-publique p', passage: 'Les acheteurs publics publieront' }, text);
  await ui.click('button', fr.send);
  await expect.poll(() => ui.statusText(), { timeout: 15_000 }).toContain('En attente de relecture');
  await ui.press('Escape');
  const id = (await draftsOf(browser)).find((d) => d.body === text)!.id;
  // Pending: not public, so not in the widget.
  expect(await listed(page, text).count()).toBe(0);

  await moderator.publish(id);
  await expect.poll(() => listed(page, text).count(), { timeout: 15_000 }).toBe(1);
  expect(await widgetOf(page).locator('.share-note').textContent()).toBe('A new contribution was just published.');
  const [stored] = (await world.client.listContributions({ url: PLAN_CANONICAL, limit: 100 })).items.filter(
    (c) => c.body === text,
  );
  expect(stored?.source).toBe('extension');
  expect(await axeViolationsIn(page)).toEqual([]);
  await page.close();
});

it('« Mes contributions sur cette page » learns from the stream that a contribution was published, without waiting for its round', async () => {
  const { page } = await openWithList();
  const widget = widgetOf(page);
  const text = `Envoyé avec le module ${crypto.randomUUID()}`;
  await widget.getByRole('textbox', { name: 'Your contribution' }).fill(text);
  await widget.getByRole('button', { name: 'Send' }).click();
  await expect
    .poll(() => widget.getByRole('status').first().textContent(), { timeout: 15_000 })
    .toContain('it will be published after review');
  const mineButton = widget.getByRole('button', { name: /^My contributions on this page/ });
  await mineButton.click();
  const entry = widget.locator('[part=mine] > li').filter({ hasText: text });
  await expect.poll(() => entry.textContent(), { timeout: 15_000 }).toContain('Awaiting review');
  const id = await page.evaluate(
    (body) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('vigie-widget');
        open.onsuccess = () => {
          const all = open.result.transaction('drafts').objectStore('drafts').getAll();
          all.onsuccess = () =>
            resolve(
              (all.result as Array<{ id: string; input: { body?: string } }>).find((d) => d.input.body === body)!.id,
            );
          all.onerror = () => reject(new Error('drafts unreadable'));
        };
      }),
    text,
  );

  // The section asked on opening; its next round is ten minutes away. The stream tells it now.
  await moderator.publish(id);
  await expect.poll(() => listed(page, text).count(), { timeout: 15_000 }).toBe(1);
  await expect.poll(() => entry.textContent(), { timeout: 8_000 }).toContain('Published');
  expect(await axeViolationsIn(page)).toEqual([]);
  await page.close();
});
