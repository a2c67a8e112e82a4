import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { axeViolations, events, page, site, useWidgetDemo } from '../support/widget-e2e';

// The demo page with the widget in its floating mode (the demo site reads its page on each request).
useWidgetDemo();
beforeAll(() => {
  const file = path.join(site.siteDir, 'index.html');
  const page = readFileSync(file, 'utf8');
  expect(page).toContain(' quote-mode></vigie-feedback>');
  writeFileSync(file, page.replace(' quote-mode></vigie-feedback>', ' mode="floating"></vigie-feedback>'));
});

const widget = () => page.locator('vigie-feedback');
const launcher = () => widget().getByRole('button', { name: 'Donner mon avis' });
const dialog = () => widget().getByRole('dialog', { name: 'Votre avis sur cette page' });
/** Where the focus is, seen from inside the widget: the focused element's tag and whether it is in the dialog. */
const focus = () =>
  widget().evaluate((w) => {
    const active = w.shadowRoot?.activeElement;
    return { inDialog: !!active?.closest('dialog'), label: active?.getAttribute('part') ?? active?.tagName ?? null };
  });

it('is one button at the page’s edge, loading nothing but itself before it is used', async () => {
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
  await page.goto(site.pageUrl);
  await expect.poll(() => launcher().count()).toBe(1);
  expect(await dialog().count()).toBe(0);
  const box = await launcher().boundingBox();
  const viewport = page.viewportSize()!;
  // Fixed near the bottom-right corner, whatever the page's scroll.
  expect(viewport.width - (box!.x + box!.width)).toBeLessThan(40);
  expect(viewport.height - (box!.y + box!.height)).toBeLessThan(40);
  await page.mouse.wheel(0, 2000);
  await expect.poll(async () => (await launcher().boundingBox())?.y).toBe(box!.y);
  expect(scripts.some((s) => s.includes('runtime'))).toBe(false);
  expect(await axeViolations()).toEqual([]);
});

it('opens a labelled modal dialog holding the form: focus stays in it, Escape closes it and focus returns to the button', async () => {
  await page.goto(site.pageUrl);
  await launcher().click();
  await expect.poll(() => dialog().isVisible()).toBe(true);
  expect((await focus()).inDialog).toBe(true);
  expect(await dialog().getByRole('textbox', { name: 'Votre contribution' }).count()).toBe(1);
  expect(await axeViolations()).toEqual([]);

  // The page behind is inert: Tab and Shift+Tab go round the dialog's controls.
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    expect((await focus()).inDialog).toBe(true);
  }
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Shift+Tab');
    expect((await focus()).inDialog).toBe(true);
  }

  await page.keyboard.press('Escape');
  await expect.poll(() => dialog().count()).toBe(0);
  expect((await focus()).label).toBe('launcher');

  // "Fermer" does the same, and the form sends from the dialog like inline.
  await launcher().press('Enter');
  await expect.poll(() => dialog().isVisible()).toBe(true);
  const words = `Envoyé depuis la fenêtre ${crypto.randomUUID()}`;
  await dialog().getByRole('textbox', { name: 'Votre contribution' }).fill(words);
  await dialog().getByRole('button', { name: 'Envoyer' }).click();
  await expect
    .poll(async () => (await events()).some((e) => e.type === 'vigie-synced'), { timeout: 15_000 })
    .toBe(true);
  await dialog().getByRole('button', { name: 'Fermer' }).click();
  await expect.poll(() => dialog().count()).toBe(0);
  expect((await focus()).label).toBe('launcher');
});

it('fills a small screen, and does not move under prefers-reduced-motion', async () => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto(site.pageUrl);
  await launcher().click();
  await expect.poll(() => dialog().isVisible()).toBe(true);
  await expect.poll(() => dialog().boundingBox()).toEqual({ x: 0, y: 0, width: 360, height: 640 });
  expect(await dialog().evaluate((d) => getComputedStyle(d).animationName)).toBe('vigie-open');
  expect(await axeViolations()).toEqual([]);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.reload();
  await launcher().click();
  await expect.poll(() => dialog().isVisible()).toBe(true);
  expect(await dialog().evaluate((d) => getComputedStyle(d).animationName)).toBe('none');
});
