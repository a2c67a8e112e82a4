import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createVigieClient } from '../../api-client/http';
import { chromiumArgs, findChromium } from '../support/chromium';
import { aContribution } from '../support/contributions';
import { startWidgetSite, type WidgetSite } from '../support/widget-site';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let site: WidgetSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** Watches what the page reports: CSP violations, script errors, widget events. */
const probe = () => {
  const w = window as unknown as { __violations: string[]; __events: Array<{ type: string; id: string }> };
  w.__violations = [];
  w.__events = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
  );
  for (const type of ['vigie-draft-saved', 'vigie-queued', 'vigie-synced', 'vigie-rejected']) {
    document.addEventListener(type, (e) => w.__events.push({ type, id: (e as CustomEvent<{ id: string }>).detail.id }));
  }
};

async function openDemo(target: Page = page): Promise<void> {
  await target.goto(site.pageUrl);
  await target.locator('vigie-feedback').scrollIntoViewIfNeeded();
}

/** Focuses the text field and waits until the drafts code has loaded and saved once. */
async function startWriting(text: string, target: Page = page): Promise<void> {
  await bodyField(target).fill(text);
  await expect.poll(async () => (await events(target)).some((e) => e.type === 'vigie-draft-saved')).toBe(true);
}

const bodyField = (target: Page = page) => target.getByRole('textbox', { name: 'Votre contribution' });
const status = (target: Page = page) => target.locator('vigie-feedback').getByRole('status');
const events = (target: Page = page) =>
  target.evaluate(() => (window as unknown as { __events: Array<{ type: string; id: string }> }).__events);

async function axeViolations(target: Page = page): Promise<string[]> {
  // axe is evaluated, not added as a script tag: the demo page's CSP forbids inline scripts.
  await target.evaluate(axeSource);
  return target.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> };
      }
    ).axe;
    const result = await axe.run(
      { include: [['vigie-feedback']] },
      { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    );
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

beforeAll(async () => {
  site = await startWidgetSite();
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.dispose();
});

beforeEach(async () => {
  context = await browser.newContext({ locale: 'fr-FR' });
  await context.addInitScript(probe);
  page = await context.newPage();
});

afterEach(async () => {
  await context?.close();
});

describe('on a government page with a strict CSP', () => {
  it('loads from one script tag and renders without a single CSP violation or error', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openDemo();
    await startWriting('Un mot.');
    await expect
      .poll(() => page.locator('vigie-feedback').getByText('Rendre la commande publique plus transparente').count())
      .toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(errors).toEqual([]);
    const csp = (await page.request.get(site.pageUrl)).headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    // Loaded from the platform, as an administration's page would: the demo site has no copy.
    const platformUrl = `http://localhost:${site.platform.port}`;
    expect(await page.evaluate(() => document.querySelector<HTMLScriptElement>('script[type=module]')!.src)).toBe(
      `${platformUrl}/widget/vigie-feedback.js`,
    );
    expect((await page.request.get(`${site.pageUrl}widget/vigie-feedback.js`)).status()).toBe(404);
  });

  it('names its controls in French, shows the commitment in French, and loads nothing but the form before the first interaction', async () => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await openDemo();
    const widget = page.locator('vigie-feedback');
    await expect.poll(() => widget.getByText('Engagement FR0067').count()).toBe(1);
    await page.waitForTimeout(1500); // idle time: still nothing more may load
    expect(requested.filter((p) => p.startsWith('/widget/')).map((p) => p.replace(/-[\w-]+\.js$/, ''))).toEqual(
      expect.not.arrayContaining(['/widget/chunks/runtime']),
    );
    expect(requested.some((p) => p.startsWith('/v1/'))).toBe(false);
    expect(await widget.getByRole('radio', { name: 'Commenter' }).isChecked()).toBe(true);
    expect(await widget.getByRole('radio', { name: 'Signaler un manque de transparence' }).count()).toBe(1);
    expect(await widget.getByRole('textbox', { name: 'Pseudonyme (facultatif)' }).count()).toBe(1);
    expect(await widget.getByRole('button', { name: 'Envoyer' }).count()).toBe(1);
    await bodyField().focus();
    await expect.poll(() => requested.some((p) => /chunks\/runtime-/.test(p))).toBe(true);
    await expect
      .poll(() => widget.getByText("Porté par Ministère de l'Économie, des Finances et de la Relance").count())
      .toBe(1);
  });

  it('speaks English when lang="en"', async () => {
    await openDemo();
    await page.evaluate(() => document.querySelector('vigie-feedback')!.setAttribute('lang', 'en'));
    const widget = page.locator('vigie-feedback');
    await expect.poll(() => widget.getByRole('textbox', { name: 'Your contribution' }).count()).toBe(1);
    expect(await widget.getByRole('radio', { name: 'Report a transparency gap' }).count()).toBe(1);
    expect(await widget.getByRole('button', { name: 'Send' }).count()).toBe(1);
  });
});

describe('drafts', () => {
  it('keeps every keystroke across a reload', async () => {
    await openDemo();
    await bodyField().pressSequentially('Le calendrier des ateliers');
    await expect
      .poll(async () => (await events()).filter((e) => e.type === 'vigie-draft-saved').length)
      .toBeGreaterThan(0);
    await page.waitForTimeout(400); // the last debounce
    await page.reload();
    await page.locator('vigie-feedback').scrollIntoViewIfNeeded();
    await expect.poll(() => bodyField().inputValue()).toBe('Le calendrier des ateliers');
  });

  it('queues a contribution sent offline and delivers it once when the network returns', async () => {
    await openDemo();
    const text = `Hors ligne ${crypto.randomUUID()}`;
    await startWriting('Hors');
    await context.setOffline(true);
    await bodyField().fill(text);
    await page.locator('vigie-feedback').getByRole('button', { name: 'Envoyer' }).click();
    await expect.poll(() => status().textContent()).toContain('Pas de réseau');
    expect(await axeViolations()).toEqual([]);
    const queued = (await events()).find((e) => e.type === 'vigie-queued');
    expect(queued).toBeDefined();

    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => status().textContent(), { timeout: 15_000 }).toContain('reçue et publiée');
    expect((await events()).filter((e) => e.type === 'vigie-synced').map((e) => e.id)).toEqual([queued!.id]);

    const stored = await createVigieClient({ baseUrl: site.platform.url }).getContribution(queued!.id);
    expect(stored).toMatchObject({ body: text, source: 'widget', commitmentId: 'FR0067', status: 'published' });
    await expect.poll(() => page.locator('vigie-feedback').getByText(text).count()).toBe(1);
    expect(await axeViolations()).toEqual([]);
  });

  it('keeps the words when the network is gone before the drafts code arrives, and saves them when it returns', async () => {
    await openDemo();
    await context.setOffline(true);
    const text = `Écrit hors ligne ${crypto.randomUUID()}`;
    await bodyField().fill(text);
    await expect.poll(() => status().textContent()).toContain('ce module n’a pas fini de se charger');
    expect(await bodyField().inputValue()).toBe(text);
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect
      .poll(async () => (await events()).some((e) => e.type === 'vigie-draft-saved'), { timeout: 10_000 })
      .toBe(true);
    await page.reload();
    await page.locator('vigie-feedback').scrollIntoViewIfNeeded();
    await expect.poll(() => bodyField().inputValue()).toBe(text);
  });

  it('says in words why the platform refused a contribution, and keeps the text to send again', async () => {
    await openDemo();
    await page.evaluate(() => document.querySelector('vigie-feedback')!.setAttribute('campaign', 'campagne-inconnue'));
    const text = `Pour une campagne inconnue ${crypto.randomUUID()}`;
    await startWriting(text);
    await page.locator('vigie-feedback').getByRole('button', { name: 'Envoyer' }).click();
    await expect.poll(() => status().textContent(), { timeout: 15_000 }).toMatch(/^Refusée : .*campagne/);
    const queued = (await events()).find((e) => e.type === 'vigie-queued')!;
    expect((await events()).filter((e) => e.type === 'vigie-rejected').map((e) => e.id)).toEqual([queued.id]);
    expect(await axeViolations()).toEqual([]);
    await page.reload();
    await page.evaluate(() => document.querySelector('vigie-feedback')!.setAttribute('campaign', 'campagne-inconnue'));
    await page.locator('vigie-feedback').scrollIntoViewIfNeeded();
    await expect.poll(() => bodyField().inputValue()).toBe(text);
  });

  it('ties each error to its field and moves focus there', async () => {
    await openDemo();
    const widget = page.locator('vigie-feedback');
    await widget.getByRole('radio', { name: 'Signaler un manque de transparence' }).check();
    await bodyField().fill('Le lien vers les données est cassé.');
    await widget.getByRole('button', { name: 'Envoyer' }).click();
    const select = widget.getByRole('combobox', { name: 'Type de manque' });
    await expect.poll(() => select.getAttribute('aria-invalid')).toBe('true');
    expect(await select.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    const describedBy = (await select.getAttribute('aria-describedby'))!.split(' ');
    const errorText = await select.evaluate(
      (el, ids) => ids.map((id) => (el.getRootNode() as ShadowRoot).getElementById(id)?.textContent).join(' '),
      describedBy,
    );
    expect(errorText).toContain('Choisissez le type de manque.');
    expect(await status().textContent()).toContain('1 champ à corriger');
    expect(await axeViolations()).toEqual([]);
  });
});

describe('the platform’s own pages', () => {
  it('a contribution sent from the widget shows on its commitment’s page, reached by "Voir toutes les contributions"', async () => {
    await openDemo();
    const text = `Du widget à la page publique ${crypto.randomUUID()}`;
    const widget = page.locator('vigie-feedback');
    await startWriting(text);
    await widget.getByRole('textbox', { name: 'Pseudonyme (facultatif)' }).fill('Camille');
    await widget.getByRole('button', { name: 'Envoyer' }).click();
    await expect.poll(() => status().textContent(), { timeout: 15_000 }).toContain('reçue et publiée');
    await expect.poll(() => widget.getByText(text).count()).toBe(1);
    const link = widget.getByRole('link', { name: 'Voir toutes les contributions' });
    expect(await link.getAttribute('href')).toBe(`http://localhost:${site.platform.port}/engagements/FR0067`);
    await link.click();
    await page.waitForURL(`http://localhost:${site.platform.port}/engagements/FR0067`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'FR0067 — Rendre la commande publique plus transparente',
    );
    const card = page.locator('article').filter({ hasText: text });
    expect(await card.count()).toBe(1);
    expect(await card.locator('.vigie-meta').textContent()).toMatch(/^Par Camille · Publiée le /);
    expect(await card.getByRole('heading').textContent()).toBe('Commentaire');
  });

  it('"Partager" copies a contribution’s permanent address and says so', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.pageUrl).origin });
    const [item] = await createVigieClient({ baseUrl: site.platform.url }).submitBatch([
      aContribution({ body: `À partager ${crypto.randomUUID()}` }),
    ]);
    await openDemo();
    const widget = page.locator('vigie-feedback');
    await widget.getByRole('button', { name: 'Afficher les contributions publiées' }).click();
    const entry = widget.getByRole('listitem').filter({ hasText: item!.contribution!.body });
    await entry.getByRole('button', { name: 'Partager' }).click();
    await expect.poll(() => widget.getByText('Lien de la contribution copié.').count()).toBe(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`http://localhost:${site.platform.port}/c/${item!.id}`);
    expect(await axeViolations()).toEqual([]);
    const permanent = await page.request.get(copied);
    expect(permanent.status()).toBe(200);
    expect(await permanent.text()).toContain(item!.contribution!.body);
  });
});

describe('quote mode', () => {
  it('quotes a passage selected on the page, with W3C quote and position selectors', async () => {
    await openDemo();
    await startWriting('Quand ce tableau de bord sera-t-il publié ?');
    const passage = 'Un tableau de bord de suivi sera mis à disposition du public.';
    await page.evaluate((text) => {
      const paragraph = [...document.querySelectorAll('#commande-publique p')].find((p) =>
        p.textContent!.includes(text),
      )!;
      const node = paragraph.firstChild as Text;
      const start = node.data.indexOf(text);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + text.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    }, passage);
    const widget = page.locator('vigie-feedback');
    await widget.getByRole('button', { name: 'Citer le passage sélectionné' }).click();
    await expect.poll(() => widget.getByText(`Passage cité : « ${passage} »`).count()).toBe(1);
    await widget.getByRole('button', { name: 'Envoyer' }).click();
    await expect.poll(() => status().textContent(), { timeout: 15_000 }).toContain('reçue et publiée');
    const id = (await events()).find((e) => e.type === 'vigie-queued')!.id;
    const stored = await createVigieClient({ baseUrl: site.platform.url }).getContribution(id);
    const quote = stored.target.selectors.find((s) => s.type === 'TextQuoteSelector');
    expect(quote).toMatchObject({ exact: passage });
    expect(quote!.prefix!.length).toBeGreaterThan(0);
    expect(stored.target.selectors.some((s) => s.type === 'TextPositionSelector')).toBe(true);
  });
});

describe('accessibility', () => {
  it('axe finds nothing when empty, and works with the keyboard alone', async () => {
    await openDemo();
    await expect.poll(() => page.locator('vigie-feedback').getByText('Chargement…').count()).toBe(0);
    expect(await axeViolations()).toEqual([]);

    await page.locator('vigie-feedback').getByRole('radio', { name: 'Commenter' }).focus();
    await page.keyboard.press('ArrowDown'); // radio group: arrows move the choice
    expect(
      await page
        .locator('vigie-feedback')
        .getByRole('radio', { name: 'Signaler un manque de transparence' })
        .isChecked(),
    ).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // first gap type
    await page.keyboard.press('Tab'); // the quote button is disabled without a selection: skipped
    await page.keyboard.type('Aucun contact pour poser une question.');
    expect(await axeViolations()).toEqual([]);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Camille');
    await page.keyboard.press('Tab');
    const focusVisible = await page.evaluate(() => {
      const root = document.querySelector('vigie-feedback')!.shadowRoot!;
      const active = root.activeElement as HTMLElement;
      return { text: active.textContent?.trim(), outline: getComputedStyle(active).outlineStyle };
    });
    expect(focusVisible).toEqual({ text: 'Envoyer', outline: 'solid' });
    await page.keyboard.press('Enter');
    await expect.poll(() => status().textContent(), { timeout: 15_000 }).toContain('reçue et publiée');
  });
});

describe('platform data is rendered as text', () => {
  it('renders a corpus of XSS payloads inert', async () => {
    const payloads = [
      '<script>window.__xss = 1</script>',
      '<img src=x onerror="window.__xss = 2">',
      '<svg onload="window.__xss = 3"><circle r=1 /></svg>',
      '<a href="javascript:window.__xss = 4">cliquez</a>',
      '"><iframe srcdoc="<script>parent.__xss = 5</script>">',
      '${window.__xss = 6}',
      '<style>*{display:none}</style><b onmouseover=window.__xss=7>survol</b>',
      '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=8">',
    ];
    const client = createVigieClient({ baseUrl: site.platform.url });
    const items = payloads.map((body, i) =>
      aContribution({
        body,
        author: { pseudonym: payloads[(i + 1) % payloads.length]!.slice(0, 40) },
        target: { url: 'https://www.example.gouv.fr/gouvernement-ouvert/plan-2021-2023', title: 'x', selectors: [] },
        commitmentId: 'FR0067',
      }),
    );
    const results = await client.submitBatch(items);
    expect(results.every((r) => r.outcome === 'created')).toBe(true);

    await openDemo();
    const widget = page.locator('vigie-feedback');
    await widget.getByRole('button', { name: 'Afficher les contributions publiées' }).click();
    await expect.poll(() => widget.getByText(payloads[0]!, { exact: true }).count()).toBeGreaterThan(0);
    const list = await page.evaluate(() => {
      const root = document.querySelector('vigie-feedback')!.shadowRoot!;
      return {
        injected: root.querySelectorAll('ul script, ul img, ul svg, ul iframe, ul a, ul b, ul style, ul math').length,
        xss: (window as unknown as { __xss?: number }).__xss ?? null,
      };
    });
    expect(list).toEqual({ injected: 0, xss: null });
    for (const payload of payloads) expect(await widget.getByText(payload, { exact: true }).count()).toBeGreaterThan(0);
  });
});

describe('styles', () => {
  it('resists hostile page CSS and leaks nothing into the page', async () => {
    await openDemo();
    const before = await page.evaluate(() => getComputedStyle(document.querySelector('h2')!).color);
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(
        '* { color: rgb(255, 0, 255) !important; letter-spacing: 9px !important } button, textarea { display: none !important }',
      );
      document.adoptedStyleSheets = [sheet];
    });
    const inside = await page.evaluate(() => {
      const root = document.querySelector('vigie-feedback')!.shadowRoot!;
      const textarea = root.querySelector('textarea')!;
      return {
        textarea: getComputedStyle(textarea).display,
        button: getComputedStyle(root.querySelector('button[type=submit]')!).display,
        label: getComputedStyle(root.querySelector('label')!).color,
        spacing: getComputedStyle(root.querySelector('label')!).letterSpacing,
      };
    });
    expect(inside).toEqual({ textarea: 'block', button: 'inline-block', label: 'rgb(22, 22, 22)', spacing: 'normal' });
    await page.evaluate(() => (document.adoptedStyleSheets = []));
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('h2')!).color)).toBe(before);
  });

  it('follows the page’s DSFR dark theme', async () => {
    await openDemo();
    const background = () =>
      page.evaluate(
        () =>
          getComputedStyle(document.querySelector('vigie-feedback')!.shadowRoot!.querySelector('[part=base]')!)
            .backgroundColor,
      );
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.evaluate(() => document.documentElement.setAttribute('data-fr-theme', 'dark'));
    await expect.poll(background).toBe('rgb(22, 22, 22)');
    expect(await axeViolations()).toEqual([]);
  });
});

describe('two tabs of the same page', () => {
  it('send a queued contribution once, never concurrently', async () => {
    const posts: string[] = [];
    context.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/v1/contributions:batch')) posts.push(r.postData() ?? '');
    });
    await openDemo();
    const second = await context.newPage();
    await openDemo(second);
    // Both tabs run the drafts code, so both have a sync engine on the same database.
    await startWriting('Deux');
    await startWriting('Brouillon du second onglet', second);
    await context.setOffline(true);
    const text = `Deux onglets ${crypto.randomUUID()}`;
    await bodyField().fill(text);
    await page.locator('vigie-feedback').getByRole('button', { name: 'Envoyer' }).click();
    await expect.poll(() => status().textContent()).toContain('Pas de réseau');
    const id = (await events()).find((e) => e.type === 'vigie-queued')!.id;

    // Attempts made while offline never left the browser; count from the moment the network returns.
    posts.length = 0;
    await context.setOffline(false);
    await Promise.all([page, second].map((p) => p.evaluate(() => window.dispatchEvent(new Event('online')))));
    await expect.poll(() => status().textContent(), { timeout: 15_000 }).toContain('reçue et publiée');
    await second.waitForTimeout(1000);
    expect(posts.filter((body) => body.includes(id))).toHaveLength(1);
    const page1 = await createVigieClient({ baseUrl: site.platform.url }).listContributions({
      commitmentId: 'FR0067',
      limit: 100,
    });
    expect(page1.items.filter((c) => c.id === id)).toHaveLength(1);
  });
});

describe('size', () => {
  it('loads at most 20 KB gzip before the first interaction', () => {
    // The whole widget's size is printed by `npm run bench` beside its 60 KB budget.
    expect(site.sizes.firstLoad).toBeGreaterThan(0);
    expect(site.sizes.firstLoad).toBeLessThanOrEqual(20 * 1024);
  });
});
