import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtConsoleDir, builtWidgetDir } from '../support/built-assets';
import { chromiumArgs, findChromium } from '../support/chromium';
import { send } from '../support/platform-http';
import { startPlatformOn, type StoragePlatform } from '../support/platform-storage';
import { README_PLATFORM, readmeSnippet } from '../support/readme';
import { startStaticServer, type StaticServer } from '../support/static-server';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let platform: StoragePlatform;
let publicUrl: string;
let browser: Browser;
let adminToken: string;
const servers: StaticServer[] = [];

beforeAll(async () => {
  platform = await startPlatformOn('sqlite', {
    env: { VIGIE_MODERATION: 'post' },
    args: ['--widget', await builtWidgetDir(), '--console', await builtConsoleDir()],
  });
  // What browsers are told the platform is (VIGIE_PUBLIC_URL, here its default).
  publicUrl = `http://localhost:${platform.port}`;
  adminToken = await platform.token('admin', 'Ministère de l’Économie');
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => server.close()));
  await platform?.dispose();
});

/** An administration's page on another origin, under the strict policy its site would have. */
async function administrationSite(snippet: string, csp: string): Promise<StaticServer> {
  const page = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Rendre la commande publique plus transparente — economie.gouv.fr</title>
<link rel="canonical" href="https://www.economie.gouv.fr/commande-publique/transparence">
</head>
<body>
<main>
<h1>Rendre la commande publique plus transparente</h1>
<p>Les données essentielles des marchés publics seront publiées dans un format ouvert.</p>
${snippet}
</main>
</body>
</html>`;
  const server = await startStaticServer({
    '/': { body: page, headers: { 'content-security-policy': csp } },
    '/favicon.ico': { body: new Uint8Array(0), type: 'image/x-icon' },
  });
  servers.push(server);
  return server;
}

/** Watches CSP violations and widget events from the page's first script on. */
const probe = () => {
  const w = window as unknown as { __violations: string[]; __synced: string[] };
  w.__violations = [];
  w.__synced = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
  );
  document.addEventListener('vigie-synced', (e) => w.__synced.push((e as CustomEvent<{ id: string }>).detail.id));
};

async function openSite(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  await context.addInitScript(probe);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  return { page, errors };
}

/** Writes a contribution through the widget and returns its id once the platform has it. */
async function contribute(page: Page, field: string, send: string, text: string): Promise<string> {
  await page.getByRole('textbox', { name: field }).fill(text);
  await page.getByRole('button', { name: send }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __synced: string[] }).__synced.length)).toBe(1);
  return page.evaluate(() => (window as unknown as { __synced: string[] }).__synced[0]!);
}

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

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

describe('the widget on another origin, loaded from the platform', () => {
  it('works from the README’s snippet, pasted as written, under script-src and connect-src <platform>', async () => {
    const snippet = readmeSnippet().replaceAll(README_PLATFORM, publicUrl);
    const site = await administrationSite(snippet, `script-src ${publicUrl}; connect-src ${publicUrl}`);
    expect(new URL(site.url).origin).not.toBe(new URL(publicUrl).origin);
    const context = await browser.newContext({ locale: 'fr-FR' });
    try {
      const { page, errors } = await openSite(context, `${site.url}/`);
      const text = 'Le tableau de bord promis n’est pas publié. (envoyé depuis le site du ministère)';
      const id = await contribute(page, 'Votre contribution', 'Envoyer', text);

      const stored = (await send('GET', `${platform.url}/v1/contributions/${id}`)).json<Record<string, unknown>>();
      expect(stored).toMatchObject({
        body: text,
        status: 'published',
        commitmentId: 'FR0067',
        source: 'widget',
        target: { url: 'https://www.economie.gouv.fr/commande-publique/transparence' },
      });
      expect(await violations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the console’s Intégrer page', () => {
  it('builds the snippet from choices made with the keyboard, copies it, and its SRI pin works with the lazy chunks', async () => {
    const campaign = await send('POST', `${platform.url}/v1/campaigns`, {
      token: adminToken,
      body: {
        id: 'donnees-commande-publique',
        title: 'Données de la commande publique',
        question: 'Quelles données manquent ?',
        targets: { commitmentIds: ['FR0067'], urlPatterns: [] },
        opensAt: '2026-01-01T00:00:00.000Z',
        closesAt: '2099-01-01T00:00:00.000Z',
      },
    });
    expect(campaign.status).toBe(201);
    const context = await browser.newContext({ locale: 'fr-FR' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: platform.url });
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(`${platform.url}/console`);
      await page.getByLabel('Jeton d’accès').fill(adminToken);
      await page.keyboard.press('Enter');
      await page.getByText('Connecté :').waitFor();

      await page.getByRole('button', { name: 'Intégrer' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Intégrer le module à votre site' }).waitFor();
      const snippetField = page.getByLabel('Code à coller dans votre page');
      await expect.poll(() => snippetField.inputValue()).toContain('integrity="sha384-');
      await expect.poll(() => page.locator('#embed-commitment option').count()).toBeGreaterThan(5);

      // Commitment, language and quote mode, from the keyboard.
      await page.getByLabel('Engagement').focus();
      await page.keyboard.type('FR0067');
      await page.getByLabel('Campagne').focus();
      await page.keyboard.press('ArrowDown');
      await page.getByLabel('Langue du module').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.getByLabel('Permettre de citer un passage sélectionné dans la page').focus();
      await page.keyboard.press('Space');
      const pinned = await snippetField.inputValue();
      expect(pinned).toMatch(
        /^<script type="module" src="http:\/\/localhost:\d+\/widget\/vigie-feedback\.[0-9a-f]{12}\.js" integrity="sha384-[\w+/=]{64}" crossorigin="anonymous"><\/script>\n<vigie-feedback platform="http:\/\/localhost:\d+" commitment="FR0067" campaign="donnees-commande-publique" lang="en" quote-mode><\/vigie-feedback>$/,
      );
      await expectAccessible(page, 'Intégrer, pinned');

      await page.getByRole('button', { name: 'Copier le code' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('Code copié dans le presse-papiers.').waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(pinned);
      const csp = (await page.locator('#embed-csp').textContent())!;
      expect(csp).toBe(`script-src ${publicUrl}; connect-src ${publicUrl}`);

      // Following upgrades instead: the stable entry, and no hash that an upgrade would break.
      await page.getByRole('radio', { name: 'Figer cette version, vérifiée par le navigateur (recommandé)' }).focus();
      await page.keyboard.press('ArrowDown');
      expect(await page.getByRole('radio', { name: 'Suivre les mises à jour de la plateforme' }).isChecked()).toBe(
        true,
      );
      const following = await snippetField.inputValue();
      expect(following).toContain(`<script type="module" src="${publicUrl}/widget/vigie-feedback.js"></script>`);
      expect(following).not.toContain('integrity');

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Embed the widget in your site' }).waitFor();
      await expectAccessible(page, 'Embed, in English');
      expect(problems).toEqual([]);

      // The pinned snippet, pasted on the administration's site under the policy the page gave.
      const site = await administrationSite(pinned, csp);
      const { page: sitePage, errors } = await openSite(context, `${site.url}/`);
      const requested: string[] = [];
      sitePage.on('requestfinished', (request) => requested.push(new URL(request.url()).pathname));
      const id = await contribute(sitePage, 'Your contribution', 'Send', 'Sent through the pinned widget.');
      expect((await send('GET', `${platform.url}/v1/contributions/${id}`)).json()).toMatchObject({
        body: 'Sent through the pinned widget.',
        locale: 'en',
        campaignId: 'donnees-commande-publique',
      });
      // The lazily imported chunks loaded (SRI covers the entry only, and does not stop them).
      expect(requested.some((path) => /^\/widget\/chunks\/runtime-[\w-]+\.js$/.test(path))).toBe(true);
      expect(await sitePage.getByRole('button', { name: 'Quote the selected passage' }).count()).toBe(1);
      expect(await violations(sitePage)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('is refused by the browser when the entry does not match the pinned hash', async () => {
    const release = (await send('GET', `${platform.url}/widget/release.json`)).json<{
      pinned: { url: string; integrity: string };
    }>();
    const wrong = `sha384-${Buffer.alloc(48, 7).toString('base64')}`;
    const snippet =
      `<script type="module" src="${release.pinned.url}" integrity="${wrong}" crossorigin="anonymous"></script>\n` +
      `<vigie-feedback platform="${publicUrl}"></vigie-feedback>`;
    const site = await administrationSite(snippet, `script-src ${publicUrl}; connect-src ${publicUrl}`);
    const context = await browser.newContext({ locale: 'fr-FR' });
    try {
      const { page, errors } = await openSite(context, `${site.url}/`);
      await expect.poll(() => errors.some((e) => /integrity/i.test(e))).toBe(true);
      expect(await page.evaluate(() => customElements.get('vigie-feedback') === undefined)).toBe(true);
    } finally {
      await context.close();
    }
  });
});
