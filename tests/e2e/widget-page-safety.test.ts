import { describe, expect, it } from 'vitest';
import { createVigieClient } from '../../api-client/http';
import { aContribution } from '../support/contributions';
import { axeViolations, openDemo, page, site, status, useWidgetDemo } from '../support/widget-e2e';

useWidgetDemo();

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
