import { describe, expect, it } from 'vitest';
import { createVigieClient } from '../../api-client/http';
import { aContribution } from '../support/contributions';
import {
  axeViolations,
  bodyField,
  context,
  events,
  openDemo,
  page,
  site,
  startWriting,
  status,
  useWidgetDemo,
} from '../support/widget-e2e';

useWidgetDemo();

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
      .poll(() =>
        widget.getByText("Institution pilote : Ministère de l'Économie, des Finances et de la Relance").count(),
      )
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
    // Once in the published list (it is also in the citizen's own, "Mes contributions sur cette page").
    await expect.poll(() => page.locator('vigie-feedback').locator('[part=list]').getByText(text).count()).toBe(1);
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
    await expect.poll(() => widget.locator('[part=list]').getByText(text).count()).toBe(1);
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
        p.textContent.includes(text),
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

describe('two tabs of the same page', () => {
  it('send a queued contribution once, never concurrently', async () => {
    // Requests the platform answered: an attempt cut by the offline switch never reached it
    // (and raced the counter's reset when it was counted as it left).
    const posts: string[] = [];
    context.on('requestfinished', (r) => {
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

    // Count from the moment the network returns.
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
  it('loads at most 15 KB gzip before the first interaction', () => {
    // The whole widget's size is printed by `npx tsx tests/bench/widget-size.bench.ts` beside its 64 KB budget.
    expect(site.sizes.firstLoad).toBeGreaterThan(0);
    expect(site.sizes.firstLoad).toBeLessThanOrEqual(15 * 1024);
  });
});
