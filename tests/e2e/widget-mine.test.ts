import { beforeAll, describe, expect, it } from 'vitest';
import { createVigieClient, VigieHttpError } from '../../api-client/http';
import { administrationOf, moderatorOf, type Moderator } from '../support/moderator';
import {
  axeViolations,
  bodyField,
  events,
  openDemo,
  page,
  site,
  startWriting,
  status,
  useWidgetDemo,
} from '../support/widget-e2e';

// Under pre-moderation, as a government site would run it: what a citizen sent waits for a moderator.
useWidgetDemo({ VIGIE_MODERATION: 'pre' });

let moderator: Moderator;
beforeAll(async () => {
  moderator = await moderatorOf(site.platform);
});

const widget = () => page.locator('vigie-feedback');
const mineButton = () => widget().getByRole('button', { name: /^Mes contributions sur cette page/ });
const mineList = () => widget().locator('[part=mine]');
const published = () => widget().getByRole('region', { name: 'Contributions publiées' });

/** Writes, sends, waits until the platform has it; returns its id. */
async function sendContribution(text: string): Promise<string> {
  const before = (await events()).filter((e) => e.type === 'vigie-synced').length;
  await startWriting(text);
  await widget().getByRole('button', { name: 'Envoyer' }).click();
  await expect
    .poll(async () => (await events()).filter((e) => e.type === 'vigie-synced').length, { timeout: 15_000 })
    .toBe(before + 1);
  expect(await status().textContent()).toContain('elle sera publiée après relecture');
  return (await events()).filter((e) => e.type === 'vigie-synced').at(-1)!.id;
}

/** Opens the page again, as a citizen coming back would, and opens "Mes contributions sur cette page". */
async function comeBackAndLook(): Promise<void> {
  await openDemo();
  // The section is there without any interaction: this device sent something from this page.
  await expect.poll(() => mineButton().count(), { timeout: 15_000 }).toBe(1);
  expect(await mineButton().getAttribute('aria-expanded')).toBe('false');
  await mineButton().click();
  expect(await mineButton().getAttribute('aria-expanded')).toBe('true');
}

const entry = (text: string) => mineList().getByRole('listitem').filter({ hasText: text });

describe('"Mes contributions sur cette page"', () => {
  it('shows the citizen their own pending words, then what became of them: published with a reply and an answer, hidden', async () => {
    const text = `Le calendrier promis n'est pas en ligne ${crypto.randomUUID()}`;
    await openDemo();
    const id = await sendContribution(text);

    // Collapsed by default, behind a disclosure button; the pending contribution is there, marked so.
    await expect.poll(() => mineButton().textContent()).toContain('Mes contributions sur cette page (1)');
    expect(await mineButton().getAttribute('aria-expanded')).toBe('false');
    expect(await mineList().isVisible()).toBe(false);
    await mineButton().press('Enter');
    await expect.poll(() => entry(text).count()).toBe(1);
    expect(await entry(text).textContent()).toContain('En attente de relecture');
    expect(await axeViolations()).toEqual([]);

    // Nobody else reads a pending text: not by its id, not in the page's list, not without its secret.
    const client = createVigieClient({ baseUrl: site.platform.url });
    const read = await client.getContribution(id).catch((error: unknown) => error);
    expect(read).toBeInstanceOf(VigieHttpError);
    expect((read as VigieHttpError).status).toBe(404);
    const listed = await client.listContributions({ commitmentId: 'FR0067', limit: 100 });
    expect(listed.items.some((c) => c.id === id)).toBe(false);
    expect(await client.contributionStatuses([{ id, secret: 'x'.repeat(43) }])).toEqual([]);
    await expect.poll(() => published().getByText('Aucune contribution publiée pour le moment.').count()).toBe(1);
    expect(await published().getByText(text).count()).toBe(0); // in "Mes contributions" only

    await moderator.publish(id, 'Merci, le calendrier sera mis en ligne lundi.');
    // The demo page shows FR0067: the ministry leads it, so it answers what is filed there.
    const ministry = await administrationOf(site.platform, 'Ministère de l’Économie', ['--commitments', 'FR0067']);
    await ministry.answer(id, { body: 'Le calendrier sera publié le 1er mars.', status: 'in-progress' });
    await comeBackAndLook();
    await expect.poll(() => entry(text).textContent(), { timeout: 15_000 }).toContain('Publiée');
    expect(await entry(text).textContent()).toContain(
      'Réponse de la modération : Merci, le calendrier sera mis en ligne lundi.',
    );
    expect(await entry(text).locator('.answer strong').textContent()).toBe('Réponse de Ministère de l’Économie');
    expect(await entry(text).locator('.answer').textContent()).toContain('En cours de traitement');
    expect(await entry(text).locator('.answer-body').textContent()).toBe('Le calendrier sera publié le 1er mars.');
    expect(await axeViolations()).toEqual([]);

    await moderator.hide(id, 'personal-data');
    await comeBackAndLook();
    await expect
      .poll(() => entry(text).textContent(), { timeout: 15_000 })
      .toContain('Masquée par la modération (données personnelles)');
    expect(await axeViolations()).toEqual([]);
  });

  it('says a rejection with its reason, and withdraws a contribution with "Retirer" after saying the text will be erased', async () => {
    const refused = `Publicité ${crypto.randomUUID()}`;
    const kept = `À retirer plus tard ${crypto.randomUUID()}`;
    await openDemo();
    const refusedId = await sendContribution(refused);
    const keptId = await sendContribution(kept);
    await moderator.reject(refusedId, 'spam');
    await moderator.publish(keptId);

    await comeBackAndLook();
    expect(await mineButton().textContent()).toContain('(2)');
    await expect.poll(() => entry(refused).textContent(), { timeout: 15_000 }).toContain('Rejetée (spam)');
    await expect.poll(() => entry(kept).textContent()).toContain('Publiée');
    // A rejected contribution's text still sits on the platform: it can be withdrawn too.
    expect(await entry(refused).getByRole('button', { name: 'Retirer' }).count()).toBe(1);

    await entry(kept).getByRole('button', { name: 'Retirer' }).click();
    const confirm = entry(kept).getByRole('button', { name: 'Confirmer le retrait' });
    await expect.poll(() => confirm.evaluate((b) => b.matches(':focus'))).toBe(true);
    expect(await entry(kept).textContent()).toContain('Le texte sera effacé de la plateforme');
    expect(await axeViolations()).toEqual([]);
    await confirm.press('Enter');
    await expect.poll(() => widget().getByText('Contribution retirée').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => entry('Retirée').count()).toBe(1);
    // The words are gone from the platform, and from this device too.
    const client = createVigieClient({ baseUrl: site.platform.url });
    expect(await client.getContribution(keptId).catch((error: unknown) => (error as VigieHttpError).status)).toBe(404);
    expect(await widget().getByText(kept).count()).toBe(0);
    expect(await axeViolations()).toEqual([]);
  });

  it('remembers the pseudonym across a reload, in the form’s one field', async () => {
    await openDemo();
    const pseudonym = widget().getByRole('textbox', { name: 'Pseudonyme (facultatif)' });
    await pseudonym.fill('Camille');
    await sendContribution(`Un mot signé ${crypto.randomUUID()}`);
    // A new contribution, on the next visit: no draft to restore, the pseudonym is offered again.
    await page.reload();
    await bodyField().focus();
    await expect.poll(() => pseudonym.inputValue()).toBe('Camille');
    expect(await bodyField().inputValue()).toBe('');
  });
});
